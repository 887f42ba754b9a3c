"""Render a block whose source repeats an option, instead of losing it.

docutils checks a directive's options before the directive runs: an option
written twice raises ``DuplicateOptionError`` in
``utils.assemble_option_dict``, and ``Body.run_directive`` returns only an
ERROR ``system_message`` (``Error in "faq" directive: invalid option data:
duplicate option "open"``) whose ``literal_block`` holds the directive's
source. Sphinx drops system messages, so the block and its content vanished.
No directive, option spec or parser hook runs in between, so
:class:`RepeatedOptionsTransform`, the first transform of each page, finds
those errors for the extension's directives and parses each source again,
with the last line of each repeated option (MyST-Parser keeps the last too),
right after the error::

    <system_message level="3" line="4" source="index.rst">
        <paragraph>Error in "faq" directive: ... duplicate option "open".
        <literal_block>.. faq::\\n   :open:\\n   :open:\\n ...
    <explainer_faq classes="explainer-faq" open="True">     <- parsed again
        <explainer_title>Frequently Asked Questions
        <explainer_faq_item ...>

It parses in the page's own document, so footnotes, labels and ids register
with the page, and from the source's own lines, so warnings about the content
name the right file and line. docutils' error stays the one message the
author sees; Sphinx drops its node from the page as before.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst.states import Body, RSTStateMachine, state_classes
from docutils.statemachine import StringList
from sphinx.transforms import SphinxTransform

from sphinx_explainer.lists import EXPLAINERS, FAQ_INDEX

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: The directives whose blocks are kept when an option is repeated.
EXPLAINER_DIRECTIVES = frozenset(
    {"tldr", "what-you-will-learn", "faq", "faq-item", EXPLAINERS, FAQ_INDEX}
)

#: docutils' message for a repeated option, worded alike from 0.20 to 0.22.
REPEATED_OPTION = re.compile(
    r'Error in "(?P<directive>[^"]+)" directive:.*\bduplicate option "[^"]+"', re.DOTALL
)

#: The start of a field, as docutils reads a directive's options.
FIELD_MARKER = re.compile(Body.patterns["field_marker"])


def repeated_option_source(message: nodes.system_message) -> str | None:
    """The source of the directive ``message`` rejects for a repeated option, if ours."""
    paragraph = next(iter(message.findall(nodes.paragraph)), None)
    literal = next(iter(message.findall(nodes.literal_block)), None)
    if paragraph is None or literal is None or not message.get("line"):
        return None
    match = REPEATED_OPTION.match(paragraph.astext())
    if match is None or match.group("directive").lower() not in EXPLAINER_DIRECTIVES:
        return None
    source = literal.astext()
    # docutils quotes the directive from its explicit markup start on.
    return source if source.startswith("..") else None


def option_fields(lines: list[str]) -> list[tuple[str, list[int]]]:
    """Each option of a directive's source lines: its name and the lines it spans.

    The options are the fields of the lines before the first blank one; a
    line indented deeper than the fields continues the field above it.
    """
    fields: list[tuple[str, list[int]]] = []
    indent = -1
    for index in range(1, len(lines)):
        text = lines[index].lstrip()
        if not text:
            break
        depth = len(lines[index]) - len(text)
        marker = FIELD_MARKER.match(text)
        if marker and (not fields or depth == indent):
            indent = depth
            fields.append((marker.group().strip()[1:-1].strip().lower(), [index]))
        elif fields:
            fields[-1][1].append(index)
    return fields


def repeated_lines(lines: list[str]) -> set[int]:
    """The lines of every occurrence of an option but its last."""
    fields = option_fields(lines)
    last = {name: span for name, span in fields}
    return {index for name, span in fields if span is not last[name] for index in span}


def without_repeated_options(lines: list[str], dropped: set[int]) -> tuple[list[str], list[int]]:
    """``lines`` without the ``dropped`` ones, and the source index of each line.

    The dropped lines become blank lines after the options, where docutils
    skips them, so every line of the content keeps its line number.
    """
    end = max(dropped) + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    order = [
        *(index for index in range(end) if index not in dropped),
        *sorted(dropped),
        *range(end, len(lines)),
    ]
    return ["" if index in dropped else lines[index] for index in order], order


@contextmanager
def messages_located_by(machine: RSTStateMachine, document: nodes.document) -> Iterator[None]:
    """Have docutils' messages name the lines ``machine`` reads, then restore the page's.

    The reporter keeps the ``get_source_and_line`` of the machine that parsed
    the page first (``RSTState.runtime_init``); Sphinx swaps it the same way in
    ``sphinx.util.docutils.switch_source_input``.
    """
    reporter = document.reporter
    previous = getattr(reporter, "get_source_and_line", None)
    position = document.current_source, document.current_line
    reporter.get_source_and_line = machine.get_source_and_line
    try:
        yield
    finally:
        if previous is None:
            del reporter.get_source_and_line
        else:
            reporter.get_source_and_line = previous
        document.current_source, document.current_line = position


def parse_block(document: nodes.document, block: StringList, offset: int) -> list[nodes.Node]:
    """Parse ``block`` as reST in ``document``; return its nodes, detached.

    ``offset`` is the line number, less one, of the block's first line.
    """
    machine = RSTStateMachine(state_classes, "Body", debug=document.reporter.debug_flag)
    count = len(document.children)
    with messages_located_by(machine, document):
        machine.run(block, document, input_offset=offset, match_titles=False)
    parsed = document.children[count:]
    del document[count:]
    return parsed


#: The lists docutils numbers and matches footnotes in, in the order they were parsed.
FOOTNOTE_LISTS = ("autofootnotes", "autofootnote_refs", "symbol_footnotes", "symbol_footnote_refs")


def restore_footnote_order(document: nodes.document) -> None:
    """Sort docutils' lists of footnotes and references into document order.

    A block parsed again registers its ``[#]_`` and ``[*]_`` after the rest
    of the page; docutils pairs them with notes, and lists back references,
    in the order of these lists.
    """
    position = {id(node): index for index, node in enumerate(document.findall(nodes.Element))}
    lists = [getattr(document, name) for name in FOOTNOTE_LISTS]
    lists += [*document.footnote_refs.values(), *document.citation_refs.values()]
    for parse_order in lists:
        parse_order.sort(key=lambda node: position.get(id(node), len(position)))


class RepeatedOptionsTransform(SphinxTransform):
    """Put back each block docutils rejected for a repeated option, parsed again.

    The block goes right after docutils' error, which stays in the tree, so
    that ``keep_warnings = True`` still shows it. Runs first (Sphinx's and
    docutils' own transforms start at 10), so the block's footnotes,
    substitutions, labels and translations go through every later transform
    as if docutils had parsed it the first time.
    """

    default_priority = 5

    def apply(self, **kwargs: Any) -> None:
        if self.keep_blocks(self.document):
            restore_footnote_order(self.document)

    def keep_blocks(self, root: nodes.Node) -> bool:
        """Parse again each rejected block under ``root``; whether any was."""
        kept = False
        for message in list(root.findall(nodes.system_message)):
            parsed = self.parse_again(message)
            if parsed is None:
                continue
            for node in parsed:
                # A block inside this one is only parsed now, and may repeat an option too.
                self.keep_blocks(node)
            parent = message.parent
            parent.insert(parent.index(message) + 1, parsed)
            kept = True
        return kept

    def parse_again(self, message: nodes.system_message) -> list[nodes.Node] | None:
        """The nodes of the block ``message`` holds, with its repeated options dropped."""
        source = repeated_option_source(message)
        if source is None:
            return None
        lines = source.split("\n")
        dropped = repeated_lines(lines)
        if not dropped:
            return None
        text, order = without_repeated_options(lines, dropped)
        first = message["line"] - 1
        items = [(message["source"], first + index) for index in order]
        return parse_block(self.document, StringList(text, items=items), first)


def setup_repeated_options(app: Sphinx) -> None:
    """Register the transform that keeps blocks with a repeated option."""
    app.add_transform(RepeatedOptionsTransform)
