"""The ``explainers`` and ``faq-index`` directives: lists of the project's articles and questions.

Both directives only note what they select: they leave a
:class:`explainer_list_pending` node in the doctree, and the list is built at
write time from the ``explainer`` domain by :class:`ExplainerListsTransform`
(:class:`HtmlListsTransform` in HTML),
so it always shows the articles as they are now. :class:`SiteListCollector`
records which lists each page shows and re-writes every page whose list
content changed, so an incremental build equals a clean one.

``explainers`` in HTML::

    <explainer_list classes="explainer-list no-search">   <div class="explainer-list no-search">
        <explainer_card classes="explainer-card">             <article class="explainer-card">
            <paragraph classes="explainer-card-title">            <p class="explainer-card-title"><a ...>Title</a></p>
            <paragraph classes="explainer-card-meta">             <p class="explainer-card-meta"><time ...>...</p>
            <paragraph classes="explainer-card-summary">          <p class="explainer-card-summary">TL;DR</p>

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
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_explainer.domain import PageRecord

WARNING_SUBTYPE = "lists"
EXPLAINERS = "explainers"
FAQ_INDEX = "faq-index"


class explainer_list_pending(nodes.General, nodes.Element):  # noqa: N801
    """Where a list goes; replaced at write time by :class:`ExplainerListsTransform`."""


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
        #: Lists repeat what each article says, so HTML search leaves them out
        #: (Sphinx 8.2+ honours the class) and finds the article instead.
        self.unsearched = ["no-search"] if self.html else []
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

    def explainers(
        self, entries: Iterable[tuple[str, PageRecord]], classes: list[str]
    ) -> list[nodes.Node]:
        """The cards of ``entries``; nothing when there are none."""
        entries = list(entries)
        if not entries:
            return []
        if self.html:
            container: nodes.Element = explainer_list(
                classes=["explainer-list", *self.unsearched, *classes]
            )
            for docname, page in entries:
                container += explainer_card(
                    "", *self.card_body(docname, page), classes=["explainer-card"]
                )
            return [container]
        container = nodes.bullet_list(classes=["explainer-list", *classes])
        for docname, page in entries:
            container += nodes.list_item(
                "", *self.card_body(docname, page), classes=["explainer-card"]
            )
        return [container]

    def faq_index(
        self, entries: Iterable[tuple[str, PageRecord]], classes: list[str]
    ) -> list[nodes.Node]:
        """A group per page: its title linked, then its questions linked to their answers."""
        index = nodes.container(classes=["explainer-faq-index", *self.unsearched, *classes])
        for docname, page in entries:
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
            index += group
        return [index] if index.children else []


class ExplainerListsTransform(SphinxPostTransform):
    """Build each ``explainers`` and ``faq-index`` list of the page from the domain.

    This one serves the builders other than HTML, whose title links are
    ``:doc:`` references: it runs before Sphinx resolves references (10).
    """

    default_priority = 5

    def is_supported(self) -> bool:
        return self.app.builder.format != "html"

    def run(self, **kwargs: Any) -> None:
        pending_lists = list(self.document.findall(explainer_list_pending))
        if not pending_lists:
            return
        maker = ListMaker(self.app.builder, self.env.docname)
        for pending in pending_lists:
            spec = list_spec(pending)
            self.warn_unknown_tags(pending)
            entries = list_entries(self.env, spec)
            build = maker.faq_index if spec.kind == FAQ_INDEX else maker.explainers
            pending.replace_self(build(entries, pending["classes"]))

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


class HtmlListsTransform(ExplainerListsTransform):
    """The lists of an HTML page, whose links are made resolved.

    They are built last, so that no other post-transform walks the many
    nodes of a long list (a FAQ hub holds every question of the project).
    """

    default_priority = 990

    def is_supported(self) -> bool:
        return self.app.builder.format == "html"


# -- HTML -------------------------------------------------------------------------------


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
    app.add_node(explainer_list, html=(visit_list_html, depart_list_html))
    app.add_node(explainer_card, html=(visit_card_html, depart_card_html))
    app.add_node(explainer_time, html=(visit_time_html, depart_time_html))
    app.add_directive(EXPLAINERS, ExplainersDirective)
    app.add_directive(FAQ_INDEX, FaqIndexDirective)
    app.add_post_transform(ExplainerListsTransform)
    app.add_post_transform(HtmlListsTransform)
    app.add_env_collector(SiteListCollector)
