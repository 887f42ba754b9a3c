"""Parallel, incremental and reloaded builds write the same bytes as a clean serial build.

The project (``roots/test-everything``) uses every feature across several
pages: TL;DRs, objectives, FAQs with named items referenced from other pages,
footnotes of every kind, a citation cited from every page, and a MyST page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import html_files, warnings_of

ROOT = "everything"


def clean_build(build, copy_root, name: str, **kwargs):
    return build(ROOT, srcdir=copy_root(ROOT, name), **kwargs)


def test_project_is_warning_free(build):
    assert warnings_of(build(ROOT)) == []


@pytest.mark.parametrize("jobs", [2, 4])
def test_parallel_build_matches_serial(build, copy_root, jobs):
    serial = clean_build(build, copy_root, "serial")
    parallel = clean_build(build, copy_root, f"parallel-{jobs}", parallel=jobs)
    files = html_files(serial.outdir)
    assert len(files) >= 9
    assert html_files(parallel.outdir) == files


def test_reloaded_environment_writes_the_same_pages(build, copy_root, make_app):
    first = clean_build(build, copy_root, "pickled")
    written = html_files(first.outdir)
    reloaded = make_app("html", srcdir=first.srcdir)  # unpickles the environment
    reloaded.builder.build_all()
    assert html_files(reloaded.outdir) == written


def edit(srcdir: Path, page: str, old: str, new: str) -> None:
    path = srcdir / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {page}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: The edits of each step, applied to both copies between builds.
FAQ_ITEM_2 = """   .. faq-item:: What is the first question of page 2?
      :name: faq-page-2-first

      Its answer cites [#p2-a]_ and [SHARED]_.

"""
EDITS = [
    # add a FAQ item and a footnote
    [
        (
            "page-3.rst",
            "   .. faq-item:: Does page 3 have a second question?",
            "   .. faq-item:: A new question on page 3 [#p3-new]_?\n\n      A new answer.\n\n"
            "   .. faq-item:: Does page 3 have a second question?",
        ),
        ("page-3.rst", ".. [#p3-a]", ".. [#p3-new] A new note.\n.. [#p3-a]"),
    ],
    # move a named FAQ item, referenced from page 1, to page 4
    [
        ("page-2.rst", FAQ_ITEM_2, ""),
        (
            "page-4.rst",
            "   .. faq-item:: Does page 4 have a second question?",
            FAQ_ITEM_2.replace("[#p2-a]_", "[#p4-a]_")
            + "   .. faq-item:: Does page 4 have a second question?",
        ),
    ],
    # retitle a referenced question
    [("page-6.rst", "What is the first question of page 6?", "What is the retitled question of page 6?")],
    # delete footnote references, and a citation of the shared citation
    [("page-5.rst", " and again [#p5-a]_ and [#p5-a]_", "")],
    [("page-7.rst", "Its answer cites [#p7-a]_ and [SHARED]_.", "Its answer cites [#p7-a]_.")],
    # delete a FAQ item
    [
        (
            "page-3.rst",
            """   .. faq-item:: Does page 3 have a second question?

      Yes, with a list:

      * item one
      * item two [#p3-c]_
""",
            "",
        )
    ],
]


def test_incremental_builds_match_clean_builds_after_each_edit(build, copy_root):
    incremental_src = copy_root(ROOT, "incremental")
    build(ROOT, srcdir=incremental_src)
    for step, edits in enumerate(EDITS):
        clean_src = copy_root(ROOT, f"clean-{step}")
        shutil.rmtree(clean_src)
        shutil.copytree(incremental_src, clean_src, ignore=shutil.ignore_patterns("_build"))
        for src in (incremental_src, clean_src):
            for page, old, new in edits:
                edit(src, page, old, new)
        incremental = build(ROOT, srcdir=incremental_src)
        clean = build(ROOT, srcdir=clean_src)
        assert warnings_of(clean) == [], f"edit {step} leaves a broken project"
        expected, actual = html_files(clean.outdir), html_files(incremental.outdir)
        stale = sorted(name for name in expected if expected[name] != actual.get(name))
        assert stale == [], f"edit {step}: stale pages after an incremental build"


def test_moved_question_link_follows_it(build, copy_root):
    src = copy_root(ROOT, "moved")
    build(ROOT, srcdir=src)
    edit(src, "page-2.rst", FAQ_ITEM_2, "")
    edit(src, "page-4.rst", ".. faq::\n", ".. faq::\n\n" + FAQ_ITEM_2)
    app = build(ROOT, srcdir=src)
    page1 = (Path(app.outdir) / "page-1.html").read_text(encoding="utf-8")
    assert re.search(r'href="page-4\.html#faq-page-2-first"', page1)
