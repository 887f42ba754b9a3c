"""The blocks as a reader sees them: alabaster and furo, light and dark, axe-clean."""

from __future__ import annotations

import pytest
from conftest import axe_violations, describe_violations, save_screenshot

BLOCKS = [".explainer-tldr", ".explainer-learn"]


def luminance(rgb: str) -> float:
    """Relative luminance of a computed ``rgb(...)``/``rgba(...)`` colour (WCAG)."""
    channels = [float(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_blocks_render_and_pass_axe(build, serve, new_page, theme, scheme):
    app = build("blocks", confoverrides={"html_theme": theme})
    page = new_page(color_scheme=scheme)
    page.goto(serve(app.outdir) + "index.html")
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
    background = page.locator(".explainer-tldr").first.evaluate("e => getComputedStyle(e).backgroundColor")
    if theme == "furo":
        # furo follows the system scheme; the blocks follow furo.
        assert (luminance(background) < 0.2) == (scheme == "dark")
    else:
        # alabaster has no dark mode: the blocks stay light on its light page.
        assert luminance(background) > 0.7
    violations = axe_violations(page, include=BLOCKS)
    assert violations == [], describe_violations(violations)
    save_screenshot(page, f"blocks-{theme}-{scheme}")
