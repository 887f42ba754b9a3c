"""The first TL;DR of a page as its ``<meta name="description">`` and ``og:description``.

An HTML-only post-transform appends ``explainer_description`` meta nodes to
the resolved doctree, so the HTML writer escapes and places them in
``<head>`` like the ones of docutils' ``meta`` directive. The author's own
description wins over the TL;DR, for both tags: a ``.. meta:: :description:``
or a ``:description:`` page field describes the page, and a
``.. meta:: :property=og\\:description:`` or an ``:og:description:`` page
field is its ``og:description``. A page never gets two of either tag.

Themes and extensions that write the tags from the page's fields rather than
from ``metatags`` get the description there (``html-page-context``):
sphinxext-opengraph as the ``og:description`` field, shibuya (without
opengraph) as the ``description`` field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_explainer.plaintext import plain_text
from sphinx_explainer.tldr import explainer_tldr

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Descriptions are cut on a word boundary near this many characters.
DESCRIPTION_LENGTH = 200
#: A cut on a word boundary may give back at most this many characters;
#: text with fewer spaces (CJK, long runs) is cut at the limit instead.
WORD_CUT_SLACK = 40
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
OPENGRAPH = "sphinxext.opengraph"


class explainer_description(nodes.meta):  # noqa: N801
    """A ``<meta>`` tag written from a TL;DR (rather than by the author)."""


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Cut ``text`` on the last word boundary within ``limit``, adding an ellipsis.

    When that boundary is far back (a script written without spaces, or a
    long unbroken run), the text is cut at ``limit`` instead.
    """
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)
    cut = text[:space] if space >= limit - WORD_CUT_SLACK else text[:limit]
    return cut.rstrip(" ,;:.-\N{EM DASH}\N{EN DASH}") + ELLIPSIS


def tldr_text(block: explainer_tldr) -> str:
    """The plain, white-space-collapsed text of a TL;DR's body."""
    return plain_text(block, " ")


def own_meta(document: nodes.document, **attributes: str) -> str | None:
    """The content of the author's first ``meta`` tag with ``attributes``, if any."""
    for node in document.findall(nodes.meta):
        if isinstance(node, explainer_description):
            continue
        if all(node.get(name) == value for name, value in attributes.items()):
            return str(node.get("content", ""))
    return None


def field_text(fields: dict[str, Any], name: str) -> str:
    """A page field as one line of text, or ``""``."""
    return " ".join(str(fields.get(name) or "").split())


def page_description(document: nodes.document, fields: dict[str, Any]) -> str:
    """The page's description: the author's own, else its first TL;DR, else ``""``."""
    own = own_meta(document, name="description") or field_text(fields, "description")
    if own:
        return own
    first = next(iter(document.findall(explainer_tldr)), None)
    return shorten(tldr_text(first)) if first is not None else ""


class TldrDescriptionTransform(SphinxPostTransform):
    """Append the description meta tags the page lacks, from its first TL;DR.

    The description is also kept on the document (``explainer_description``)
    for :func:`share_description`.
    """

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.explainer_tldr_description:
            return
        fields = self.env.metadata.get(self.env.docname, {})
        description = page_description(self.document, fields)
        if not description:
            return
        self.document["explainer_description"] = description
        if own_meta(self.document, name="description") is None:
            self.document += explainer_description(name="description", content=description)
        own_og = own_meta(self.document, property="og:description") or fields.get("og:description")
        if OPENGRAPH not in self.app.extensions and not own_og:
            self.document += explainer_description(property="og:description", content=description)


def share_description(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Give the description to those who read it from the page's fields.

    sphinxext-opengraph reads ``og:*`` page fields from ``context["meta"]``
    (the author's ``:og:description:`` stays first); shibuya without
    opengraph writes both tags from ``meta.description`` and ignores
    ``metatags``. A copy is given, so that the environment's metadata stays
    untouched.
    """
    description = doctree.get("explainer_description") if doctree is not None else None
    if not description:
        return
    fields = dict(context.get("meta") or {})
    fields.setdefault("description", description)
    if OPENGRAPH in app.extensions:
        fields.setdefault("og:description", description)
    context["meta"] = fields


def visit_meta_html(self: HTML5Translator, node: nodes.meta) -> None:
    """Write a meta node of ours as docutils writes the ``meta`` directive's."""
    self.visit_meta(node)


def depart_meta_html(self: HTML5Translator, node: nodes.meta) -> None:
    self.depart_meta(node)


def setup_description(app: Sphinx) -> None:
    app.add_node(explainer_description, html=(visit_meta_html, depart_meta_html))
    app.add_post_transform(TldrDescriptionTransform)
    # Before sphinxext-opengraph's own handler (default priority 500).
    app.connect("html-page-context", share_description, priority=400)
