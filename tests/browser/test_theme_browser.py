"""The article theme as a reader meets it: previews, sidenotes, dark mode, small screens, CSP, axe."""

from __future__ import annotations

import re

import pytest
from browser_helpers import axe_violations, describe_violations, save_screenshot

PAGES = ["index.html", "article.html", "second.html", "search.html", "genindex.html"]
FIRST_REF = "article a.footnote-reference >> nth=0"
POPOVER = ".explainer-popover"
WIDE = 1600
CSP = "default-src 'self'; report-uri /csp-report"
#: Records CSP violations from the first moment of the page (init scripts bypass the CSP).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""
BACKGROUND = "getComputedStyle(document.body).backgroundColor"


@pytest.fixture
def site(build, serve):
    """Build the article root and serve it; return its base URL."""
    app = build("theme-article")
    return serve(app.outdir)


def open_page(new_page, url, **options):
    page = new_page(**options)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def is_dark(colour: str) -> bool:
    """Whether a computed ``rgb(...)`` or ``color(srgb ...)`` colour is dark."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", colour.split("(", 1)[1])[:3]]
    scale = 1 if colour.startswith("color(") else 255
    red, green, blue = (n / scale for n in numbers)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.4


# -- footnote previews -------------------------------------------------------------


def test_preview_on_hover(site, new_page):
    page = open_page(new_page, site + "article.html", width=1024)
    ref = page.locator(FIRST_REF)
    ref.hover()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "Nautical charts print each light" in text
    assert "↩" not in text and "[1]" not in text, "no label, no back links"
    assert popover.locator("[id]").count() == 0, "the copy adds no duplicate ids"
    assert ref.get_attribute("aria-describedby") == "explainer-popover"
    assert popover.get_attribute("role") == "dialog"
    # Below the reference and inside the viewport.
    ref_box, box = ref.bounding_box(), popover.bounding_box()
    assert box["y"] >= ref_box["y"] + ref_box["height"] and box["x"] >= 0
    assert box["x"] + box["width"] <= 1024
    # Moving into the popover keeps it; moving away closes it.
    popover.hover()
    page.wait_for_timeout(400)
    assert popover.is_visible()
    page.locator("h1").hover()
    popover.wait_for(state="hidden")
    assert ref.get_attribute("aria-describedby") is None


def test_preview_on_keyboard_focus_and_escape(site, new_page):
    page = open_page(new_page, site + "article.html", width=1024)
    page.locator("h1").click()
    for _ in range(40):  # Tab to the first footnote reference like a keyboard user.
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.footnote-reference')"):
            break
    else:
        pytest.fail("Tab never reached a footnote reference")
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert "Nautical charts" in popover.inner_text()
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.matches('a.footnote-reference')"), "focus stays"
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    popover.wait_for(state="visible")
    page.keyboard.press("Tab")
    popover.wait_for(state="hidden")


def test_preview_on_tap(site, new_page):
    page = open_page(new_page, site + "article.html", width=390, height=844, has_touch=True, is_mobile=True)
    ref = page.locator(FIRST_REF)
    ref.tap()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert "Nautical charts" in popover.inner_text()
    assert page.evaluate("location.hash") == "", "the first tap previews instead of jumping"
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ref.tap()
    popover.wait_for(state="hidden")
    ref.tap()
    popover.wait_for(state="visible")
    page.locator("h1").tap()
    popover.wait_for(state="hidden")
    save_screenshot(page, "theme-phone-preview")


def test_preview_of_a_citation_on_the_page_not_of_one_elsewhere(site, new_page):
    page = open_page(new_page, site + "second.html", width=1024)
    here = page.locator("article a.explainer-noteref", has_text="Stevenson1959")
    elsewhere = page.locator("article a.explainer-noteref", has_text="Sources2026")
    assert here.count() == 1 and elsewhere.count() == 1
    here.hover()
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert "Lighthouses Before 1820" in popover.inner_text()
    assert "Stevenson1959" not in popover.inner_text(), "no label"
    page.locator("h1").hover()
    popover.wait_for(state="hidden")
    # The other page's citation has no note here to preview: the link just leads there.
    assert elsewhere.get_attribute("href").startswith("index.html#")
    elsewhere.hover()
    page.wait_for_timeout(400)
    assert not popover.is_visible()
    phone = open_page(new_page, site + "second.html", width=390, height=844, has_touch=True, is_mobile=True)
    phone.locator("article a.explainer-noteref", has_text="Sources2026").tap()
    phone.wait_for_url("**/index.html#*")
    assert "Where the collection" in phone.locator(":target").inner_text()


# -- sidenotes -----------------------------------------------------------------------


def test_sidenotes_in_the_margin_without_overlap(site, new_page):
    page = open_page(new_page, site + "article.html", width=WIDE, height=1000)
    notes = page.locator(".explainer-sidenote")
    assert notes.count() == 4, "one sidenote per note, at its first citation"
    article = page.locator("article.explainer-article").bounding_box()
    boxes = []
    for i in range(4):
        note = notes.nth(i)
        assert note.is_visible()
        assert note.get_attribute("aria-hidden") == "true", "the footnote list stays the accessible copy"
        boxes.append(note.bounding_box())
    for box in boxes:
        assert box["x"] >= article["x"] + article["width"], "in the right margin, beside the text"
        assert box["x"] + box["width"] <= WIDE
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert lower["y"] >= upper["y"] + upper["height"], "sidenotes never overlap"
    # Each note starts level with its first citation, unless the previous one pushed it down.
    refs = page.locator("article a.footnote-reference")
    firsts = {}
    for i in range(refs.count()):
        href = refs.nth(i).get_attribute("href")
        if href not in firsts and refs.nth(i).is_visible():
            firsts[href] = refs.nth(i).bounding_box()
    ref_tops = [box["y"] for box in firsts.values()]
    assert abs(boxes[0]["y"] - ref_tops[0]) < 24
    assert abs(boxes[2]["y"] - ref_tops[2]) < 24
    pushed = boxes[3]["y"] - ref_tops[3]
    assert pushed > 24, "the fourth note, cited right after the third, was pushed below it"
    assert abs(boxes[3]["y"] - (boxes[2]["y"] + boxes[2]["height"])) < 24
    # The list of notes stays at the end of the article.
    assert page.locator("aside.footnote-list").is_visible()
    # Hovering a reference highlights its sidenote instead of opening a popover.
    page.locator(FIRST_REF).hover()
    page.wait_for_timeout(100)
    assert page.locator(POPOVER).count() == 0 or not page.locator(POPOVER).is_visible()
    assert "is-active" in notes.nth(0).get_attribute("class")
    save_screenshot(page, "theme-desktop-light")


def test_no_sidenotes_on_narrow_screens(site, new_page):
    page = open_page(new_page, site + "article.html", width=1024)
    assert page.locator(".explainer-sidenote").count() == 0, "not even made on narrow screens"
    assert not page.locator("nav.explainer-outline").is_visible()
    assert page.locator("aside.footnote-list").is_visible()
    page.set_viewport_size({"width": WIDE, "height": 900})
    page.locator(".explainer-sidenote >> nth=3").wait_for(state="visible")
    page.set_viewport_size({"width": 1024, "height": 900})
    page.locator(".explainer-sidenote >> nth=0").wait_for(state="hidden")


def test_sidenotes_and_previews_can_be_turned_off(build, serve, new_page):
    app = build(
        "theme-article",
        confoverrides={"html_theme_options": {"sidenotes": False, "footnote_previews": False}},
    )
    page = open_page(new_page, serve(app.outdir) + "article.html", width=WIDE)
    assert page.locator(".explainer-sidenote").count() == 0
    page.locator(FIRST_REF).hover()
    page.wait_for_timeout(200)
    assert page.locator(POPOVER).count() == 0


# -- outline -------------------------------------------------------------------------


def test_outline_follows_the_reader(site, new_page):
    page = open_page(new_page, site + "article.html", width=WIDE, height=800)
    outline = page.locator("nav.explainer-outline")
    assert outline.is_visible()
    current = page.locator("nav.explainer-outline a[aria-current=location]")
    page.locator("#the-lens").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('the-lens').scrollIntoView()")
    page.wait_for_function(
        "document.querySelector('nav.explainer-outline a[aria-current]')?.hash === '#the-lens'"
    )
    page.evaluate("document.getElementById('ranges').scrollIntoView()")
    page.wait_for_function(
        "document.querySelector('nav.explainer-outline a[aria-current]')?.hash === '#ranges'"
    )
    assert current.count() == 1
    assert outline.bounding_box()["y"] >= 0, "the outline stays in view (sticky)"


# -- dark mode -----------------------------------------------------------------------


def test_dark_mode_follows_the_system(site, new_page):
    page = open_page(new_page, site + "article.html", color_scheme="dark", width=WIDE)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert is_dark(page.evaluate(BACKGROUND))
    # The blocks and sphinx-design's components follow the page.
    for selector in (".explainer-tldr", ".sd-card", ".highlight"):
        assert is_dark(page.locator(selector).first.evaluate("e => getComputedStyle(e).backgroundColor")), selector
    save_screenshot(page, "theme-desktop-dark")


def test_toggle_is_remembered_across_reloads(site, new_page):
    page = open_page(new_page, site + "article.html", color_scheme="light")
    toggle = page.locator("button.explainer-mode-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    assert not is_dark(page.evaluate(BACKGROUND))
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert is_dark(page.evaluate(BACKGROUND))
    assert page.evaluate("document.getElementById('pygments_dark_css').media") == "all"
    # The choice survives a reload and applies before the deferred script runs:
    # with explainer.js blocked, the head script alone paints the page dark.
    page.route("**/explainer.js?*", lambda route: route.abort())
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert is_dark(page.evaluate(BACKGROUND))
    page.unroute("**/explainer.js?*")
    page.goto(site + "second.html")
    page.wait_for_load_state("load")
    assert is_dark(page.evaluate(BACKGROUND)), "remembered on the other pages too"
    page.locator("button.explainer-mode-toggle").click()
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert not is_dark(page.evaluate(BACKGROUND))
    # Back to the system's own mode: the choice is forgotten, the page follows the system again.
    assert page.evaluate("localStorage.getItem('explainer-mode')") is None
    assert page.evaluate("document.getElementById('pygments_dark_css').media") == "(prefers-color-scheme: dark)"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
    assert is_dark(page.evaluate(BACKGROUND))
    assert page.locator("button.explainer-mode-toggle").get_attribute("aria-pressed") == "true"


def test_toggle_pins_the_mode_against_the_system(site, new_page):
    page = open_page(new_page, site + "article.html", color_scheme="dark")
    page.locator("button.explainer-mode-toggle").click()
    assert page.evaluate("localStorage.getItem('explainer-mode')") == "light"
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(100)
    assert page.evaluate("document.documentElement.dataset.theme") == "light", "a choice outlasts the system's changes"
    assert page.evaluate("document.getElementById('pygments_dark_css').media") == "not all"


# -- search ----------------------------------------------------------------------------


def test_search_and_highlighting(site, new_page):
    page = open_page(new_page, site + "article.html", width=1024)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "explainer__q", "'/' focuses the search field"
    page.keyboard.type("fresnel")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    result = page.locator("#search-results li a").first
    result.wait_for()
    result.click()
    page.wait_for_load_state("load")
    # explainer.js loads Sphinx's highlighter on demand, which marks the words.
    page.locator("article .highlighted").first.wait_for()
    assert page.locator("article .highlighted").first.inner_text().lower() == "fresnel"


# -- everywhere ----------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGES)
def test_no_horizontal_scroll_at_320(site, new_page, page_name):
    page = open_page(new_page, site + page_name, width=320, height=640)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if page_name == "article.html":
        save_screenshot(page, "theme-phone")


def test_javascript_off(site, new_page):
    page = open_page(new_page, site + "article.html", width=WIDE, java_script_enabled=False)
    assert page.evaluate is not None
    assert page.locator("h1").is_visible()
    assert page.locator(".explainer-byline time").inner_text() == "May 21, 2026"
    assert page.locator("nav.explainer-outline").is_visible(), "the outline is plain HTML"
    assert page.locator("aside.footnote-list").is_visible()
    assert not page.locator("button.explainer-mode-toggle").is_visible(), "no dead toggle"
    assert page.locator(".explainer-sidenote").count() == 0
    page.locator("nav.explainer-outline a", has_text="The lens").click()
    assert page.url.endswith("#the-lens")
    page.locator("a.explainer-next").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("second.html")
    dark = open_page(new_page, site + "article.html", color_scheme="dark", java_script_enabled=False)
    assert is_dark(dark.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_print(site, new_page):
    page = open_page(new_page, site + "article.html", width=WIDE)
    page.emulate_media(media="print")
    for hidden in ("header.explainer-site-header", "nav.explainer-outline", "nav.explainer-prev-next"):
        assert not page.locator(hidden).is_visible(), hidden
    assert not page.locator(".explainer-sidenote").first.is_visible()
    assert page.locator("aside.footnote-list").is_visible(), "notes are kept"
    after = page.locator("article a.external").first.evaluate("e => getComputedStyle(e, '::after').content")
    assert "https://en.wikipedia.org/wiki/Lighthouse" in after


def test_strict_content_security_policy(build, serve, new_page):
    app = build("theme-article")
    base = serve(app.outdir, headers={"Content-Security-Policy": CSP})
    page = new_page(width=WIDE)
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    missing = []
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    page.add_init_script(RECORD_VIOLATIONS)
    for name in PAGES:
        page.goto(base + name)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], name
    # Use everything the scripts do, then search.
    page.goto(base + "article.html")
    page.wait_for_load_state("load")
    page.locator("button.explainer-mode-toggle").click()
    page.set_viewport_size({"width": 1024, "height": 900})
    page.locator(FIRST_REF).hover()
    page.locator(POPOVER).wait_for(state="visible")
    page.goto(base + "search.html?q=lighthouse")
    page.locator("#search-results li").first.wait_for()
    assert page.evaluate("window.__violations") == []
    assert missing == [], "every file is there, the favicon included"
    assert [m for m in messages if not m.startswith(("log", "info"))] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe(site, new_page, scheme):
    pages = [("article.html", WIDE), ("article.html", 390), ("second.html", 1024), ("index.html", 1024)]
    for name, width in [*pages, ("search.html", 1024)]:
        page = open_page(new_page, site + name, color_scheme=scheme, width=width)
        violations = axe_violations(page)
        assert violations == [], f"{name} {width}px {scheme}:\n" + describe_violations(violations)
