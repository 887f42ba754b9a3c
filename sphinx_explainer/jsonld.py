"""JSON-LD in HTML pages: script-safe JSON text and the node that writes it.

The FAQ's ``FAQPage`` and an article's ``Article`` are built as data, turned
into JSON that cannot break out of its ``<script>`` element
(:func:`script_safe_json`), and placed in the doctree as an
:class:`explainer_jsonld` node, which the HTML writer writes as
``<script type="application/ld+json">``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Characters that could end or comment out a ``<script>`` element, or end a
#: JavaScript line, written as JSON ``\uXXXX`` escapes. They can only occur
#: inside JSON strings, where the escapes mean the same characters.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_safe_json(data: Any) -> str:
    """``data`` as JSON that can be the raw text of a ``<script>`` element.

    ``</script>``, ``<!--`` and ``&`` cannot appear in the output, and
    U+2028/U+2029 are escaped for JavaScript parsers older than ES2019; other
    Unicode (emoji, right-to-left text) is written as is.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)


class explainer_jsonld(nodes.Invisible, nodes.Element):  # noqa: N801
    """HTML only: one JSON-LD script, its text kept in the ``json`` attribute (never as text)."""


def visit_jsonld_html(self: HTML5Translator, node: explainer_jsonld) -> None:
    # The JSON escapes <, > and & itself (script_safe_json), so it is written
    # as the raw text of the script element, unchanged.
    self.body.append(self.starttag(node, "script", "", type="application/ld+json"))
    self.body.append(node["json"])
    self.body.append("</script>\n")
    raise nodes.SkipNode


def setup_jsonld(app: Sphinx) -> None:
    app.add_node(explainer_jsonld, html=(visit_jsonld_html, None))
