"""The first TL;DR of a page as its meta description and og:description."""

from __future__ import annotations

import pytest
from helpers import soup_of, warnings_of


def metas(soup, **attrs):
    return [tag["content"] for tag in soup.find_all("meta", attrs=attrs)]


@pytest.fixture
def described(build):
    return build("description")


def test_first_tldr_is_the_description(described):
    assert warnings_of(described) == []
    soup = soup_of(described)
    expected = "The first TL;DR spans lines and has inline markup & “quotes”."  # smartquotes
    assert metas(soup, name="description") == [expected]
    assert metas(soup, property="og:description") == [expected]


def test_long_tldr_is_cut_on_a_word_boundary(described):
    soup = soup_of(described, "long")
    full = " ".join(soup.select_one(".explainer-tldr").find_all("p")[1].get_text().split())
    (description,) = metas(soup, name="description")
    assert description.endswith("…")
    kept = description[:-1]
    assert 150 <= len(description) <= 201
    assert full.startswith(kept)
    assert full[len(kept)] in " ,", "cut between words"
    assert metas(soup, property="og:description") == [description]


def test_own_description_is_kept_for_both_tags(described):
    soup = soup_of(described, "own")
    assert metas(soup, name="description") == ["The author's own description."]
    assert metas(soup, property="og:description") == ["The author's own description."]


def test_page_without_tldr_has_no_description(described):
    soup = soup_of(described, "none")
    assert metas(soup, name="description") == []
    assert metas(soup, property="og:description") == []


def test_can_be_turned_off(build):
    soup = soup_of(build("description", confoverrides={"explainer_tldr_description": False}))
    assert metas(soup, name="description") == []
    assert metas(soup, property="og:description") == []


def test_with_opengraph_one_tag_each(build):
    app = build(
        "description",
        confoverrides={
            "extensions": ["sphinx_explainer", "sphinxext.opengraph"],
            "ogp_site_url": "https://example.org/",
        },
    )
    assert warnings_of(app) == []
    soup = soup_of(app)
    expected = "The first TL;DR spans lines and has inline markup & “quotes”."  # smartquotes
    assert metas(soup, name="description") == [expected]
    assert metas(soup, property="og:description") == [expected]
    own = soup_of(app, "own")
    assert metas(own, name="description") == ["The author's own description."]
    assert len(metas(own, property="og:description")) == 1
    none = soup_of(app, "none")
    assert len(metas(none, name="description")) == 1, "opengraph's own description"


def test_singlehtml_has_one_description(build):
    """The single page holds own.rst, whose author-written description wins."""
    app = build("description", "singlehtml")
    soup = soup_of(app)
    assert metas(soup, name="description") == ["The author's own description."]
    assert metas(soup, property="og:description") == ["The author's own description."]
    without_own = build("description", "singlehtml", srcdir=app.srcdir, confoverrides={"exclude_patterns": ["own.rst"]}, freshenv=True)
    soup = soup_of(without_own)
    assert len(metas(soup, name="description")) == 1
    assert metas(soup, name="description") == metas(soup, property="og:description")


def test_escaped_characters_are_plain_text(described):
    """docutils marks backslash escapes with NUL characters; none may leak."""
    soup = soup_of(described, "escaped")
    assert metas(soup, name="description") == ["Backslash-escaped *stars* and <angle> brackets stay text."]
