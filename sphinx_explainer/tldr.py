"""The ``tldr`` directive: a short summary that opens the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_explainer._i18n import _
from sphinx_explainer.shared import ExplainerBlock, ExplainerDirective, add_block_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class tldr(ExplainerBlock):  # noqa: N801
    """A TL;DR block; its first instance on a page also describes the page."""

    css_class = "explainer-tldr"


class TldrDirective(ExplainerDirective):
    """``.. tldr:: [title]`` with any body elements as content."""

    node_class = tldr
    warning_subtype = "tldr"

    def default_title(self) -> str:
        return _("TL;DR")


def setup_tldr(app: Sphinx) -> None:
    add_block_node(app, tldr)
    app.add_directive("tldr", TldrDirective, override=True)
