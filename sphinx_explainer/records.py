"""A :class:`~sphinx_explainer.domain.PageRecord` of every page, kept in the domain.

On ``doctree-read`` (after Sphinx has collected the page's title and
fields), each page's title, TL;DR and FAQ questions, and for an article its
fields, word count and objectives too, are taken as plain text from its
doctree and stored in the ``explainer`` domain, where the site features and
the article theme's byline read them.

Before that, while the page's fields are still in its doctree, a ``:date:``
or ``:updated:`` that is not exactly an ISO date is warned about, and so is
an article without a title (:func:`check_article_fields`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_explainer.domain import PageRecord, Question, explainer_domain
from sphinx_explainer.faq import (
    answer_text,
    explainer_faq_answer,
    explainer_faq_item,
    explainer_faq_question,
)
from sphinx_explainer.learn import explainer_learn
from sphinx_explainer.page_context import count_words, iso_date, metadata_author
from sphinx_explainer.plaintext import plain_text
from sphinx_explainer.shared import warn
from sphinx_explainer.tldr import explainer_tldr

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def tag_slug(tag: str) -> str:
    """The file name stem of a tag's page (``tags/<slug>.html``): ASCII, stable.

    Tags in scripts that ``make_id`` cannot spell (CJK, say) get a stem made
    from their UTF-8 bytes, so that every tag has a page of its own.
    """
    return nodes.make_id(tag) or "tag-" + tag.encode("utf-8").hex()[:24]


def field_tags(value: object) -> tuple[str, ...]:
    """The tags of a ``:tags:`` field: comma-separated, stripped, each once, in order."""
    if isinstance(value, list | tuple):
        value = ",".join(str(item) for item in value)
    tags = (" ".join(tag.split()) for tag in str(value or "").split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _questions(doctree: nodes.document) -> tuple[Question, ...]:
    questions = []
    for item in doctree.findall(explainer_faq_item):
        question = next((c for c in item.children if isinstance(c, explainer_faq_question)), None)
        answer = next((c for c in item.children if isinstance(c, explainer_faq_answer)), None)
        if question is None or not item["ids"]:
            continue
        text = answer_text(answer, " ") if answer is not None else ""
        questions.append(Question(item["ids"][0], plain_text(question, " "), text))
    return tuple(questions)


def _objectives(doctree: nodes.document) -> tuple[str, ...]:
    block = next(iter(doctree.findall(explainer_learn)), None)
    if block is None:
        return ()
    items = (plain_text(item, " ") for item in block.findall(nodes.list_item))
    return tuple(item for item in items if item)


def page_record(app: Sphinx, doctree: nodes.document) -> PageRecord:
    """The record of the page just read."""
    env = app.env
    meta: dict[str, Any] = env.metadata.get(env.docname, {})
    title = env.titles.get(env.docname)
    date_text = " ".join(str(meta.get("date", "")).split())
    tldr = next(iter(doctree.findall(explainer_tldr)), None)
    record = PageRecord(
        title=plain_text(title, " ") if title is not None and _has_title(doctree) else "",
        tldr=plain_text(tldr, " ") if tldr is not None else "",
        questions=_questions(doctree),
    )
    if not date_text:
        # Not an article: the site features read only its title, TL;DR and questions.
        return record
    return record._replace(
        date_text=date_text,
        date=iso_date(date_text),
        updated=iso_date(" ".join(str(meta.get("updated", "")).split())),
        author=metadata_author(meta),
        tags=field_tags(meta.get("tags")),
        words=count_words(doctree),
        objectives=_objectives(doctree),
    )


def note_page_record(app: Sphinx, doctree: nodes.document) -> None:
    explainer_domain(app.env).pages[app.env.docname] = page_record(app, doctree)


def _date_fields(doctree: nodes.document) -> dict[str, nodes.Element]:
    """The ``:date:`` and ``:updated:`` fields of the page's docinfo, by name."""
    docinfo = next(iter(doctree.findall(nodes.docinfo)), None)
    found: dict[str, nodes.Element] = {}
    for field in docinfo.children if docinfo is not None else ():
        if isinstance(field, nodes.date):
            found["date"] = field
        elif isinstance(field, nodes.field) and field[0].astext() in {"date", "updated"}:
            found[field[0].astext()] = field
    return found


def _has_title(doctree: nodes.document) -> bool:
    section = next(iter(doctree.findall(nodes.section)), None)
    return section is not None and any(isinstance(c, nodes.title) for c in section.children)


def _field_location(app: Sphinx, name: str, field: nodes.Element) -> tuple[str, int]:
    """``(docname, line)`` of a field.

    docutils turns ``:date:`` into a ``date`` node without a line, so the
    line is looked up in the source: the first that starts with the field.
    """
    docname = app.env.docname
    if field.line:
        return docname, field.line
    source = Path(app.env.doc2path(docname))
    lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
    starts = (f":{name}:", f"{name}:")
    line = next((n for n, text in enumerate(lines, 1) if text.lstrip().startswith(starts)), 1)
    return docname, line


def check_article_fields(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about an article's date that is not ISO, and about an article without title."""
    fields = _date_fields(doctree)
    for name, field in fields.items():
        text = " ".join((field[-1] if isinstance(field, nodes.field) else field).astext().split())
        if text and not iso_date(text):
            effect = (
                "the page is listed after the dated articles and left out of the feed"
                if name == "date"
                else "it is not used as the page's date of change"
            )
            warn(
                f"The ':{name}:' field '{text}' is not an ISO date, so {effect}. Write it "
                f"as YYYY-MM-DD, e.g. ':{name}: 2026-05-21'.",
                _field_location(app, name, field),
                "article",
            )
    if "date" in fields and not _has_title(doctree):
        warn(
            f"The article '{app.env.docname}' has a ':date:' but no title, so lists and the "
            "feed show its file name. Give it a title: a heading at the top of the page.",
            _field_location(app, "date", fields["date"]),
            "article",
        )


def setup_records(app: Sphinx) -> None:
    # While the docinfo is still in the doctree (Sphinx's collector removes it at 500).
    app.connect("doctree-read", check_article_fields, priority=400)
    # After Sphinx's own collectors (priority 500) have stored the title and fields.
    app.connect("doctree-read", note_page_record, priority=800)
