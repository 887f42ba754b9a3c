"""Shared fixtures: real Sphinx builds of the test roots in ``tests/roots``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

try:
    from hypothesis import settings
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
else:
    # CI replays a fixed set of generated examples, so a landing never depends
    # on luck; developers' runs explore new ones each time.
    settings.register_profile("ci", derandomize=True, database=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``roots/test-<name>`` into a fresh directory and return its path.

    Builds run on copies so that tests can edit sources, and so that Sphinx
    7.4 (which shares one copy per root name) and 8.2+ (which builds roots in
    place) behave alike.
    """

    def copy(name: str, dest: str | None = None) -> Path:
        target = tmp_path / (dest or name)
        if not target.exists():
            shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], copy_root: Callable[[str], Path]):
    """Build a copy of a test root with any builder; return the application."""

    def run(
        root: str,
        buildername: str = "html",
        *,
        srcdir: Path | None = None,
        confoverrides: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> SphinxTestApp:
        app = make_app(
            buildername,
            srcdir=srcdir or copy_root(root),
            confoverrides=confoverrides or {},
            **kwargs,
        )
        app.build()
        # Reset docutils' global registries now, not at the end of the test,
        # so that several builds in one test do not warn about each other.
        app.cleanup()
        return app

    return run
