"""The article theme's site navigation: the site's tree once per build, a bounded slice per page.

The tree is read from what Sphinx keeps in the environment (each page's
toctrees, with their captions and entries, in ``env.tocs``) and the page
titles of the ``explainer`` domain, once per build when reading is done, and
kept in the domain as derived data (``data["site_tree"]``, never merged).
Each page then gets its slice (:func:`page_navigation`): the root document's
top-level entries, grouped by toctree caption, with the branch that leads to
the page expanded (ancestors, siblings, children). A list longer than
:data:`LIST_LIMIT` shows only the entries nearest the page and a link to the
page that holds the whole list, so a page's size does not grow with the site
and its cost is bounded by the depth of the tree, not by the number of pages.

Pages whose slice changed (a title, an entry added or moved) are written
again in incremental builds (:class:`NavigationCollector`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx import addnodes

from sphinx_explainer.crossrefs import CrossPageSnapshotCollector
from sphinx_explainer.domain import SITE_TREE, explainer_domain
from sphinx_explainer.page_context import THEME_MARKER
from sphinx_explainer.plaintext import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Lists up to this long are shown whole; longer ones are cut around the page.
LIST_LIMIT = 12
#: How many entries a cut list shows before and after the page's own entry.
NEIGHBOURS = 4


class Entry(NamedTuple):
    """One toctree entry: a page (``docname``) or an external link (``url``)."""

    title: str
    docname: str = ""
    url: str = ""


class Listing(NamedTuple):
    """Entries in toctree order, and where each page is among them (found without a scan)."""

    entries: tuple[Entry, ...]
    positions: dict[str, int]

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> Listing:
        positions: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.docname:
                positions.setdefault(entry.docname, index)
        return cls(tuple(entries), positions)


class Group(NamedTuple):
    """One toctree of the root document: its caption and its entries."""

    caption: str
    listing: Listing


class SiteTree(NamedTuple):
    """The whole site's navigation, worked out once per build."""

    root: str
    groups: tuple[Group, ...]
    #: The entries of each page's toctrees, in order.
    children: dict[str, Listing]
    #: The page each page is listed under first (depth-first from the root).
    parents: dict[str, str]


def _toctree_groups(
    env: BuildEnvironment, docname: str, titles: dict[str, str]
) -> list[tuple[str, list[Entry]]]:
    toc = env.tocs.get(docname)
    if toc is None:
        return []
    groups = []
    for toctree in toc.findall(addnodes.toctree):
        entries = []
        for explicit, ref in toctree["entries"]:
            if ref == "self" or ref is None:
                continue
            if ref in env.all_docs:
                entries.append(Entry(explicit or titles.get(ref) or ref, docname=ref))
            elif "://" in ref:
                entries.append(Entry(explicit or ref, url=ref))
        groups.append((toctree.get("caption") or "", entries))
    return groups


def _titles(env: BuildEnvironment) -> dict[str, str]:
    records = explainer_domain(env).pages
    titles = {docname: record.title for docname, record in records.items() if record.title}
    for docname, title in env.titles.items():
        if docname not in titles:
            titles[docname] = plain_text(title, " ")
    return titles


def _parents(root: str, children: dict[str, Listing]) -> dict[str, str]:
    parents: dict[str, str] = {}
    stack = [root]
    seen = {root}
    while stack:
        docname = stack.pop()
        listing = children.get(docname)
        kids = [entry.docname for entry in listing.entries if entry.docname] if listing else []
        for kid in kids:
            if kid not in seen:
                seen.add(kid)
                parents[kid] = docname
        stack.extend(reversed([kid for kid in kids if parents.get(kid) == docname]))
    return parents


def build_site_tree(env: BuildEnvironment) -> SiteTree:
    """The site's navigation tree, from the environment as it stands."""
    titles = _titles(env)
    root = env.config.root_doc
    children: dict[str, Listing] = {}
    groups: tuple[Group, ...] = ()
    for docname in sorted(env.toctree_includes):
        docgroups = _toctree_groups(env, docname, titles)
        children[docname] = Listing.of(
            [entry for _caption, entries in docgroups for entry in entries]
        )
        if docname == root:
            groups = tuple(Group(caption, Listing.of(entries)) for caption, entries in docgroups)
    return SiteTree(root, groups, children, _parents(root, children))


