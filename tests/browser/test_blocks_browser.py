"""The blocks as a reader sees them, in every supported theme, light and dark, axe-clean."""

from __future__ import annotations

import pytest
from browser_helpers import (
    PAGE_BACKGROUND_JS,
    axe_violations,
    describe_violations,
    is_dark,
    save_screenshot,
)

BLOCKS = [".explainer-tldr", ".explainer-learn"]
THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme", "shibuya"]


@pytest.mark.parametrize("theme", THEMES)
def test_blocks_fit_the_theme_light_and_dark(build, serve, new_page, theme):
    app = build("blocks", confoverrides={"html_theme": theme})
    url = serve(app.outdir) + "index.html"
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        page.goto(url)
        page.wait_for_load_state("load")
        for selector in BLOCKS:
            block = page.locator(selector).first
            assert block.is_visible()
            box = block.bounding_box()
            assert box["width"] > 200 and box["height"] > 40
            title = block.locator(".explainer-title")
            assert title.is_visible()
            name = block.get_attribute("aria-labelledby")
            assert page.locator(f"#{name}").inner_text() == title.inner_text()
        assert page.get_by_role("region", name="TL;DR").count() == 1
        assert page.get_by_role("region", name="What You’ll Learn").count() == 1
        block = page.locator(".explainer-tldr").first
        page_background = block.evaluate(PAGE_BACKGROUND_JS)
        block_background = block.evaluate("e => getComputedStyle(e).backgroundColor")
        # The block follows the theme: dark on a dark page, light on a light one
        # (alabaster and sphinx-rtd-theme have no dark mode and stay light).
        assert is_dark(block_background, page_background) == is_dark(page_background), (
            scheme,
            block_background,
            page_background,
        )
        if theme in ("alabaster", "sphinx_rtd_theme"):
            assert not is_dark(page_background)
        else:
            assert is_dark(page_background) == (scheme == "dark"), f"{theme} follows the system scheme"
        violations = axe_violations(page, include=BLOCKS)
        assert violations == [], describe_violations(violations)
        save_screenshot(page, f"blocks-{theme}-{scheme}")
