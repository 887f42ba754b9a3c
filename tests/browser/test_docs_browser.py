"""The documentation in a browser: the demo articles and a reference page on a
phone and a desktop, light and dark, with screenshots in ``test-artifacts/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_helpers import axe_violations, describe_violations, save_screenshot

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = {
    "article": "articles/karpathy-joins-anthropic.html",
    "myst-article": "articles/anatomy-of-an-explainer.html",
    "reference-faq": "reference/faq.html",
    "articles": "articles.html",
    "questions": "questions.html",
}
VIEWS = {"phone": 390, "desktop": 1280}
#: The content is wider than the viewport (a horizontal scroll bar).
OVERFLOWS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture
def docs_site(make_app, serve, tmp_path, monkeypatch):
    """Build ``docs/`` with its default theme and serve it; return its base URL."""
    monkeypatch.delenv("SPHINX_THEME", raising=False)
    srcdir = tmp_path / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    # The Performance page is written from the results of `make bench`.
    results = DOCS.parent / "benchmarks" / "results"
    shutil.copytree(results, tmp_path / "benchmarks" / "results")
    app = make_app("html", srcdir=srcdir)
    app.build()
    return serve(app.outdir)


def test_docs_read_well_on_phone_and_desktop_in_light_and_dark(docs_site, new_page):
    problems = []
    for page_name, path in PAGES.items():
        for view, width in VIEWS.items():
            for scheme in ("light", "dark"):
                label = f"docs-{page_name}-{view}-{scheme}"
                page = new_page(color_scheme=scheme, width=width)
                page.goto(docs_site + path)
                page.wait_for_load_state("load")
                save_screenshot(page, label)
                if page.evaluate(OVERFLOWS):
                    problems.append(f"{label}: wider than the screen")
                # Contrast and structure do not depend on the width: check once per scheme.
                violations = axe_violations(page) if view == "desktop" else []
                if violations:
                    problems.append(f"{label}: {describe_violations(violations)}")
    assert problems == [], "\n".join(problems)


def test_article_blocks_are_all_there(docs_site, new_page):
    page = new_page()
    page.goto(docs_site + PAGES["article"])
    for selector in (".explainer-tldr", ".explainer-learn", ".explainer-faq"):
        assert page.locator(selector).count() == 1, selector
    assert page.locator(".explainer-faq-item").count() >= 6
    assert page.locator("aside.footnote").count() == 7
    assert page.locator(".explainer-cta a").count() == 1
