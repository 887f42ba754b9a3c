"""The article theme's site navigation, byline, edit link and direction, from real builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import html_files, soup_of, text_of, warnings_of

from sphinx_explainer.navigation import LIST_LIMIT, NEIGHBOURS, Entry, Listing, window

PAGES = ["index", "guide/index", "guide/install", "articles/page-15", "search", "genindex"]
#: Declares the tag-pages setting when the extension does not (yet) declare it.
TAG_PAGES_CONF = """
explainer_tag_pages = True


def setup(app):
    if "explainer_tag_pages" not in app.config:
        app.add_config_value("explainer_tag_pages", False, "html")
"""


@pytest.fixture
def site(build):
    app = build("navigation")
    assert warnings_of(app) == []
    return app


def nav_of(app, page):
    return soup_of(app, page).select_one("nav#explainer__nav")


def links(nav):
    return [(text_of(a), a["href"]) for a in nav.select("a")]


def test_window_keeps_short_lists_and_cuts_long_ones_around_the_page():
    short = Listing.of([Entry(str(i), docname=str(i)) for i in range(LIST_LIMIT)])
    assert window(short, "3") == (short.entries, False)
    long = Listing.of([Entry(str(i), docname=str(i)) for i in range(100)])
    shown, cut = window(long, "50")
    assert cut and [e.docname for e in shown] == [
        str(i) for i in range(50 - NEIGHBOURS, 51 + NEIGHBOURS)
    ]
    assert [e.docname for e in window(long, "0")[0]] == [str(i) for i in range(2 * NEIGHBOURS + 1)]
    assert [e.docname for e in window(long, "99")[0]][-1] == "99"
    assert len(window(long, "not listed")[0]) == 2 * NEIGHBOURS + 1


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_named_site_navigation(site, page):
    nav = nav_of(site, page)
    assert nav.name == "nav" and nav["aria-label"] == "Site"
    assert [text_of(p) for p in nav.select(".explainer-sitenav-caption")] == ["Guide", "Reading"]
    top = [text_of(li.a) for li in nav.select(":scope > ul > li")]
    assert top == ["Guide", "Articles", "Project site"]


def test_branch_to_the_current_page_is_open(site):
    nav = nav_of(site, "guide/install")
    current = nav.select("[aria-current]")
    assert [(text_of(a), a["aria-current"]) for a in current] == [("Install", "page")]
    guide = nav.select_one(":scope > ul > li.explainer-open")
    assert text_of(guide.a) == "Guide"
    assert [(text_of(a), a["href"]) for a in guide.select(":scope ul a")] == [
        ("Install", "#"),
        ("Configure it", "configure.html"),
    ], "siblings, with the toctree's own titles"
    assert nav.select_one("a[href='../articles/page-01.html']") is None, (
        "other sections stay closed"
    )
    assert nav.select_one("a.external")["href"] == "https://example.org/handbook"


def test_section_page_shows_its_children(site):
    nav = nav_of(site, "guide/index")
    guide = nav.select_one("li.explainer-open")
    assert guide.a["aria-current"] == "page"
    assert [text_of(a) for a in guide.select(":scope ul a")] == ["Install", "Configure it"]


def test_a_long_section_shows_the_nearest_siblings_and_a_link_to_the_section(site):
    nav = nav_of(site, "articles/page-15")
    articles = nav.select_one("li.explainer-open > ul")
    shown = [text_of(a) for a in articles.select(":scope > li:not(.explainer-more) > a")]
    assert shown == [f"Article {n}" for n in range(11, 20)]
    more = articles.select_one(".explainer-more a")
    assert (text_of(more), more["href"]) == ("All 30 pages", "index.html")
    assert text_of(articles.select_one("[aria-current=page]")) == "Article 15"


def test_page_size_does_not_grow_with_the_section(build, copy_root):
    """Twice the pages in the section: the navigation of a page keeps the same number of links."""
    srcdir = copy_root("navigation")
    for n in range(31, 61):
        (srcdir / "articles" / f"page-{n:02d}.rst").write_text(
            f"Article {n}\n==========\n\nText.\n"
        )
    big = build("navigation", srcdir=srcdir)
    small_nav = nav_of(build("navigation"), "articles/page-15")
    assert len(nav_of(big, "articles/page-15").select("a")) == len(small_nav.select("a"))
    assert (
        text_of(nav_of(big, "articles/page-15").select_one(".explainer-more a")) == "All 60 pages"
    )


def retitle(srcdir: Path) -> None:
    page = srcdir / "articles" / "page-14.rst"
    page.write_text(
        page.read_text().replace("Article 14\n==========", "Article fourteen\n================")
    )


def test_incremental_build_updates_the_navigation_of_unchanged_pages(build, copy_root, make_app):
    srcdir = copy_root("navigation")
    build("navigation", srcdir=srcdir)
    retitle(srcdir)
    again = make_app("html", srcdir=srcdir)
    again.build()
    again.cleanup()
    nav = nav_of(again, "articles/page-15")
    assert "Article fourteen" in [text_of(a) for a in nav.select("a")]
    clean_src = copy_root("navigation", "clean")
    retitle(clean_src)
    assert str(nav_of(build("navigation", srcdir=clean_src), "articles/page-15")) == str(nav)


def test_parallel_build_matches_serial(build, copy_root):
    serial = build("navigation", srcdir=copy_root("navigation", "serial"))
    parallel = build("navigation", srcdir=copy_root("navigation", "parallel"), parallel=2)
    assert html_files(parallel.outdir) == html_files(serial.outdir)


def grow(srcdir: Path) -> None:
    """Retitle a page, add one to the long section and one to the guide."""
    retitle(srcdir)
    (srcdir / "articles" / "page-31.rst").write_text("Article 31\n==========\n\nNew.\n")
    (srcdir / "guide" / "faq.rst").write_text("Questions\n=========\n\nAsked often.\n")
    index = srcdir / "guide" / "index.rst"
    index.write_text(index.read_text() + "   faq\n")


def test_incremental_build_matches_a_clean_one(build, copy_root):
    incremental = copy_root("navigation", "incremental")
    build("navigation", srcdir=incremental)
    clean = copy_root("navigation", "clean")
    for srcdir in (incremental, clean):
        grow(srcdir)
    expected = html_files(build("navigation", srcdir=clean).outdir)
    actual = html_files(build("navigation", srcdir=incremental).outdir)
    assert sorted(name for name in expected if expected[name] != actual.get(name)) == []
    assert "Questions" in text_of(nav_of_html(expected["guide/install.html"]))


def nav_of_html(page: bytes):
    return BeautifulSoup(page.decode("utf-8"), "html5lib").select_one("nav#explainer__nav")


def test_ids_of_the_theme_are_ones_no_section_can_take(site):
    soup = soup_of(site, "guide/install")
    assert len(soup.find_all(id="content")) == 1, "a section titled Content keeps its id"
    assert soup.find(id="content").name == "section"
    outside = [tag["id"] for tag in soup.find_all(id=True) if not tag.find_parent("article")]
    # docutils' make_id turns every "_" into "-": an id with "_" is never a section's.
    assert "explainer__main" in outside and all("_" in node_id for node_id in outside), outside


def test_edit_link(site):
    edit = soup_of(site, "articles/page-15").select_one(".explainer-page-end .explainer-edit a")
    assert text_of(edit) == "Edit this page" and edit["rel"] == ["edit"]
    assert (
        edit["href"] == "https://github.com/example/handbook/edit/trunk/docs/articles/page-15.rst"
    )
    assert soup_of(site, "genindex").select_one(".explainer-edit") is None, "no source, no link"
    assert soup_of(site, "guide/install").select_one("main .explainer-edit") is None, (
        "out of search excerpts"
    )


def test_edit_link_on_gitlab_and_none_without_a_repository(build):
    options = {"source_repository": "https://gitlab.com/example/handbook", "source_branch": "main"}
    app = build("navigation", confoverrides={"html_theme_options": options})
    edit = soup_of(app, "index").select_one(".explainer-edit a")
    assert edit["href"] == "https://gitlab.com/example/handbook/-/edit/main/index.rst"
    bare = build("navigation", confoverrides={"html_theme_options": {}})
    assert soup_of(bare, "index").select_one(".explainer-edit") is None


def test_byline_with_update_and_tags(build, copy_root):
    srcdir = copy_root("navigation")
    page = srcdir / "articles" / "page-15.rst"
    page.write_text(":updated: 2026-03-02\n:author: Ada Keeper\n" + page.read_text())
    soup = soup_of(build("navigation", srcdir=srcdir), "articles/page-15")
    byline = soup.select_one("section > h1 + p.explainer-byline")
    assert "headerlink" in byline["class"], "searchtools.js leaves .headerlink out of excerpts"
    parts = [text_of(span) for span in byline.find_all(recursive=False)]
    assert parts == [
        "Ada Keeper",
        "January 16, 2026",
        "Updated March 2, 2026",
        "1 min read",
        "lighthouses Sea charts",
    ]
    assert byline.select_one(".explainer-updated time")["datetime"] == "2026-03-02"
    assert byline.select("a") == [], "no tag pages, no tag links"


def test_tags_link_to_their_pages(build, copy_root):
    srcdir = copy_root("navigation")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write(TAG_PAGES_CONF)
    soup = soup_of(build("navigation", srcdir=srcdir), "articles/page-15")
    tags = [
        (text_of(a), a["href"], a["rel"])
        for a in soup.select(".explainer-byline .explainer-tags a")
    ]
    assert tags == [
        ("lighthouses", "../tags/lighthouses.html", ["tag"]),
        ("Sea charts", "../tags/sea-charts.html", ["tag"]),
    ]


@pytest.mark.parametrize(
    ("place", "article", "page"),
    [("articles", True, False), ("all", True, True), ("none", False, False)],
)
def test_reading_time_option(build, place, article, page):
    app = build("navigation", confoverrides={"html_theme_options": {"reading_time": place}})
    assert (
        soup_of(app, "articles/page-15").select_one(".explainer-reading-time") is not None
    ) is article
    assert (soup_of(app, "guide/install").select_one(".explainer-reading-time") is not None) is page


def test_byline_survives_a_template_that_overrides_the_body(build, copy_root):
    """ablog's page.html overrides {% block body %}: the byline is in the body, so it stays."""
    srcdir = copy_root("theme-article")
    (srcdir / "_templates").mkdir()
    (srcdir / "_templates" / "page.html").write_text(
        '{% extends "layout.html" %}{% block body %}<div class="custom">{{ body }}</div>{% endblock %}'
    )
    app = build("theme-article", srcdir=srcdir, confoverrides={"templates_path": ["_templates"]})
    byline = soup_of(app, "article").select_one(".custom .explainer-byline")
    assert text_of(byline.select_one(".explainer-author")) == "Ada Keeper"


