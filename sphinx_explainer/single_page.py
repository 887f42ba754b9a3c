"""Unique ids on the one page that ``singlehtml`` writes.

Sphinx's singlehtml builder joins every page into one without renaming
docutils' automatic ids (``id1``, ``id2``...), which each page numbers from 1
(Sphinx itself notes the "refid confliction in singlehtml mode"): two pages'
footnote references both become ``id1``, and a back link, a footnote link or
a block's ``aria-labelledby`` finds the first one on the page.
:class:`ScopeAutomaticIds` renames the automatic ids of each page joined into
the root page to ``<page>--<id>`` (``make_id`` never writes ``--``), and
rewrites the links within that page to match; :func:`scoped_id` gives the
same name to the links that cross pages (citation back links). Named ids
(labels, FAQ anchors) are unique already and stay as they are, and so do the
ids of sections, which Sphinx's table of contents on the single page links to
as they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.addnodes import start_of_file
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: The ids docutils makes for nodes without a name of their own.
AUTOMATIC_ID = re.compile(r"id\d+")
SINGLE_PAGE_BUILDER = "singlehtml"


def scoped_id(docname: str, node_id: str) -> str:
    """``node_id`` as it is named on the single page, for a node of page ``docname``."""
    if not AUTOMATIC_ID.fullmatch(node_id):
        return node_id
    return f"{nodes.make_id(docname) or 'page'}--{node_id}"


def own_elements(node: nodes.Element) -> Iterator[nodes.Element]:
    """The elements of one joined page, without those of the pages joined into it."""
    for child in node.children:
        if isinstance(child, nodes.Element) and not isinstance(child, start_of_file):
            yield child
            yield from own_elements(child)


def scope_page(page: start_of_file) -> None:
    """Rename the automatic ids of one joined page, and the links to them in it."""
    docname = page["docname"]
    elements = list(own_elements(page))
    renamed: dict[str, str] = {}
    for element in elements:
        if isinstance(element, nodes.section):
            continue
        scoped = [scoped_id(docname, node_id) for node_id in element["ids"]]
        renamed.update((old, new) for old, new in zip(element["ids"], scoped, strict=True) if old != new)
        element["ids"] = scoped
    for element in elements:
        if element.get("refid") in renamed:
            element["refid"] = renamed[element["refid"]]
        if element.get("backrefs"):
            element["backrefs"] = [renamed.get(refid, refid) for refid in element["backrefs"]]


class ScopeAutomaticIds(SphinxPostTransform):
    """Give each page joined into the single page automatic ids of its own."""

    # After the references are resolved (10); before the FAQ (200) and the
    # back links (300), which read the ids.
    default_priority = 20
    builders = (SINGLE_PAGE_BUILDER,)

    def run(self, **kwargs: Any) -> None:
        for page in self.document.findall(start_of_file):
            scope_page(page)


def setup_single_page(app: Sphinx) -> None:
    app.add_post_transform(ScopeAutomaticIds)
