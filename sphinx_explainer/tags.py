"""Tag pages: ``tags/<slug>.html`` per tag of the articles, and ``tags/index.html``.

With ``explainer_tag_pages = True``, the HTML builder writes one page per tag
(its articles as the ``explainers`` list shows them) and an index of the
tags with their counts, on ``html-collect-pages``. Each page is a small
doctree rendered by the builder's own writer (so cards look as in the
lists) and written through the theme's ``page.html``, which every theme has.
They are made afresh from the ``explainer`` domain in every build, so an
incremental build writes the same pages as a clean one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_explainer._i18n import _
from sphinx_explainer.collection import Tag, is_site_builder, project_tags
from sphinx_explainer.lists import EXPLAINERS, explainer_list_pending

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

TAGS_DIR = "tags"
TAG_INDEX = f"{TAGS_DIR}/index"


def tag_pagename(slug: str) -> str:
    """The page name of a tag's page: ``tags/<slug>``."""
    return f"{TAGS_DIR}/{slug}"


def _section(title: str, section_id: str, *body: nodes.Node) -> nodes.section:
    section = nodes.section("", nodes.title(title, title), *body, ids=[section_id])
    return section


def tag_page_body(app: Sphinx, tag: Tag) -> tuple[str, nodes.section]:
    """The title and doctree of a tag's page: its articles, newest first, as cards."""
    pagename = tag_pagename(tag.slug)
    title = _("Tag: %(tag)s") % {"tag": tag.name}
    cards = explainer_list_pending(
        kind=EXPLAINERS,
        tags=[tag.slug],
        tag_names=[tag.name],
        limit=0,
        classes=[],
        docname=pagename,
    )
    return title, _section(title, "explainer-tag", cards)


def tag_index_body(app: Sphinx, tags: list[Tag]) -> tuple[str, nodes.section]:
    """The title and doctree of the index of tags: each linked, with its count."""
    listing = nodes.bullet_list(classes=["explainer-tag-index"])
    for tag in tags:
        paragraph = nodes.paragraph()
        uri = app.builder.get_relative_uri(TAG_INDEX, tag_pagename(tag.slug))
        paragraph += nodes.reference(tag.name, tag.name, internal=True, refuri=uri)
        count = f" ({len(tag.docnames)})"
        paragraph += nodes.inline(count, count, classes=["explainer-tag-count"])
        listing += nodes.list_item("", paragraph)
    title = _("Tags")
    return title, _section(title, "explainer-tags", *([listing] if tags else []))


def collect_tag_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, object], str]]:
    """``html-collect-pages``: the tag pages, through the theme's ``page.html``."""
    if not app.config.explainer_tag_pages or not is_site_builder(app.builder):
        return
    tags = project_tags(app.env)
    pages = [(TAG_INDEX, tag_index_body(app, tags))]
    pages += [(tag_pagename(tag.slug), tag_page_body(app, tag)) for tag in tags]
    for pagename, (title, section) in pages:
        body = app.builder.render_partial(section)["fragment"]  # type: ignore[attr-defined]
        yield pagename, {"title": title, "body": body}, "page.html"


def setup_tags(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_tag_pages)
