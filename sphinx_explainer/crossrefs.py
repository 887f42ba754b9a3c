"""Re-write the pages whose cross-page links changed although their sources did not.

Sphinx resolves ``:ref:`` links when it writes a page, and in an incremental
build it writes only the pages whose sources changed. A FAQ question moved to
another page, renamed or retitled would leave stale links (or stale link
texts) in the pages that refer to it, so an incremental build would differ
from a clean one.

:class:`CrossPageSnapshotCollector` is the shared mechanism: a subclass
describes, per page, a snapshot of the resolved cross-page targets that page
shows (what the links it holds lead to, what it says of other pages); the
snapshots are taken before reading and after it, and every page whose
snapshot changed is written again (``env-get-updated``).
:class:`RefTargetCollector` does this for ``:ref:`` links,
:class:`NeighbourCollector` for the previous, next and parent pages that
themes link to (a reordered toctree or a removed page changes them for pages
whose sources did not change); footnotes use it for citations cited across
pages, and the lists of :mod:`sphinx_explainer.lists` for the articles
they show. The records themselves live in the
``explainer`` domain (:mod:`sphinx_explainer.domain`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.addnodes import pending_xref
from sphinx.environment.collectors import EnvironmentCollector

from sphinx_explainer.domain import REF_TARGETS, explainer_domain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class CrossPageSnapshotCollector(EnvironmentCollector):
    """Re-write the pages whose snapshot of resolved cross-page targets changed.

    Subclasses set :attr:`store` (the domain store of the per-page record
    they collect in :meth:`collect`) and implement :meth:`snapshots`.
    """

    store: str

    def __init__(self) -> None:
        #: The snapshots taken before reading; they live for one build only.
        self.snapshots_before: dict[str, Any] = {}

    def collect(self, app: Sphinx, doctree: nodes.document) -> Any:
        """What this page contributes to the record, or None for nothing."""
        raise NotImplementedError

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        """For each page, a comparable snapshot of the cross-page targets it shows."""
        raise NotImplementedError

    # The explainer domain purges and merges the records with their pages.
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        pass

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        pass

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        record = self.collect(app, doctree)
        if record:
            explainer_domain(app.env).store(self.store)[app.env.docname] = record

    def get_outdated_docs(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        self.snapshots_before = self.snapshots(env)
        return []

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        before, self.snapshots_before = self.snapshots_before, {}
        after = self.snapshots(env)
        return sorted(docname for docname, shown in after.items() if before.get(docname) != shown)


class RefTargetCollector(CrossPageSnapshotCollector):
    """Re-write the pages that link with ``:ref:`` to a label that moved or changed title."""

    store = REF_TARGETS

    def collect(self, app: Sphinx, doctree: nodes.document) -> tuple[str, ...]:
        return tuple(
            sorted(
                {
                    node["reftarget"]
                    for node in doctree.findall(pending_xref)
                    if node.get("refdomain") == "std" and node.get("reftype") in {"ref", "numref"}
                }
            )
        )

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        std = env.get_domain("std")
        targets_by_page = explainer_domain(env).store(self.store)
        return {
            docname: tuple((name, std.labels.get(name), std.anonlabels.get(name)) for name in names)
            for docname, names in targets_by_page.items()
        }


class NeighbourCollector(CrossPageSnapshotCollector):
    """Re-write the pages whose parent, previous or next page (or its title) changed.

    Themes link every page to these (``<link rel="next">``, previous/next
    links), from the relations Sphinx works out from the toctrees; Sphinx
    itself writes again only the pages whose sources changed.
    """

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        # Nothing to record: the relations come from Sphinx's own toctree data.
        pass

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        def shown(docname: str | None) -> tuple[str, str] | None:
            if docname is None:
                return None
            title = env.titles.get(docname)
            return docname, title.pformat() if title is not None else ""

        return {
            docname: tuple(shown(related) for related in relations)
            for docname, relations in env.collect_relations().items()
        }


def setup_crossrefs(app: Sphinx) -> None:
    app.add_env_collector(RefTargetCollector)
    app.add_env_collector(NeighbourCollector)
