"""Reference documentation in the article theme, as a reader sees it: the kitchen sink.

The docs' kitchen sink (``docs/kitchen-sink/``) holds every element Sphinx
and docutils write. Each test reads computed styles and layout boxes, never
class names alone, and the screenshots of every page, light and dark, phone
and desktop, land in ``test-artifacts/``.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser_helpers import axe_violations, describe_violations, open_page, save_screenshot, style

from testing_tools.loopback import serving

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SINK = "kitchen-sink/"
SINK_PAGES = [
    "index",
    "text",
    "blocks",
    "tables-and-figures",
    "code-and-math",
    "admonitions",
    "api",
    "domains",
    "design",
]
VIEWS = {"phone": 390, "desktop": 1440}
#: The content is wider than the viewport (a horizontal scroll bar).
OVERFLOWS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
#: The computed value of one CSS property of the first element a selector matches.
BOX = "selector => document.querySelector(selector).getBoundingClientRect().toJSON()"


def build_docs(target: Path) -> Path:
    """Build ``docs/`` with its default theme (the article theme) into ``target``."""
    source = target / "docs"
    shutil.copytree(DOCS, source, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "benchmarks" / "results", target / "benchmarks" / "results")
    env = {k: v for k, v in os.environ.items() if k != "SPHINX_THEME"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    out = target / "html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-n",
        "-W",
        "-q",
        str(source),
        str(out),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory):
    """The docs built once for the module and served; yields the base URL."""
    out = build_docs(tmp_path_factory.mktemp("reference-docs"))
    with serving(out) as base:
        yield base




def box(page, selector: str) -> dict:
    return page.evaluate(BOX, selector)


# -- every page: screenshots, no sideways scroll, axe ----------------------------------


def test_kitchen_sink_reads_well_light_and_dark_on_phone_and_desktop(docs_site, new_page):
    problems = []
    for name in SINK_PAGES:
        for view, width in VIEWS.items():
            for scheme in ("light", "dark"):
                label = f"kitchen-sink-{name}-{view}-{scheme}"
                page = open_page(
                    new_page, f"{docs_site}{SINK}{name}.html", color_scheme=scheme, width=width
                )
                save_screenshot(page, label)
                if page.evaluate(OVERFLOWS):
                    problems.append(f"{label}: wider than the screen")
                violations = axe_violations(page) if view == "desktop" else []
                if violations:
                    problems.append(f"{label}: {describe_violations(violations)}")
                page.context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", SINK_PAGES)
def test_no_sideways_scroll_at_320px(docs_site, new_page, name):
    page = open_page(new_page, f"{docs_site}{SINK}{name}.html", width=320)
    assert not page.evaluate(OVERFLOWS)


# -- lists --------------------------------------------------------------------------------


def test_every_enumeration_style_keeps_its_numbering(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}text.html")
    styles = page.evaluate(
        """() => [...document.querySelectorAll('article ol')].map(ol =>
             [getComputedStyle(ol).listStyleType, ol.start])"""
    )
    assert styles[:5] == [
        ["decimal", 1],
        ["lower-alpha", 3],  # "c. Third": the list starts at c
        ["upper-alpha", 1],
        ["lower-roman", 1],
        ["upper-roman", 1],
    ]
    assert ["lower-alpha", 1] in styles[5:] and ["lower-roman", 1] in styles[5:], "nested lists too"


# -- API signatures ---------------------------------------------------------------------


def test_signatures_are_set_in_the_code_font_with_their_parts_told_apart(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html")
    sig = "dt#kitchen_sink_api\\.reading_minutes"
    assert "monospace" in style(page, sig, "fontFamily")
    assert style(page, "article p", "fontFamily") != style(page, sig, "fontFamily")
    assert style(page, f"{sig} .sig-name", "fontWeight") == "700"
    assert style(page, f"{sig} .sig-prename", "fontWeight") == "400"
    assert style(page, f"{sig} .sig-prename", "color") != style(page, f"{sig} .sig-name", "color")
    assert style(page, f"{sig} .sig-param", "fontStyle") == "normal", "parameters are upright"
    assert style(page, f"{sig} .sig-param .n", "fontWeight") == "600", "parameter names stand out"
    assert style(page, f"{sig} .default_value", "fontWeight") == "400"
    assert style(page, "dt#confval-kitchen_sink_colour", "fontFamily") == style(
        page, sig, "fontFamily"
    )


def test_long_signatures_take_one_parameter_a_line(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html")
    tops = page.evaluate(
        """() => [...document.querySelectorAll(
             'dt#kitchen_sink_api\\\\.transform_explainer_sources .sig-param')]
             .map(p => [p.getBoundingClientRect().top, p.getBoundingClientRect().left])"""
    )
    assert len(tops) == 6
    assert len({round(top) for top, _ in tops}) == 6, "each parameter on a line of its own"
    assert len({round(left) for _, left in tops}) == 1, "aligned"
    name = box(page, "dt#kitchen_sink_api\\.transform_explainer_sources .sig-prename")
    assert tops[0][1] > name["left"] + 8, "indented under the name"


def test_source_link_and_permalink_stand_apart(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html")
    sig = "dt#kitchen_sink_api\\.Mood"
    page.hover(sig)
    source = box(page, f"{sig} .viewcode-link")
    permalink = box(page, f"{sig} a.headerlink")
    signature = box(page, sig)
    paren = page.evaluate(
        "s => [...document.querySelectorAll(s + ' .sig-paren')].pop().getBoundingClientRect().right",
        sig,
    )
    assert source["right"] > signature["right"] - 16, "[source] at the end of the line"
    assert source["left"] - permalink["right"] > 32 or permalink["left"] - source["right"] > 32
    assert permalink["left"] - paren < 16, "the permalink follows the signature"
    assert "sans" in style(page, f"{sig} .viewcode-link", "fontFamily") or "system-ui" in style(
        page, f"{sig} .viewcode-link", "fontFamily"
    )


def test_overloads_are_spaced(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('dl.py.function dt.sig')]
             .filter(dt => dt.textContent.includes('shorten'))
             .map(dt => dt.getBoundingClientRect().toJSON())"""
    )
    assert len(boxes) == 3
    for upper, lower in itertools.pairwise(boxes):
        assert lower["top"] - upper["bottom"] >= 4


