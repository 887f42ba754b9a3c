"""The site navigation as a reader meets it: sidebar, menu, keyboard, touch, RTL, search excerpts."""

from __future__ import annotations

import pytest
from browser_helpers import axe_violations, describe_violations, save_screenshot

NAV = "nav#explainer__nav"
BUTTON = "button.explainer-menu-button"
LABEL = "label.explainer-menu-label"
PHONE = 390
DESKTOP = 1440


@pytest.fixture
def site(build, serve):
    return serve(build("navigation").outdir)


def open_page(new_page, url, **options):
    page = new_page(**options)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", [1280, DESKTOP, 1600])
@pytest.mark.parametrize("javascript", [True, False])
def test_sidebar_and_outline_side_by_side_with_the_article(site, new_page, width, javascript):
    page = open_page(
        new_page, site + "guide/install.html", width=width, java_script_enabled=javascript
    )
    nav, outline, article = box(page, NAV), box(page, "nav.explainer-outline"), box(page, "article")
    assert page.locator(NAV).is_visible() and page.locator("nav.explainer-outline").is_visible()
    assert not page.locator(BUTTON).is_visible() and not page.locator(LABEL).is_visible(), (
        "no menu on wide screens"
    )
    assert (
        nav["x"] + nav["width"] <= article["x"] and outline["x"] + outline["width"] <= article["x"]
    )
    assert nav["y"] + nav["height"] <= outline["y"], "the outline follows the site navigation"
    assert outline["y"] + outline["height"] <= 900, "both fit on the screen"
    current = page.locator(f"{NAV} [aria-current=page]")
    assert current.inner_text() == "Install"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == DESKTOP and javascript:
        save_screenshot(page, "navigation-desktop")
    # Scrolled down, both stay in view (the sidebar is sticky).
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(100)
    assert page.locator(f"{NAV} a").first.is_visible()


def test_current_page_scrolled_into_view_in_a_long_sidebar(site, new_page):
    page = open_page(new_page, site + "articles/page-19.html", width=DESKTOP, height=360)
    nav = page.locator(NAV)
    assert nav.evaluate("e => e.scrollHeight > e.clientHeight"), "the sidebar scrolls"
    page.wait_for_function("document.getElementById('explainer__nav').scrollTop > 0")
    current, frame = box(page, f"{NAV} [aria-current=page]"), box(page, NAV)
    assert (
        frame["y"] <= current["y"]
        and current["y"] + current["height"] <= frame["y"] + frame["height"]
    )


def test_root_page_is_marked_on_the_brand_link(site, new_page):
    page = open_page(new_page, site + "index.html", width=DESKTOP)
    assert page.locator(".explainer-brand").get_attribute("aria-current") == "page"


def test_menu_with_javascript(site, new_page):
    page = open_page(new_page, site + "guide/install.html", width=PHONE)
    button = page.locator(BUTTON)
    assert button.is_visible() and not page.locator(LABEL).is_visible()
    assert button.get_attribute("aria-controls") == "explainer__nav"
    assert button.get_attribute("aria-expanded") == "false" and not page.locator(NAV).is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and page.locator(NAV).is_visible()
    save_screenshot(page, "navigation-phone-open")
    button.click()
    assert button.get_attribute("aria-expanded") == "false" and not page.locator(NAV).is_visible()
    button.click()
    page.locator(f"{NAV} a", has_text="Configure it").click()
    page.wait_for_url("**/guide/configure.html")
    assert not page.locator(NAV).is_visible(), "a new page starts with the menu closed"
    page.locator(BUTTON).click()
    assert page.locator(f"{NAV} [aria-current=page]").inner_text() == "Configure it"


def test_menu_by_keyboard_and_escape(site, new_page):
    page = open_page(new_page, site + "index.html", width=PHONE)
    page.locator(".explainer-mode-toggle").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('button.explainer-menu-button')"), (
        "last in the header"
    )
    page.keyboard.press("Enter")
    assert page.locator(NAV).is_visible()
    assert page.locator(BUTTON).get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not page.locator(NAV).is_visible(), "Escape closes it"
    page.keyboard.press("Space")
    assert page.locator(NAV).is_visible(), "Space opens it again"
    # Tab goes from the button into the menu; Escape there gives focus back to the button.
    page.keyboard.press("Tab")
    assert (
        page.evaluate(
            "document.activeElement.closest('#explainer__nav') && document.activeElement.textContent"
        )
        == "Guide"
    )
    page.keyboard.press("Escape")
    assert not page.locator(NAV).is_visible()
    assert page.evaluate("document.activeElement.classList.contains('explainer-menu-button')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/guide/index.html")  # a link of the menu, followed from the keyboard


@pytest.mark.parametrize("name", ["articles/page-15.html", "guide/configure.html", "search.html"])
def test_no_horizontal_scroll_at_320_with_the_menu_open(site, new_page, name):
    page = open_page(new_page, site + name, width=320, height=640)
    page.locator(BUTTON).click()
    assert page.locator(NAV).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_menu_by_touch(site, new_page):
    page = open_page(new_page, site + "index.html", width=PHONE, has_touch=True, is_mobile=True)
    page.locator(BUTTON).tap()
    assert page.locator(NAV).is_visible()
    page.locator(BUTTON).tap()
    assert not page.locator(NAV).is_visible()


