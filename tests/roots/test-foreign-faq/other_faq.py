"""Another extension's FAQ: a node class named ``faq``, a directive and visitors of its own.

Sphinx keys visitors by node class name, so a node of ours named ``faq``
would replace these visitors (or be replaced by them).
"""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class faq(nodes.General, nodes.Element):  # noqa: N801
    """A question list, written as a ``<section class="other-faq">``."""


class OtherFaqDirective(SphinxDirective):
    has_content = True

    def run(self):
        node = faq()
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        return [node]


def visit_faq_html(self, node):
    self.body.append(self.starttag(node, "section", CLASS="other-faq"))


def depart_faq_html(self, node):
    self.body.append("</section>\n")


def visit_faq_text(self, node):
    self.new_state(0)
    self.add_text("OTHER FAQ")
    self.end_state()


def depart_faq_text(self, node):
    pass


def setup(app):
    app.add_node(faq, html=(visit_faq_html, depart_faq_html), text=(visit_faq_text, depart_faq_text))
    app.add_directive("other-faq", OtherFaqDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
