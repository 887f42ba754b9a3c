"""The ``tldr`` directive: a short summary that opens the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_explainer._i18n import _
from sphinx_explainer.blocks import ExplainerBlock, add_block_node
from sphinx_explainer.shared import ExplainerDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class explainer_tldr(ExplainerBlock):  # noqa: N801
    """A TL;DR block; its first instance on a page also describes the page."""

    css_class = "explainer-tldr"


class TldrDirective(ExplainerDirective):
    """``.. tldr:: [title]`` with any body elements as content."""

    node_class = explainer_tldr
    warning_subtype = "tldr"

    def default_title(self) -> str:
        return _("TL;DR")


def setup_tldr(app: Sphinx) -> None:
    add_block_node(app, explainer_tldr)
    app.add_directive("tldr", TldrDirective)
