"""The base directive and the titled-block node shared by the explainer blocks.

Every block directive emits the same doctree shape, which every builder can
write::

    <tldr|what_you_will_learn classes="explainer-...">
        <explainer_title>Title</explainer_title>
        ...body elements...

HTML renders it as ``<section class="explainer-..." aria-labelledby="ID">``
whose first child is ``<p class="explainer-title" id="ID">``: a labelled
region. LaTeX writes a titled ``sphinxadmonition`` box, texinfo a titled
``@quotation``, man a bold title over an indented block, and text the title
on a line of its own above the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

WARNING_TYPE = "explainer"


class explainer_title(nodes.title):  # noqa: N801
    """The visible title of an explainer block."""


class ExplainerBlock(nodes.General, nodes.Element):
    """Base class of the titled explainer blocks (``tldr``, ``what-you-will-learn``)."""

    #: The CSS class every rendering of this block carries.
    css_class: ClassVar[str] = ""


def warn(message: str, location: object, subtype: str) -> None:
    """Emit an ``explainer.<subtype>`` warning that can be suppressed."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


class LenientOptions(dict):
    """An ``option_spec`` that lets unknown options through.

    docutils rejects a directive with an unknown option as a whole, and its
    content is lost behind a generic error; with this spec the directive warns
    in its own words (:func:`check_options`) and renders its content.
    """

    def __missing__(self, name: str) -> Callable[[str], str]:
        return directives.unchanged


def flag(argument: str | None) -> str | None:
    """Like ``directives.flag``, but keeps a stray value for :func:`check_options`."""
    return argument.strip() or None if argument else None


def check_options(directive: SphinxDirective, subtype: str) -> None:
    """Warn about unknown options and values given to flags, and drop them."""
    known = directive.option_spec or {}
    for name in sorted(directive.options):
        if name not in known:
            allowed = ", ".join(f":{option}:" for option in sorted(known))
            warn(
                f"The '{directive.name}' directive has no option ':{name}:', so it was "
                f"ignored. Its options are {allowed}.",
                directive.get_location(),
                subtype,
            )
            del directive.options[name]
        elif known[name] is flag and directive.options[name] is not None:
            warn(
                f"The option ':{name}:' of the '{directive.name}' directive takes no value, "
                f"so '{directive.options[name]}' was ignored. Write ':{name}:' alone.",
                directive.get_location(),
                subtype,
            )
            directive.options[name] = None


class ExplainerDirective(SphinxDirective):
    """A block with an optional title argument, ``:class:`` and ``:name:``.

    Subclasses set :attr:`node_class`, :attr:`warning_subtype` and
    :meth:`default_title`, and may check the parsed body in :meth:`check_body`.
    """

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {"class": directives.class_option, "name": directives.unchanged}
    )

    node_class: ClassVar[type[ExplainerBlock]]
    warning_subtype: ClassVar[str]

    def default_title(self) -> str:
        """The title used when the author gives none, in the project's language."""
        raise NotImplementedError

    def check_body(self, body: list[nodes.Node]) -> None:
        """Warn about content the block does not expect (the default accepts all)."""

    def run(self) -> list[nodes.Node]:
        check_options(self, self.warning_subtype)
        if not "\n".join(self.content).strip():
            warn(
                f"The '{self.name}' directive is empty, so nothing was rendered. "
                "Write its content as an indented block below the directive.",
                self.get_location(),
                self.warning_subtype,
            )
            return []
        block = self.node_class(classes=[self.node_class.css_class, *self.options.get("class", [])])
        self.set_source_info(block)
        self.add_name(block)
        block += self.make_title()
        body = self.parse_content_to_nodes()
        self.check_body(body)
        block += body
        return [block]

    def make_title(self) -> explainer_title:
        """The title node: the argument parsed as inline markup, or the default."""
        title = explainer_title(self.arguments[0] if self.arguments else "")
        self.set_source_info(title)
        if self.arguments:
            inline, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            title += inline
            title += messages
        else:
            title += nodes.Text(self.default_title())
            # The default comes from our own catalog; keep it out of the .pot.
            title["translatable"] = False
        self.state.document.set_id(title)
        return title


# -- visitors -----------------------------------------------------------------
# The block is not a docutils Admonition: the text writer would run the
# paragraphs of an Admonition together, and themes style admonitions their own
# way. Each format gets the titled block it knows instead.


