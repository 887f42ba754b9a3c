"""Packaging: entry point, metadata, setup() flags, shipped files and catalogs."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

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


# -- the sdist and the wheel, as built (not the checkout) -------------------------------------------------------


def test_build_backend_is_new_enough_for_the_license_expression():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["build-system"]["requires"] == ["flit_core>=3.11,<5"]


@pytest.fixture(scope="module")
def distributions(tmp_path_factory):
    outdir = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = outdir.glob("*.whl")
    (sdist,) = outdir.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        wheel_names = archive.namelist()
    with tarfile.open(sdist) as archive:
        sdist_names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    return wheel_names, sdist_names


def test_wheel_ships_the_package_and_nothing_else(distributions):
    wheel, _sdist = distributions
    package = REPO / "sphinx_explainer"
    expected = {
        path.relative_to(REPO).as_posix()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    shipped = {name for name in wheel if name.startswith("sphinx_explainer/")}
    assert shipped == expected
    for needed in ("py.typed", "theme/sphinx_explainer/theme.toml", "static/sphinx-explainer.css",
                   "locale/de/LC_MESSAGES/sphinx_explainer.mo"):
        assert f"sphinx_explainer/{needed}" in shipped
    assert not [name for name in wheel if name.startswith(("tests/", "docs/", "tools/"))]


def test_sdist_has_the_package_and_no_tests_or_docs(distributions):
    _wheel, sdist = distributions
    assert "pyproject.toml" in sdist and "LICENSE" in sdist and "README.md" in sdist
    assert "sphinx_explainer/locale/ja/LC_MESSAGES/sphinx_explainer.mo" in sdist
    assert "sphinx_explainer/theme/sphinx_explainer/layout.html" in sdist
    assert not [name for name in sdist if name.startswith(("tests/", "docs/", "tools/"))]
