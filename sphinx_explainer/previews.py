"""Footnote previews in any HTML theme, and search hits that open FAQ answers.

With ``explainer_footnote_previews`` on, an ``html-page-context`` handler
adds the extension's ``sphinx-explainer.js`` (deferred) to the pages that
need it, as ``sphinx.ext.mathjax`` adds MathJax only to pages with maths:

- a page with footnote or citation references gets the script and the
  popover's stylesheet ``sphinx-explainer-previews.css``;
- a page with FAQ answers gets the script, which opens the closed answers
  holding the words of the search that led to the page (``?highlight=``).

Off, pages are written exactly as without this module. The article theme's
``footnote_previews = false`` option keeps the popover off while search hits
still open answers (``data-explainer-previews="false"`` on the script tag).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx_design.dropdown import dropdown_main

from sphinx_explainer.footnotes import citation_references

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCRIPT = "sphinx-explainer.js"
STYLESHEET = "sphinx-explainer-previews.css"
#: The article theme's option for the popover (``html_theme_options``).
THEME_OPTION = "theme_footnote_previews"
FAQ_ITEM_CLASS = "explainer-faq-item"


def _is_reference_or_faq_item(node: nodes.Node) -> bool:
    if isinstance(node, nodes.footnote_reference):
        return True
    return isinstance(node, dropdown_main) and FAQ_ITEM_CLASS in node["classes"]


def page_needs(app: Sphinx, pagename: str, doctree: nodes.document | None) -> tuple[bool, bool]:
    """``(references, faq)``: whether the page has note references, and FAQ answers.

    Citation references are known from reading (the ``explainer`` domain);
    footnote references and FAQ answers from one walk of the doctree, which
    stops at the first of each.
    """
    references = bool(citation_references(app.env).get(pagename))
    faq = False
    if doctree is not None:
        for node in doctree.findall(_is_reference_or_faq_item):
            if isinstance(node, nodes.footnote_reference):
                references = True
            else:
                faq = True
            if references and faq:
                break
    return references, faq


def theme_allows_previews(context: dict[str, Any]) -> bool:
    """False when the theme's own ``footnote_previews`` option turns them off."""
    value = context.get(THEME_OPTION, True)
    return str(value).strip().lower() not in ("false", "0", "no", "off", "")


def add_preview_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the script and stylesheet to this page, if it has anything to preview or open."""
    if app.builder.format != "html" or not app.config.explainer_footnote_previews:
        return
    if getattr(app.builder, "embedded", False):
        return
    always = app.registry.html_assets_policy == "always"
    references, faq = (True, True) if always else page_needs(app, pagename, doctree)
    if not (references or faq):
        return
    previews = references and theme_allows_previews(context)
    attributes = {} if previews else {"data-explainer-previews": "false"}
    app.builder.add_js_file(SCRIPT, defer="defer", **attributes)  # type: ignore[attr-defined]
    if previews:
        app.builder.add_css_file(STYLESHEET)  # type: ignore[attr-defined]


def setup_previews(app: Sphinx) -> None:
    """Connect the per-page assets of the footnote previews."""
    app.connect("html-page-context", add_preview_assets)
