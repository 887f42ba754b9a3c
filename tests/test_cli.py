"""``sphinx-explainer new``: each option, each refusal, and the skeleton built as written.

The command runs as a user runs it (``python -m sphinx_explainer`` in a
subprocess, from the folder the user is in) and through ``main()``; the
skeletons it writes are built by a real Sphinx, nitpicky, with no warning.
"""

from __future__ import annotations

import datetime
import importlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import soup_of, text_of, warnings_of

from sphinx_explainer.cli import main, slugify

REPO = Path(__file__).resolve().parents[1]

CONF = """\
project = "Explainers"
extensions = ["sphinx_explainer", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
"""
INDEX = """\
Explainers
==========

.. toctree::

"""


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx_explainer ARGS`` in ``cwd``, importing this worktree's package."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "sphinx_explainer", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def toctree_line(stdout: str) -> str:
    """The line the command asks the user to add to a toctree."""
    lines = [line for line in stdout.splitlines() if line.startswith("   ")]
    assert len(lines) == 1, stdout
    return lines[0].strip()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty Sphinx project: ``conf.py`` and an index page with an empty toctree."""
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    (tmp_path / "index.rst").write_text(INDEX, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("syntax", ["rst", "myst"])
@pytest.mark.parametrize("buildername", ["html", "text", "latex"])
def test_skeleton_builds_without_warnings(make_app, project, syntax, buildername):
    args = ["new", "Why the sky is blue", "--dir", "articles", "--author", "Jane Doe"]
    args += ["--date", "2026-05-21", "--tags", "physics, light"]
    result = run_cli(*args, *(["--myst"] if syntax == "myst" else []), cwd=project)
    assert result.returncode == 0, result.stderr
    suffix = ".md" if syntax == "myst" else ".rst"
    assert (project / "articles" / f"why-the-sky-is-blue{suffix}").is_file()
    docname = toctree_line(result.stdout)
    assert docname == "articles/why-the-sky-is-blue"
    assert "for example in index.rst:" in result.stdout
    with (project / "index.rst").open("a", encoding="utf-8") as index:
        index.write(f"   {docname}\n")

    app = make_app(buildername, srcdir=project)
    app.build()
    assert warnings_of(app) == []
    if buildername != "html":
        return
    soup = soup_of(app, docname)
    assert text_of(soup.find("h1")).startswith("Why the sky is blue")
    assert soup.select_one(".explainer-tldr")
    assert len(soup.select(".explainer-learn li")) == 2
    assert len(soup.select(".explainer-faq-item")) == 2
    headings = [text_of(h).rstrip("¶ ") for h in soup.select("h2")]
    assert headings[:2] == ["First section", "Second section"]
    assert soup.select("aside.footnote, .footnote")
    assert app.env.metadata[docname]["date"] == "2026-05-21"
    assert app.env.metadata[docname]["author"] == "Jane Doe"
    assert app.env.metadata[docname]["tags"] == "physics, light"


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_every_block_carries_a_hint(tmp_path, syntax):
    assert (
        main(["new", "Hints", "--dir", str(tmp_path), *(["--myst"] if syntax == "myst" else [])])
        == 0
    )
    text = next(tmp_path.iterdir()).read_text(encoding="utf-8")
    for hint in (
        "Sum up the whole page",
        "One thing the reader will know",
        "one idea per section",
        "back each claim with a source",
        "Answer it in a few sentences",
        "Name the source",
    ):
        assert text.count(hint) == 1, hint
    if syntax == "myst":
        assert "::::{faq}" in text and ":::{faq-item}" in text


def test_default_date_is_today_and_no_author(tmp_path, capsys):
    assert main(["new", "Today", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "today.rst").read_text(encoding="utf-8")
    assert f":date: {datetime.date.today().isoformat()}\n" in text
    assert "\n:author:" not in text and "\n:tags:" not in text
    assert "today" in capsys.readouterr().out


def test_author_and_tags_in_myst_front_matter(tmp_path):
    args = ["new", "Quotes", "--myst", "--dir", str(tmp_path), "--date", "2026-01-02"]
    assert main([*args, "--author", 'Ann "A." O\'Neil', "--tags", " ai,  hiring ,ai,"]) == 0
    front = (tmp_path / "quotes.md").read_text(encoding="utf-8").split("---\n")[1]
    assert 'date: "2026-01-02"\n' in front
    assert 'author: "Ann \\"A.\\" O\'Neil"\n' in front
    assert 'tags: "ai, hiring"\n' in front


def test_dir_is_created(tmp_path):
    target = tmp_path / "docs" / "articles"
    assert main(["new", "Deep", "--dir", str(target)]) == 0
    assert (target / "deep.rst").is_file()


def test_refuses_to_overwrite(tmp_path):
    first = run_cli("new", "Twice", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (tmp_path / "twice.rst").write_text("my work\n", encoding="utf-8")
    second = run_cli("new", "Twice", cwd=tmp_path)
    assert second.returncode == 1
    assert "twice.rst already exists" in second.stderr
    assert (tmp_path / "twice.rst").read_text(encoding="utf-8") == "my work\n"
    assert second.stdout == ""


@pytest.mark.parametrize("title", ["", "   ", "\t"])
def test_rejects_an_empty_title(tmp_path, title):
    result = run_cli("new", title, cwd=tmp_path)
    assert result.returncode == 2
    assert "the title is empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_rejects_a_title_without_letters(tmp_path):
    result = run_cli("new", "?!", cwd=tmp_path)
    assert result.returncode == 2
    assert "no letter or digit" in result.stderr


@pytest.mark.parametrize("date", ["2026-02-30", "21/05/2026", "20260521", "tomorrow", ""])
def test_rejects_a_bad_date(tmp_path, date):
    result = run_cli("new", "Dated", "--date", date, cwd=tmp_path)
    assert result.returncode == 2
    assert "is not a date; write it as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_an_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert main(["new", "Nowhere", "--dir", str(tmp_path / "file" / "sub")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_toctree_line_outside_a_project(tmp_path):
    result = run_cli("new", "Loose", cwd=tmp_path)
    assert toctree_line(result.stdout) == "loose"
    assert "folder of conf.py" in result.stdout


def test_help_documents_every_option(tmp_path):
    result = run_cli("new", "--help", cwd=tmp_path)
    assert result.returncode == 0
    for option in ("TITLE", "--myst", "--dir", "--author", "--date", "--tags", "colon_fence"):
        assert option in result.stdout, option
    top = run_cli("--help", cwd=tmp_path)
    assert top.returncode == 0 and "new" in top.stdout


def test_no_command_is_a_usage_error(tmp_path):
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 2
    assert "required" in result.stderr


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Why the sky is blue", "why-the-sky-is-blue"),
        (
            "Karpathy Joins Anthropic: Why It Matters (2026)",
            "karpathy-joins-anthropic-why-it-matters-2026",
        ),
        ("Café au lait", "cafe-au-lait"),
        ("C++ and_Rust", "c-and-rust"),
        ("日本語の記事", "日本語の記事"),
    ],
)
def test_slug(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_markup_in_the_title_stays_text(make_app, project, syntax):
    title = "1. *Stars*, `code` and [links] #2 | C:\\path_name_"
    args = ["new", title, "--dir", str(project), "--date", "2026-05-21"]
    assert main([*args, *(["--myst"] if syntax == "myst" else [])]) == 0
    docname = slugify(title)
    with (project / "index.rst").open("a", encoding="utf-8") as index:
        index.write(f"   {docname}\n")
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == []
    assert text_of(soup_of(app, docname).find("h1")).rstrip("¶ ") == title


def test_console_script_is_declared():
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    module, _, function = scripts["sphinx-explainer"].partition(":")
    assert getattr(importlib.import_module(module), function) is main
