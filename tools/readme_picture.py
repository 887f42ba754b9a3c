"""Render the README's picture of the blocks (developers only).

    .venv/bin/python tools/readme_picture.py   # writes docs/_static/readme-blocks.png

Builds a small sample page with Sphinx and takes a screenshot of its blocks in
headless Chromium, so the picture always shows what the code renders.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "_static" / "readme-blocks.png"
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
            browser.close()
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
