"""Footnote previews: which pages get the script and stylesheet, and what the option off leaves."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import html_files, soup_of, warnings_of

from sphinx_explainer.previews import SCRIPT, STYLESHEET

STATIC = Path(__file__).parents[1] / "sphinx_explainer" / "static"
#: Issue 14: the script and the stylesheet together stay under 3 KB gzip.
BUDGET_GZIP = 3000


def assets(soup: BeautifulSoup) -> tuple[list, list]:
    """The page's preview script tags and stylesheet links."""
    scripts = [s for s in soup.find_all("script", src=True) if s["src"].split("?")[0].endswith(f"_static/{SCRIPT}")]
    sheets = [
        link for link in soup.find_all("link", rel="stylesheet") if link["href"].split("?")[0].endswith(f"_static/{STYLESHEET}")
    ]
    return scripts, sheets


def without_preview_assets(html: bytes) -> bytes:
    """The page with the lines that load the previews taken out."""
    lines = html.decode("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if SCRIPT not in line and STYLESHEET not in line).encode("utf-8")


@pytest.fixture
def previews(build):
    return build("previews")


def test_pages_with_notes_get_a_deferred_script_and_the_stylesheet(previews):
    assert warnings_of(previews) == []
    for page in ("index", "other"):  # footnotes and citations; a citation defined elsewhere
        scripts, sheets = assets(soup_of(previews, page))
        assert len(scripts) == 1 and len(sheets) == 1, page
        assert scripts[0].has_attr("defer") and not scripts[0].has_attr("async")
        assert not scripts[0].has_attr("data-explainer-previews")
        assert scripts[0]["src"].startswith("_static/"), "served from the site, no external host"
    for name in (SCRIPT, STYLESHEET):
        assert (Path(previews.outdir) / "_static" / name).read_bytes() == (STATIC / name).read_bytes()


def test_a_page_with_only_questions_gets_the_script_alone(previews):
    scripts, sheets = assets(soup_of(previews, "questions"))
    assert len(scripts) == 1 and sheets == []


def test_a_page_without_notes_or_questions_gets_nothing(previews):
    assert assets(soup_of(previews, "plain")) == ([], [])


def test_what_is_added_is_one_script_tag_and_one_link_no_inline_code(previews):
    html = (Path(previews.outdir) / "index.html").read_text(encoding="utf-8")
    added = [line.strip() for line in html.splitlines() if SCRIPT in line or STYLESHEET in line]
    assert len(added) == 2
    for line in added:
        tag = BeautifulSoup(line, "html.parser").find(["script", "link"])
        assert tag is not None and (tag.get("src") or tag.get("href")), line
        assert tag.get_text() == "" and not tag.has_attr("style"), line


def test_script_and_stylesheet_stay_under_three_kilobytes_gzip():
    size = sum(len(gzip.compress((STATIC / name).read_bytes(), 6, mtime=0)) for name in (SCRIPT, STYLESHEET))
    assert size < BUDGET_GZIP, f"{size} bytes gzip"


def test_switched_off_the_pages_are_those_of_before(build, copy_root):
    on = html_files(Path(build("previews").outdir))
    off_app = build("previews", srcdir=copy_root("previews", "off"), confoverrides={"explainer_footnote_previews": False})
    off = html_files(Path(off_app.outdir))
    assert set(on) == set(off)
    changed = [name for name in on if on[name] != off[name]]
    assert sorted(changed) == ["index.html", "other.html", "questions.html"], "only pages with notes or questions"
    for name in on:
        assert SCRIPT.encode() not in off[name] and STYLESHEET.encode() not in off[name]
        # Byte for byte what the same build writes without the previews.
        assert without_preview_assets(on[name]) == off[name], name


def test_the_article_theme_option_keeps_the_popover_off(build):
    app = build("previews", confoverrides={"html_theme": "sphinx_explainer", "html_theme_options": {"footnote_previews": False}})
    scripts, sheets = assets(soup_of(app, "index"))
    assert len(scripts) == 1 and scripts[0]["data-explainer-previews"] == "false", "search hits still open answers"
    assert sheets == []


@pytest.mark.parametrize("buildername", ["singlehtml", "dirhtml"])
def test_html_family(build, buildername):
    app = build("previews", buildername)
    assert warnings_of(app) == []
    scripts, sheets = assets(soup_of(app, "index"))
    assert len(scripts) == 1 and len(sheets) == 1


def test_epub_and_other_formats_get_no_script(build):
    app = build("previews", "epub", confoverrides={"epub_copyright": "2026, Test"})
    for path in Path(app.outdir).rglob("*.xhtml"):
        assert SCRIPT not in path.read_text(encoding="utf-8"), path.name
    latex = build("previews", "latex")
    assert not re.search(r"sphinx-explainer\.js", "".join(p.read_text() for p in Path(latex.outdir).glob("*.tex")))


def test_assets_policy_always_puts_them_on_every_page(build, copy_root):
    srcdir = copy_root("previews")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\n\ndef setup(app):\n    app.set_html_assets_policy("always")\n')
    app = build("previews", srcdir=srcdir)
    scripts, sheets = assets(soup_of(app, "plain"))
    assert len(scripts) == 1 and len(sheets) == 1
