"""The titled-block node of the explainer blocks, and its visitors for every format.

Every block directive emits the same doctree shape, which every builder can
write::

    <explainer_tldr|explainer_learn|explainer_faq classes="explainer-...">
        <explainer_title>Title</explainer_title>
        ...body elements...

HTML renders it as ``<section class="explainer-..." aria-labelledby="ID">``
whose first child is ``<p class="explainer-title" id="ID">``: a labelled
region. LaTeX writes a titled ``sphinxadmonition`` box after the block's
labels, texinfo a titled ``@quotation`` with its anchor, man a bold title over
an indented block, and text the title on a line of its own above the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from sphinx_explainer.plaintext import Chrome, plain_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator


class explainer_title(Chrome, nodes.Part, nodes.TextElement):  # noqa: N801
    """The visible title of an explainer block.

    Not a ``nodes.title``: tools that read a page's headings would take the
    block's chrome for one (sphinxext-opengraph's description wrote
    ``TL;DR: The summary.``).
    """


class ExplainerBlock(nodes.General, nodes.Element):
    """Base class of the titled explainer blocks (``tldr``, ``what-you-will-learn``, ``faq``)."""

    #: The CSS class every rendering of this block carries.
    css_class: ClassVar[str] = ""


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
    # The block's labels, for :ref: (as visit_target writes them), then
    # \begin{sphinxadmonition}{note}, completed by the title as {Title}.
    if node["ids"]:
        self.body.append("\n" + self.hypertarget_to(node, anchor=True))
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
    title = next((child for child in block.children if isinstance(child, explainer_title)), None)
    return plain_text(title, " ") if title is not None else ""


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
        html=(visit_block_html, depart_block_html),
        latex=(visit_block_latex, depart_block_latex),
        text=(visit_block_text, depart_block_text),
        man=(visit_block_man, depart_block_man),
        texinfo=(visit_block_texinfo, depart_block_texinfo),
    )


def setup_blocks(app: Sphinx) -> None:
    """Register the block title node shared by every explainer block."""
    app.add_node(
        explainer_title,
        html=(visit_title_html, depart_title_html),
        latex=(visit_title_latex, depart_title_latex),
        text=(visit_title_text, depart_title_text),
        man=(visit_title_man, depart_title_man),
        texinfo=(skip_title_texinfo, None),
    )
    app.connect("doctree-read", note_block_labels)
