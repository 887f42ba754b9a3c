"""What each page pays for: the work the extension does only where it is used.

The article theme's page context (dates in the reader's language, reading
time, outline) is computed in that theme only; an article's words are
counted once, when it is read, and the byline reads them from its record.
"""

from __future__ import annotations

import pytest
from helpers import soup_of, text_of

from sphinx_explainer import page_context, records
from sphinx_explainer.domain import explainer_domain


@pytest.fixture
def calls(monkeypatch):
    """Count the calls of the costly page-context helpers, wherever they are used."""
    counted: dict[str, int] = {"count_words": 0, "format_page_date": 0, "page_outline": 0}

    def counting(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            counted[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    for name in counted:
        counting(page_context, name)
    counting(records, "count_words")
    return counted


def test_other_themes_skip_the_article_themes_context(build, calls):
    app = build("theme-article", confoverrides={"html_theme": "alabaster"})
    pages = explainer_domain(app.env).pages
    articles = [docname for docname, page in pages.items() if page.is_article]
    assert articles
    assert calls == {"count_words": len(articles), "format_page_date": 0, "page_outline": 0}


def test_the_byline_reads_the_words_counted_when_the_page_was_read(build, calls):
    app = build("theme-article")
    record = explainer_domain(app.env).pages["article"]
    assert record.words > 100
    byline = soup_of(app, "article").select_one(".explainer-reading-time")
    speed = app.builder.theme.get_options({}).get("words_per_minute", page_context.WORDS_PER_MINUTE)
    expected = page_context.reading_minutes(record.words, speed)
    assert text_of(byline) == f"{expected} min read"
    # once per page: articles when they are read, other pages when they are written
    assert calls["count_words"] == len(explainer_domain(app.env).pages)


def test_records_of_other_pages_hold_what_the_site_features_read(build):
    app = build("theme-article", confoverrides={"html_theme": "alabaster"})
    index = explainer_domain(app.env).pages["index"]
    assert not index.is_article
    assert index.title
    assert (index.words, index.objectives, index.date, index.tags) == (0, (), "", ())
