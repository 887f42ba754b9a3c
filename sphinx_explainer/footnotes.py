"""Footnote and citation back links: one per place that cites a note, in HTML.

docutils writes a note's back references inside its label, or as a terse
``(1,2)`` after it, from the note's ``backrefs`` attribute; Sphinx citations
cited from other pages get none at all. :class:`FootnoteBacklinksTransform`,
an HTML-only post-transform, moves those back references into nodes of our
own and writes them with visitors of our own, so no writer is patched::

    <footnote backrefs="id1 id2" ids="id4">     <footnote ids="id4">
        <label>1                                    <label>1
        <paragraph>...                 ==>          <explainer_backlinks>
                                                        <explainer_backlink_marker>↩
                                                        <explainer_backlink refid="id1" aria_label="...1a">a
                                                        <explainer_backlink refid="id2" aria_label="...1b">b
                                                    <paragraph>...

which becomes::

    <aside class="footnote brackets" id="id4" role="doc-footnote">
    <span class="label"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></span>
    <span class="explainer-backlinks"><span class="explainer-backlink-marker" aria-hidden="true">↩︎</span>
    <a class="explainer-backlink" href="#id1" role="doc-backlink" aria-label="Back to citation 1a">a</a>
    <a class="explainer-backlink" href="#id2" role="doc-backlink" aria-label="Back to citation 1b">b</a></span>
    <p>...</p></aside>

A note cited once gets a single ``↩`` link instead. Footnote references
become :class:`explainer_noteref` nodes, written as docutils writes them plus
an accessible name ("Footnote 1"). With the note's ``backrefs`` emptied,
docutils writes the label as plain text: the back references are never
shown twice. Citations become :class:`explainer_citation` nodes, written as
list items of docutils' citation list.

Citations can be cited from any page. :class:`CitationReferenceCollector`
records, per page, the citations the page cites (label and reference id), and
purges and merges that record with the page; the page that defines a
citation is re-written whenever the references to it from elsewhere change
(``env-get-outdated`` takes a snapshot before reading, ``env-get-updated``
compares it after reading and names the pages to re-write). The records
live in the ``explainer`` domain.

A reference may sit under ``only`` or ``ifconfig``, which are resolved when a
page is written, after the records are made. Each record keeps the
conditions its reference sits under, and a back link to a place on another
page is made only when those conditions hold for the builder at hand, as
they do when that page is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import only, pending_xref
from sphinx.errors import ExtensionError
from sphinx.ext.ifconfig import ifconfig
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_explainer._i18n import _
from sphinx_explainer.crossrefs import CrossPageSnapshotCollector
from sphinx_explainer.domain import CITATION_REFERENCES, CITING_PLACES, explainer_domain
from sphinx_explainer.plaintext import CITATION_REFERENCE_CLASS
from sphinx_explainer.single_page import SINGLE_PAGE_BUILDER, scoped_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

#: The visible text of a lone back link: a return arrow, with a variation
#: selector so that phones draw it as text and not as an emoji.
BACKLINK_ARROW = "\N{LEFTWARDS ARROW WITH HOOK}\N{VARIATION SELECTOR-15}"
#: The label styles of ``explainer_footnote_backlink_labels``.
LABEL_STYLES = ("letters", "numbers")


class explainer_noteref(nodes.footnote_reference):  # noqa: N801
    """A footnote reference with an accessible name (``aria_label``)."""


class explainer_citation(nodes.citation):  # noqa: N801
    """A citation written as a list item of its citation list.

    docutils gives citations ``role="doc-biblioentry"``, which DPUB-ARIA 1.1
    deprecates (axe: aria-deprecated-role); they sit in a ``role="list"``
    wrapper already, so each becomes a ``listitem``.
    """


class explainer_backlinks(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The back links of one footnote or citation, after its label."""


