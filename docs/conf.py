"""Sphinx configuration of the sphinx-explainer documentation and demo articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))
# The Performance page reads its figures through benchmarks/report.py.
sys.path.append(str(Path(__file__).parent.parent))

from sphinx_explainer import __version__  # noqa: E402

# -- Project ------------------------------------------------------------------
project = "sphinx-explainer"
author = "sphinx-explainer developers"
# A fixed year, so that the same sources always build the same pages.
copyright = "2026, sphinx-explainer developers"  # noqa: A001
version = release = __version__

# -- General ------------------------------------------------------------------
extensions = [
    "sphinx_explainer",
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "explainer_docs",
    "bench_results",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
myst_enable_extensions = ["colon_fence"]
# The reference pages show snippets with literalinclude and include; they are
# not pages of their own.
# performance-profile.rst is included by performance.rst, not a page of its own.
exclude_patterns = ["_build", "snippets", "performance-profile.rst"]
root_doc = "index"
language = "en"
nitpicky = True
# The results of `make bench` that the Performance page is written from.
bench_results = "../benchmarks/results/latest.json"
# The kitchen sink's API page breaks signatures longer than this one
# parameter a line, to show how the theme sets them.
maximum_signature_line_length = 70
# Figures, tables and captioned code blocks are numbered, and :numref: works.
numfig = True

# -- HTML ---------------------------------------------------------------------
# SPHINX_THEME=furo (or alabaster, pydata_sphinx_theme, sphinx_book_theme,
# sphinx_rtd_theme, shibuya) builds the same pages under another theme.
html_theme = os.environ.get("SPHINX_THEME", "sphinx_explainer")
# The site name after each page title, without the default "0.1.0 documentation".
html_title = "sphinx-explainer"
html_static_path = ["_static"]
html_css_files = ["docs.css"]
# Math as MathML, which browsers draw themselves: no MathJax from a CDN
# (explainer_docs registers the renderer).
html_math_renderer = "mathml"

# -- The site features ----------------------------------------------------------
# Read the Docs gives each version its address; elsewhere, the latest one.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://sphinx-explainer.readthedocs.io/en/latest/"
)
explainer_tag_pages = True
explainer_llms_txt = True

# -- sphinxext-opengraph ------------------------------------------------------
ogp_site_url = html_baseurl
ogp_site_name = "sphinx-explainer"

# -- LaTeX and EPUB -----------------------------------------------------------
# xelatex typesets the Unicode of the pages (arrows, dashes, check marks).
latex_engine = "xelatex"
latex_documents = [
    (root_doc, "sphinx-explainer.tex", "sphinx-explainer", author, "manual"),
]
epub_copyright = copyright
epub_publisher = author