def site_tree(env: BuildEnvironment) -> SiteTree:
    """The tree worked out when reading last finished (or now, before that)."""
    tree = explainer_domain(env).data.get(SITE_TREE)
    return tree if tree is not None else build_site_tree(env)


def branch(tree: SiteTree, docname: str) -> list[str]:
    """The pages from the root's entry down to ``docname``, or ``[]`` if it is not listed."""
    path: list[str] = []
    current = docname
    while current in tree.parents and current not in path:
        path.append(current)
        current = tree.parents[current]
    return list(reversed(path)) if current == tree.root else []


def window(listing: Listing, docname: str | None) -> tuple[Sequence[Entry], bool]:
    """The entries shown of a list, and whether some were left out.

    A long list shows the :data:`NEIGHBOURS` entries on each side of
    ``docname``'s own (or its first ones when ``docname`` is not in it).
    """
    entries = listing.entries
    if len(entries) <= LIST_LIMIT:
        return entries, False
    index = listing.positions.get(docname or "", 0)
    start = max(0, min(index - NEIGHBOURS, len(entries) - 2 * NEIGHBOURS - 1))
    return entries[start : start + 2 * NEIGHBOURS + 1], True


def _items(
    tree: SiteTree,
    listing: Listing,
    holder: str,
    path: list[str],
    depth: int,
    url: Callable[[str], str],
) -> dict[str, Any]:
    """A list of the slice: its shown entries, and the link to the whole list when cut."""
    on_path = path[depth] if depth < len(path) else None
    shown, cut = window(listing, on_path)
    items = []
    for entry in shown:
        item: dict[str, Any] = {
            "title": entry.title,
            "url": url(entry.docname) if entry.docname else entry.url,
            "external": not entry.docname,
            "current": bool(path) and entry.docname == path[-1],
            "children": None,
        }
        below = tree.children.get(entry.docname) if entry.docname == on_path else None
        if below is not None and below.entries:
            item["children"] = _items(tree, below, entry.docname, path, depth + 1, url)
        items.append(item)
    more = {"url": url(holder), "count": len(listing.entries)} if cut else None
    return {"items": items, "more": more}


def page_navigation(
    tree: SiteTree, docname: str, url: Callable[[str], str]
) -> list[dict[str, Any]]:
    """The slice of the site's navigation shown on ``docname``: one dict per caption group.

    ``url(docname)`` gives the address of a page from this one. Each group
    is ``{"caption", "items", "more"}``; each item ``{"title", "url",
    "external", "current", "children"}`` where ``children`` is a list of the
    same shape (or None) and ``more`` is ``{"url", "count"}`` when the list
    is cut.
    """
    path = branch(tree, docname)
    return [
        {"caption": group.caption, **_items(tree, group.listing, tree.root, path, 0, url)}
        for group in tree.groups
        if group.listing.entries
    ]


def navigation_snapshots(env: BuildEnvironment) -> dict[str, Any]:
    """For each page, its slice of the navigation (addresses left out: they follow the docnames)."""
    tree = site_tree(env)

    def freeze(lists: Any) -> Any:
        if isinstance(lists, dict):
            return tuple((key, freeze(value)) for key, value in lists.items())
        if isinstance(lists, list):
            return tuple(freeze(value) for value in lists)
        return lists

    return {
        docname: freeze(page_navigation(tree, docname, str)) for docname in sorted(env.all_docs)
    }


class NavigationCollector(CrossPageSnapshotCollector):
    """Work out the site tree once reading is done; re-write pages whose slice changed."""

    store = SITE_TREE

    def collect(self, app: Sphinx, doctree: nodes.document) -> None:
        return None

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        pass

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        return navigation_snapshots(env)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        explainer_domain(env).data[SITE_TREE] = build_site_tree(env)
        return super().get_updated_docs(app, env)


def add_navigation_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the theme's templates ``explainer_nav``, this page's slice (this theme only)."""
    if THEME_MARKER not in context:
        return
    builder = app.builder
    context["explainer_nav"] = page_navigation(
        site_tree(app.env),
        pagename,
        lambda docname: builder.get_relative_uri(pagename, docname) or "#",
    )


def setup_navigation(app: Sphinx) -> None:
    app.add_env_collector(NavigationCollector)
    app.connect("html-page-context", add_navigation_context)
