"""The ``sphinx_explainer`` message catalog: ``_`` for output, ``__`` for logs."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_explainer"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translate text that ends up in built documents (in the project's language).
_ = get_translation(CATALOG)
#: Translate warnings and other console messages.
__ = get_translation(CATALOG, "console")
