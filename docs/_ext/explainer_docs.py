"""Directives used by the documentation only.

``.. explainer-example:: NAME`` renders ``snippets/rst/NAME.txt``, then shows
its source beside the MyST twin ``snippets/myst/NAME.md`` in two tabs; the
tests build the same files.

``.. explainer-config-table::`` writes the table of every ``explainer_*``
configuration value from :data:`sphinx_explainer.config.CONFIG_VALUES`, so the
reference never falls behind the code.

The ``mathml`` math renderer writes math as MathML, which browsers draw
themselves, so the pages load no MathJax from a CDN and keep a strict CSP;
numbered equations are written as Sphinx's MathJax renderer writes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx.util.math import get_node_equation_number

from sphinx_explainer.config import CONFIG_VALUES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator

HEADER = ("Setting", "Description")
WIDTHS = (45, 55)


def _type_names(types: object) -> str:
    """``bool`` for a set of types; ``'a' or 'b'`` for a Sphinx ``ENUM``."""
    # ENUM keeps its choices in ``candidates`` (Sphinx 7.4) or ``_candidates`` (Sphinx 9).
    candidates = getattr(types, "candidates", None) or getattr(types, "_candidates", None)
    if candidates is not None:
        return " or ".join(sorted(repr(choice) for choice in candidates))
    return " or ".join(sorted(getattr(t, "__name__", str(t)) for t in types))


def _paragraph(*parts: nodes.Node | str) -> nodes.paragraph:
    return nodes.paragraph(
        "", "", *(part if isinstance(part, nodes.Node) else nodes.Text(part) for part in parts)
    )


def _row(*cells: list[nodes.paragraph]) -> nodes.row:
    row = nodes.row()
    for paragraphs in cells:
        entry = nodes.entry()
        entry += paragraphs
        row += entry
    return row


class ConfigTableDirective(SphinxDirective):
    """A table: one row per ``explainer_*`` value (name, default and type; meaning)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["explainer-config-table"])
        group = nodes.tgroup(cols=len(HEADER))
        table += group
        group += [nodes.colspec(colwidth=width) for width in WIDTHS]
        head = nodes.thead()
        head += _row(*([_paragraph(text)] for text in HEADER))
        group += head
        body = nodes.tbody()
        for value in CONFIG_VALUES:
            # A link to the value's ``confval`` entry: under ``-n`` an
            # undocumented value fails the docs build.
            name = addnodes.pending_xref(
                "",
                nodes.literal(value.name, value.name),
                refdomain="std",
                reftype="confval",
                reftarget=value.name,
                refdoc=self.env.docname,
                refexplicit=False,
                refwarn=True,
            )
            default = nodes.literal(repr(value.default), repr(value.default))
            setting = [
                _paragraph(name),
                _paragraph("Default: ", default),
                _paragraph("Type: ", nodes.literal("", _type_names(value.types))),
            ]
            body += _row(setting, [_paragraph(value.description)])
        group += body
        self.set_source_info(table)
        return [table]


EXAMPLE_TEMPLATE = """\
.. container:: explainer-example

   .. include:: /snippets/rst/{name}.txt

.. tab-set::
   :class: explainer-example-source

   .. tab-item:: reST
      :sync: rst

      .. literalinclude:: /snippets/rst/{name}.txt
         :language: rst

   .. tab-item:: MyST
      :sync: myst

      .. literalinclude:: /snippets/myst/{name}.md
         :language: md
"""


class ExampleDirective(SphinxDirective):
    """A snippet rendered, then its reST and MyST sources in synced tabs."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        text = EXAMPLE_TEMPLATE.format(name=self.arguments[0])
        source, line = self.get_source_info()
        content = StringList(text.splitlines(), items=[(source, line)] * len(text.splitlines()))
        container = nodes.Element()
        self.state.nested_parse(content, self.content_offset, container)
        return container.children


def _mathml(tex: str, *, block: bool) -> str:
    """MathML for ``tex`` (docutils 0.22 says ``as_block``, older ones ``inline``)."""
    from docutils.utils.math import latex2mathml

    try:
        return latex2mathml.tex2mathml(tex, as_block=block)
    except TypeError:
        return latex2mathml.tex2mathml(tex, inline=not block)


def visit_math_mathml(self: HTML5Translator, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(_mathml(node.astext(), block=False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath_mathml(self: HTML5Translator, node: nodes.math_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(_mathml(node.astext(), block=True) + "</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_html_math_renderer(
        "mathml", (visit_math_mathml, None), (visit_displaymath_mathml, None)
    )
    app.add_directive("explainer-example", ExampleDirective)
    app.add_directive("explainer-config-table", ConfigTableDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
