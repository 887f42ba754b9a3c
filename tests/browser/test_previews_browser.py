"""Footnote previews and search hits in FAQ answers, in every theme, as readers use them."""

from __future__ import annotations

import re

import pytest
from browser_helpers import (
    axe_violations,
    builds_per_theme,
    describe_violations,
    open_page,
    save_screenshot,
)

pytest.importorskip("playwright.sync_api")

#: The six themes of issue 14, and the article theme, which shares the previews.
THEMES = [
    "alabaster",
    "furo",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
    "sphinx_rtd_theme",
    "shibuya",
    "sphinx_explainer",
]
#: Themes that follow the system into dark mode (the others are light only).
DARK_THEMES = {"furo", "pydata_sphinx_theme", "sphinx_book_theme", "shibuya", "sphinx_explainer"}
#: Themes whose pages do not mark the search words (pydata-sphinx-theme 0.15+
#: and sphinx-book-theme load Sphinx's highlighter, yet nothing is marked).
UNHIGHLIGHTED = {"pydata_sphinx_theme", "sphinx_book_theme"}
POPOVER = ".explainer-popover"
WICK = "a[href='#wick']"
LENS = "a[href='#lens']"
#: The nearest opaque background behind an element, as the reader sees it.
BACKDROP_JS = """el => {
    for (let node = el; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour && !/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
}"""
#: A heading of the article, away from the references.
AWAY = "#questions h2"
INSIDE_JS = "() => !!document.activeElement.closest('.explainer-popover')"


def is_dark(colour: str) -> bool:
    """Whether a computed ``rgb(...)`` or ``color(srgb ...)`` colour is dark."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", colour.split("(", 1)[1])[:3]]
    scale = 1 if colour.startswith("color(") else 255
    red, green, blue = (n / scale for n in numbers)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.4


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of ``roots/test-previews`` per theme, shared by this module's tests."""
    return builds_per_theme(tmp_path_factory, "previews")