def test_right_to_left_languages(build):
    app = build("navigation", confoverrides={"language": "he"})
    assert soup_of(app, "index").html["dir"] == "rtl"
    assert soup_of(build("navigation")).html.get("dir") is None


def design_assets(app, page):
    soup = soup_of(app, page)
    urls = [
        tag.get("href") or tag.get("src")
        for tag in soup.select("link[rel=stylesheet], script[src]")
    ]
    return sorted(
        {name for url in urls for name in ("sphinx-design", "design-tabs") if name in url}
    )


def test_sphinx_design_assets_only_where_used(build, site):
    app = build("theme-article")
    assert design_assets(app, "article") == ["design-tabs", "sphinx-design"], "cards and tabs"
    for page in ("second", "search", "genindex"):
        assert design_assets(app, page) == [], page
    assert design_assets(site, "guide/configure") == ["sphinx-design"], "an octicon, no tabs"
    soup = soup_of(site, "articles/page-01")
    assert soup.select_one("details.explainer-faq-item") is not None
    assert design_assets(site, "articles/page-01") == [], "the theme styles the FAQ itself"


def test_no_global_svg_rule(site):
    """The stroke style is the theme's icons' own (sphinx-design's octicons keep their fill)."""
    css = (Path(site.outdir) / "_static" / "sphinx-explainer-theme.css").read_text()
    assert ".explainer-icon { fill: none;" in css
    assert not [line for line in css.splitlines() if line.startswith("svg {")]
