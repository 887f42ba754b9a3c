"""The ``explainers`` and ``faq-index`` directives: lists of the project's articles and questions.

Both directives only note what they select: they leave a
:class:`explainer_list_pending` node in the doctree, and the list is built at
write time from the ``explainer`` domain: by :class:`ExplainerListsTransform`
in most builders, one entry at a time by :func:`visit_list_pending_html` in HTML,
so it always shows the articles as they are now. :class:`SiteListCollector`
records which lists each page shows and re-writes every page whose list
content changed, so an incremental build equals a clean one.

The nodes of an ``explainers`` list in HTML::

    <explainer_list classes="explainer-list">
        <explainer_card classes="explainer-card">
            <paragraph classes="explainer-card-title">     (a link to the article)
            <paragraph classes="explainer-card-meta">      (date, reading time, author)
            <paragraph classes="explainer-card-summary">   (the TL;DR)

are written as a ``<div class="explainer-list">`` holding an ``<article
class="explainer-card">`` per article, each with three ``<p>`` of those classes.

In other builders the cards are the items of a bullet list with the same
paragraphs, the title a ``:doc:`` link. ``faq-index`` is made of standard
nodes in every builder: a container per page, its title linked, then a
bullet list of its questions, each linked to its permalink.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_explainer._i18n import _
from sphinx_explainer.collection import newest_first, pages_with_questions, project_tags
from sphinx_explainer.crossrefs import CrossPageSnapshotCollector
from sphinx_explainer.domain import LISTS, ListSpec, explainer_domain
from sphinx_explainer.page_context import WORDS_PER_MINUTE, format_page_date, reading_minutes
from sphinx_explainer.records import field_tags, tag_slug
from sphinx_explainer.shared import LenientOptions, check_options, warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_explainer.domain import PageRecord

WARNING_SUBTYPE = "lists"
EXPLAINERS = "explainers"
FAQ_INDEX = "faq-index"


class explainer_list_pending(nodes.General, nodes.Element):  # noqa: N801
    """Where a list goes; built at write time (:class:`ExplainerListsTransform`).

    Its ``docname`` attribute, when set, names the page it is written on for
    the pages that are not documents (tag pages).
    """


class explainer_list(nodes.General, nodes.Element):  # noqa: N801
    """HTML only: the cards of an ``explainers`` list (``<div class="explainer-list">``)."""


class explainer_card(nodes.General, nodes.Element):  # noqa: N801
    """HTML only: one article of a list (``<article class="explainer-card">``)."""


class explainer_time(nodes.Inline, nodes.TextElement):  # noqa: N801
    """HTML only: a date, written ``<time datetime="YYYY-MM-DD">``."""


# -- directives -----------------------------------------------------------------


def positive_limit(directive: SphinxDirective) -> int:
    """The ``:limit:`` option as a positive integer, or 0 (no limit) after a warning."""
    value = directive.options.get("limit")
    if value is None:
        return 0
    text = str(value).strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    warn(
        f"The ':limit:' of the '{directive.name}' directive must be a positive whole "
        f"number, such as ':limit: 10'; '{text}' was ignored, so every article is listed.",
        directive.get_location(),
        WARNING_SUBTYPE,
    )
    return 0


class SiteListDirective(SphinxDirective):
    """A list built at write time from the ``explainer`` domain; no content."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {"tags": directives.unchanged, "class": directives.class_option}
    )
    kind: ClassVar[str]

    def limit(self) -> int:
        return 0

    def run(self) -> list[nodes.Node]:
        check_options(self, WARNING_SUBTYPE)
        tags = field_tags(self.options.get("tags", ""))
        pending = explainer_list_pending(
            kind=self.kind,
            tags=[tag_slug(tag) for tag in tags],
            tag_names=list(tags),
            limit=self.limit(),
            classes=list(self.options.get("class", [])),
        )
        self.set_source_info(pending)
        return [pending]


class ExplainersDirective(SiteListDirective):
    """``.. explainers::``: the project's articles as cards, newest first."""

    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {"limit": directives.unchanged, **SiteListDirective.option_spec}
    )
    kind = EXPLAINERS

    def limit(self) -> int:
        return positive_limit(self)


class FaqIndexDirective(SiteListDirective):
    """``.. faq-index::``: every question of the project, grouped by page."""

    kind = FAQ_INDEX


def list_spec(node: explainer_list_pending) -> ListSpec:
    return ListSpec(node["kind"], tuple(node["tags"]), node["limit"])


# -- what a list shows ------------------------------------------------------------


def list_entries(env: BuildEnvironment, spec: ListSpec) -> list[tuple[str, PageRecord]]:
    """The ``(docname, record)`` pairs a list shows, in its order."""
    if spec.kind == FAQ_INDEX:
        return pages_with_questions(env, spec.tags)
    entries = newest_first(env, spec.tags)
    return entries[: spec.limit] if spec.limit else entries


