"""Time clean and incremental Sphinx builds in child processes.

Each build is its own ``python -m sphinx`` process, serial (``-j 1``), so that
its wall time, CPU time (user + system) and peak resident memory come from
``os.wait4`` for that one child and nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class BuildRun:
    """The cost of one ``sphinx-build`` process."""

    wall_s: float
    cpu_s: float
    maxrss_kb: int
    warnings: int
    returncode: int
    stderr_tail: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def sphinx_build(
    srcdir: Path, outdir: Path, doctreedir: Path, *, env: dict[str, str] | None = None
) -> BuildRun:
    """Run one HTML build of ``srcdir`` into ``outdir`` in a child process."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-j",
        "1",
        "-d",
        str(doctreedir),
        str(srcdir),
        str(outdir),
    ]
    env = dict(env or os.environ, PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    # Read stderr while the child runs (it could fill the pipe), then reap the
    # child ourselves: wait4 gives this one child's rusage.
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr:
        process.stderr.close()
    lines = stderr.splitlines()
    warnings = sum(1 for line in lines if "WARNING:" in line or "ERROR:" in line)
    return BuildRun(
        wall_s=round(wall, 4),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 4),
        maxrss_kb=int(usage.ru_maxrss),  # kilobytes on Linux
        warnings=warnings,
        returncode=process.returncode,
        stderr_tail="\n".join(lines[-5:]),
    )


def clean_build(
    srcdir: Path, workdir: Path, *, env: dict[str, str] | None = None
) -> tuple[BuildRun, Path]:
    """Build from nothing: empty output and doctree directories."""
    outdir, doctreedir = workdir / "html", workdir / "doctrees"
    for directory in (outdir, doctreedir):
        if directory.exists():
            shutil.rmtree(directory)
    return sphinx_build(srcdir, outdir, doctreedir, env=env), outdir


def incremental_build(
    srcdir: Path, workdir: Path, page: Path, *, env: dict[str, str] | None = None
) -> BuildRun:
    """Edit one page (a sentence appended), rebuild, then restore the page.

    The restored source is not rebuilt: the next clean build starts over.
    """
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nAn edit made by the incremental benchmark.\n", encoding="utf-8")
    # Sphinx compares modification times; make sure the edit is seen even on
    # file systems with coarse timestamps.
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    try:
        return sphinx_build(srcdir, workdir / "html", workdir / "doctrees", env=env)
    finally:
        page.write_text(original, encoding="utf-8")
