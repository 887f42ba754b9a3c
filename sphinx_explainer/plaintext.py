"""The text of doctree nodes as a reader reads it: the one plain-text path.

Every feature that needs "the text of a node" takes it from
:func:`plain_text`: the TL;DR description, the FAQ slug and ``:ref:`` text,
the JSON-LD, the reading time and the site features. The rules, written once:

- **Skipped:** footnote and citation references (with the space before them:
  "2026 [#note]_." reads "2026."), Sphinx's citation references too, before
  they are resolved (a ``pending_xref`` of the ``citation`` domain) and after
  (a reference with the class :data:`CITATION_REFERENCE_CLASS`), footnote and citation labels, raw markup,
  comments and other invisible nodes, system messages, and the titles of the
  explainer blocks inside the node (the "TL;DR" over a summary is chrome, not
  content). The node itself is never skipped, so the plain text of a block
  title is its text.
- **White space:** one line per block (paragraph, list item, title...), ASCII
  white space collapsed within it, except in literal blocks, whose lines are
  kept (right-stripped). U+2028 and no-break spaces are content. With
  ``separator=" "``, the blocks are joined on one line.
- docutils' markers of backslash escapes are dropped.
"""

from __future__ import annotations

import re

from docutils import nodes


class Chrome:
    """Mixin for nodes whose text is chrome, not content (the explainer blocks' titles)."""


#: Nodes whose text is not part of what the reader reads.
SKIPPED = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.label,
    nodes.Invisible,
    nodes.raw,
    nodes.system_message,
    Chrome,
)

#: The class :mod:`sphinx_explainer.footnotes` gives Sphinx's citation
#: references before they are resolved into plain ``reference`` nodes.
CITATION_REFERENCE_CLASS = "explainer-citation-reference"

_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
#: The ASCII characters besides white space that str.split() splits on.
_ASCII_SEPARATORS = re.compile(r"[\x1c-\x1f]")
_REFERENCES = (nodes.footnote_reference, nodes.citation_reference)


def _is_reference(node: nodes.Node) -> bool:
    """A footnote or citation reference, Sphinx's (resolved or not) included."""
    if isinstance(node, _REFERENCES):
        return True
    return isinstance(node, nodes.Element) and (
        node.get("refdomain") == "citation" or CITATION_REFERENCE_CLASS in node["classes"]
    )


def _is_skipped(node: nodes.Node, skipped: tuple[type[nodes.Node], ...]) -> bool:
    return isinstance(node, skipped) or _is_reference(node)


def _inline_text(node: nodes.Node, skipped: tuple[type[nodes.Node], ...] = SKIPPED) -> str:
    parts: list[str] = []
    # The space cut before a reference, given back if a word follows it.
    cut_space = False

    def collect(node: nodes.Node, root: bool = False) -> None:
        nonlocal cut_space
        if not root and _is_skipped(node, skipped):
            if _is_reference(node) and parts and parts[-1] != parts[-1].rstrip():
                # "2026 [#note]_." reads "2026." without the reference.
                parts[-1] = parts[-1].rstrip()
                cut_space = True
            return
        if isinstance(node, nodes.Text):
            text = node.astext()  # without docutils' \x00 escape markers
            if cut_space and text[:1].isalnum():
                text = " " + text
            cut_space = False
            parts.append(text)
            return
        for child in node.children:
            collect(child)

    collect(node, root=True)
    return "".join(parts)


def collapse(text: str) -> str:
    """``text`` on one line: runs of ASCII white space become one space."""
    if text.isascii() and not _ASCII_SEPARATORS.search(text):
        # The common case, faster: here str.split() splits on exactly the
        # white space the rule names.
        return " ".join(text.split())
    return _WHITE_SPACE.sub(" ", text).strip(" ")


def _add_blocks(
    node: nodes.Node, blocks: list[str], skipped: tuple[type[nodes.Node], ...], root: bool = False
) -> None:
    """Append the text of each block in ``node`` to ``blocks``."""
    if not root and _is_skipped(node, skipped):
        return
    if isinstance(node, nodes.FixedTextElement):  # literal and doctest blocks
        text = "\n".join(line.rstrip() for line in _inline_text(node, skipped).splitlines())
        if text.strip():
            blocks.append(text.strip("\n"))
        return
    if isinstance(node, nodes.Text | nodes.TextElement):
        text = collapse(_inline_text(node, skipped))
        if text:
            blocks.append(text)
        return
    for child in node.children:
        _add_blocks(child, blocks, skipped)


def plain_text(
    node: nodes.Node, separator: str = "\n", skip: tuple[type[nodes.Node], ...] = ()
) -> str:
    """The text of ``node`` as a reader reads it: its blocks joined by ``separator``.

    With the default, one line per block (literal blocks keep their lines);
    with ``separator=" "``, all on one line, white space collapsed throughout.
    Nodes of the classes in ``skip`` inside ``node`` are left out too (a FAQ
    answer leaves out the questions of a FAQ nested in it).
    """
    blocks: list[str] = []
    _add_blocks(node, blocks, SKIPPED + skip, root=True)
    if separator == "\n":
        return "\n".join(blocks)
    return collapse(separator.join(blocks))
