"""The ``explainer_*`` configuration values, in one table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.config import ENUM

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass(frozen=True)
class ConfigValue:
    """One ``explainer_*`` setting: its default, accepted types and meaning."""

    name: str
    default: Any
    rebuild: str
    types: frozenset[type] | ENUM
    description: str


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "explainer_tldr_description",
        True,
        "html",
        frozenset({bool}),
        "Use the first TL;DR of a page as its meta description and og:description.",
    ),
    ConfigValue(
        "explainer_faq_jsonld",
        True,
        "html",
        frozenset({bool}),
        "Add a schema.org FAQPage JSON-LD script to each page that has FAQs.",
    ),
    ConfigValue(
        "explainer_footnote_backlinks",
        True,
        "html",
        frozenset({bool}),
        "Give each footnote and citation one back link per place that cites it, in HTML, "
        "instead of docutils' back references. False leaves docutils' rendering as it is.",
    ),
    ConfigValue(
        "explainer_footnote_backlink_labels",
        "letters",
        "html",
        ENUM("letters", "numbers"),
        "How the back links of a note cited several times are labelled: "
        "'letters' (a, b, ... z, aa, ab, ...) or 'numbers' (1, 2, 3, ...).",
    ),
    ConfigValue(
        "explainer_tag_pages",
        False,
        "html",
        frozenset({bool}),
        "Write a page per tag of the articles, tags/<slug>.html, and an index of the tags, "
        "tags/index.html (html and dirhtml builders).",
    ),
    ConfigValue(
        "explainer_feed",
        True,
        "html",
        frozenset({bool}),
        "Write an Atom feed of the articles, feed.xml, and link it from every page's head. "
        "Needs html_baseurl.",
    ),
    ConfigValue(
        "explainer_feed_limit",
        20,
        "html",
        frozenset({int}),
        "The most articles in the feed, newest first.",
    ),
    ConfigValue(
        "explainer_llms_txt",
        False,
        "html",
        frozenset({bool}),
        "Write llms.txt at the output root: the articles' titles, links, TL;DRs, "
        "objectives and FAQs as plain Markdown, for language models.",
    ),
    ConfigValue(
        "explainer_article_jsonld",
        True,
        "html",
        frozenset({bool}),
        "Give each article (a page with a :date: field) a schema.org Article JSON-LD script, "
        "og:type article and article:published_time.",
    ),
    ConfigValue(
        "explainer_footnote_previews",
        True,
        "html",
        frozenset({bool}),
        "Show a footnote or citation in a popover on hover, focus or tap of its reference, "
        "in any HTML theme, and open the FAQ answers that hold the words of a search. "
        "False adds no script or stylesheet to any page.",
    ),
)


def setup_config(app: Sphinx) -> None:
    """Declare every ``explainer_*`` value (skipping those already declared)."""
    for value in CONFIG_VALUES:
        if value.name not in app.config:
            app.add_config_value(
                value.name,
                value.default,
                value.rebuild,
                types=value.types,
                description=value.description,
            )
