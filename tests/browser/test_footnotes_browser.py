"""Footnote back links as a reader uses them: click, land in view, highlighted, axe-clean."""

from __future__ import annotations

import pytest
from browser_helpers import axe_violations, builds_per_theme, describe_violations, save_screenshot

playwright_errors = pytest.importorskip("playwright.sync_api")

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_explainer"]
NOTES = [".footnote", ".citation", "a.explainer-noteref"]

#: Whether the element with this id is the page's :target, and what a reader
#: sees at its top-left corner is the element itself (not a sticky header),
#: inside the viewport.
LANDED_JS = """id => {
    const el = document.getElementById(id);
    if (!el || !el.matches(':target')) return false;
    const box = el.getClientRects()[0] || el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) return false;
    const seen = document.elementFromPoint(box.left + 2, box.top + 2);
    return seen !== null && (seen === el || el.contains(seen));
}"""

#: True once the page has stopped scrolling (themes may scroll smoothly).
SETTLED_JS = """() => {
    const settled = window.__explainerLastY === window.scrollY;
    window.__explainerLastY = window.scrollY;
    return settled;
}"""

BACKGROUND_JS = "el => getComputedStyle(el).backgroundColor"
OUTLINE_JS = "el => getComputedStyle(el).outlineStyle"
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of ``roots/test-footnotes`` per theme, shared by this module's tests."""
    return builds_per_theme(tmp_path_factory, "footnotes")


#: Where the element is and what covers it, to explain a failure.
WHERE_JS = """id => {
    const el = document.getElementById(id);
    const box = el.getClientRects()[0] || el.getBoundingClientRect();
    const seen = document.elementFromPoint(box.left + 2, box.top + 2);
    return {hash: location.hash, top: box.top, bottom: box.bottom, target: el.matches(':target'),
            seen: seen && seen.outerHTML.slice(0, 100), scrollY: window.scrollY};
}"""


def settle(page, fragment: str) -> None:
    """Wait until the page has stopped scrolling with ``fragment`` in view, on top."""
    page.wait_for_function(SETTLED_JS, polling=150, timeout=5000)
    try:
        page.wait_for_function(LANDED_JS, arg=fragment, timeout=5000)
    except playwright_errors.TimeoutError:
        pytest.fail(f"#{fragment} did not land in view: {page.evaluate(WHERE_JS, fragment)}")


def land(page, link, fragment: str) -> None:
    """Click ``link`` and wait until ``fragment`` is the target, in view and on top."""
    link.click()
    settle(page, fragment)


def visit(page, url: str, fragment: str) -> None:
    """Open ``url`` as a fresh load, as a reader following a link from elsewhere does.

    (A ``goto`` that changes only the fragment of the open page is a
    same-document navigation, which Chromium at times leaves unscrolled.)
    """
    page.goto("about:blank")
    page.goto(url)
    settle(page, fragment)


def fragment_of(href: str) -> str:
    return href.rsplit("#", 1)[1]


def test_reference_highlights_its_note_and_each_back_link_its_reference(built, serve, new_page):
    base = serve(built("alabaster"))
    page = new_page(height=700)
    page.goto(base + "index.html")
    note_id = "book2026"
    references = page.locator(f"a[href='#{note_id}']")
    first = references.first
    land(page, first, note_id)
    note = page.locator(f"#{note_id}")
    assert note.evaluate(BACKGROUND_JS) not in TRANSPARENT
    backlinks = note.locator(".explainer-backlinks a")
    assert backlinks.count() == 4
    for index in range(backlinks.count()):
        link = note.locator(".explainer-backlinks a").nth(index)
        href = link.get_attribute("href")
        target = fragment_of(href)
        land(page, link, target)
        assert page.url.endswith(href if href.startswith("other.html") else "index.html" + href)
        reference = page.locator(f"[id='{target}']")
        assert reference.evaluate(OUTLINE_JS) != "none"
        assert fragment_of(reference.get_attribute("href")) == note_id
        if index == 0:
            save_screenshot(page, "footnotes-back-to-reference")
        visit(page, base + f"index.html#{note_id}", note_id)