def test_menu_without_javascript(site, new_page):
    page = open_page(
        new_page,
        site + "guide/install.html",
        width=PHONE,
        java_script_enabled=False,
        has_touch=True,
    )
    label = page.locator(LABEL)
    assert label.is_visible() and not page.locator(BUTTON).is_visible(), "no dead button"
    assert not page.locator(NAV).is_visible()
    label.click()
    assert page.locator(NAV).is_visible()
    assert page.locator(f"{NAV} [aria-current=page]").inner_text() == "Install"
    label.click()
    assert not page.locator(NAV).is_visible()
    label.tap()
    assert page.locator(NAV).is_visible(), "a tap opens it"
    page.locator(f"{NAV} a", has_text="Configure it").click()
    page.wait_for_url("**/guide/configure.html")
    # By keyboard: the checkbox takes focus (with a visible ring on its label) and Space toggles it.
    page.locator(".explainer-search button").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "explainer__menu"
    assert page.locator(LABEL).evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    page.keyboard.press("Space")
    assert page.locator(NAV).is_visible()


def test_edit_link(site, new_page):
    page = open_page(new_page, site + "guide/install.html", width=DESKTOP)
    link = page.get_by_role("link", name="Edit this page")
    assert link.is_visible()
    assert (
        link.get_attribute("href")
        == "https://github.com/example/handbook/edit/trunk/docs/guide/install.rst"
    )


def test_outline_link_to_a_section_named_content_lands_on_it(site, new_page):
    page = open_page(new_page, site + "guide/install.html", width=DESKTOP)
    page.locator("nav.explainer-outline a", has_text="Content").click()
    assert page.evaluate("location.hash") == "#content"
    assert page.evaluate("document.querySelector(':target').tagName") == "SECTION"


def test_icons_of_others_keep_their_own_paint(site, new_page):
    """The theme's stroke style is its icons' own: octicons and raw SVG shapes keep their fill."""
    page = open_page(new_page, site + "guide/configure.html", width=DESKTOP)
    octicon = page.locator("article svg.sd-octicon").first
    assert octicon.evaluate("e => getComputedStyle(e).strokeWidth") in ("1px", "1")
    assert octicon.evaluate("e => getComputedStyle(e).fill") != "none"
    assert page.locator("svg.shape").evaluate("e => getComputedStyle(e).fill") != "none"
    theme_icon = page.locator(".explainer-site-header svg.explainer-icon").first
    assert theme_icon.evaluate("e => getComputedStyle(e).fill") == "none"


def test_faq_keeps_its_look_without_sphinx_design_stylesheet(site, new_page):
    page = open_page(new_page, site + "articles/page-01.html", width=PHONE)
    assert page.locator("link[href*='sphinx-design']").count() == 0
    question = page.locator("summary.explainer-faq-question")
    style = question.evaluate(
        "e => [getComputedStyle(e).display, getComputedStyle(e).fontWeight, getComputedStyle(e).listStyleType]"
    )
    assert style == ["flex", "700", "none"]
    chevron = page.locator(".explainer-faq-question .sd-summary-state-marker")
    assert chevron.evaluate("e => getComputedStyle(e).transform") == "none"
    question.click()
    page.wait_for_timeout(300)
    assert chevron.evaluate("e => getComputedStyle(e).transform") != "none", (
        "the chevron turns when open"
    )
    assert (
        page.locator(".explainer-faq-answer").evaluate("e => getComputedStyle(e).paddingTop")
        == "16px"
    )


def test_search_excerpt_has_no_byline(build, serve, new_page):
    base = serve(build("theme-article").outdir)
    page = open_page(new_page, base + "search.html?q=lighthouse", width=DESKTOP)
    result = page.locator("#search-results li", has_text="How a lighthouse keeps ships").first
    result.locator("p.context").wait_for()
    excerpt = result.locator("p.context").inner_text()
    for chrome in ("min read", "Ada Keeper", "May 21, 2026", "Previous", "Edit this page"):
        assert chrome not in excerpt, excerpt
    assert excerpt.strip(), "an excerpt of the text is shown"


def test_right_to_left(build, serve, new_page):
    base = serve(build("theme-article", confoverrides={"language": "he"}).outdir)
    page = open_page(new_page, base + "article.html", width=1600)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    article, nav = box(page, "article"), box(page, NAV)
    assert nav["x"] >= article["x"] + article["width"], "the sidebar is on the right"
    note, ref = box(page, ".explainer-sidenote"), box(page, "article a.footnote-reference")
    assert note["x"] + note["width"] <= article["x"], "sidenotes in the left margin"
    assert abs(note["y"] - ref["y"]) < 40, "beside their reference"
    save_screenshot(page, "navigation-rtl-desktop")
    phone = open_page(new_page, base + "article.html", width=PHONE)
    phone.locator(BUTTON).click()
    button, brand = box(phone, BUTTON), box(phone, ".explainer-brand")
    assert button["x"] < brand["x"], "the menu button ends the header, on the left"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE
    save_screenshot(phone, "navigation-rtl-phone")
    phone.locator("article a.footnote-reference").first.focus()
    popover = box(phone, ".explainer-popover")
    assert popover["x"] >= 0 and popover["x"] + popover["width"] <= PHONE, (
        "the preview stays on screen"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe(site, new_page, scheme):
    for name, width, menu in [
        ("guide/install.html", DESKTOP, False),
        ("articles/page-15.html", PHONE, True),
        ("search.html", DESKTOP, False),
        ("genindex.html", PHONE, True),
    ]:
        page = open_page(new_page, site + name, color_scheme=scheme, width=width)
        if menu:
            page.locator(BUTTON).click()
        violations = axe_violations(page)
        assert violations == [], f"{name} {width}px {scheme}:\n" + describe_violations(violations)
