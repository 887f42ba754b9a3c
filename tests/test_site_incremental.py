"""Incremental and parallel builds of the site features equal a clean serial build, byte for byte.

Each edit of item 8 (adding, editing the date, title, TL;DR, tags or a
question of, and removing an article) is applied to two copies of
``roots/test-site``: one rebuilt incrementally after every edit, one built
from scratch; every HTML page (lists, FAQ hub, tag pages), ``feed.xml`` and
``llms.txt`` must be the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import warnings_of

ROOT = "site"
#: No whole-site navigation in alabaster's sidebar: Sphinx 7.4 does not
#: re-write the other pages' navigation when a page joins a toctree (8+ does).
SIDEBARS = {"html_sidebars": {"**": ["relations.html", "searchbox.html"]}}

NEW_ARTICLE = """\
:date: 2026-06-01
:author: Cy Writer
:tags: hiring, training

A brand new article
===================

.. tldr::

   The newest summary.

.. faq::

   .. faq-item:: Is it new?

      Yes.
"""


def site_files(outdir: Path) -> dict[str, bytes]:
    """Every page, tag page, the feed and llms.txt, by path."""
    files = sorted(Path(outdir).rglob("*.html")) + [
        Path(outdir) / "feed.xml",
        Path(outdir) / "llms.txt",
    ]
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes() for path in files if path.exists()
    }


def replace(src: Path, page: str, old: str, new: str) -> None:
    path = src / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {page}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_article(src: Path) -> None:
    (src / "articles" / "fresh.rst").write_text(NEW_ARTICLE, encoding="utf-8")
    replace(src, "index.rst", "   articles/compute\n", "   articles/compute\n   articles/fresh\n")


def remove_article(src: Path) -> None:
    (src / "articles" / "pretraining.rst").unlink()
    replace(src, "index.rst", "   articles/pretraining\n", "")


EDITS = {
    "add an article": add_article,
    "edit a date": lambda src: replace(src, "articles/compute.rst", "2026-04-02", "2026-05-30"),
    "edit a title": lambda src: replace(
        src,
        "articles/hiring.md",
        "# How labs hire researchers",
        "# How labs compete for researchers",
    ),
    "edit a TL;DR": lambda src: replace(
        src,
        "articles/pretraining.rst",
        "teaches a model to predict text",
        "teaches a model language",
    ),
    "edit the tags": lambda src: replace(
        src, "articles/compute.rst", ":tags: Training", ":tags: hiring, compute"
    ),
    "edit a question": lambda src: replace(
        src, "articles/pretraining.rst", "What data is used?", "Which data is used?"
    ),
    "remove an article": remove_article,
}


def test_incremental_builds_match_clean_builds_after_each_edit(build, copy_root):
    incremental_src = copy_root(ROOT, "incremental")
    first = build(ROOT, srcdir=incremental_src, confoverrides=SIDEBARS)
    before = site_files(first.outdir)
    for step, (name, apply_edit) in enumerate(EDITS.items()):
        clean_src = copy_root(ROOT, f"clean-{step}")
        shutil.rmtree(clean_src)
        shutil.copytree(incremental_src, clean_src, ignore=shutil.ignore_patterns("_build"))
        apply_edit(incremental_src)
        apply_edit(clean_src)
        incremental = build(ROOT, srcdir=incremental_src, confoverrides=SIDEBARS)
        clean = build(ROOT, srcdir=clean_src, confoverrides=SIDEBARS)
        assert warnings_of(clean) == [], f"{name}: the edit leaves a broken project"
        expected, actual = site_files(clean.outdir), site_files(incremental.outdir)
        assert expected != before, f"{name}: the edit changed nothing"
        # The page of a removed document stays behind in an incremental build, as Sphinx leaves it.
        stale = sorted(path for path in expected if expected[path] != actual.get(path))
        assert stale == [], f"{name}: stale after an incremental build"
        before = expected


def test_every_edit_reaches_the_lists(build, copy_root):
    """The edits above are seen by the pages that list articles, not only by the article."""
    src = copy_root(ROOT, "edited")
    build(ROOT, srcdir=src)
    add_article(src)
    app = build(ROOT, srcdir=src)
    outdir = Path(app.outdir)
    for page in (
        "index.html",
        "latest.html",
        "faq.html",
        "mystlists.html",
        "tags/hiring.html",
        "feed.xml",
        "llms.txt",
    ):
        assert "brand new article" in (outdir / page).read_text(
            encoding="utf-8"
        ).lower() or "Is it new?" in (outdir / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("jobs", [4])
def test_parallel_build_matches_serial(build, copy_root, jobs):
    serial = build(ROOT, srcdir=copy_root(ROOT, "serial"))
    parallel = build(ROOT, srcdir=copy_root(ROOT, f"parallel-{jobs}"), parallel=jobs)
    files = site_files(serial.outdir)
    assert {"feed.xml", "llms.txt", "tags/index.html", "faq.html"} <= set(files)
    assert site_files(parallel.outdir) == files
