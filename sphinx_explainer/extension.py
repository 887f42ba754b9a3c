"""Wire every feature of the extension into a Sphinx application."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_explainer._compat import ensure_domain
from sphinx_explainer._i18n import CATALOG, LOCALE_DIR
from sphinx_explainer.article_meta import setup_article_meta
from sphinx_explainer.blocks import setup_blocks
from sphinx_explainer.byline import setup_byline
from sphinx_explainer.colon_fence import setup_colon_fence
from sphinx_explainer.config import setup_config
from sphinx_explainer.crossrefs import setup_crossrefs
from sphinx_explainer.description import setup_description
from sphinx_explainer.domain import ExplainerDomain
from sphinx_explainer.faq import setup_faq
from sphinx_explainer.feed import setup_feed
from sphinx_explainer.footnotes import setup_footnotes
from sphinx_explainer.jsonld import setup_jsonld
from sphinx_explainer.learn import setup_learn
from sphinx_explainer.lists import setup_lists
from sphinx_explainer.llms import setup_llms
from sphinx_explainer.navigation import setup_navigation
from sphinx_explainer.page_context import setup_page_context
from sphinx_explainer.previews import setup_previews
from sphinx_explainer.records import setup_records
from sphinx_explainer.repeated_options import setup_repeated_options
from sphinx_explainer.single_page import setup_single_page
from sphinx_explainer.tags import setup_tags
from sphinx_explainer.tldr import setup_tldr

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = "sphinx-explainer.css"
STATIC_DIR = Path(__file__).parent / "static"


def add_explainer_domain(app: Sphinx) -> None:
    """Make sure the environment has the ``explainer`` domain (see :func:`ensure_domain`)."""
    ensure_domain(app, ExplainerDomain)


def add_html_assets(app: Sphinx) -> None:
    """Ship the blocks' stylesheet with HTML-format builds only."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(STYLESHEET)


def setup_extension(app: Sphinx) -> None:
    """Register configuration, catalog, directives, transforms and assets."""
    app.setup_extension("sphinx_design")
    setup_config(app)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.add_domain(ExplainerDomain)
    setup_blocks(app)
    setup_jsonld(app)
    setup_records(app)
    setup_crossrefs(app)
    setup_tldr(app)
    setup_learn(app)
    setup_faq(app)
    setup_lists(app)
    setup_repeated_options(app)
    setup_tags(app)
    setup_feed(app)
    setup_llms(app)
    setup_article_meta(app)
    setup_description(app)
    setup_page_context(app)
    setup_byline(app)
    setup_navigation(app)
    setup_footnotes(app)
    setup_previews(app)
    setup_colon_fence(app)
    setup_single_page(app)
    app.connect("builder-inited", add_explainer_domain)
    app.connect("builder-inited", add_html_assets)
