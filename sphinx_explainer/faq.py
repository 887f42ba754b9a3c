"""The ``faq`` and ``faq-item`` directives: collapsible questions with permalinks.

The directives emit a neutral doctree that every builder can write::

    <faq classes="explainer-faq" open="True"?>
        <explainer_title>Frequently Asked Questions</explainer_title>
        <faq_item classes="explainer-faq-item" ids="slug-of-the-question" open="True"?>
            <faq_question>...inline nodes of the question</faq_question>
            <faq_answer>...body elements of the answer</faq_answer>
        <faq_item ...>

LaTeX, text, man and texinfo write the FAQ as a titled block, each question
in bold on a line of its own (with its anchor) followed by its answer.

For HTML-format builders, :class:`FaqHtmlTransform` turns each item into
sphinx-design's dropdown nodes, so that the page reuses its ``<details>``
markup, its octicon chevron and its ``sd-dropdown`` styles::

    <section class="explainer-faq" aria-labelledby="TITLE-ID">
      <p class="explainer-title" id="TITLE-ID">Frequently Asked Questions</p>
      <details class="sd-sphinx-override sd-dropdown sd-card explainer-faq-item" open>
        <summary class="sd-summary-title sd-card-header explainer-faq-question">
          <span class="sd-summary-text">Question</span>
          <span class="sd-summary-state-marker sd-summary-chevron-right"><svg/></span>
        </summary>
        <span class="explainer-faq-anchor" id="slug-of-the-question"></span>
        <div class="sd-summary-content sd-card-body explainer-faq-answer">
          <a class="explainer-faq-permalink" href="#slug-of-the-question">¶</a>
          ...answer
        </div>
      </details>
    </section>
    <script type="application/ld+json">{"@type":"FAQPage",...}</script>

``<details>``/``<summary>`` open and close by mouse, touch and keyboard
(Enter and Space) without JavaScript. The anchor sits *inside* the
collapsible content because browsers expand a closed ``<details>`` when a
fragment navigation targets something in its content (Chromium 97+, Firefox
139+; HTML "ancestor details revealing algorithm"), not when it targets the
``<details>`` itself; CSS places the anchor at the top of the item so that
the question is in view. The permalink stays out of ``<summary>``: a link in
a summary is a nested interactive control (axe ``nested-interactive``).

A ``faq-item`` outside a ``faq`` is rendered like any other item (nothing is
lost) and warned about, so that ``-W`` builds keep FAQs titled and grouped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import only
from sphinx.ext.ifconfig import ifconfig
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx_design.dropdown import dropdown_main, dropdown_title
from sphinx_design.icons import get_octicon
from sphinx_design.shared import create_component

from sphinx_explainer._i18n import _
from sphinx_explainer.blocks import ExplainerBlock, add_block_node, note_titled_labels
from sphinx_explainer.faq_jsonld import faq_page
from sphinx_explainer.jsonld import explainer_jsonld, script_safe_json
from sphinx_explainer.plaintext import plain_text
from sphinx_explainer.shared import (
    ExplainerDirective,
    LenientOptions,
    check_options,
    class_option,
    flag,
    warn,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

WARNING_SUBTYPE = "faq"
#: The anchor of a question whose text gives no usable slug (e.g. CJK text).
FALLBACK_SLUG = "question"


class explainer_faq(ExplainerBlock):  # noqa: N801
    """A titled group of questions and answers."""

    css_class = "explainer-faq"


class explainer_faq_item(nodes.General, nodes.Element):  # noqa: N801
    """One question and its answer; its ``ids`` are the question's anchors."""


class explainer_faq_question(nodes.General, nodes.TextElement):  # noqa: N801
    """The question of an item (inline markup); translatable like a title."""


class explainer_faq_answer(nodes.General, nodes.Element):  # noqa: N801
    """The answer of an item: any body elements."""


