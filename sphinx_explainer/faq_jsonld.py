"""A page's questions and answers as schema.org ``FAQPage`` JSON-LD, safe in ``<script>``.

Pure functions, from the resolved doctree's question and answer nodes to a
``dict`` (:func:`faq_page`) and from that to the text of a
``<script type="application/ld+json">`` element (:func:`script_safe_json`).

Answers are given as **plain text**: Google's FAQ guidelines accept plain
text or a few HTML tags, and plain text cannot carry markup that a consumer
would have to sanitise. Each block of the answer (paragraph, list item,
literal block...) becomes one line, white space collapsed within it except in
literal blocks (ASCII white space only: U+2028 and no-break spaces
are kept); footnote and citation references, comments and other
invisible nodes are left out, and so are labels that only writers add (the
"Note" of a ``note`` directive).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

SCHEMA_CONTEXT = "https://schema.org"

#: Nodes whose text is not part of what the reader reads as the answer.
_SKIPPED = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.Invisible,
    nodes.raw,
    nodes.system_message,
)

_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_REFERENCES = (nodes.footnote_reference, nodes.citation_reference)

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


def _inline_text(node: nodes.Node) -> str:
    parts: list[str] = []

    def collect(node: nodes.Node) -> None:
        if isinstance(node, _SKIPPED):
            if isinstance(node, _REFERENCES) and parts:
                # "2026 [#note]_." reads "2026." without the reference.
                parts[-1] = parts[-1].rstrip()
            return
        if isinstance(node, nodes.Text):
            parts.append(node.astext())  # without docutils' \x00 escape markers
            return
        for child in node.children:
            collect(child)

    collect(node)
    return "".join(parts)


def _collapse(text: str) -> str:
    # ASCII white space only: U+2028, no-break spaces and the like are content.
    return _WHITE_SPACE.sub(" ", text).strip(" ")


def _blocks(node: nodes.Node) -> Iterator[str]:
    if isinstance(node, _SKIPPED):
        return
    if isinstance(node, nodes.FixedTextElement):  # literal and doctest blocks
        text = "\n".join(line.rstrip() for line in _inline_text(node).splitlines())
        if text.strip():
            yield text.strip("\n")
        return
    if isinstance(node, nodes.Text | nodes.TextElement):
        text = _collapse(_inline_text(node))
        if text:
            yield text
        return
    for child in node.children:
        yield from _blocks(child)


def plain_text(node: nodes.Node) -> str:
    """The text of ``node`` as a reader reads it: one line per block."""
    return "\n".join(_blocks(node))


def faq_page(pairs: Iterable[tuple[nodes.Element, nodes.Element]]) -> dict[str, Any] | None:
    """A schema.org ``FAQPage`` of ``(question, answer)`` node pairs, in order.

    Pairs with an empty question or answer are left out (schema.org requires
    both); None if no pair is left.
    """
    entities = []
    for question, answer in pairs:
        name, text = plain_text(question), plain_text(answer)
        if not name or not text:
            continue
        entities.append(
            {
                "@type": "Question",
                "name": name,
                "acceptedAnswer": {"@type": "Answer", "text": text},
            }
        )
    if not entities:
        return None
    return {"@context": SCHEMA_CONTEXT, "@type": "FAQPage", "mainEntity": entities}


def script_safe_json(data: Any) -> str:
    """``data`` as JSON that can be the raw text of a ``<script>`` element.

    ``</script>``, ``<!--`` and ``&`` cannot appear in the output, and
    U+2028/U+2029 are escaped for JavaScript parsers older than ES2019; other
    Unicode (emoji, right-to-left text) is written as is.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)
