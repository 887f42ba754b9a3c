"""The profile of the extension's build time: ``python -m benchmarks.profile``.

A small project is profiled for real, in child processes, and the table must
name where the time goes. It asserts no timing: the machine may be busy.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docutils import nodes
from docutils.core import publish_doctree

ROOT = Path(__file__).resolve().parent.parent


def test_the_profile_names_the_extensions_costs(tmp_path: Path) -> None:
    table = tmp_path / "profile.rst"
    command = [sys.executable, "-m", "benchmarks.profile", "--pages", "2", "--rst", str(table)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    doctree = publish_doctree(table.read_text(encoding="utf-8"))
    assert not list(doctree.findall(nodes.system_message)), "valid reStructuredText"
    rows = [row for row in doctree.findall(nodes.row)]
    header, *modules = [[entry.astext() for entry in row.findall(nodes.entry)] for row in rows]
    assert header == ["Module", "Costliest entry points", "ms per page", "Share of the build"]
    names = {row[0] for row in modules}
    # The features the generated pages use, each through its own entry point.
    assert {"faq", "footnotes", "records", "description"} <= names
    assert all(float(row[2]) > 0 and row[3].endswith("%") for row in modules)
    faq = next(row for row in modules if row[0] == "faq")
    assert "FaqHtmlTransform.run" in faq[1]
