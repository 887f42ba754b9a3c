"""A warning for ``:::{faq}`` fences that MyST reads as text, without ``colon_fence``.

MyST-Parser reads ``:::{name}`` fences only with its ``colon_fence``
extension. Without it, a block written as the docs show it becomes a
paragraph that starts ``:::{faq}``, and the build succeeds with the
directive's markup printed on the page. On ``doctree-read``, for pages
MyST parsed while ``colon_fence`` is off, each paragraph that starts with a
fence of one of our directives gets an ``explainer.colon_fence`` warning at
its file and line, saying what to add to ``conf.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_explainer.shared import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A colon fence of one of the extension's directives, at the start of a paragraph.
COLON_FENCE = re.compile(r":{3,}\{(tldr|what-you-will-learn|faq|faq-item)\}")


def colon_fence_is_off(app: Sphinx) -> bool:
    """Whether MyST-Parser is loaded with ``colon_fence`` left out."""
    if "myst_enable_extensions" not in app.config:
        return False
    return "colon_fence" not in (app.config.myst_enable_extensions or ())


def is_markdown(app: Sphinx, docname: str) -> bool:
    """Whether the page's source is a file MyST-Parser reads."""
    # Sphinx 7.4 returns a str, 8.0+ a Path.
    suffix = Path(app.env.doc2path(docname)).suffix
    return app.config.source_suffix.get(suffix) == "markdown"


def warn_unread_colon_fences(app: Sphinx, doctree: nodes.document) -> None:
    """Warn at each paragraph that is really a directive MyST could not read."""
    if not colon_fence_is_off(app) or not is_markdown(app, app.env.docname):
        return
    for paragraph in doctree.findall(nodes.paragraph):
        first = paragraph.children[0] if paragraph.children else None
        match = COLON_FENCE.match(first.astext()) if isinstance(first, nodes.Text) else None
        if match:
            fence = match.group()
            warn(
                f"'{fence}' is shown as text: MyST reads ':::' fences only with its colon_fence "
                f"extension. Add \"colon_fence\" to myst_enable_extensions in conf.py, or write "
                f"the block in a backtick fence (```{{{match.group(1)}}}).",
                location=paragraph,
                subtype="colon_fence",
            )


def setup_colon_fence(app: Sphinx) -> None:
    """Connect the check of MyST pages for colon fences that were not read."""
    app.connect("doctree-read", warn_unread_colon_fences)
