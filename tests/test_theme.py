"""The article theme: its page context, its templates, its options and its builders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from helpers import soup_of, text_of, warnings_of

from sphinx_explainer import __version__
from sphinx_explainer.page_context import (
    count_words,
    css_color,
    edit_url,
    format_page_date,
    reading_minutes,
    text_direction,
)

THEME_STATIC = Path(__file__).parents[1] / "sphinx_explainer" / "theme" / "sphinx_explainer" / "static"
EXTENSION_STATIC = Path(__file__).parents[1] / "sphinx_explainer" / "static"


# -- page context: pure functions ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2026-05-21", "en", ("May 21, 2026", "2026-05-21")),
        ("2026-05-21", None, ("May 21, 2026", "2026-05-21")),
        ("2026-05-21", "de", ("21. Mai 2026", "2026-05-21")),
        ("2026-05-21", "fr", ("21 mai 2026", "2026-05-21")),
        ("2026-05-21", "zh_CN", ("2026年5月21日", "2026-05-21")),
        ("2026-05-21", "xx-unknown", ("May 21, 2026", "2026-05-21")),
        ("2026-05-21T09:30:00", "en", ("May 21, 2026", "2026-05-21")),
        ("Spring 2026", "en", ("Spring 2026", "")),
        ("2026-13-40", "en", ("2026-13-40", "")),
    ],
)
def test_format_page_date(value, language, expected):
    assert format_page_date(value, language) == expected


def test_reading_time():
    assert reading_minutes(0) == 1
    assert reading_minutes(230) == 1
    assert reading_minutes(1150) == 5
    assert reading_minutes(1000, 100) == 10
    assert reading_minutes(1000, "200") == 5
    for bad in (0, -5, "fast", None):
        assert reading_minutes(2300, bad) == 10, "a bad speed falls back to the default"


def test_count_words_reads_prose_only():
    document = nodes.paragraph()
    document += nodes.Text("Three short words ")
    document += nodes.comment("", "a comment nobody reads")
    document += nodes.footnote_reference("", "12")
    document += nodes.emphasis("", "and two")
    assert count_words(document) == 5
    assert count_words(nodes.paragraph("", "日本語の文章です")) == 4


def test_text_direction():
    assert [text_direction(lang) for lang in ("ar", "he", "fa", "ur", "ar_EG", "he-IL")] == ["rtl"] * 6
    assert [text_direction(lang) for lang in ("en", "de", None, "", "hr")] == ["ltr"] * 5


@pytest.mark.parametrize(
    ("repository", "branch", "directory", "expected"),
    [
        ("https://github.com/o/r/", "main", "docs/", "https://github.com/o/r/edit/main/docs/a/b.rst"),
        ("https://github.com/o/r", "dev", "", "https://github.com/o/r/edit/dev/a/b.rst"),
        ("https://gitlab.com/o/r/", "main", "/docs", "https://gitlab.com/o/r/-/edit/main/docs/a/b.rst"),
        ("https://gitlab.example.org/o/r", "", "doc", "https://gitlab.example.org/o/r/-/edit/main/doc/a/b.rst"),
        ("", "main", "docs", ""),
        ("javascript:alert(1)", "main", "", ""),
    ],
)
def test_edit_url(repository, branch, directory, expected):
    assert edit_url(repository, branch, directory, "a/b.rst") == expected


def test_css_color_rejects_anything_but_a_colour():
    assert css_color("#8a3ffc", "#000") == "#8a3ffc"
    assert css_color("rebeccapurple", "#000") == "rebeccapurple"
    assert css_color("oklch(55% 0.2 290)", "#000") == "oklch(55% 0.2 290)"
    for hostile in ("red; } body { display: none", "url(x)", "", None, "#fff</style>"):
        assert css_color(hostile, "#000") == "#000"


# -- the article page ----------------------------------------------------------


@pytest.fixture
def article(build):
    app = build("theme-article")
    assert warnings_of(app) == []
    return app


def test_article_header(article):
    soup = soup_of(article, "article")
    title = soup.select_one("article.explainer-article section > h1")
    assert text_of(title).startswith("How a lighthouse keeps ships off the rocks")
    byline = title.find_next_sibling()
    assert "explainer-byline" in byline["class"], "the byline follows the title"
    assert text_of(byline.select_one(".explainer-author")) == "Ada Keeper"
    time = byline.find("time")
    assert time["datetime"] == "2026-05-21"
    assert text_of(time) == "May 21, 2026"
    minutes = re.fullmatch(r"(\d+) min read", text_of(byline.select_one(".explainer-reading-time")))
    assert minutes and 1 <= int(minutes.group(1)) <= 5
    assert len(soup.find_all("h1")) == 1
    assert "author" not in text_of(soup.select_one("main")).lower().split(), "no field list shown"


def test_page_without_author_or_date(article):
    soup = soup_of(article, "second")
    byline = soup.select_one(".explainer-byline")
    assert byline.select_one(".explainer-author") is None
    assert text_of(byline.find("time")) == "June 2, 2026"


def test_site_header_footer_and_landmarks(article):
    soup = soup_of(article, "article")
    skip = soup.body.find("a")
    assert skip["href"] == "#explainer__main" and text_of(skip) == "Skip to content"
    assert soup.select_one("main#explainer__main[role=main]") is not None
    header = soup.select_one("body > header.explainer-site-header")
    assert text_of(header.select_one(".explainer-brand")) == "Explainers"
    search = header.select_one("form[role=search]")
    assert search["action"] == "search.html" and search.select_one("input[name=q]")
    toggle = header.select_one("button.explainer-mode-toggle")
    assert toggle.has_attr("hidden"), "the toggle needs JavaScript, so it starts hidden"
    assert toggle["aria-label"] == "Toggle dark mode"
    footer = text_of(soup.select_one("body > footer.explainer-site-footer"))
    assert "© Copyright 2026, The Explainer Team." in footer
    assert re.search(r"Last updated on \d{4}-\d{2}-\d{2}\.", footer)
    links = {text_of(a): a["href"] for a in soup.select("footer .explainer-links a")}
    assert links == {
        "Source code": "https://example.org/explainers",
        "Mastodon": "https://example.org/@explainers",
    }


def test_outline_lists_this_page_only(article):
    soup = soup_of(article, "article")
    outline = soup.select_one("nav.explainer-outline")
    assert text_of(outline.select_one(".explainer-outline-title")) == "On this page"
    top = [text_of(li.a) for li in outline.select(":scope > ul > li")]
    assert top == ["The light and its character", "The lens", "The keeper’s night"]
    nested = [text_of(a) for a in outline.select("ul ul a")]
    assert nested == ["Colours and sectors", "Ranges"]
    for link in outline.select("a"):
        assert soup.find(id=link["href"][1:]) is not None


def test_prev_next(article):
    soup = soup_of(article, "article")
    nav = soup.select_one("nav.explainer-prev-next")
    assert nav.select_one("a.explainer-prev")["href"] == "index.html"
    assert nav.select_one("a.explainer-next")["href"] == "second.html"
    assert "The second article" in text_of(nav.select_one("a.explainer-next"))
    assert soup_of(article, "second").select_one("a.explainer-next") is None


def test_javascript_hooks_exist(article):
    """The DOM that explainer.js, explainer-mode.js and the previews rely on (as sphinx-design's test_tabs_js)."""
    soup = soup_of(article, "article")
    assert soup.select_one("link#pygments_dark_css[media]") is not None
    head_scripts = [s["src"] for s in soup.head.find_all("script")]
    assert head_scripts[0] == f"_static/explainer-mode.js?v={__version__}", "the mode is set before anything else"
    main_script = soup.head.find("script", src=f"_static/explainer.js?v={__version__}")
    assert main_script.has_attr("defer")
    previews = [s for s in soup.head.find_all("script") if s["src"].startswith("_static/sphinx-explainer.js")]
    assert len(previews) == 1 and previews[0].has_attr("defer"), "the extension's previews, shared"
    assert not previews[0].has_attr("data-explainer-previews")
    assert soup.body["data-explainer-sidenotes"] == "true"
    refs = soup.select("article a.footnote-reference")
    assert len(refs) == 5
    for ref in refs:
        assert soup.find(id=ref["href"][1:]) is not None
    js = (THEME_STATIC / "explainer.js").read_text()
    for hook in (".explainer-outline a", ".explainer-article", "explainer:preview", "explainer:previewend"):
        assert hook in js
    mode = (THEME_STATIC / "explainer-mode.js").read_text()
    for hook in (".explainer-mode-toggle", "pygments_dark_css", '"explainer-mode"'):
        assert hook in mode
    extension = (EXTENSION_STATIC / "sphinx-explainer.js").read_text()
    assert "explainer:preview" in extension and "explainer:previewend" in extension


def test_one_home_for_the_colour_mode_and_the_popover():
    """The storage key and the popover live in one script each; the theme ships plain .js files."""
    theme_js = {path.name: path.read_text() for path in THEME_STATIC.glob("*.js*")}
    assert set(theme_js) == {"explainer.js", "explainer-mode.js"}, "plain scripts, no templates"
    assert [name for name, text in theme_js.items() if '"explainer-mode"' in text] == ["explainer-mode.js"]
    assert not [name for name, text in theme_js.items() if "explainer-popover" in text]


def test_search_helpers_load_on_demand(article):
    """doctools.js and sphinx_highlight.js stay off articles until a search result needs them."""
    soup = soup_of(article, "article")
    srcs = [s["src"].split("?")[0] for s in soup.find_all("script", src=True)]
    assert "_static/doctools.js" not in srcs and "_static/sphinx_highlight.js" not in srcs
    assert "_static/documentation_options.js" in srcs
    on_demand = soup.find("script", src=f"_static/explainer.js?v={__version__}")["data-explainer-on-demand"].split()
    assert on_demand == ["_static/doctools.js", "_static/sphinx_highlight.js"]
    search = [s["src"].split("?")[0] for s in soup_of(article, "search").find_all("script")]
    assert "_static/doctools.js" in search and "_static/sphinx_highlight.js" in search


def test_no_inline_script_or_style_anywhere(article):
    """Pages pass `default-src 'self'`: no inline script, style element, style attribute or handler."""
    outdir = Path(article.outdir)
    pages = sorted(outdir.glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "article.html", "search.html", "genindex.html"}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib")
        # JSON-LD data blocks are not run, so a CSP does not apply to them.
        inline = [s for s in soup.find_all("script") if not s.get("src")]
        assert [s for s in inline if s.get("type") != "application/ld+json"] == [], page.name
        assert soup.find_all("style") == [], page.name
        assert soup.find_all(style=True) == [], page.name
        for tag in soup.find_all(True):
            assert not [a for a in tag.attrs if a.startswith("on")], (page.name, tag.name)


def test_search_page(article):
    soup = soup_of(article, "search")
    srcs = [s["src"] for s in soup.find_all("script")]
    assert any(s.startswith("_static/searchtools.js") for s in srcs)
    assert any(s.startswith("searchindex.js") for s in srcs)
    assert soup.select_one("#search-results") is not None
    assert (Path(article.outdir) / "searchindex.js").exists()


def test_stylesheet_is_rendered_with_defaults(article):
    css = (Path(article.outdir) / "_static" / "sphinx-explainer-theme.css").read_text()
    assert "--explainer-accent: light-dark(#1f6f8b, #7cc4dc);" in css
    assert "{{" not in css and "{#" not in css, "Jinja is rendered, its comments are not shipped"
    soup = soup_of(article, "article")
    sheets = [link["href"].split("?")[0] for link in soup.find_all("link", rel="stylesheet")]
    assert "_static/sphinx-explainer-theme.css" in sheets
    assert "_static/basic.css" not in sheets
    assert "_static/sphinx-explainer-pages.css" not in sheets, "search and index styles stay off articles"
    search = soup_of(article, "search").find_all("link", rel="stylesheet")
    assert "_static/sphinx-explainer-pages.css" in [link["href"] for link in search]
    for name in ("explainer.js", "explainer-mode.js"):
        shipped = (Path(article.outdir) / "_static" / name).read_bytes()
        assert shipped == (THEME_STATIC / name).read_bytes(), "plain scripts, shipped as written"
    icon = soup.find("link", rel="icon")
    assert icon["href"] == "_static/explainer-icon.svg"
    assert (Path(article.outdir) / icon["href"]).exists()


# -- options -------------------------------------------------------------------


def test_options_reach_css_and_html(build):
    app = build(
        "theme-article",
        confoverrides={
            "html_theme_options": {
                "accent_color": "#8a3ffc",
                "accent_color_dark": "rgb(200 170 255)",
                "logo_light": "logo-light.svg",
                "logo_dark": "https://example.org/logo-dark.svg",
                "announcement": "Read <em>our</em> new series",
                "words_per_minute": 20,
                "sidenotes": False,
                "footnote_previews": "false",
            }
        },
    )
    css = (Path(app.outdir) / "_static" / "sphinx-explainer-theme.css").read_text()
    assert "--explainer-accent: light-dark(#8a3ffc, rgb(200 170 255));" in css
    soup = soup_of(app, "article")
    logos = soup.select(".explainer-brand img.explainer-logo")
    assert [img["src"] for img in logos] == ["_static/logo-light.svg", "https://example.org/logo-dark.svg"]
    assert [img["alt"] for img in logos] == ["Explainers", "Explainers"]
    assert "explainer-light-only" in logos[0]["class"] and "explainer-dark-only" in logos[1]["class"]
    banner = soup.select_one(".explainer-announcement")
    assert banner["role"] == "region" and banner.em is not None
    minutes = int(text_of(soup.select_one(".explainer-reading-time")).split()[0])
    assert minutes > 10, "20 words per minute makes a long read"
    assert not soup.body.has_attr("data-explainer-previews")
    assert not soup.body.has_attr("data-explainer-sidenotes")


def test_bad_colour_option_keeps_the_stylesheet_valid(build):
    app = build(
        "theme-article",
        confoverrides={"html_theme_options": {"accent_color": "red; } body { display: none"}},
    )
    css = (Path(app.outdir) / "_static" / "sphinx-explainer-theme.css").read_text()
    assert "body { display: none" not in css
    assert "--explainer-accent: light-dark(#1f6f8b, #7cc4dc);" in css


def test_html_logo_is_the_default_logo(build, copy_root):
    srcdir = copy_root("theme-article")
    (srcdir / "mark.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    app = build("theme-article", srcdir=srcdir, confoverrides={"html_logo": "mark.svg"})
    logos = soup_of(app, "article").select(".explainer-brand img")
    assert [img["src"] for img in logos] == ["_static/mark.svg"]


# -- languages and builders ----------------------------------------------------


def test_german(build):
    app = build("theme-article", confoverrides={"language": "de"})
    assert warnings_of(app) == []
    soup = soup_of(app, "article")
    assert soup.html["lang"] == "de"
    assert text_of(soup.select_one(".explainer-byline time")) == "21. Mai 2026"
    assert text_of(soup.select_one(".explainer-reading-time")).endswith("Min. Lesezeit")
    assert text_of(soup.select_one(".explainer-outline-title")) == "Auf dieser Seite"
    assert text_of(soup.select_one("a.explainer-skip")) == "Zum Inhalt springen"
    assert text_of(soup.select_one(".explainer-prev .explainer-prev-next-label")) == "Zurück"
    assert soup.select_one(".explainer-mode-toggle")["aria-label"] == "Dunklen Modus umschalten"
    assert soup.select_one("label[for=explainer__q]").get_text() == "Suche"


def test_theme_alone_gives_the_article_header(build):
    app = build("theme-article", confoverrides={"extensions": []})
    byline = soup_of(app, "article").select_one("section > h1 + p.explainer-byline")
    assert text_of(byline.select_one(".explainer-author")) == "Ada Keeper"


def test_page_without_date_shows_no_reading_time(build):
    """A page that is not an article (no :date:) gets no "1 min read" (the docs' home page did)."""
    soup = soup_of(build("theme"))
    assert soup.select_one(".explainer-reading-time") is None
    assert soup.select_one(".explainer-byline") is None, "nothing else to show either"


@pytest.mark.parametrize("builder", ["singlehtml", "dirhtml", "epub"])
def test_other_html_builders_are_warning_free(build, builder):
    app = build("theme-article", builder, confoverrides={"version": "1.0", "epub_theme": "sphinx_explainer"})
    assert warnings_of(app) == []
    outdir = Path(app.outdir)
    if builder == "singlehtml":
        soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html5lib")
        byline = soup.select_one("#document-article + section > h2 + p.explainer-byline")
        assert text_of(byline.select_one(".explainer-author")) == "Ada Keeper", "each document's byline"
    elif builder == "dirhtml":
        soup = BeautifulSoup((outdir / "article" / "index.html").read_text(encoding="utf-8"), "html5lib")
        assert soup.select_one("nav.explainer-prev-next a.explainer-next")["href"] == "../second/"
        assert soup.select_one("form[role=search]")["action"] == "../search/"
    else:
        page = (outdir / "article.xhtml").read_text(encoding="utf-8")
        soup = BeautifulSoup(page, "html5lib")
        assert soup.find("script") is None, "e-books get no scripts"
        assert text_of(soup.select_one(".explainer-byline time")) == "May 21, 2026"


def test_tab_script_only_on_pages_with_tabs(article):
    """sphinx-design's design-tabs.js is left off pages without a tab set (page weight)."""

    def scripts(page):
        return [s["src"].split("?")[0] for s in soup_of(article, page).find_all("script", src=True)]

    assert soup_of(article, "article").select_one(".sd-tab-set") is not None
    assert "_static/design-tabs.js" in scripts("article")
    assert soup_of(article, "second").select_one(".sd-tab-set") is None
    assert "_static/design-tabs.js" not in scripts("second")