def visit_block_html(self: HTML5Translator, node: ExplainerBlock) -> None:
    title_ids = node[0]["ids"] if node.children else []
    attributes = {"aria-labelledby": title_ids[0]} if title_ids else {}
    self.body.append(self.starttag(node, "section", **attributes))


def depart_block_html(self: HTML5Translator, node: ExplainerBlock) -> None:
    self.body.append("</section>\n")


def visit_title_html(self: HTML5Translator, node: explainer_title) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="explainer-title"))


def depart_title_html(self: HTML5Translator, node: explainer_title) -> None:
    self.body.append("</p>\n")


def visit_block_latex(self: LaTeXTranslator, node: ExplainerBlock) -> None:
    # \begin{sphinxadmonition}{note}, completed by the title as {Title}.
    self.visit_admonition(node)


def depart_block_latex(self: LaTeXTranslator, node: ExplainerBlock) -> None:
    self.depart_admonition(node)


def visit_title_latex(self: LaTeXTranslator, node: explainer_title) -> None:
    self.body.append("{")


def depart_title_latex(self: LaTeXTranslator, node: explainer_title) -> None:
    self.body.append("}\n")


def visit_block_text(self: TextTranslator, node: ExplainerBlock) -> None:
    self.new_state(0)


def depart_block_text(self: TextTranslator, node: ExplainerBlock) -> None:
    self.end_state()


visit_title_text = visit_block_text
depart_title_text = depart_block_text


def visit_block_man(self: ManualPageTranslator, node: ExplainerBlock) -> None:
    self.visit_block_quote(node)


def depart_block_man(self: ManualPageTranslator, node: ExplainerBlock) -> None:
    self.depart_block_quote(node)


def visit_title_man(self: ManualPageTranslator, node: explainer_title) -> None:
    self.body.append(".sp\n" + self.defs["strong"][0])


def depart_title_man(self: ManualPageTranslator, node: explainer_title) -> None:
    self.body.append(self.defs["strong"][1] + "\n")


def visit_block_texinfo(self: TexinfoTranslator, node: ExplainerBlock) -> None:
    # A titled @quotation inside a @cartouche; the title is its first child.
    self.visit_admonition(node)


def depart_block_texinfo(self: TexinfoTranslator, node: ExplainerBlock) -> None:
    self.depart_admonition(node)


def skip_title_texinfo(self: TexinfoTranslator, node: explainer_title) -> None:
    raise nodes.SkipNode


def block_title_text(block: nodes.Element) -> str:
    """The title of a block, for ``:ref:`` link texts."""
    return next((child.astext() for child in block.children if isinstance(child, explainer_title)), "")


def note_titled_labels(
    env: BuildEnvironment,
    doctree: nodes.document,
    node_class: type[nodes.Element],
    title_of: Callable[[nodes.Element], str],
) -> None:
    """Let ``:ref:`` to a named ``node_class`` node show that node's title.

    The standard domain gives titles to section labels only; like
    ``sphinx.ext.autosectionlabel``, record the others in its ``labels``, which
    it purges and merges per document itself.
    """
    std = env.get_domain("std")
    for node in doctree.findall(node_class):
        for name in node["names"]:
            if node["ids"] and doctree.nametypes.get(name):  # explicit names only
                std.labels[name] = (env.docname, node["ids"][0], title_of(node))


def note_block_labels(app: Sphinx, doctree: nodes.document) -> None:
    note_titled_labels(app.env, doctree, ExplainerBlock, block_title_text)


def add_block_node(app: Sphinx, node_class: type[ExplainerBlock]) -> None:
    """Register a titled block with a visitor pair for every output format."""
    app.add_node(
        node_class,
        override=True,
        html=(visit_block_html, depart_block_html),
        latex=(visit_block_latex, depart_block_latex),
        text=(visit_block_text, depart_block_text),
        man=(visit_block_man, depart_block_man),
        texinfo=(visit_block_texinfo, depart_block_texinfo),
    )


def setup_shared(app: Sphinx) -> None:
    """Register the block title node shared by every explainer block."""
    app.add_node(
        explainer_title,
        override=True,
        html=(visit_title_html, depart_title_html),
        latex=(visit_title_latex, depart_title_latex),
        text=(visit_title_text, depart_title_text),
        man=(visit_title_man, depart_title_man),
        texinfo=(skip_title_texinfo, None),
    )
    app.connect("doctree-read", note_block_labels)
