"""What the browser tests call: axe-core's verdict, screenshots, and colours as a reader sees them.

The fixtures that drive Chromium (``browser``, ``new_page``, ``serve``) are in
``conftest.py``; test modules import these functions from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from axe_playwright_python.base import AXE_SCRIPT

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: Screenshots and other artifacts of the browser tests.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
#: The WCAG levels every page must pass.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page, include: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core in the page; return its violations (WCAG 2.1 A and AA)."""
    page.evaluate(AXE_SCRIPT)
    context = {"include": [[selector] for selector in include]} if include else None
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    return result["violations"]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[(n['target'], n.get('failureSummary')) for n in v['nodes']]}"
        for v in violations
    )


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under ``test-artifacts/``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# -- colours ------------------------------------------------------------------

#: The colour behind a block: that of its nearest ancestor that is not transparent.
PAGE_BACKGROUND_JS = """block => {
    for (let node = block.parentElement; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
}"""


def channels(rgb: str) -> list[float]:
    """The red, green, blue (0 to 1) and alpha of a computed ``rgb()``/``rgba()`` colour."""
    values = [float(c) for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")]
    return [c / 255 for c in values[:3]] + [values[3] if len(values) == 4 else 1.0]


def over(top: str, bottom: str) -> list[float]:
    """``top`` composited over the opaque ``bottom``."""
    *colour, alpha = channels(top)
    return [alpha * t + (1 - alpha) * b for t, b in zip(colour, channels(bottom)[:3], strict=True)]


def luminance(colour: list[float]) -> float:
    """Relative luminance (WCAG) of red, green, blue channels from 0 to 1."""
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def is_dark(rgb: str, behind: str = "rgb(255, 255, 255)") -> bool:
    return luminance(over(rgb, behind)) < 0.2


#: ``page.evaluate(STYLE, [selector, property])``: a computed style of the first match.
STYLE = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"


def open_page(new_page, url: str, **options):
    """A new page of the browser at ``url``, once it has loaded."""
    page = new_page(**options)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def style(page, selector: str, prop: str) -> str:
    """The computed ``prop`` of the first element that ``selector`` matches."""
    return page.evaluate(STYLE, [selector, prop])


def builds_per_theme(tmp_path_factory, root: str):
    """``build(theme)``: the output folder of one HTML build of ``roots/test-<root>``
    under ``theme``, built on first use and shared after."""
    import shutil

    from sphinx.testing.util import SphinxTestApp

    roots = Path(__file__).resolve().parents[1] / "roots"
    outdirs: dict[str, Path] = {}

    def build(theme: str) -> Path:
        if theme not in outdirs:
            srcdir = tmp_path_factory.mktemp(f"{root}-{theme}")
            shutil.copytree(roots / f"test-{root}", srcdir, dirs_exist_ok=True)
            app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"html_theme": theme})
            try:
                app.build()
            finally:
                app.cleanup()
            outdirs[theme] = Path(app.outdir)
        return outdirs[theme]

    return build
