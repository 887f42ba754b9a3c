"""Re-write the pages whose cross-page links changed although their sources did not.

Sphinx resolves ``:ref:`` links when it writes a page, and in an incremental
build it writes only the pages whose sources changed. A FAQ question moved to
another page, renamed or retitled would leave stale links (or stale link
texts) in the pages that refer to it, so an incremental build would differ
from a clean one.

:class:`PictureCollector` is the shared mechanism: a subclass describes, per
page, what of the *other* pages that page shows (its "picture"); the pictures
are taken before reading and after it, and every page whose picture changed
is written again (``env-get-updated``). :class:`RefTargetCollector` does this
for ``:ref:`` links; footnotes use it for citations cited across pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.addnodes import pending_xref
from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Where the ``:ref:`` targets of each page are kept on the environment.
REF_TARGETS = "explainer_ref_targets"


def per_page(env: BuildEnvironment, attribute: str) -> dict[str, Any]:
    """A per-page record kept on the environment (pickled with it)."""
    if not hasattr(env, attribute):
        setattr(env, attribute, {})
    return getattr(env, attribute)


class PictureCollector(EnvironmentCollector):
    """Re-write the pages whose picture of the other pages changed while reading.

    Subclasses set :attr:`attribute` (the per-page record they collect in
    :meth:`collect`) and implement :meth:`pictures`.
    """

    attribute: str

    def __init__(self) -> None:
        #: The pictures taken before reading; they live for one build only.
        self.pictures_before: dict[str, Any] = {}

    def collect(self, app: Sphinx, doctree: nodes.document) -> Any:
        """What this page contributes to the record, or None for nothing."""
        raise NotImplementedError

    def pictures(self, env: BuildEnvironment) -> dict[str, Any]:
        """For each page, a comparable picture of what it shows of other pages."""
        raise NotImplementedError

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        per_page(env, self.attribute).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        mine, theirs = per_page(env, self.attribute), per_page(other, self.attribute)
        mine.update((docname, theirs[docname]) for docname in docnames if docname in theirs)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        record = self.collect(app, doctree)
        if record:
            per_page(app.env, self.attribute)[app.env.docname] = record

    def get_outdated_docs(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        self.pictures_before = self.pictures(env)
        return []

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        before, self.pictures_before = self.pictures_before, {}
        after = self.pictures(env)
        return sorted(docname for docname, picture in after.items() if before.get(docname) != picture)


class RefTargetCollector(PictureCollector):
    """Re-write the pages that link with ``:ref:`` to a label that moved or changed title."""

    attribute = REF_TARGETS

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

    def pictures(self, env: BuildEnvironment) -> dict[str, Any]:
        std = env.get_domain("std")
        return {
            docname: tuple((name, std.labels.get(name), std.anonlabels.get(name)) for name in targets)
            for docname, targets in per_page(env, self.attribute).items()
        }


def setup_crossrefs(app: Sphinx) -> None:
    app.add_env_collector(RefTargetCollector)