def test_no_identifier_breaks_mid_word_on_a_phone(docs_site, new_page):
    """Each name in a signature (a text node of ``span.pre``) sits on one line at 390 px."""
    for name in ("api", "domains"):
        page = open_page(new_page, f"{docs_site}{SINK}{name}.html", width=390)
        broken = page.evaluate(
            """() => [...document.querySelectorAll('dt.sig span.pre')].filter(span => {
                 const range = document.createRange();
                 range.selectNodeContents(span);
                 return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
               }).map(span => span.textContent)"""
        )
        assert broken == [], name


def test_field_lists_are_compact(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html")
    field_list = "dt#kitchen_sink_api\\.reading_minutes + dd dl.field-list"
    assert style(page, field_list, "display") == "grid"
    label = box(page, f"{field_list} > dt")
    value = box(page, f"{field_list} > dd")
    assert abs(label["top"] - value["top"]) < 4, "label and value share a line"
    assert value["left"] > label["right"]


# -- version notes --------------------------------------------------------------------


def test_version_notes_are_marked_and_deprecation_warns(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}admonitions.html")
    colours = {}
    for kind in ("versionadded", "versionchanged", "deprecated", "versionremoved"):
        note = f"div.{kind}"
        assert style(page, note, "borderInlineStartStyle") == "solid", kind
        assert style(page, note, "borderInlineStartWidth") == "3px", kind
        assert "sans" in style(page, note, "fontFamily") or "system-ui" in style(
            page, note, "fontFamily"
        )
        label = f"{note} .versionmodified"
        assert style(page, label, "fontWeight") == "600", kind
        assert style(page, label, "color") == style(page, note, "borderInlineStartColor"), kind
        colours[kind] = style(page, note, "borderInlineStartColor")
    assert len(set(colours.values())) == 4, "each kind of note has its colour"
    # A deprecation in the warning colour of the admonitions.
    assert colours["deprecated"] == style(page, "div.warning", "borderInlineStartColor")
    assert style(page, "div.deprecated", "paddingInlineStart") != "0px"


# -- other elements ---------------------------------------------------------------------


def test_keys_labels_and_menus(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}text.html")
    key = "kbd.kbd:not(.compound)"
    assert style(page, key, "borderTopStyle") == "solid"
    assert float(style(page, key, "borderBottomWidth")[:-2]) > float(
        style(page, key, "borderTopWidth")[:-2]
    )
    assert "monospace" in style(page, key, "fontFamily")
    assert style(page, "span.guilabel", "borderTopStyle") == "solid"
    assert style(page, "span.menuselection", "fontWeight") == "600"


def test_rubric_sidebar_hlist_and_line_blocks(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}blocks.html")
    assert style(page, "p.rubric", "fontWeight") == "700"
    assert style(page, "p.rubric", "fontFamily") != style(
        page, "section > p:not(.rubric)", "fontFamily"
    )
    article = box(page, "article")
    sidebar = box(page, "aside.sidebar")
    assert sidebar["width"] < article["width"] / 2, "a sidebar at the side on wide screens"
    assert sidebar["right"] > article["right"] - 2
    assert style(page, "table.hlist td", "borderBottomWidth") == "0px"
    nested = box(page, ".line-block .line-block")
    assert nested["left"] > box(page, ".line-block")["left"], "nested lines are indented"
    phone = open_page(new_page, f"{docs_site}{SINK}blocks.html", width=390)
    assert box(phone, "aside.sidebar")["width"] > box(phone, "article")["width"] - 2


def test_code_captions_sit_on_their_code(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}code-and-math.html")
    caption = box(page, ".code-block-caption")
    code = box(page, ".literal-block-wrapper div.highlight")
    assert 0 <= code["top"] - caption["bottom"] <= 2
    wrapper = ".literal-block-wrapper"
    assert style(page, wrapper, "borderTopStyle") == "solid", "caption and code in one frame"
    assert style(page, ".code-block-caption", "fontFamily") != style(page, "pre", "fontFamily")


def test_equation_numbers_follow_their_equation(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}code-and-math.html")
    number = box(page, "div.math span.eqno")
    equation = box(page, "div.math math")
    assert number["left"] > equation["right"], "the number after the equation"
    assert (
        abs((number["top"] + number["bottom"]) / 2 - (equation["top"] + equation["bottom"]) / 2) < 8
    )


# -- the outline --------------------------------------------------------------------------


def test_outline_lists_the_documented_objects(docs_site, new_page):
    page = open_page(new_page, f"{docs_site}{SINK}api.html", width=1440)
    outline = page.locator("nav.explainer-outline")
    assert outline.is_visible()
    entries = outline.locator("a code").all_inner_texts()
    assert "Explainer" in entries and "summary()" in entries and "reading_minutes()" in entries
    assert "monospace" in outline.locator("a code").first.evaluate(
        "c => getComputedStyle(c).fontFamily"
    )
    outline.locator("a", has_text="shorten()").click()
    page.wait_for_function("location.hash === '#kitchen_sink_api.shorten'")
    target = box(page, "dt#kitchen_sink_api\\.shorten")
    assert page.evaluate("scrollY") > 0
    assert 0 <= target["top"] < 200, "the signature is brought into view"


def test_outline_lists_the_faq_block(docs_site, new_page):
    page = open_page(new_page, docs_site + "articles/karpathy-joins-anthropic.html", width=1440)
    link = page.locator("nav.explainer-outline a", has_text="Frequently Asked Questions")
    assert link.count() == 1
    link.click()
    title = page.locator(".explainer-faq > .explainer-title")
    assert page.evaluate("location.hash") == "#" + title.get_attribute("id")
    assert 0 <= title.bounding_box()["y"] < 200