class SiteListCollector(CrossPageSnapshotCollector):
    """Record the lists of each page; re-write the pages whose lists changed."""

    store = LISTS

    def collect(self, app: Sphinx, doctree: nodes.document) -> tuple[ListSpec, ...]:
        return tuple(list_spec(node) for node in doctree.findall(explainer_list_pending))

    def snapshots(self, env: BuildEnvironment) -> dict[str, Any]:
        specs_by_page: dict[str, tuple[ListSpec, ...]] = explainer_domain(env).store(LISTS)
        return {
            docname: tuple(list_snapshot(env, spec) for spec in specs)
            for docname, specs in specs_by_page.items()
        }


def list_snapshot(env: BuildEnvironment, spec: ListSpec) -> tuple[Any, ...]:
    """What a list shows of each entry, and nothing more (a change elsewhere re-writes nothing)."""
    entries = list_entries(env, spec)
    if spec.kind == FAQ_INDEX:
        return tuple((docname, page.title, page.questions) for docname, page in entries)
    return tuple(
        (docname, page.title, page.date_text, page.date, page.words, page.author, page.tldr)
        for docname, page in entries
    )


# -- building the lists ---------------------------------------------------------------


def words_per_minute(builder: Builder) -> object:
    """The reading speed of the article theme's option, or the default."""
    context = getattr(builder, "globalcontext", None) or {}
    return context.get("theme_words_per_minute", WORDS_PER_MINUTE)


class ListMaker:
    """Builds the nodes of the lists for one page (``fromdocname``) and one builder."""

    def __init__(self, builder: Builder, fromdocname: str) -> None:
        self.builder = builder
        self.fromdocname = fromdocname
        self.html = builder.format == "html"
        self.language = builder.config.language

    def link(self, docname: str, text: str, anchor: str = "") -> nodes.Element:
        """A link to ``docname`` (at ``anchor``) showing ``text``."""
        if not self.html:
            xref = pending_xref(
                "",
                nodes.inline(text, text),
                refdomain="std",
                reftype="doc",
                reftarget="/" + docname,
                refdoc=self.fromdocname,
                refexplicit=True,
                refwarn=False,
            )
            return xref
        uri = self.builder.get_relative_uri(self.fromdocname, docname)
        if anchor and "#" in uri:  # one page for all (singlehtml)
            return nodes.reference(text, text, internal=True, refid=anchor)
        if anchor:
            uri = f"{uri}#{anchor}"
        return nodes.reference(text, text, internal=True, refuri=uri)

    def date(self, page: PageRecord) -> nodes.Node:
        human = format_page_date(page.date_text, self.language)[0]
        if self.html and page.date:
            return explainer_time(human, human, datetime=page.date)
        return nodes.inline(human, human, classes=["explainer-card-date"])

    def meta(self, page: PageRecord) -> nodes.paragraph:
        """Date, reading time and author, on one line."""
        minutes = reading_minutes(page.words, words_per_minute(self.builder))
        parts: list[nodes.Node] = [self.date(page)]
        if page.words:
            text = _("%(minutes)s min read") % {"minutes": minutes}
            parts.append(nodes.inline(text, text, classes=["explainer-card-reading-time"]))
        if page.author:
            parts.append(nodes.inline(page.author, page.author, classes=["explainer-card-author"]))
        paragraph = nodes.paragraph(classes=["explainer-card-meta"])
        for index, part in enumerate(parts):
            if index and not self.html:  # HTML separates them with CSS
                paragraph += nodes.Text(" \N{MIDDLE DOT} ")
            paragraph += part
        return paragraph

    def card_body(self, docname: str, page: PageRecord) -> list[nodes.Node]:
        title = page.title or docname
        body: list[nodes.Node] = [
            nodes.paragraph("", "", self.link(docname, title), classes=["explainer-card-title"]),
            self.meta(page),
        ]
        if page.tldr:
            body.append(nodes.paragraph(page.tldr, page.tldr, classes=["explainer-card-summary"]))
        return body

    def card(self, docname: str, page: PageRecord) -> nodes.Element:
        """One article of an ``explainers`` list."""
        card = explainer_card if self.html else nodes.list_item
        return card("", *self.card_body(docname, page), classes=["explainer-card"])

    def faq_group(self, docname: str, page: PageRecord) -> nodes.Element:
        """One page of a ``faq-index``: its title, then its questions, each linked."""
        group = nodes.container(classes=["explainer-faq-index-group"])
        title = page.title or docname
        group += nodes.paragraph(
            "", "", self.link(docname, title), classes=["explainer-faq-index-page"]
        )
        questions = nodes.bullet_list(classes=["explainer-faq-index-questions"])
        for question in page.questions:
            link = self.link(docname, question.question, question.anchor)
            questions += nodes.list_item("", nodes.paragraph("", "", link))
        group += questions
        return group

    def container(self, kind: str, classes: list[str]) -> nodes.Element:
        """The element that holds the entries of a list of ``kind``."""
        if kind == FAQ_INDEX:
            return nodes.container(classes=["explainer-faq-index", *classes])
        container = explainer_list if self.html else nodes.bullet_list
        return container(classes=["explainer-list", *classes])

    def entry(self, kind: str) -> Callable[[str, PageRecord], nodes.Element]:
        """The maker of one entry of a list of ``kind``."""
        return self.faq_group if kind == FAQ_INDEX else self.card

    def build(
        self, kind: str, entries: list[tuple[str, PageRecord]], classes: list[str]
    ) -> list[nodes.Node]:
        """The list of ``entries``, of ``kind``; nothing when there are none."""
        if not entries:
            return []
        container = self.container(kind, classes)
        make_entry = self.entry(kind)
        for docname, page in entries:
            container += make_entry(docname, page)
        return [container]


