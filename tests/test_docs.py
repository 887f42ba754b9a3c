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
#: The results file the Performance page is written from (``latest.json``).
BENCH_RESULTS = DOCS.parent / "benchmarks" / "results"
SNIPPETS = DOCS / "snippets"


@pytest.fixture
def docs_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``docs/`` without build output, built with its default theme."""
    monkeypatch.delenv("SPHINX_THEME", raising=False)
    target = tmp_path / "docs"
    shutil.copytree(DOCS, target, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(BENCH_RESULTS, tmp_path / "benchmarks" / "results")
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


SNIPPET_ARTICLE = """\
:date: 2026-05-24
:tags: AI labs, hiring

An article
==========

.. tldr::

   What the article says.

.. faq::

   .. faq-item:: A question?

      An answer.
"""


def _snippet_project(root: Path, syntax: str) -> Path:
    """A project with one page per snippet of ``syntax`` (``rst`` or ``myst``)."""
    root.mkdir()
    extensions = ["sphinx_explainer", "myst_parser"]
    (root / "conf.py").write_text(
        f"extensions = {extensions!r}\n"
        "myst_enable_extensions = ['colon_fence']\n"
        "project = 'Snippets'\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (root / "index.rst").write_text(
        "Snippets\n========\n\n.. toctree::\n   :glob:\n\n   *\n", encoding="utf-8"
    )
    # The page some snippets link to.
    (root / "configuration.rst").write_text("Configuration\n=============\n", encoding="utf-8")
    # The article the list snippets (explainers, faq-index) show.
    (root / "article.rst").write_text(SNIPPET_ARTICLE, encoding="utf-8")
    for path in sorted((SNIPPETS / syntax).iterdir()):
        snippet = path.read_text(encoding="utf-8")
        if syntax == "rst":
            page = f"{path.stem}\n{'=' * len(path.stem)}\n\n{snippet}"
            (root / f"{path.stem}.rst").write_text(page, encoding="utf-8")
        else:
            (root / f"{path.stem}.md").write_text(f"# {path.stem}\n\n{snippet}", encoding="utf-8")
    return root


def _rendering(app, page: str) -> list[tuple[str, str]]:
    """The outermost ``explainer-*`` blocks of a page, and its notes, as (kind, text)."""
    main = soup_of(app, page).select_one("div.body, [role=main]")
    found = []
    for tag in main.find_all(class_=lambda c: c and c.startswith("explainer-")):
        if tag.find_parent(class_=lambda c: c and c.startswith("explainer-")):
            continue
        kind = next(c for c in tag["class"] if c.startswith("explainer-"))
        found.append((kind, " ".join(tag.get_text(" ").split())))
    for note in main.select("aside.footnote, div.footnote, dl.footnote > dt"):
        found.append(("footnote", " ".join(note.get_text(" ").split())))
    return found


def test_rst_and_myst_snippets_render_alike(make_app, tmp_path):
    """Each example reads the same in reST and in MyST, warning-free."""
    names = sorted(path.stem for path in (SNIPPETS / "rst").glob("*.txt"))
    rendered = {}
    for syntax in ("rst", "myst"):
        app = make_app("html", srcdir=_snippet_project(tmp_path / syntax, syntax))
        app.build()
        assert warnings_of(app) == [], syntax
        rendered[syntax] = {name: _rendering(app, name) for name in names}
        app.cleanup()  # one application at a time: each registers the same nodes
    for name in names:
        assert rendered["rst"][name], f"{name} renders no explainer block or note"
        assert rendered["rst"][name] == rendered["myst"][name], name
