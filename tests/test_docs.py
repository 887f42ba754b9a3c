"""The documentation builds clean: HTML nitpicky with no warning; LaTeX, EPUB and text too.

Each test builds a copy of ``docs/`` (the project's documentation and demo
articles) as ``sphinx-build -W --keep-going -n`` would, and fails on any
warning, listing them all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import soup_of, warnings_of

DOCS = Path(__file__).resolve().parents[1] / "docs"
SNIPPETS = DOCS / "snippets"


@pytest.fixture
def docs_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``docs/`` without build output, built with its default theme."""
    monkeypatch.delenv("SPHINX_THEME", raising=False)
    target = tmp_path / "docs"
    shutil.copytree(DOCS, target, ignore=shutil.ignore_patterns("_build"))
    return target


@pytest.mark.parametrize("buildername", ["html", "latex", "epub", "text"])
def test_docs_build_without_warnings(make_app, docs_copy, buildername):
    app = make_app(buildername, srcdir=docs_copy, confoverrides={"nitpicky": True})
    app.build()
    assert warnings_of(app) == []


def test_every_snippet_has_both_syntaxes():
    rst = {path.stem for path in (SNIPPETS / "rst").glob("*.txt")}
    myst = {path.stem for path in (SNIPPETS / "myst").glob("*.md")}
    assert rst, "no snippets found"
    assert rst == myst


def test_every_snippet_is_shown_in_the_reference():
    pages = "\n".join(path.read_text(encoding="utf-8") for path in DOCS.rglob("*.rst"))
    for path in (SNIPPETS / "rst").glob("*.txt"):
        assert f".. explainer-example:: {path.stem}\n" in pages, path.stem
