"""The ``what-you-will-learn`` directive: the page's objectives as one list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_explainer._i18n import _
from sphinx_explainer.blocks import ExplainerBlock, add_block_node
from sphinx_explainer.shared import ExplainerDirective, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class explainer_learn(ExplainerBlock):  # noqa: N801
    """The objectives of a page: a title and one bullet list."""

    css_class = "explainer-learn"


class WhatYouWillLearnDirective(ExplainerDirective):
    """``.. what-you-will-learn:: [title]`` holding exactly one bullet list."""

    node_class = explainer_learn
    warning_subtype = "learn"

    def default_title(self) -> str:
        return _("What You'll Learn")

    def check_body(self, body: list[nodes.Node]) -> None:
        content = [node for node in body if not isinstance(node, nodes.system_message)]
        if len(content) == 1 and isinstance(content[0], nodes.bullet_list):
            return
        found = ", ".join(sorted({node.tagname for node in content})) or "nothing"
        warn(
            f"The '{self.name}' directive expects one bullet list, but its content "
            f"holds: {found}. Write each objective as a bullet item ('* ...'), "
            "with no other paragraphs; the content is rendered as written.",
            self.get_location(),
            self.warning_subtype,
        )


def setup_learn(app: Sphinx) -> None:
    add_block_node(app, explainer_learn)
    app.add_directive("what-you-will-learn", WhatYouWillLearnDirective)
