"""The ``explainer`` domain: the one home of the data that crosses pages.

Everything a page needs to know about *other* pages is kept here, keyed by
the docname that contributed it, so that Sphinx purges it when a page is
read again (:meth:`ExplainerDomain.clear_doc`) and merges it from parallel
readers (:meth:`ExplainerDomain.merge_domaindata`). A reviewer auditing
parallel and incremental safety reads this file; no other module keeps
cross-page state.

Stores (``domain.data[<store>][docname]``):

``pages``
    A :class:`PageRecord` for every page: its title and fields (date,
    updated, author, tags), word count, TL;DR, objectives and FAQ
    questions, all as plain text. A page is an *article* when it has a
    ``:date:`` field; other pages' records hold only their title, TL;DR and
    questions. Collected on ``doctree-read``.
``citation_references``
    The citation references of each page, in page order: label, reference
    id, and the ``only``/``ifconfig`` conditions the reference sits under
    (:mod:`sphinx_explainer.footnotes`); sphinxcontrib-bibtex's references
    are kept under the label ``cite:<keys>``.
``ref_targets``
    The ``:ref:`` targets each page links to (:mod:`sphinx_explainer.crossrefs`).
``lists``
    The ``explainers`` and ``faq-index`` lists each page shows, as
    :class:`ListSpec` tuples (:mod:`sphinx_explainer.lists`).

Besides these, ``data["citing_places"]`` holds the places citing each
citation, worked out once per build when reading is done; it is derived
from ``citation_references`` and never merged. ``data["site_tree"]`` holds
the site's navigation tree (:mod:`sphinx_explainer.navigation`), derived the
same way from Sphinx's toctrees and the page titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.domains import Domain

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.environment import BuildEnvironment

DOMAIN_NAME = "explainer"
PAGES = "pages"
CITATION_REFERENCES = "citation_references"
REF_TARGETS = "ref_targets"
LISTS = "lists"
CITING_PLACES = "citing_places"
SITE_TREE = "site_tree"
#: The stores kept per page, purged and merged with it.
PER_PAGE_STORES = (PAGES, CITATION_REFERENCES, REF_TARGETS, LISTS)


class Question(NamedTuple):
    """A FAQ question of a page: its anchor, question and answer as plain text."""

    anchor: str
    question: str
    answer: str


class PageRecord(NamedTuple):
    """What the site features know of one page, all plain text."""

    title: str = ""
    #: The ``:date:`` field as written, and as ISO ``YYYY-MM-DD`` when it is one.
    date_text: str = ""
    date: str = ""
    updated: str = ""
    author: str = ""
    tags: tuple[str, ...] = ()
    words: int = 0
    tldr: str = ""
    objectives: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()

    @property
    def is_article(self) -> bool:
        """A page with a ``:date:`` field is an article."""
        return bool(self.date_text)


class ListSpec(NamedTuple):
    """One ``explainers`` or ``faq-index`` list of a page: what it selects."""

    kind: str
    #: The tags asked for, as their page names (``records.tag_slug``); empty for all.
    tags: tuple[str, ...] = ()
    #: The most entries shown; 0 for all.
    limit: int = 0


class ExplainerDomain(Domain):
    """Cross-page data of the explainer features (no roles or directives of its own)."""

    name = DOMAIN_NAME
    label = "Explainer"
    data_version = 2
    initial_data: dict[str, Any] = {  # noqa: RUF012 - Sphinx deep-copies it per environment
        PAGES: {},
        CITATION_REFERENCES: {},
        REF_TARGETS: {},
        LISTS: {},
        CITING_PLACES: None,
        SITE_TREE: None,
    }

    def store(self, name: str) -> dict[str, Any]:
        """One per-page store: ``{docname: record}``."""
        return self.data[name]

    @property
    def pages(self) -> dict[str, PageRecord]:
        return self.data[PAGES]

    def articles(self) -> dict[str, PageRecord]:
        """The pages that are articles (they have a ``:date:``), by docname."""
        return {docname: page for docname, page in self.pages.items() if page.is_article}

    def clear_doc(self, docname: str) -> None:
        for store in PER_PAGE_STORES:
            self.data[store].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for store in PER_PAGE_STORES:
            mine, theirs = self.data[store], otherdata[store]
            mine.update((docname, theirs[docname]) for docname in docnames if docname in theirs)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def explainer_domain(env: BuildEnvironment) -> ExplainerDomain:
    """The environment's ``explainer`` domain."""
    return env.get_domain(DOMAIN_NAME)  # type: ignore[return-value]