class ExplainerListsTransform(SphinxPostTransform):
    """Check each ``explainers`` and ``faq-index`` list of the page; build it outside HTML.

    Other builders' title links are ``:doc:`` references, so their lists are
    built before Sphinx resolves references (10). HTML writes its lists
    itself, one entry at a time (:func:`visit_list_pending_html`).
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        pending_lists = list(self.document.findall(explainer_list_pending))
        if not pending_lists:
            return
        maker = ListMaker(self.app.builder, self.env.docname)
        for pending in pending_lists:
            self.warn_unknown_tags(pending)
            if not maker.html:
                spec = list_spec(pending)
                entries = list_entries(self.env, spec)
                pending.replace_self(maker.build(spec.kind, entries, pending["classes"]))

    def warn_unknown_tags(self, pending: explainer_list_pending) -> None:
        """Warn about the tags of ``:tags:`` that no article carries."""
        if not pending["tags"]:
            return
        tags = project_tags(self.env)
        known = {tag.slug for tag in tags}
        unknown = [
            name
            for name, slug in zip(pending["tag_names"], pending["tags"], strict=True)
            if slug not in known
        ]
        if not unknown:
            return
        in_use = ", ".join(tag.name for tag in tags) or "none yet"
        warn(
            f"The '{pending['kind']}' list asks for the tag(s) {', '.join(map(repr, unknown))}, "
            f"which no article carries (tags in use: {in_use}). Check the spelling in ':tags:', "
            "or give an article that tag in its ':tags:' field.",
            pending,
            WARNING_SUBTYPE,
        )


# -- HTML -------------------------------------------------------------------------------


def visit_list_pending_html(self: HTML5Translator, node: explainer_list_pending) -> None:
    """Write a list one entry at a time, each entry's nodes made just before.

    The nodes of a long list (a FAQ hub holds every question of the project)
    never all exist at once: each entry is written and dropped, so the build
    neither keeps them nor has every post-transform walk them. Nor does the
    search index, which reads the doctree: a search finds each article on
    its own page, not on every list that repeats its TL;DR or questions.
    """
    builder = self.builder
    maker = ListMaker(builder, node.get("docname") or builder.current_docname)
    spec = list_spec(node)
    entries = list_entries(builder.env, spec)
    if entries:
        container = maker.container(spec.kind, node["classes"])
        make_entry = maker.entry(spec.kind)
        node += container  # the translator reads an element's parent and siblings
        self.dispatch_visit(container)
        for docname, page in entries:
            entry = make_entry(docname, page)
            container += entry
            entry.walkabout(self)
            container.remove(entry)
        self.dispatch_departure(container)
        node.remove(container)
    raise nodes.SkipNode


def visit_list_html(self: HTML5Translator, node: explainer_list) -> None:
    self.body.append(self.starttag(node, "div"))


def depart_list_html(self: HTML5Translator, node: explainer_list) -> None:
    self.body.append("</div>\n")


def visit_card_html(self: HTML5Translator, node: explainer_card) -> None:
    self.body.append(self.starttag(node, "article"))


def depart_card_html(self: HTML5Translator, node: explainer_card) -> None:
    self.body.append("</article>\n")


def visit_time_html(self: HTML5Translator, node: explainer_time) -> None:
    self.body.append(
        self.starttag(node, "time", "", CLASS="explainer-card-date", datetime=node["datetime"])
    )


def depart_time_html(self: HTML5Translator, node: explainer_time) -> None:
    self.body.append("</time>")


def setup_lists(app: Sphinx) -> None:
    """Register the list directives, their HTML nodes, the transform and the collector."""
    app.add_node(explainer_list_pending, html=(visit_list_pending_html, None))
    app.add_node(explainer_list, html=(visit_list_html, depart_list_html))
    app.add_node(explainer_card, html=(visit_card_html, depart_card_html))
    app.add_node(explainer_time, html=(visit_time_html, depart_time_html))
    app.add_directive(EXPLAINERS, ExplainersDirective)
    app.add_directive(FAQ_INDEX, FaqIndexDirective)
    app.add_post_transform(ExplainerListsTransform)
    app.add_env_collector(SiteListCollector)