class explainer_backlink_marker(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The ``↩`` in front of several back links, hidden from assistive technology."""


class explainer_backlink(nodes.reference):  # noqa: N801
    """One back link to a place that cites the note (``refid`` or ``refuri``).

    A ``reference`` subclass, so that builders that rewrite link targets
    (epub's ``fix_ids``) rewrite it too.
    """


#: An ``only`` or ``ifconfig`` a reference sits under: ``(directive, expression)``.
Condition = tuple[str, str]


class CitationReference(NamedTuple):
    """A citation reference of a page, as recorded when the page is read."""

    label: str
    refid: str
    conditions: tuple[Condition, ...] = ()


class CitingPlace(NamedTuple):
    """A reference to a note: the page it is on, its id there, its conditions."""

    docname: str
    refid: str
    conditions: tuple[Condition, ...] = ()


# -- labels -------------------------------------------------------------------


def backlink_mark(index: int, style: str = "letters") -> str:
    """The visible label of the ``index``-th (0-based) of several back links.

    Letters count like spreadsheet columns: ``a`` … ``z``, ``aa``, ``ab`` ….
    """
    if style == "numbers":
        return str(index + 1)
    mark = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        mark = chr(ord("a") + remainder) + mark
    return mark


def citing_place_name(label: str, mark: str) -> str:
    """The name of one citing place of note ``label``: ``1b``, ``*b``, ``CIT b``.

    The mark is written right after the label when that cannot be misread (a
    digit or symbol then a letter), else after a space (``CIT b``, ``1 2``).
    """
    if not label or not mark:
        return label or mark
    same_kind = label[-1].isdigit() == mark[0].isdigit() and label[-1].isalpha() == mark[0].isalpha()
    return f"{label} {mark}" if same_kind else f"{label}{mark}"


def note_label(note: nodes.Element) -> str:
    """The visible label of a footnote or citation (``1``, ``*``, ``CIT``)."""
    label = next((child for child in note.children if isinstance(child, nodes.label)), None)
    return label.astext() if label is not None else ""


# -- cross-page citation data --------------------------------------------------


def citation_references(env: BuildEnvironment) -> dict[str, list[CitationReference]]:
    """Per page, the citation references it holds, in page order."""
    return explainer_domain(env).store(CITATION_REFERENCES)


def conditions_of(node: nodes.Element) -> tuple[Condition, ...]:
    """The ``only`` and ``ifconfig`` expressions ``node`` sits under, outermost first."""
    found: list[Condition] = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, only | ifconfig):
            found.append((parent.tagname, parent["expr"]))
        parent = parent.parent
    return tuple(reversed(found))


def condition_holds(app: Sphinx, condition: Condition) -> bool:
    """Whether an ``only`` or ``ifconfig`` keeps its content in this build.

    Evaluated as Sphinx evaluates them when it writes a page:
    ``OnlyNodeTransform`` with the builder's tags, ``sphinx.ext.ifconfig``
    with the configuration values and ``builder`` in its namespace. An
    expression that fails there fails here too, and keeps nothing.
    """
    directive, expression = condition
    try:
        if directive == "only":
            return bool(app.tags.eval_condition(expression))
        namespace = {value.name: value.value for value in app.config}
        namespace.update(app.config.__dict__.copy())
        namespace["builder"] = app.builder.name
        return bool(eval(expression, namespace))  # noqa: S307 - as sphinx.ext.ifconfig does
    except Exception:  # noqa: BLE001 - Sphinx reports the error when it writes that page
        return False


def reading_order(env: BuildEnvironment) -> list[str]:
    """Every page, in the order a reader meets them: the toctree from the root
    page depth first, then the pages no toctree includes, by name."""
    order: dict[str, None] = {}
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order or docname not in env.all_docs:
            continue
        order[docname] = None
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    order.update(dict.fromkeys(sorted(set(env.all_docs) - set(order))))
    return list(order)


def places_citing(env: BuildEnvironment, order: Iterable[str]) -> dict[str, list[CitingPlace]]:
    """Every citation label, with the places that cite it in reading order."""
    references = citation_references(env)
    places: dict[str, list[CitingPlace]] = {}
    for docname in order:
        for reference in references.get(docname, ()):
            place = CitingPlace(docname, reference.refid, reference.conditions)
            places.setdefault(reference.label, []).append(place)
    return places


def citing_places(env: BuildEnvironment) -> dict[str, list[CitingPlace]]:
    """:func:`places_citing` as worked out when reading last finished.

    :class:`CitationReferenceCollector` stores it then, so that writing a page
    with citations does not walk the whole project again. Until the next
    reading is done, it is also the snapshot of the environment as it stands.
    """
    places = explainer_domain(env).data[CITING_PLACES]
    return places if places is not None else places_citing(env, reading_order(env))


def citation_backlink_snapshots(env: BuildEnvironment) -> dict[str, tuple[Any, ...]]:
    """For each page that defines citations, the places elsewhere that cite them.

    A page must be re-written when its snapshot changes.
    """
    domain = env.get_domain("citation")
    places = citing_places(env)
    snapshots: dict[str, list[Any]] = {}
    for label, (docname, _labelid, _line) in sorted(domain.data.get("citations", {}).items()):
        others = tuple(place for place in places.get(label, ()) if place.docname != docname)
        snapshots.setdefault(docname, []).append((label, others))
    result = {docname: tuple(snapshot) for docname, snapshot in snapshots.items()}
    for docname, places in bibtex_citing_places(env).items():
        result[docname] = (*result.get(docname, ()), ("cite", places))
    return result


def bibtex_citing_places(env: BuildEnvironment) -> dict[str, tuple[Any, ...]]:
    """For each page with a sphinxcontrib-bibtex bibliography, the bibtex
    references on other pages (page, id, keys), which its back links show."""
    try:
        domain = env.get_domain("cite")
    except ExtensionError:  # sphinxcontrib-bibtex is not loaded
        return {}
    pages = {key.docname for key in getattr(domain, "bibliographies", {})}
    references = [
        (ref.docname, ref.citation_ref_id, tuple(target.key for target in ref.targets))
        for ref in getattr(domain, "citation_refs", [])
    ]
    return {page: tuple(sorted(ref for ref in references if ref[0] != page)) for page in pages}


def recorded_label(node: pending_xref) -> str:
    """The label a citation reference is recorded under (``cite:<key>`` for bibtex)."""
    target = node["reftarget"]
    return target if node["refdomain"] == "citation" else f"cite:{target}"


class CitationReferenceCollector(CrossPageSnapshotCollector):
    """Record which citations each page cites, so their pages can link back."""

    store = CITATION_REFERENCES

    def collect(self, app: Sphinx, doctree: nodes.document) -> list[CitationReference]:
        # Sphinx's CitationReferenceTransform has turned each [CIT]_ into a
        # pending_xref that keeps the reference's ids.
        # sphinxcontrib-bibtex's references (domain "cite") are recorded for
        # their conditions, under a label of their own.
        return [
            CitationReference(recorded_label(node), node["ids"][0], conditions_of(node))
            for node in doctree.findall(pending_xref)
            if node.get("refdomain") in {"citation", "cite"} and node["ids"]
        ]

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        return citation_backlink_snapshots(env)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        # Every page is read now: the places citing each citation are final.
        explainer_domain(env).data[CITING_PLACES] = places_citing(env, reading_order(env))
        return super().get_updated_docs(app, env)


# -- the post-transform ------------------------------------------------------------


def references_by_target(references: Iterable[nodes.Element]) -> dict[str, list[str]]:
    """For each ``refid``, the ids of the references on the page that lead to it."""
    citing: dict[str, list[str]] = {}
    for node in references:
        if node.get("refid") and node["ids"]:
            citing.setdefault(node["refid"], []).append(node["ids"][0])
    return citing


def element_positions(elements: Iterable[nodes.Element]) -> dict[str, int]:
    """The position, in document order, of the first element with each id."""
    positions: dict[str, int] = {}
    for position, node in enumerate(elements):
        for node_id in node["ids"]:
            positions.setdefault(node_id, position)
    return positions


def link_target(builder: Builder, fromdocname: str, place: CitingPlace) -> dict[str, str]:
    """``refid`` for a place on the page being written, else ``refuri``.

    A builder that puts every page on one (singlehtml) gives a URI that is a
    fragment already; the place is then on this page too.
    """
    if place.docname == fromdocname:
        return {"refid": place.refid}
    uri = builder.get_relative_uri(fromdocname, place.docname)
    if "#" in uri:
        return {"refid": place.refid}
    return {"refuri": f"{uri}#{place.refid}"}


class CitationReferenceMarker(SphinxPostTransform):
    """Class Sphinx's citation references, so that they stay known once resolved.

    Resolved, a ``[CIT]_`` is a plain ``reference``; the class, which
    docutils copies onto it, tells :func:`~sphinx_explainer.plaintext.plain_text`
    to leave it out of descriptions and JSON-LD, as it does footnote marks.
    """

    # Before the references are resolved (10).
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for node in self.document.findall(pending_xref):
            if node.get("refdomain") == "citation":
                node["classes"].append(CITATION_REFERENCE_CLASS)


class FootnoteBacklinksTransform(SphinxPostTransform):
    """Give each footnote and citation one back link per place that cites it."""

    # After the references are resolved (10) and ``only`` is applied (50).
    default_priority = 300
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.explainer_footnote_backlinks:
            return
        style = self.config.explainer_footnote_backlink_labels
        style = style if style in LABEL_STYLES else LABEL_STYLES[0]
        # One walk of the page: the nodes below are all the transform needs.
        elements = list(self.document.findall(nodes.Element))
        positions = element_positions(elements)
        footnotes = [node for node in elements if isinstance(node, nodes.footnote)]
        citations = [node for node in elements if isinstance(node, nodes.citation)]
        references = [node for node in elements if isinstance(node, (nodes.footnote_reference, nodes.reference))]
        citing = references_by_target(references)
        targets: dict[str, nodes.Element] = {}
        for note in footnotes:
            places = self.footnote_places(note, positions, citing)
            self.replace_backrefs(note, places, style, targets)
        places_by_label = citing_places(self.env) if citations else {}
        for note in citations:
            places = self.citation_places(note, places_by_label, positions, citing)
            self.replace_backrefs(note, places, style, targets)
        self.mark_targets(references, targets)
        for citation in citations:
            if not isinstance(citation, explainer_citation):
                replacement = explainer_citation(citation.rawsource, *citation.children, **citation.attributes)
                replacement.source, replacement.line = citation.source, citation.line
                citation.replace_self(replacement)
        for reference in references:
            if isinstance(reference, nodes.footnote_reference) and not isinstance(reference, explainer_noteref):
                self.replace_reference(reference)

    def footnote_places(
        self, note: nodes.Element, positions: dict[str, int], citing: dict[str, list[str]]
    ) -> list[CitingPlace]:
        """The places on this page that cite ``note``.

        docutils' ``backrefs`` miss a reference by number to an auto-numbered
        note (``[3]_`` to the third ``[#]``): every reference that leads to
        the note counts.
        """
        docname = self.env.docname
        by_link = (refid for node_id in note["ids"] for refid in citing.get(node_id, []))
        refids = [*note.get("backrefs", []), *by_link]
        found = [refid for refid in dict.fromkeys(refids) if refid in positions]
        return [CitingPlace(docname, refid) for refid in sorted(found, key=positions.__getitem__)]

    def citation_places(
        self,
        note: nodes.Element,
        places_by_label: dict[str, list[CitingPlace]],
        positions: dict[str, int],
        citing: dict[str, list[str]],
    ) -> list[CitingPlace]:
        label = note_label(note)
        defined = self.env.get_domain("citation").data.get("citations", {}).get(label)
        if defined is None:
            # A citation of another extension (sphinxcontrib-bibtex): the
            # references on this page that its backrefs or links name, then
            # those on other pages that its domain knows of.
            return [*self.footnote_places(note, positions, citing), *self.bibtex_places(note)]
        if defined[0] != note.get("docname") or defined[1] not in note["ids"]:
            # A duplicate that Sphinx warned about: its references lead to the other one.
            return []
        # A reference copied with its title (into a local table of contents)
        # keeps its id: one place, one back link.
        places = [self.as_shown(place) for place in dict.fromkeys(places_by_label.get(label, []))]
        here = note["docname"]
        # The places on this page, where the doctree is at hand, in its order.
        local = sorted(
            (place for place in places if place.docname == here and place.refid in positions),
            key=lambda place: positions[place.refid],
        )
        local_iter = iter(local)
        ordered: list[CitingPlace] = []
        for place in places:
            if place.docname != here:
                if all(condition_holds(self.app, condition) for condition in place.conditions):
                    ordered.append(place)
            elif place.refid in positions:
                ordered.append(next(local_iter))
        return ordered

    def as_shown(self, place: CitingPlace) -> CitingPlace:
        """``place`` with its id as this output names it (see :mod:`.single_page`)."""
        if self.app.builder.name != SINGLE_PAGE_BUILDER or place.docname == self.env.docname:
            return place
        return place._replace(refid=scoped_id(place.docname, place.refid))

    def bibtex_places(self, note: nodes.Element) -> list[CitingPlace]:
        """The places on other pages that cite a sphinxcontrib-bibtex citation.

        bibtex gives back references within a page only; its ``cite`` domain
        knows each citation's key (``citations``) and every reference with
        the keys it cites (``citation_refs``). Conditions come from our own
        record of the reference, as for Sphinx's citations.
        """
        try:
            domain = self.env.get_domain("cite")
        except ExtensionError:  # sphinxcontrib-bibtex is not loaded
            return []
        citations = getattr(domain, "citations", None) or []
        key = next((cited.key for cited in citations if cited.citation_id in note["ids"]), None)
        if key is None:
            return []
        here = note.get("docname", self.env.docname)
        conditions = {
            (docname, reference.refid): reference.conditions
            for docname, references in citation_references(self.env).items()
            for reference in references
        }
        order = {docname: index for index, docname in enumerate(reading_order(self.env))}
        places = []
        for ref in getattr(domain, "citation_refs", []):
            if ref.docname != here and key in {target.key for target in ref.targets}:
                where = (ref.docname, ref.citation_ref_id)
                places.append(self.as_shown(CitingPlace(*where, conditions.get(where, ()))))
        places.sort(key=lambda place: order.get(place.docname, len(order)))
        return [
            place
            for place in places
            if all(condition_holds(self.app, condition) for condition in place.conditions)
        ]

    def replace_backrefs(
        self,
        note: nodes.Element,
        places: list[CitingPlace],
        style: str,
        targets: dict[str, nodes.Element],
    ) -> None:
        """Empty docutils' ``backrefs`` of ``note``; add our back links after its label."""
        note["backrefs"] = []
        if not places:
            return
        label = note_label(note)
        backlinks = explainer_backlinks("", classes=["explainer-backlinks"])
        if len(places) == 1:
            backlinks += self.make_backlink(places[0], BACKLINK_ARROW, label, targets)
        else:
            backlinks += explainer_backlink_marker(
                "", BACKLINK_ARROW, classes=["explainer-backlink-marker"]
            )
            for index, place in enumerate(places):
                mark = backlink_mark(index, style)
                backlinks += nodes.Text(" ")
                backlinks += self.make_backlink(place, mark, citing_place_name(label, mark), targets)
        position = next(
            (index + 1 for index, child in enumerate(note.children) if isinstance(child, nodes.label)), 0
        )
        note.insert(position, backlinks)

    def make_backlink(
        self, place: CitingPlace, text: str, name: str, targets: dict[str, nodes.Element]
    ) -> explainer_backlink:
        link = explainer_backlink(
            "",
            text,
            internal=True,
            classes=["explainer-backlink"],
            aria_label=_("Back to citation %s") % name,
            **link_target(self.app.builder, self.env.docname, place),
        )
        if "refid" in link:
            targets.setdefault(place.refid, link)
        return link

    def mark_targets(self, references: list[nodes.Element], targets: dict[str, nodes.Element]) -> None:
        """Class the references that back links lead to, for ``:target`` styles.

        Those are the references of this page's notes, and this page's
        citation references, whose back links may be on other pages.
        """
        ids = set(targets)
        cited_here = citation_references(self.env).get(self.env.docname, ())
        ids.update(reference.refid for reference in cited_here)
        for node in references:
            if not ids.isdisjoint(node["ids"]) and "explainer-noteref" not in node["classes"]:
                node["classes"].append("explainer-noteref")

    def replace_reference(self, reference: nodes.footnote_reference) -> None:
        """Swap a footnote reference for one with an accessible name."""
        noteref = explainer_noteref(reference.rawsource, "", *reference.children, **reference.attributes)
        noteref.source, noteref.line = reference.source, reference.line
        noteref["aria_label"] = _("Footnote %s") % reference.astext().strip()
        reference.replace_self(noteref)


# -- HTML visitors ------------------------------------------------------------------


def visit_noteref_html(self: HTML5Translator, node: explainer_noteref) -> None:
    # A copy of HTML5Translator.visit_footnote_reference with one attribute
    # added, the accessible name: Sphinx 7.4 sphinx/writers/html5.py lines
    # 942-947, Sphinx 9.0 lines 999-1007 (the same code). docutils' starttag
    # writes no attribute of the node but its ids and classes, so the name
    # cannot be added around the writer's own method.
    # tests/test_footnote_writers.py fails when the writer's output changes.
    self.body.append(
        self.starttag(
            node,
            "a",
            suffix="",
            classes=["footnote-reference", self.settings.footnote_references],
            role="doc-noteref",
            href="#" + node["refid"],
            **{"aria-label": node["aria_label"]},
        )
    )
    self.body.append('<span class="fn-bracket">[</span>')


def depart_noteref_html(self: HTML5Translator, node: explainer_noteref) -> None:
    self.depart_footnote_reference(node)


def visit_citation_html(self: HTML5Translator, node: explainer_citation) -> None:
    # docutils' own visit_citation opens the citation list before the first
    # citation of a run, then writes the citation's tag last; that tag is
    # written again as a list item (see explainer_citation).
    # tests/test_footnote_writers.py fails when the writer's output changes.
    self.visit_citation(node)
    self.body[-1] = self.starttag(node, "div", classes=["citation"], role="listitem")


def depart_citation_html(self: HTML5Translator, node: explainer_citation) -> None:
    # Every citation of the page is an explainer_citation by now, so docutils'
    # test for the last citation of a run (a sibling of the same type) holds.
    self.depart_citation(node)


def visit_backlinks_html(self: HTML5Translator, node: explainer_backlinks) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_backlinks_html(self: HTML5Translator, node: explainer_backlinks) -> None:
    self.body.append("</span>\n")


def visit_marker_html(self: HTML5Translator, node: explainer_backlink_marker) -> None:
    self.body.append(self.starttag(node, "span", "", **{"aria-hidden": "true"}))


def depart_marker_html(self: HTML5Translator, node: explainer_backlink_marker) -> None:
    self.body.append("</span>")


def visit_backlink_html(self: HTML5Translator, node: explainer_backlink) -> None:
    href = "#" + node["refid"] if "refid" in node else node["refuri"]
    self.body.append(
        self.starttag(node, "a", "", href=href, role="doc-backlink", **{"aria-label": node["aria_label"]})
    )


def depart_backlink_html(self: HTML5Translator, node: explainer_backlink) -> None:
    self.body.append("</a>")


def setup_footnotes(app: Sphinx) -> None:
    """Register the back-link nodes, the post-transform and the citation collector."""
    app.add_node(explainer_noteref, html=(visit_noteref_html, depart_noteref_html))
    app.add_node(explainer_citation, html=(visit_citation_html, depart_citation_html))
    app.add_node(explainer_backlinks, html=(visit_backlinks_html, depart_backlinks_html))
    app.add_node(explainer_backlink_marker, html=(visit_marker_html, depart_marker_html))
    app.add_node(explainer_backlink, html=(visit_backlink_html, depart_backlink_html))
    app.add_post_transform(CitationReferenceMarker)
    app.add_post_transform(FootnoteBacklinksTransform)
    app.add_env_collector(CitationReferenceCollector)
