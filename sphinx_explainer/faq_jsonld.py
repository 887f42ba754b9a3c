"""A page's questions and answers as a schema.org ``FAQPage``, ready for JSON-LD.

A pure function, from the resolved doctree's question and answer nodes to a
``dict`` (:func:`faq_page`); :mod:`sphinx_explainer.jsonld` writes it into
the page.

Answers are given as **plain text**: Google's FAQ guidelines accept plain
text or a few HTML tags, and plain text cannot carry markup that a consumer
would have to sanitise. Each block of the answer (paragraph, list item,
literal block...) becomes one line, white space collapsed within it except in
literal blocks; footnote and citation references, comments and other
invisible nodes are left out, and so are labels that only writers add (the
"Note" of a ``note`` directive): see :mod:`sphinx_explainer.plaintext`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_explainer.plaintext import plain_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils import nodes

SCHEMA_CONTEXT = "https://schema.org"


def faq_page(
    pairs: Iterable[tuple[nodes.Element, nodes.Element]],
    skip: tuple[type[nodes.Node], ...] = (),
) -> dict[str, Any] | None:
    """A schema.org ``FAQPage`` of ``(question, answer)`` node pairs, in order.

    Nodes of the classes in ``skip`` stay out of the answers (a FAQ nested in
    an answer: its questions are pairs of their own). Pairs with an empty
    question or answer are left out (schema.org requires both); None if no
    pair is left.
    """
    entities = []
    for question, answer in pairs:
        name, text = plain_text(question), plain_text(answer, skip=skip)
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
