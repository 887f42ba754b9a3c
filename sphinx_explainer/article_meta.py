"""Article metadata: a schema.org ``Article`` in JSON-LD and the Open Graph article tags.

An HTML-only post-transform gives each article page (a page with a
``:date:`` field) one ``<script type="application/ld+json">`` holding an
``Article``: ``headline``, ``datePublished`` and ``dateModified`` (when the
dates are ISO), ``author`` as a ``Person``, ``description`` from the TL;DR
and ``url`` when ``html_baseurl`` is set; it is script-safe like the FAQ's
(:func:`~sphinx_explainer.jsonld.script_safe_json`) and sits beside the
page's ``FAQPage``. The page also gets ``og:type`` ``article`` and
``article:published_time`` meta tags; with sphinxext-opengraph, which writes
``og:type`` itself, ``og:type`` is handed to it as a page field instead, so a
page never has two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_explainer.collection import is_site_builder, page_url
from sphinx_explainer.description import OPENGRAPH, depart_meta_html, visit_meta_html
from sphinx_explainer.domain import explainer_domain
from sphinx_explainer.faq_jsonld import SCHEMA_CONTEXT
from sphinx_explainer.jsonld import explainer_jsonld, script_safe_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_explainer.domain import PageRecord


class explainer_article_meta(nodes.meta):  # noqa: N801
    """A ``<meta>`` tag of an article page, written by the extension."""


def article_data(page: PageRecord, url: str) -> dict[str, Any]:
    """A schema.org ``Article`` for ``page``, without the fields it has no value for."""
    data: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@type": "Article", "headline": page.title}
    if page.date:
        data["datePublished"] = page.date
        data["dateModified"] = max(page.updated, page.date)
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    if page.tldr:
        data["description"] = page.tldr
    if url:
        data["url"] = url
    return data


def wants_article_meta(app: Sphinx) -> bool:
    return bool(app.config.explainer_article_jsonld) and is_site_builder(app.builder)


def current_article(app: Sphinx, docname: str) -> PageRecord | None:
    page = explainer_domain(app.env).pages.get(docname)
    return page if page is not None and page.is_article and page.title else None


class ArticleMetadataTransform(SphinxPostTransform):
    """Append the ``Article`` JSON-LD and the Open Graph article tags to an article page."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not wants_article_meta(self.app):
            return
        page = current_article(self.app, self.env.docname)
        if page is None:
            return
        data = article_data(page, page_url(self.app, self.env.docname))
        self.document += explainer_jsonld(json=script_safe_json(data))
        if OPENGRAPH not in self.app.extensions:
            self.document += explainer_article_meta(property="og:type", content="article")
        if page.date:
            self.document += explainer_article_meta(
                property="article:published_time", content=page.date
            )


def hand_og_type_to_opengraph(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Give sphinxext-opengraph ``og:type`` ``article`` as a page field on article pages."""
    if doctree is None or OPENGRAPH not in app.extensions or not wants_article_meta(app):
        return
    if current_article(app, pagename) is not None:
        context["meta"] = {**(context.get("meta") or {}), "og:type": "article"}


def setup_article_meta(app: Sphinx) -> None:
    app.add_node(explainer_article_meta, html=(visit_meta_html, depart_meta_html))
    app.add_post_transform(ArticleMetadataTransform)
    # Before sphinxext-opengraph's own handler (default priority 500).
    app.connect("html-page-context", hand_og_type_to_opengraph, priority=400)
