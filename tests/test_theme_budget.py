"""The article theme's own CSS and JavaScript stay under their size budget."""

from __future__ import annotations

import gzip
from pathlib import Path

THEME_STATIC = (
    Path(__file__).parents[1] / "sphinx_explainer" / "theme" / "sphinx_explainer" / "static"
)
#: The theme's own CSS and JavaScript, each compressed as a server sends it, in total.
BUDGET = 12 * 1024


def _shipped_name(source: Path) -> str:
    """The file's name in ``_static/`` once Sphinx renders it (``x.css.jinja`` -> ``x.css``)."""
    return source.name.removesuffix(".jinja")


def test_theme_css_and_js_stay_under_12_kb_gzip(build):
    app = build("theme-article")
    static = Path(app.outdir) / "_static"
    names = [_shipped_name(path) for path in THEME_STATIC.iterdir()]
    shipped = [static / name for name in names if name.endswith((".css", ".js"))]
    assert shipped and all(path.exists() for path in shipped), shipped
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in shipped}
    assert sum(sizes.values()) < BUDGET, sizes