def test_every_footnote_round_trip(built, serve, new_page):
    base = serve(built("alabaster"))
    page = new_page(height=600)
    page.goto(base + "index.html")
    refs = page.locator("article a[role=doc-noteref], div[role=main] a[role=doc-noteref]")
    hrefs = [(refs.nth(i).get_attribute("id"), refs.nth(i).get_attribute("href")) for i in range(refs.count())]
    assert len(hrefs) >= 18
    for ref_id, href in hrefs:
        if page.locator(f"[id='{ref_id}']").evaluate("el => !!el.closest('details:not([open])')"):
            continue  # the closed dropdown's reference: see the test below
        land(page, page.locator(f"[id='{ref_id}']"), fragment_of(href))
        back = page.locator(f"[id='{fragment_of(href)}'] .explainer-backlinks a[href='#{ref_id}']")
        assert back.count() == 1
        land(page, back, ref_id)


@pytest.mark.parametrize(
    "closed", ["details.sd-dropdown:not(.explainer-faq-item)", "details.explainer-faq-item"]
)
def test_back_link_opens_a_closed_answer(built, serve, new_page, closed):
    # A sphinx-design dropdown and a FAQ answer: both are closed <details>.
    base = serve(built("alabaster"))
    page = new_page(height=600)
    page.goto(base + "index.html")
    details = page.locator(closed)
    assert details.count() == 1 and details.get_attribute("open") is None
    reference = details.locator("a[role=doc-noteref]")
    assert not reference.is_visible()
    note_id = fragment_of(reference.get_attribute("href"))
    page.goto(base + f"index.html#{note_id}")
    back = page.locator(f"#{note_id} .explainer-backlinks a")
    assert back.count() == 1
    land(page, back, reference.get_attribute("id"))
    assert details.get_attribute("open") is not None
    assert reference.is_visible()
    save_screenshot(page, "footnotes-into-" + ("faq" if "faq" in closed else "dropdown"))


def test_cross_page_back_link(built, serve, new_page):
    base = serve(built("alabaster"))
    page = new_page(height=600)
    page.goto(base + "other.html")
    citation = page.locator("div[role=main] .citation")
    links = citation.locator(".explainer-backlinks a")
    assert links.count() == 2
    first = links.first
    href = first.get_attribute("href")
    assert href.startswith("index.html#")
    land(page, first, fragment_of(href))
    assert page.url == base + href


@pytest.mark.parametrize("theme", THEMES)
def test_sixty_back_links_wrap_at_320px(built, serve, new_page, theme):
    base = serve(built(theme))
    page = new_page(width=320, height=640)
    page.goto(base + "many.html")
    note = page.locator(".footnote").first
    note.scroll_into_view_if_needed()
    backlinks = note.locator(".explainer-backlinks")
    assert note.locator(".explainer-backlinks a").count() == 60
    box = backlinks.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    lines = note.locator(".explainer-backlinks a").evaluate_all(
        "links => new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size"
    )
    assert lines >= 3, "the back links wrap onto several lines"
    overflow = note.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 0
    last = note.locator(".explainer-backlinks a").last.bounding_box()
    assert last["x"] + last["width"] <= 320
    label = note.locator(".label")
    assert label.is_visible() and label.inner_text().strip("[] \n") == "1"
    save_screenshot(page, f"footnotes-sixty-320-{theme}")


@pytest.mark.parametrize("theme", THEMES)
def test_axe_light_and_dark(built, serve, new_page, theme):
    base = serve(built(theme))
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        # Highlighted note and reference included: their colours must read too.
        page.goto(base + "index.html#book2026")
        violations = axe_violations(page, include=NOTES)
        assert violations == [], f"{scheme}: " + describe_violations(violations)
        reference = page.locator("a[href='#book2026']").nth(1).get_attribute("id")
        visit(page, base + f"index.html#{reference}", reference)
        violations = axe_violations(page, include=NOTES)
        assert violations == [], f"{scheme}: " + describe_violations(violations)
        save_screenshot(page, f"footnotes-{theme}-{scheme}")


@pytest.mark.parametrize("theme", ["furo", "pydata_sphinx_theme", "sphinx_explainer"])
def test_sticky_headers_do_not_hide_the_target(built, serve, new_page, theme):
    # furo's header is sticky on narrow screens, pydata's on every screen.
    base = serve(built(theme))
    page = new_page(width=600, height=500)
    page.goto(base + "index.html")
    note = page.locator("#book2026")
    visit(page, base + "index.html#book2026", "book2026")
    for index in range(2):
        link = note.locator(".explainer-backlinks a").nth(index)
        land(page, link, fragment_of(link.get_attribute("href")))
        visit(page, base + "index.html#book2026", "book2026")
