"""The first TL;DR of a page as its ``<meta name="description">`` and ``og:description``.

An HTML-only post-transform appends ``tldr_description`` meta nodes to the
resolved doctree, so the HTML writer escapes and places them in ``<head>``
like the ones of docutils' ``meta`` directive. A page that has a description
of its own (``.. meta:: :description: ...``) keeps it and gets none. With
sphinxext-opengraph, which writes ``og:description`` itself, the TL;DR is
handed to it as a page field instead, so the page never has two tags.
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
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
OPENGRAPH = "sphinxext.opengraph"


class explainer_description(nodes.meta):  # noqa: N801
    """A ``<meta>`` tag written from a TL;DR (rather than by the author)."""


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Cut ``text`` on the last word boundary within ``limit``, adding an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    return cut.rstrip(" ,;:.-\N{EM DASH}\N{EN DASH}") + ELLIPSIS


def tldr_text(block: explainer_tldr) -> str:
    """The plain, white-space-collapsed text of a TL;DR's body."""
    return plain_text(block, " ")


def has_own_description(document: nodes.document) -> bool:
    """Whether the author gave the page a description with the ``meta`` directive."""
    return any(
        node.get("name") == "description" and not isinstance(node, explainer_description)
        for node in document.findall(nodes.meta)
    )


def page_description(document: nodes.document) -> str | None:
    """The description the first TL;DR gives the page, if it should give one."""
    if has_own_description(document):
        return None
    first = next(iter(document.findall(explainer_tldr)), None)
    text = shorten(tldr_text(first)) if first is not None else ""
    return text or None


class TldrDescriptionTransform(SphinxPostTransform):
    """Append the page's description meta tags, taken from its first TL;DR."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.explainer_tldr_description:
            return
        description = page_description(self.document)
        if description is None:
            return
        self.document += explainer_description(name="description", content=description)
        if OPENGRAPH not in self.app.extensions:
            self.document += explainer_description(property="og:description", content=description)


def hand_description_to_opengraph(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Give sphinxext-opengraph the TL;DR as the page's ``og:description`` field.

    opengraph reads ``og:*`` page fields from ``context["meta"]``; a copy is
    passed so that the environment's metadata stays untouched.
    """
    if doctree is None or OPENGRAPH not in app.extensions:
        return
    if not app.config.explainer_tldr_description:
        return
    ours = [node["content"] for node in doctree.findall(explainer_description)]
    if ours:
        context["meta"] = {**(context.get("meta") or {}), "og:description": ours[0]}


def visit_tldr_description(self: HTML5Translator, node: explainer_description) -> None:
    self.visit_meta(node)


def depart_tldr_description(self: HTML5Translator, node: explainer_description) -> None:
    self.depart_meta(node)


def setup_description(app: Sphinx) -> None:
    app.add_node(explainer_description, html=(visit_tldr_description, depart_tldr_description))
    app.add_post_transform(TldrDescriptionTransform)
    # Before sphinxext-opengraph's own handler (default priority 500).
    app.connect("html-page-context", hand_description_to_opengraph, priority=400)
