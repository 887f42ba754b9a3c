"""Parallel and incremental builds write the same bytes as a clean serial build."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import html_files


def test_parallel_build_matches_serial(build, copy_root):
    serial = build("multipage", srcdir=copy_root("multipage", "serial"))
    parallel = build("multipage", srcdir=copy_root("multipage", "parallel"), parallel=2)
    assert html_files(serial.outdir) == html_files(parallel.outdir)
    assert len(html_files(serial.outdir)) >= 7


def test_incremental_build_matches_clean(build, copy_root):
    incremental_src = copy_root("multipage", "incremental")
    build("multipage", srcdir=incremental_src)
    edit = "Summary of page 3"
    for src in (incremental_src, copy_root("multipage", "clean")):
        page = Path(src) / "page3.rst"
        page.write_text(page.read_text().replace(edit, "An edited summary of page 3"))
    incremental = build("multipage", srcdir=incremental_src)
    clean_src = copy_root("multipage", "clean")
    shutil.rmtree(clean_src / "_build", ignore_errors=True)
    clean = build("multipage", srcdir=clean_src)
    assert html_files(incremental.outdir) == html_files(clean.outdir)
    assert b"An edited summary of page 3" in html_files(clean.outdir)["page3.html"]
