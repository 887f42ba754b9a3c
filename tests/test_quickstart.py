"""The quick start page, run as a reader would run it, in both syntaxes.

The steps are read from the page itself: Sphinx reads ``docs/`` and this
test takes, in page order, every code block named ``quickstart-<syntax>-*``.
A block with a caption is a file (the caption is its path); a console block
holds commands (``$ ...``), run in a fresh folder. Then the result is checked
the way a reader would: the build succeeded with ``-W -n`` and the article is
in the HTML with its blocks. Change the page, and this test runs the change.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

#: The programs the page names, run with the interpreter of the tests, so
#: that neither needs to be on ``PATH`` and this worktree's package is used.
PROGRAMS = {
    "sphinx-explainer": [sys.executable, "-m", "sphinx_explainer"],
    "sphinx-build": [sys.executable, "-m", "sphinx"],
}


@dataclass(frozen=True)
class Step:
    name: str
    text: str
    path: str = ""  # the file a captioned block is, "" for commands


def _step(node: nodes.Element, name: str) -> Step:
    if isinstance(node, nodes.literal_block):
        return Step(name, node.astext())
    caption = next(iter(node.findall(nodes.caption)))
    block = next(iter(node.findall(nodes.literal_block)))
    return Step(name, block.astext(), caption.astext())


@pytest.fixture(scope="module")
def page_steps(tmp_path_factory) -> dict[str, list[Step]]:
    """The named code blocks of ``docs/quickstart.rst`` by syntax, in page order."""
    srcdir = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(REPO / "benchmarks" / "results", srcdir.parent / "benchmarks" / "results")
    app = SphinxTestApp("dummy", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        doctree = app.env.get_doctree("quickstart")
    finally:
        app.cleanup()
    steps: dict[str, list[Step]] = {}
    for node in doctree.findall(nodes.Element):
        for name in node.get("names", []):
            if name.startswith("quickstart-"):
                steps.setdefault(name.split("-")[1], []).append(_step(node, name))
    return steps


def run_command(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    program, *args = shlex.split(line)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SPHINX_THEME", None)
    return subprocess.run(
        [*PROGRAMS[program], *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def run_steps(steps: list[Step], cwd: Path) -> list[str]:
    """Write each file and run each command of ``steps``; return the commands' output."""
    outputs = []
    for step in steps:
        if step.path:
            target = cwd / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text + "\n", encoding="utf-8")
            continue
        for line in step.text.splitlines():
            assert line.startswith("$ "), f"{step.name}: a command line starts with '$ ': {line}"
            result = run_command(line[2:], cwd)
            assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
            outputs.append(result.stdout)
    return outputs


def test_page_has_every_step_in_both_syntaxes(page_steps):
    assert set(page_steps) == {"rst", "myst", "output"}
    for syntax in ("rst", "myst"):
        names = [step.name.removeprefix(f"quickstart-{syntax}-") for step in page_steps[syntax]]
        assert names == ["conf", "new", "index", "page", "build"]


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_quickstart_runs_as_written(page_steps, tmp_path, syntax):
    steps = page_steps[syntax]
    conf = next(step for step in steps if step.name.endswith("-conf"))
    if syntax == "myst":
        assert "colon_fence" in conf.text, "MyST needs colon_fence for the FAQ's ::: fences"

    outputs = run_steps(steps, tmp_path)

    # What `new` printed is the entry the page's toctree holds.
    printed = next(out for out in outputs if out.startswith("Wrote "))
    entry = [line.strip() for line in printed.splitlines() if line.startswith("   ")]
    index = next(step for step in steps if step.name.endswith("-index"))
    assert entry and entry[0] in index.text.split()
    # The page's sample of the output is what the command prints.
    if syntax == "rst":
        assert printed.replace("\n\n", "\n").strip() == _shown_output(page_steps)

    html = tmp_path / "docs" / "_build" / "html" / f"{entry[0]}.html"
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html5lib")
    assert soup.find("h1").get_text().startswith("Why the sky is blue")
    assert soup.select_one(".explainer-tldr")
    assert len(soup.select(".explainer-learn li")) == 2
    assert len(soup.select(".explainer-faq-item")) == 2
    assert soup.select_one('[role="doc-endnotes"], .footnote-list, aside.footnote')


def _shown_output(page_steps) -> str:
    """The sample output of ``new`` on the page, blank lines dropped."""
    (sample,) = page_steps["output"]
    return "\n".join(line for line in sample.text.splitlines() if line.strip())
