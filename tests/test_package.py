"""Packaging: entry point, metadata, setup() flags, shipped files and catalogs."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import sphinx_explainer

PACKAGE = Path(sphinx_explainer.__file__).parent
REPO = PACKAGE.parent


def test_theme_entry_point():
    themes = {ep.name: ep.value for ep in metadata.entry_points(group="sphinx.html_themes")}
    assert themes["sphinx_explainer"] == "sphinx_explainer"


def test_setup_declares_version_and_parallel_safety(build):
    app = build("blocks")
    ext = app.extensions["sphinx_explainer"]
    assert ext.version == sphinx_explainer.__version__ == metadata.version("sphinx-explainer")
    assert ext.parallel_read_safe is True
    assert ext.parallel_write_safe is True
    assert "sphinx_design" in app.extensions, "sphinx-design is a real dependency"


def test_requirements_are_capped():
    requires = metadata.requires("sphinx-explainer") or []
    core = {r.split(">")[0].strip(): r for r in requires if "extra" not in r}
    assert set(core) == {"sphinx", "docutils", "sphinx-design"}
    for requirement in core.values():
        assert ">=" in requirement and "<" in requirement.split(">=", 1)[1], requirement


def test_typed_and_assets_shipped():
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "static" / "sphinx-explainer.css").is_file()
    assert (PACKAGE / "theme" / "sphinx_explainer" / "theme.toml").is_file()
    for lang in ("de", "fr", "es", "ja", "zh_CN"):
        assert (PACKAGE / "locale" / lang / "LC_MESSAGES" / "sphinx_explainer.mo").is_file()


def test_catalogs_are_fresh():
    """The .pot matches the code, every .po translates it all, every .mo matches its .po."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_assets_for_non_html_builders(build):
    app = build("blocks", "latex")
    assert not list(Path(app.outdir).rglob("sphinx-explainer.css"))
