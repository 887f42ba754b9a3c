"""Sphinx extension and article theme for explainers and long reads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

THEME_PATH = Path(__file__).parent / "theme" / "sphinx_explainer"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, footnote back links and the article theme.

    Sphinx calls this once per application, whether the package is listed in
    ``extensions`` or reached through ``html_theme = "sphinx_explainer"``.
    """
    from sphinx_explainer.extension import setup_extension

    app.add_html_theme("sphinx_explainer", str(THEME_PATH))
    setup_extension(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
