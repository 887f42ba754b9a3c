"""The article cards and the FAQ hub as readers see them: themes, light and dark, axe, links."""

from __future__ import annotations

import pytest
from browser_helpers import axe_violations, describe_violations, save_screenshot

THEMES = ["sphinx_explainer", "furo"]
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def built_sites(tmp_path_factory):
    """Not a build per test: the themes' builds are shared by the module."""
    return {}


@pytest.fixture
def site(build, serve, built_sites):
    def start(theme: str) -> str:
        if theme not in built_sites:
            built_sites[theme] = build("site", confoverrides={"html_theme": theme}).outdir
        return serve(built_sites[theme])

    return start


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_cards_and_hub_are_readable_and_accessible(site, new_page, theme, scheme):
    base = site(theme)
    page = new_page(color_scheme=scheme)
    for name, selector in (("index", ".explainer-list"), ("faq", ".explainer-faq-index")):
        page.goto(base + f"{name}.html")
        listing = page.locator(selector)
        assert listing.is_visible()
        violations = axe_violations(page, include=[selector])
        assert violations == [], describe_violations(violations)
        save_screenshot(page, f"site-{name}-{theme}-{scheme}")


def test_article_theme_lays_cards_out_as_a_grid_on_wide_screens(site, new_page):
    base = site("sphinx_explainer")
    page = new_page(width=1280)
    page.goto(base + "index.html")
    boxes = [card.bounding_box() for card in page.locator("article.explainer-card").all()]
    assert len(boxes) == 3
    # The newest spans the row; the next two sit side by side.
    assert boxes[0]["width"] > boxes[1]["width"] * 1.5
    assert boxes[1]["y"] == boxes[2]["y"]
    assert boxes[1]["x"] < boxes[2]["x"]


def test_article_theme_lists_cards_one_under_another_on_phones(site, new_page):
    base = site("sphinx_explainer")
    page = new_page(width=360, height=800, is_mobile=True, has_touch=True)
    page.goto(base + "index.html")
    boxes = [card.bounding_box() for card in page.locator("article.explainer-card").all()]
    assert [box["x"] for box in boxes] == [boxes[0]["x"]] * 3
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    save_screenshot(page, "site-index-sphinx_explainer-phone")


@pytest.mark.parametrize("theme", THEMES)
def test_a_hub_question_opens_its_answer(site, new_page, theme):
    base = site(theme)
    page = new_page()
    page.goto(base + "faq.html")
    page.get_by_role("link", name="How long does it take?").click()
    page.wait_for_url("**/articles/pretraining.html#faq-duration")
    answer = page.locator("details.explainer-faq-item", has_text="How long does it take?")
    assert answer.evaluate("d => d.open")
    assert page.get_by_text("Months.").is_visible()


def test_a_card_title_leads_to_its_article(site, new_page):
    base = site("furo")
    page = new_page()
    page.goto(base + "index.html")
    page.locator("article.explainer-card").first.get_by_role("link").click()
    page.wait_for_url("**/articles/hiring.html")
    assert "How labs hire researchers" in page.title()
