"""Render the docs' pictures of footnote previews (developers only).

    .venv/bin/python tools/preview_pictures.py
    # writes docs/_static/previews-<theme>-<scheme>.png

Builds the browser tests' sample (tests/roots/test-previews) under each theme
the docs show, hovers a footnote reference in headless Chromium and takes a
picture of the reference and its popover, so the pictures always show what
the code renders.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "roots" / "test-previews"
OUTPUT = REPO / "docs" / "_static"
#: (theme, colour scheme) pairs shown in the docs.
PICTURES = [
    ("alabaster", "light"),
    ("furo", "dark"),
    ("pydata_sphinx_theme", "light"),
    ("sphinx_book_theme", "dark"),
    ("sphinx_rtd_theme", "light"),
    ("shibuya", "dark"),
    ("sphinx_explainer", "light"),
]
REFERENCE = "a[href='#wick']"
MARGIN = 16


def build(theme: str, outdir: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}", str(SAMPLE), str(outdir)]
    subprocess.run(command, check=True)


def picture(browser, page_path: Path, scheme: str, output: Path) -> None:
    """The paragraph that holds the reference, with the note's popover open below it."""
    page = browser.new_page(viewport={"width": 760, "height": 520}, color_scheme=scheme, device_scale_factor=1)
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    reference = page.locator(REFERENCE).first
    reference.evaluate("el => el.closest('p').scrollIntoView({block: 'center'})")
    reference.hover()
    popover = page.locator(".explainer-popover")
    popover.wait_for(state="visible")
    paragraph = reference.evaluate(
        "el => { const b = el.closest('p').getBoundingClientRect(); return {x: b.x, y: b.y, width: b.width, height: b.height}; }"
    )
    box = popover.bounding_box()
    left = max(0, min(paragraph["x"], box["x"]) - MARGIN)
    top = max(0, paragraph["y"] - MARGIN)
    right = min(760, max(paragraph["x"] + paragraph["width"], box["x"] + box["width"]) + MARGIN)
    bottom = min(520, box["y"] + box["height"] + MARGIN)
    page.screenshot(path=str(output), clip={"x": left, "y": top, "width": right - left, "height": bottom - top})
    page.close()
    print(f"wrote {output.relative_to(REPO)}")


def main() -> int:
    chromium = shutil.which("chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for theme, scheme in PICTURES:
            outdir = Path(tmp) / theme
            build(theme, outdir)
            picture(browser, outdir / "index.html", scheme, OUTPUT / f"previews-{theme}-{scheme}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