def assert_in_viewport(page, box) -> None:
    """Inside the layout viewport (wider than the screen where a theme's own page overflows it)."""
    width, height = page.evaluate("[innerWidth, innerHeight]")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_hover_shows_the_note_in_the_theme_colours(built, serve, new_page, theme, scheme):
    page = open_page(new_page, serve(built(theme)) + "index.html", color_scheme=scheme, width=1024, height=800)
    ref = page.locator(WICK).first
    ref.scroll_into_view_if_needed()
    ref.hover()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "Colza oil burned cleaner" in text
    assert "↩" not in text and "[1]" not in text, "no label, no back links"
    assert popover.locator("[id]").count() == 0, "the copy adds no duplicate ids"
    assert popover.get_attribute("role") == "dialog" and popover.get_attribute("aria-label") == "Footnote 1"
    assert ref.get_attribute("aria-describedby") == "explainer-popover"
    ref_box, box = ref.bounding_box(), popover.bounding_box()
    assert box["y"] >= ref_box["y"] + ref_box["height"], "below the reference"
    assert_in_viewport(page, box)
    # The theme's own colours, in its own mode.
    dark = scheme == "dark" and theme in DARK_THEMES
    assert is_dark(page.evaluate(BACKDROP_JS, ref.element_handle())) == dark, "the theme's mode"
    assert is_dark(popover.evaluate("el => getComputedStyle(el).backgroundColor")) == dark
    assert not is_dark(popover.evaluate("el => getComputedStyle(el).color")) == dark
    violations = axe_violations(page, include=[POPOVER, WICK])
    assert violations == [], f"{theme} {scheme}: " + describe_violations(violations)
    save_screenshot(page, f"previews-{theme}-{scheme}")
    # Into the popover and out again: it stays while the pointer is on it.
    popover.hover()
    page.wait_for_timeout(400)
    assert popover.is_visible()
    page.locator(AWAY).hover()
    popover.wait_for(state="hidden")
    assert ref.get_attribute("aria-describedby") is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_keyboard_focus_moves_into_the_popover_and_back(built, serve, new_page, theme, scheme):
    page = open_page(new_page, serve(built(theme)) + "index.html", color_scheme=scheme, width=1024, height=800)
    ref = page.locator(WICK).first
    ref.focus()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    # Tab follows the reference into the note's link, Shift+Tab comes back.
    page.keyboard.press("Tab")
    assert page.evaluate(INSIDE_JS), "focus moved into the popover"
    assert "keepers" in page.evaluate("document.activeElement.textContent")
    page.wait_for_timeout(400)
    assert popover.is_visible()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#wick"
    assert popover.is_visible()
    # Escape inside the popover closes it and returns to the reference.
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#wick"
    # Escape on the reference closes it too; focus stays.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#wick"
    # A note without links: Tab moves on to the next reference, which previews
    # its own note; then to a citation on another page, and the popover closes.
    page.locator(LENS).first.focus()
    popover.wait_for(state="visible")
    assert "Fresnel lens" in popover.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#fog1850"
    page.wait_for_function("() => document.querySelector('.explainer-popover').textContent.includes('Fog signals')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "other.html#id2"
    popover.wait_for(state="hidden")
    assert not page.evaluate(INSIDE_JS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_tap_at_320px_previews_in_the_viewport(built, serve, new_page, theme, scheme):
    page = open_page(
        new_page,
        serve(built(theme)) + "index.html",
        color_scheme=scheme,
        width=320,
        height=640,
        has_touch=True,
        is_mobile=True,
    )
    ref = page.locator(WICK).first
    ref.scroll_into_view_if_needed()
    # pydata-sphinx-theme's own header is wider than 320 px: measure against the page as it is.
    page_width = page.evaluate("document.documentElement.scrollWidth")
    ref.tap()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert "Colza oil" in popover.inner_text()
    assert page.evaluate("location.hash") == "", "the first tap previews instead of jumping"
    assert_in_viewport(page, popover.bounding_box())
    assert popover.bounding_box()["width"] <= page.evaluate("innerWidth") - 16, "a margin on both sides"
    assert page.evaluate("document.documentElement.scrollWidth") == page_width, "the popover adds no sideways scroll"
    violations = axe_violations(page, include=[POPOVER])
    assert violations == [], f"{theme} {scheme} 320px: " + describe_violations(violations)
    save_screenshot(page, f"previews-320-{theme}-{scheme}")
    ref.tap()
    popover.wait_for(state="hidden")
    ref.tap()
    popover.wait_for(state="visible")
    page.locator(AWAY).tap()
    popover.wait_for(state="hidden")
    # A reference at the bottom of the screen: the note opens above it, still inside.
    lens = page.locator(LENS).first
    lens.scroll_into_view_if_needed()
    bottom = lens.bounding_box()["y"] + lens.bounding_box()["height"]
    page.set_viewport_size({"width": 320, "height": round(bottom) + 12})
    lens.tap()
    popover.wait_for(state="visible")
    box, ref_box = popover.bounding_box(), lens.bounding_box()
    assert box["y"] + box["height"] <= ref_box["y"], "above the reference"
    assert_in_viewport(page, box)


@pytest.mark.parametrize("theme", ["alabaster", "furo", "sphinx_explainer"])
def test_citations_preview_when_on_the_page_else_stay_links(built, serve, new_page, theme):
    base = serve(built(theme))
    page = open_page(new_page, base + "index.html", width=1024, height=800)
    popover = page.locator(POPOVER)
    page.locator("a[href='#fog1850']").first.hover()
    popover.wait_for(state="visible")
    assert "Fog signals, 1850" in popover.inner_text() and "Fog1850" not in popover.inner_text()
    page.locator(AWAY).hover()
    popover.wait_for(state="hidden")
    elsewhere = page.locator("a[href='other.html#id2']").first
    elsewhere.hover()
    page.wait_for_timeout(400)
    assert not popover.is_visible()
    elsewhere.click()
    page.wait_for_url("**/other.html#id2")
    page.locator("a[href='index.html#fog1850']").first.hover()
    page.wait_for_timeout(400)
    assert page.locator(POPOVER).count() == 0, "the note is on another page: a plain link"


@pytest.mark.parametrize("theme", THEMES)
def test_a_search_hit_opens_the_faq_answer_that_holds_it(built, serve, new_page, theme):
    base = serve(built(theme))
    page = open_page(new_page, base + "index.html?highlight=chequerboard", width=1024, height=800)
    daymark = page.locator("details.explainer-faq-item", has_text="What is a daymark?")
    wick = page.locator("details.explainer-faq-item", has_text="Why did keepers trim the wick?")
    page.wait_for_function("() => document.querySelector('details.explainer-faq-item[open]') !== null")
    assert daymark.get_attribute("open") is not None
    assert wick.get_attribute("open") is None, "answers without the word stay closed"
    if theme not in UNHIGHLIGHTED:
        highlighted = daymark.locator(".highlighted")
        highlighted.first.wait_for()
        assert highlighted.first.inner_text().lower() == "chequerboard"
        assert highlighted.first.is_visible()
    # Without a search, every answer stays as written.
    page.goto(base + "index.html")
    page.wait_for_load_state("load")
    assert page.locator("details.explainer-faq-item[open]").count() == 0


def test_the_search_page_leads_to_an_open_answer(built, serve, new_page):
    base = serve(built("alabaster"))
    page = open_page(new_page, base + "search.html?q=chequerboard", width=1024, height=800)
    result = page.locator("#search-results li a").first
    result.wait_for()
    result.click()
    page.wait_for_load_state("load")
    daymark = page.locator("details.explainer-faq-item", has_text="What is a daymark?")
    page.wait_for_function("() => document.querySelector('details.explainer-faq-item[open]') !== null")
    assert daymark.get_attribute("open") is not None


# -- the article theme's sidenotes, built on the same previews -----------------------


def test_no_sidenote_floats_beside_a_closed_answer(built, serve, new_page):
    page = open_page(new_page, serve(built("sphinx_explainer")) + "index.html", width=1600, height=1000)
    notes = page.locator(".explainer-sidenote")
    page.wait_for_function("() => document.querySelectorAll('.explainer-sidenote').length === 4")
    closed = notes.filter(has_text="cited only inside a closed answer")
    assert closed.count() == 1
    page.wait_for_timeout(200)
    assert not closed.is_visible(), "its only reference is in a closed answer"
    page.locator("summary", has_text="Why did keepers trim the wick?").click()
    closed.wait_for(state="visible")
    ref = page.locator("a[href='#closed']").first
    assert abs(closed.bounding_box()["y"] - ref.bounding_box()["y"]) < 24, "beside its reference"
    # Hovering a reference with a sidenote highlights it instead of opening a popover.
    ref.hover()
    page.wait_for_function("() => document.querySelector('.explainer-sidenote.is-active') !== null")
    assert page.locator(POPOVER).count() == 0 or not page.locator(POPOVER).is_visible()
    page.locator("summary", has_text="Why did keepers trim the wick?").click()
    closed.wait_for(state="hidden")
