"""The project's articles as a collection: which to show, in which order, at which address.

Pure queries over the ``explainer`` domain (:mod:`sphinx_explainer.domain`),
shared by the lists (:mod:`sphinx_explainer.lists`), the tag pages, the feed
and ``llms.txt``, so that each shows the same articles in the same order.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, NamedTuple

from sphinx_explainer.domain import explainer_domain
from sphinx_explainer.footnotes import reading_order
from sphinx_explainer.records import tag_slug

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_explainer.domain import PageRecord

#: The builders that write a whole site (tag pages, feed, ``llms.txt``):
#: one page per document. singlehtml and epub write one book instead.
SITE_BUILDERS = frozenset({"html", "dirhtml"})


class Tag(NamedTuple):
    """A tag of the project: its page name, its text as first met, its articles newest first."""

    slug: str
    name: str
    docnames: tuple[str, ...]


def is_site_builder(builder: Builder) -> bool:
    """Whether ``builder`` writes the site outputs (tag pages, feed, ``llms.txt``)."""
    return builder.name in SITE_BUILDERS


def carries_tag(page: PageRecord, slugs: Iterable[str]) -> bool:
    """Whether ``page`` has one of the tags whose page names are ``slugs``."""
    wanted = set(slugs)
    return any(tag_slug(tag) in wanted for tag in page.tags)


def newest_first(env: BuildEnvironment, slugs: Iterable[str] = ()) -> list[tuple[str, PageRecord]]:
    """``(docname, record)`` of the articles, newest first, then by title.

    With ``slugs`` (tag page names), only the articles carrying one of those
    tags. Articles whose ``:date:`` is not ISO come last, by title.
    """
    wanted = tuple(slugs)
    chosen = [
        (docname, page)
        for docname, page in explainer_domain(env).articles().items()
        if not wanted or carries_tag(page, wanted)
    ]
    chosen.sort(key=lambda item: (item[1].title.casefold(), item[1].title, item[0]))
    chosen.sort(key=lambda item: item[1].date, reverse=True)
    return chosen


def project_tags(env: BuildEnvironment) -> list[Tag]:
    """Every tag of the project's articles, by page name; each with its articles' docnames."""
    names: dict[str, str] = {}
    docnames: dict[str, list[str]] = {}
    for docname, page in newest_first(env):
        for tag in page.tags:
            slug = tag_slug(tag)
            names.setdefault(slug, tag)
            docnames.setdefault(slug, []).append(docname)
    return [Tag(slug, names[slug], tuple(docnames[slug])) for slug in sorted(names)]


def pages_with_questions(
    env: BuildEnvironment, slugs: Iterable[str] = ()
) -> list[tuple[str, PageRecord]]:
    """``(docname, record)`` of the pages with FAQ questions, in the toctree's order.

    With ``slugs``, only the pages carrying one of those tags.
    """
    pages = explainer_domain(env).pages
    wanted = tuple(slugs)
    return [
        (docname, pages[docname])
        for docname in reading_order(env)
        if docname in pages
        and pages[docname].questions
        and (not wanted or carries_tag(pages[docname], wanted))
    ]


def page_url(app: Sphinx, pagename: str) -> str:
    """The absolute address of a page under ``html_baseurl`` ("" without it)."""
    base = app.config.html_baseurl
    if not base:
        return ""
    return posixpath.join(base.rstrip("/") + "/", app.builder.get_target_uri(pagename))


def root_url(app: Sphinx, filename: str) -> str:
    """The absolute address of a file at the output root ("" without ``html_baseurl``)."""
    base = app.config.html_baseurl
    return base.rstrip("/") + "/" + filename if base else ""
