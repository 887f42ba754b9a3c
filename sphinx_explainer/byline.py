"""The article theme's byline: author, date, update, reading time and tags, as a doctree node.

An HTML-only post-transform puts an ``explainer_byline`` node right after
the title of each page (of each document, in ``singlehtml``) when the page
is written with the ``sphinx_explainer`` theme, so the byline is part of the
body: a template that overrides ``{% block body %}`` (ablog's ``page.html``)
keeps it. The node becomes::

    <p class="explainer-byline headerlink no-search">
      <span class="explainer-author">Ada Keeper</span>
      <time datetime="2026-05-21">May 21, 2026</time>
      <span class="explainer-updated">Updated <time datetime="…">…</time></span>
      <span class="explainer-reading-time">7 min read</span>
      <span class="explainer-tags"><a href="tags/ai.html" rel="tag">AI</a>…</span>
    </p>

``headerlink`` keeps it out of the excerpts of Sphinx's search results
(``searchtools.js``'s ``htmlToText`` removes ``.headerlink`` elements from
the page it quotes), ``no-search`` out of the search index (Sphinx 8.2+).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_explainer._i18n import _
from sphinx_explainer.domain import explainer_domain
from sphinx_explainer.page_context import (
    THEME_MARKER,
    WORDS_PER_MINUTE,
    count_words,
    format_page_date,
    metadata_author,
    reading_minutes,
)
from sphinx_explainer.records import field_tags, tag_slug

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Where the reading time shows (theme option ``reading_time``).
READING_TIME_PLACES = ("articles", "all", "none")


class explainer_byline(nodes.General, nodes.Element):  # noqa: N801
    """The byline of a page; its parts are attributes, written by :func:`visit_explainer_byline`."""


def _date_pair(value: object, language: str | None) -> tuple[str, str]:
    text = " ".join(str(value or "").split())
    return format_page_date(text, language) if text else ("", "")


def _shows_reading_time(option: object, is_article: bool) -> bool:
    place = str(option or "articles").strip().lower()
    return place == "all" or (place not in READING_TIME_PLACES[1:] and is_article)


class BylineTransform(SphinxPostTransform):
    """Insert the byline after the title of each document written with the article theme."""

    default_priority = 400
    formats: ClassVar[tuple[str, ...]] = ("html",)

    def run(self, **kwargs: Any) -> None:
        theme = getattr(self.app.builder, "globalcontext", {})
        if THEME_MARKER not in theme:
            return
        for docname, holder in self._documents():
            byline = self.byline(docname, theme, holder)
            title = self._title(holder)
            if byline is not None and title is not None:
                title.parent.insert(title.parent.index(title) + 1, byline)

    def _documents(self) -> list[tuple[str, nodes.Element]]:
        documents: list[tuple[str, nodes.Element]] = [(self.env.docname, self.document)]
        documents += [
            (node["docname"], node) for node in self.document.findall(addnodes.start_of_file)
        ]
        return documents

    def _words(self, docname: str, holder: nodes.Element) -> int:
        """An article's words were counted when it was read; other pages' are counted now."""
        record = explainer_domain(self.env).pages.get(docname)
        if record is not None and record.is_article:
            return record.words
        return count_words(holder)

    @staticmethod
    def _title(holder: nodes.Element) -> nodes.title | None:
        section = next(
            (child for child in holder.children if isinstance(child, nodes.section)), None
        )
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return None
        return section[0]

    def byline(
        self, docname: str, theme: dict[str, Any], holder: nodes.Element
    ) -> explainer_byline | None:
        """The byline of ``docname``, or None when it would be empty."""
        meta = self.env.metadata.get(docname, {})
        language = self.config.language
        date, date_iso = _date_pair(meta.get("date"), language)
        updated, updated_iso = _date_pair(meta.get("updated"), language)
        minutes = 0
        if _shows_reading_time(theme.get("theme_reading_time"), bool(date)):
            words = self._words(docname, holder)
            if words:
                minutes = reading_minutes(
                    words, theme.get("theme_words_per_minute", WORDS_PER_MINUTE)
                )
        tags = [(tag, self._tag_uri(docname, tag)) for tag in field_tags(meta.get("tags"))]
        author = metadata_author(meta)
        if not (author or date or updated or minutes or tags):
            return None
        return explainer_byline(
            "",
            classes=["explainer-byline", "headerlink", "no-search"],
            author=author,
            date=date,
            date_iso=date_iso,
            updated=updated,
            updated_iso=updated_iso,
            minutes=minutes,
            tags=tags,
        )

    def _tag_uri(self, docname: str, tag: str) -> str:
        if not getattr(self.config, "explainer_tag_pages", False):
            return ""
        return self.app.builder.get_relative_uri(docname, "tags/" + tag_slug(tag))


def _time(translator: HTML5Translator, text: str, iso: str) -> str:
    if not iso:
        return translator.encode(text)
    return (
        translator.starttag(nodes.Element(), "time", "", datetime=iso)
        + translator.encode(text)
        + "</time>"
    )


def _span(translator: HTML5Translator, css_class: str, inner: str) -> str:
    return translator.starttag(nodes.Element(), "span", "", CLASS=css_class) + inner + "</span>"


def visit_explainer_byline(translator: HTML5Translator, node: explainer_byline) -> None:
    parts = []
    if node["author"]:
        parts.append(_span(translator, "explainer-author", translator.encode(node["author"])))
    if node["date"]:
        parts.append(
            _span(translator, "explainer-date", _time(translator, node["date"], node["date_iso"]))
        )
    if node["updated"]:
        before, _sep, after = _("Updated %(date)s").partition("%(date)s")
        time = _time(translator, node["updated"], node["updated_iso"])
        inner = translator.encode(before) + time + translator.encode(after)
        parts.append(_span(translator, "explainer-updated", inner))
    if node["minutes"]:
        minutes = _("%(minutes)s min read") % {"minutes": node["minutes"]}
        parts.append(_span(translator, "explainer-reading-time", translator.encode(minutes)))
    if node["tags"]:
        links = [_tag(translator, tag, uri) for tag, uri in node["tags"]]
        parts.append(
            translator.starttag(nodes.Element(), "span", "", CLASS="explainer-tags")
            + " ".join(links)
            + "</span>"
        )
    translator.body.append(translator.starttag(node, "p") + "".join(parts) + "</p>\n")
    raise nodes.SkipNode


def _tag(translator: HTML5Translator, tag: str, uri: str) -> str:
    if not uri:
        return _span(translator, "explainer-tag", translator.encode(tag))
    return (
        translator.starttag(nodes.Element(), "a", "", CLASS="explainer-tag", href=uri, rel="tag")
        + translator.encode(tag)
        + "</a>"
    )


def skip_node(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_byline(app: Sphinx) -> None:
    app.add_node(
        explainer_byline,
        html=(visit_explainer_byline, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_post_transform(BylineTransform)