class explainer_faq_anchor(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801
    """HTML only: the empty element that carries a question's anchors."""


class explainer_faq_permalink(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801
    """HTML only: the visible link to a question's anchor."""


def question_text(item: nodes.Element) -> str:
    """The plain text of an item's question: its ``:ref:`` link text, slug and warnings."""
    question = next(
        (child for child in item.children if isinstance(child, explainer_faq_question)), None
    )
    return plain_text(question, " ") if question is not None else ""


def answer_text(answer: nodes.Element, separator: str = "\n") -> str:
    """The plain text of an answer, without the questions of a FAQ nested in it."""
    return plain_text(answer, separator, skip=(explainer_faq,))


def unique_id(document: nodes.document, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever the page does not use yet."""
    candidate, number = base, 1
    while candidate in document.ids:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


# -- directives ---------------------------------------------------------------


class FaqDirective(ExplainerDirective):
    """``.. faq:: [title]`` holding ``faq-item`` directives.

    Other content is rendered where it stands, with a warning.
    """

    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {**ExplainerDirective.option_spec, "open": flag}
    )
    node_class = explainer_faq
    warning_subtype = WARNING_SUBTYPE

    def default_title(self) -> str:
        return _("Frequently Asked Questions")

    def run(self) -> list[nodes.Node]:
        result = super().run()
        if result and "open" in self.options:
            result[0]["open"] = True
        return result

    def check_body(self, body: list[nodes.Node]) -> None:
        strays = [node for node in body if not _belongs_in_faq(node)]
        if not strays:
            return
        found = ", ".join(sorted({node.tagname for node in strays}))
        first = strays[0]
        located = isinstance(first, nodes.Element) and first.source and first.line
        warn(
            f"The '{self.name}' directive expects only 'faq-item' directives, but its "
            f"content also holds: {found}. Write each question as "
            "'.. faq-item:: The question?' with its answer indented below it, or move "
            "other content out of the FAQ; it is rendered as written.",
            first if located else self.get_location(),
            self.warning_subtype,
        )


def _belongs_in_faq(node: nodes.Node) -> bool:
    if isinstance(node, explainer_faq_item | nodes.Invisible | nodes.system_message):
        return True
    if isinstance(node, only | ifconfig):
        # Conditional questions: the container is resolved away when written.
        return all(_belongs_in_faq(child) for child in node.children)
    # What a faq-item without a question leaves behind was warned about already.
    return isinstance(node, nodes.container) and "explainer-faq-unasked" in node["classes"]


class FaqItemDirective(SphinxDirective):
    """``.. faq-item:: The question?`` with the answer as content.

    The question is parsed as inline markup. The anchor is the ``:name:`` if
    given, else a slug of the question (:class:`FaqSlugTransform`), made
    unique on the page with ``-2``, ``-3``... in document order, so it is the
    same on every rebuild.
    """

    # Declared optional so that a missing question gets our warning, not
    # docutils' generic "1 argument(s) required" error.
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {"name": directives.unchanged, "open": flag, "class": class_option}
    )

    def run(self) -> list[nodes.Node]:
        check_options(self, WARNING_SUBTYPE)
        question_source = self.arguments[0].strip() if self.arguments else ""
        answer_nodes = self.parse_content_to_nodes() if self.content else []
        if not question_source:
            warn(
                f"This '{self.name}' has no question. Write the question after the "
                f"directive name: '.. {self.name}:: How do I ...?'; the answer is "
                "rendered without one.",
                self.get_location(),
                WARNING_SUBTYPE,
            )
            unasked = nodes.container("", *answer_nodes, classes=["explainer-faq-unasked"])
            self.set_source_info(unasked)
            return [unasked]

        item = explainer_faq_item(classes=["explainer-faq-item", *self.options.get("class", [])])
        self.set_source_info(item)
        if "open" in self.options:
            item["open"] = True
        question = explainer_faq_question(question_source)
        self.set_source_info(question)
        inline, messages = self.parse_inline(question_source, lineno=self.lineno)
        question += inline
        item += question
        answer = explainer_faq_answer()
        self.set_source_info(answer)
        answer += answer_nodes
        item += answer
        if not "\n".join(self.content).strip():
            warn(
                f"The question '{question.astext()}' has no answer. Write the answer as "
                f"an indented block below the '{self.name}' line.",
                self.get_location(),
                WARNING_SUBTYPE,
            )
        self.name_item(item, question)
        return [item, *messages]

    def name_item(self, item: explainer_faq_item, question: explainer_faq_question) -> None:
        """Give the item its ``:name:``, or a slug of the question, as anchor."""
        document = self.state.document
        name = self.options.get("name", "").strip()
        if name:
            key = nodes.fully_normalize_name(name)
            if key in document.nameids and document.nametypes.get(key):
                other = document.ids.get(document.nameids[key] or "")
                where = f" (line {other.line})" if other is not None and other.line else ""
                warn(
                    f"The name '{name}' of the question '{question.astext()}' is already "
                    f"used on this page{where}. Give each question its own ':name:', "
                    "or leave it out to use a slug of the question as its anchor.",
                    self.get_location(),
                    WARNING_SUBTYPE,
                )
            else:
                self.options["name"] = name
                self.add_name(item)
                if item["ids"]:
                    return
        # Left without an anchor: FaqSlugTransform gives it a slug once every
        # other id of the page is made.


class FaqSlugTransform(SphinxTransform):
    """Give each question without a ``:name:`` a slug of its text as anchor.

    Runs when the page is parsed and docutils' and Sphinx's transforms have
    made every other id (sections, explicit labels, figures), and just before
    ``doctree-read``. A slug never takes an id that a label or a section
    would have had: the question yields (``install-2``), so adding a
    question never breaks an existing permalink.
    """

    default_priority = 870

    def apply(self, **kwargs: Any) -> None:
        for item in self.document.findall(explainer_faq_item):
            if item["ids"]:
                continue
            anchor = unique_id(self.document, nodes.make_id(question_text(item)) or FALLBACK_SLUG)
            item["ids"].append(anchor)
            self.document.ids[anchor] = item


def warn_items_outside_faq(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about each ``faq-item`` that no ``faq`` holds (it is still rendered)."""
    for item in doctree.findall(explainer_faq_item):
        parent = item.parent
        while parent is not None and not isinstance(parent, explainer_faq):
            parent = parent.parent
        if parent is None:
            warn(
                f"The question '{question_text(item)}' is not inside a 'faq' directive. "
                "Write '.. faq::' above it and indent the 'faq-item' below it, so "
                "that the questions get a title; the item is rendered on its own.",
                item,
                WARNING_SUBTYPE,
            )


def note_faq_labels(app: Sphinx, doctree: nodes.document) -> None:
    """``:ref:`` to a named ``faq-item`` shows its question as link text."""
    note_titled_labels(app.env, doctree, explainer_faq_item, question_text)


# -- HTML ---------------------------------------------------------------------


def _is_open(item: explainer_faq_item) -> bool:
    parent = item.parent
    while parent is not None and not isinstance(parent, explainer_faq):
        parent = parent.parent
    return bool(item.get("open") or (parent is not None and parent.get("open")))


class FaqHtmlTransform(SphinxPostTransform):
    """Turn each ``faq_item`` into sphinx-design's dropdown; add the page's JSON-LD.

    Runs on the resolved doctree of one page at write time, so cross-references
    in questions and answers are final and no state crosses pages.
    """

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        items = list(self.document.findall(explainer_faq_item))
        if not items:
            return
        if self.config.explainer_faq_jsonld and not getattr(self.app.builder, "embedded", False):
            data = faq_page((_question_and_answer(item) for item in items), skip=(explainer_faq,))
            if data is not None:
                self.document += explainer_jsonld(json=script_safe_json(data))
        for item in items:
            details = self.dropdown(item)
            # replace_self() would copy the item's ids onto <details>, where a
            # fragment would not open it; they belong to the anchor alone.
            item["ids"], item["names"] = [], []
            item.replace_self(details)

    def dropdown(self, item: explainer_faq_item) -> dropdown_main:
        question = next(
            child for child in item.children if isinstance(child, explainer_faq_question)
        )
        answer = next(child for child in item.children if isinstance(child, explainer_faq_answer))
        details = dropdown_main(
            opened=_is_open(item),
            classes=["sd-sphinx-override", "sd-dropdown", "sd-card", *item["classes"]],
        )
        details.source, details.line = item.source, item.line
        marker = nodes.inline(
            "",
            "",
            nodes.raw("", get_octicon("chevron-right", height="1.5em"), format="html"),
            classes=["sd-summary-state-marker", "sd-summary-chevron-right"],
        )
        details += dropdown_title(
            "",
            "",
            nodes.inline("", "", *question.children, classes=["sd-summary-text"]),
            marker,
            classes=["sd-summary-title", "sd-card-header", "explainer-faq-question"],
        )
        body = create_component(
            "explainer-faq-answer",
            classes=["sd-summary-content", "sd-card-body", "explainer-faq-answer"],
        )
        if item["ids"]:
            details += explainer_faq_anchor(ids=list(item["ids"]), classes=["explainer-faq-anchor"])
            body += explainer_faq_permalink(
                refid=item["ids"][0],
                reftitle=_("Link to this question"),
                classes=["explainer-faq-permalink"],
            )
        body += answer.children
        details += body
        return details


def _question_and_answer(item: explainer_faq_item) -> tuple[nodes.Element, nodes.Element]:
    question = next(child for child in item.children if isinstance(child, explainer_faq_question))
    answer = next(child for child in item.children if isinstance(child, explainer_faq_answer))
    return question, answer


def visit_anchor_html(self: HTML5Translator, node: explainer_faq_anchor) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_anchor_html(self: HTML5Translator, node: explainer_faq_anchor) -> None:
    self.body.append("</span>")


def visit_permalink_html(self: HTML5Translator, node: explainer_faq_permalink) -> None:
    label = node["reftitle"]
    attributes = {"href": f"#{node['refid']}", "title": label, "aria-label": label}
    self.body.append(self.starttag(node, "a", "", **attributes))
    self.body.append("\N{PILCROW SIGN}")


def depart_permalink_html(self: HTML5Translator, node: explainer_faq_permalink) -> None:
    self.body.append("</a>")


# HTML visitors of the neutral nodes: FaqHtmlTransform replaces every item in
# HTML-format builds, so these only serve a translator that runs without it.


def visit_item_html(self: HTML5Translator, node: explainer_faq_item) -> None:
    self.body.append(self.starttag(node, "div"))


def depart_item_html(self: HTML5Translator, node: explainer_faq_item) -> None:
    self.body.append("</div>\n")


def visit_question_html(self: HTML5Translator, node: explainer_faq_question) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="explainer-faq-question"))


def depart_question_html(self: HTML5Translator, node: explainer_faq_question) -> None:
    self.body.append("</p>\n")


visit_answer_html = visit_item_html
depart_answer_html = depart_item_html

# -- LaTeX: a bold question with its label, then the answer ----------------------


def visit_item_latex(self: LaTeXTranslator, node: explainer_faq_item) -> None:
    self.body.append("\n" + self.hypertarget_to(node, anchor=True) + "\n")


def depart_item_latex(self: LaTeXTranslator, node: explainer_faq_item) -> None:
    self.body.append("\n")


def visit_question_latex(self: LaTeXTranslator, node: explainer_faq_question) -> None:
    self.body.append("\n\\par\\noindent\\sphinxstylestrong{")


def depart_question_latex(self: LaTeXTranslator, node: explainer_faq_question) -> None:
    self.body.append("}\\par\n")


def visit_answer_latex(self: LaTeXTranslator, node: explainer_faq_answer) -> None:
    self.body.append("\n")


def depart_answer_latex(self: LaTeXTranslator, node: explainer_faq_answer) -> None:
    self.body.append("\n")


# -- text: the question on its own line, the answer indented below -------------


def visit_item_text(self: TextTranslator, node: explainer_faq_item) -> None:
    self.new_state(0)


def depart_item_text(self: TextTranslator, node: explainer_faq_item) -> None:
    self.end_state()


visit_question_text = visit_item_text
depart_question_text = depart_item_text


def visit_answer_text(self: TextTranslator, node: explainer_faq_answer) -> None:
    self.new_state(3)


def depart_answer_text(self: TextTranslator, node: explainer_faq_answer) -> None:
    self.end_state()


# -- man: a bold question, the answer indented -----------------------------------


def visit_item_man(self: ManualPageTranslator, node: explainer_faq_item) -> None:
    pass


def depart_item_man(self: ManualPageTranslator, node: explainer_faq_item) -> None:
    pass


def visit_question_man(self: ManualPageTranslator, node: explainer_faq_question) -> None:
    self.body.append(".sp\n" + self.defs["strong"][0])


def depart_question_man(self: ManualPageTranslator, node: explainer_faq_question) -> None:
    self.body.append(self.defs["strong"][1] + "\n")


def visit_answer_man(self: ManualPageTranslator, node: explainer_faq_answer) -> None:
    self.visit_block_quote(node)


def depart_answer_man(self: ManualPageTranslator, node: explainer_faq_answer) -> None:
    self.depart_block_quote(node)


# -- texinfo: anchors, a bold question, the answer in a quotation ----------------


def visit_item_texinfo(self: TexinfoTranslator, node: explainer_faq_item) -> None:
    for node_id in node["ids"]:
        self.add_anchor(node_id, node)


def depart_item_texinfo(self: TexinfoTranslator, node: explainer_faq_item) -> None:
    pass


def visit_question_texinfo(self: TexinfoTranslator, node: explainer_faq_question) -> None:
    self.body.append("\n\n@noindent\n@strong{")


def depart_question_texinfo(self: TexinfoTranslator, node: explainer_faq_question) -> None:
    self.body.append("}\n")


def visit_answer_texinfo(self: TexinfoTranslator, node: explainer_faq_answer) -> None:
    self.body.append("\n@quotation\n")


def depart_answer_texinfo(self: TexinfoTranslator, node: explainer_faq_answer) -> None:
    self.body.append("\n@end quotation\n")


def setup_faq(app: Sphinx) -> None:
    add_block_node(app, explainer_faq)
    app.add_node(
        explainer_faq_item,
        html=(visit_item_html, depart_item_html),
        latex=(visit_item_latex, depart_item_latex),
        text=(visit_item_text, depart_item_text),
        man=(visit_item_man, depart_item_man),
        texinfo=(visit_item_texinfo, depart_item_texinfo),
    )
    app.add_node(
        explainer_faq_question,
        html=(visit_question_html, depart_question_html),
        latex=(visit_question_latex, depart_question_latex),
        text=(visit_question_text, depart_question_text),
        man=(visit_question_man, depart_question_man),
        texinfo=(visit_question_texinfo, depart_question_texinfo),
    )
    app.add_node(
        explainer_faq_answer,
        html=(visit_answer_html, depart_answer_html),
        latex=(visit_answer_latex, depart_answer_latex),
        text=(visit_answer_text, depart_answer_text),
        man=(visit_answer_man, depart_answer_man),
        texinfo=(visit_answer_texinfo, depart_answer_texinfo),
    )
    app.add_node(explainer_faq_anchor, html=(visit_anchor_html, depart_anchor_html))
    app.add_node(explainer_faq_permalink, html=(visit_permalink_html, depart_permalink_html))
    app.add_directive("faq", FaqDirective)
    app.add_directive("faq-item", FaqItemDirective)
    app.add_transform(FaqSlugTransform)
    app.add_post_transform(FaqHtmlTransform)
    app.connect("doctree-read", note_faq_labels)
    app.connect("doctree-read", warn_items_outside_faq)
