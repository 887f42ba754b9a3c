"""A page's questions and answers as schema.org ``FAQPage`` JSON-LD, safe in ``<script>``.

Pure functions, from the resolved doctree's question and answer nodes to a
``dict`` (:func:`faq_page`) and from that to the text of a
``<script type="application/ld+json">`` element (:func:`script_safe_json`).

Answers are given as **plain text**: Google's FAQ guidelines accept plain
text or a few HTML tags, and plain text cannot carry markup that a consumer
would have to sanitise. Each block of the answer (paragraph, list item,
literal block...) becomes one line, white space collapsed within it except in
literal blocks; footnote and citation references, comments and other
invisible nodes are left out, and so are labels that only writers add (the
"Note" of a ``note`` directive): see :mod:`sphinx_explainer.plaintext`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sphinx_explainer.plaintext import plain_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils import nodes

SCHEMA_CONTEXT = "https://schema.org"

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
