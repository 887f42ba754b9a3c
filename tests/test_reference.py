"""Reference documentation in the article theme: the outline and the reference stylesheet.

The "On this page" outline lists sections to ``outline_depth``, documented
objects and FAQ blocks; the reference stylesheet is linked only from pages
that need it.
"""

from __future__ import annotations

import pytest
from helpers import soup_of, text_of, warnings_of

from sphinx_explainer.page_context import OUTLINE_DEPTH, REFERENCE_CSS, outline_depth


def _outline(app) -> list:
    """The outline as nested ``(text, href, in_code)`` tuples with their children."""
    soup = soup_of(app)
    nav = soup.select_one("nav.explainer-outline")

    def entries(ul) -> list:
        found = []
        for item in ul.find_all("li", recursive=False):
            link = item.find("a")
            sub = item.find("ul")
            # get_text() without a separator: a <wbr> in a name adds no space.
            entry = (" ".join(link.get_text().split()), link["href"], link.code is not None)
            found.append((entry, entries(sub) if sub else []))
        return found

    return entries(nav.find("ul"))


def _texts(outline: list) -> list:
    return [(text, _texts(children)) for (text, _href, _code), children in outline]


def test_outline_lists_objects_faqs_and_three_levels_of_sections(build):
    app = build("reference")
    assert warnings_of(app) == []
    outline = _outline(app)
    assert _texts(outline) == [
        ("Lantern", [("light()", []), ("colour", [])]),
        (
            "Level one",
            [
                ("Questions on the lens", []),
                ("Level two", [("keeper_name", []), ("Level three", [("deep()", [])])]),
            ],
        ),
    ]


def test_outline_entries_link_to_what_they_name(build):
    app = build("reference")
    soup = soup_of(app)
    outline = _outline(app)
    (lantern, members), (level_one, level_one_children) = outline
    assert lantern == ("Lantern", "#lamp.Lantern", True), "objects are in the code font"
    assert [entry for entry, _ in members] == [
        ("light()", "#lamp.Lantern.light", True),
        ("colour", "#lamp.Lantern.colour", True),
    ]
    assert level_one == ("Level one", "#level-one", False)
    (faq_text, faq_href, faq_code), _ = level_one_children[0]
    assert (faq_text, faq_code) == ("Questions on the lens", False)
    target = soup.find(id=faq_href[1:])
    assert target is not None and "explainer-title" in target["class"], "linked to the FAQ's title"
    assert text_of(target) == "Questions on the lens"
    for link in soup.select("nav.explainer-outline a"):
        assert soup.find(id=link["href"][1:]) is not None, link["href"]


def test_outline_depth_is_a_theme_option(build):
    app = build("reference", confoverrides={"html_theme_options": {"outline_depth": 1}})
    assert warnings_of(app) == []
    assert _texts(_outline(app)) == [
        ("Lantern", [("light()", []), ("colour", [])]),
        ("Level one", [("Questions on the lens", [])]),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3), ("2", 2), (0, 1), (-4, 1), ("deep", OUTLINE_DEPTH), (None, OUTLINE_DEPTH)],
)
def test_outline_depth_values(value, expected):
    assert outline_depth(value) == expected


def _stylesheets(app, page: str) -> list[str]:
    return [
        link["href"].split("?")[0] for link in soup_of(app, page).select("link[rel=stylesheet]")
    ]


def test_reference_stylesheet_only_where_objects_are_documented(build):
    reference = build("reference")
    assert f"_static/{REFERENCE_CSS}" in _stylesheets(reference, "index")
    assert (reference.outdir / "_static" / REFERENCE_CSS).is_file()
    articles = build("theme-article")
    for page in ("index", "article", "second", "search", "genindex"):
        assert not any(REFERENCE_CSS in href for href in _stylesheets(articles, page)), page


def test_reference_stylesheet_is_for_one_page_at_a_time(build, copy_root):
    """A page that needs the stylesheet does not pass it on to the pages written after it."""
    srcdir = copy_root("reference")
    (srcdir / "plain.rst").write_text("Plain\n=====\n\nJust prose.\n", encoding="utf-8")
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n.. toctree::\n\n   plain\n", encoding="utf-8"
    )
    app = build("reference", srcdir=srcdir)
    assert warnings_of(app) == []
    assert any(REFERENCE_CSS in href for href in _stylesheets(app, "index"))
    assert not any(REFERENCE_CSS in href for href in _stylesheets(app, "plain"))
