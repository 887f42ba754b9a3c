"""The text of doctree nodes as a reader reads it, for descriptions and JSON-LD.

Footnote and citation references, comments and other invisible nodes are left
out, with the space before a reference ("2026 [#note]_." reads "2026."), and
docutils' markers of backslash escapes are dropped. :func:`plain_text` gives
one line per block, white space collapsed within it except in literal blocks
(ASCII white space only: U+2028 and no-break spaces are content).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Nodes whose text is not part of what the reader reads.
_SKIPPED = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.Invisible,
    nodes.raw,
    nodes.system_message,
)

_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_REFERENCES = (nodes.footnote_reference, nodes.citation_reference)


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
