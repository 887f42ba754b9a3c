"""Render the README's pictures (developers only).

    .venv/bin/python tools/readme_picture.py
    # writes docs/_static/readme-blocks.png and docs/_static/readme-article.png

Builds a small sample page, and the docs, with Sphinx and takes screenshots in
headless Chromium: the blocks under furo, and the demo article in the
project's theme, so the pictures always show what the code renders.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "docs" / "_static" / "readme-blocks.png"
ARTICLE_OUTPUT = REPO / "docs" / "_static" / "readme-article.png"
ARTICLE = "articles/karpathy-joins-anthropic.html"
SAMPLE = """\
Why the new model matters
=========================

.. tldr::

   Pre-training gives a language model its core knowledge, and it is the most
   expensive phase of building one. This article explains what changed, and why.

.. what-you-will-learn::

   * What pre-training is, and why it costs so much
   * How research teams are trying to make it faster
   * What it signals for the rest of the industry
"""


def article_picture(browser) -> None:
    """The top of the demo article, as a desktop reader first sees it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(REPO / "docs"), tmp], check=True)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, color_scheme="light")
        page.goto((Path(tmp) / ARTICLE).as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(ARTICLE_OUTPUT))
        page.close()
    print(f"wrote {ARTICLE_OUTPUT}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        (src / "conf.py").write_text('extensions = ["sphinx_explainer"]\nhtml_theme = "furo"\nproject = "Sample"\n')
        (src / "index.rst").write_text(SAMPLE)
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(src / "_build")], check=True
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 900, "height": 900}, device_scale_factor=1)
            page.goto((src / "_build" / "index.html").as_uri())
            first = page.locator(".explainer-tldr").bounding_box()
            last = page.locator(".explainer-learn").bounding_box()
            margin = 16
            page.screenshot(
                path=str(OUTPUT),
                clip={
                    "x": first["x"] - margin,
                    "y": first["y"] - margin,
                    "width": first["width"] + 2 * margin,
                    "height": last["y"] + last["height"] - first["y"] + 2 * margin,
                },
            )
            print(f"wrote {OUTPUT}")
            article_picture(browser)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
