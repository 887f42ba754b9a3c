"""``llms.txt``: the project's articles as plain Markdown, for language models.

With ``explainer_llms_txt = True`` the HTML builder writes ``llms.txt`` at
the output root when the build finishes, in the layout of the llms.txt
proposal (https://llmstxt.org): an H1 with the project's name, a blockquote
summary (the root page's TL;DR, else its description), then a section per
article, newest first: its title linked to the page, its TL;DR, its
objectives as a list and its FAQ as questions with their answers. It is made
from the ``explainer`` domain alone, so the same sources give the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_explainer._i18n import _
from sphinx_explainer.collection import is_site_builder, newest_first, page_url
from sphinx_explainer.domain import explainer_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_explainer.domain import PageRecord

LLMS_FILE = "llms.txt"
_LINK_TEXT_SPECIALS = re.compile(r"([\\\[\]])")


def link_text(text: str) -> str:
    """``text`` safe inside a Markdown link's brackets."""
    return _LINK_TEXT_SPECIALS.sub(r"\\\1", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def project_summary(app: Sphinx) -> str:
    """The root page's TL;DR, else its ``meta`` description, else ""."""
    root = app.config.root_doc
    page = explainer_domain(app.env).pages.get(root)
    if page is not None and page.tldr:
        return page.tldr
    if root not in app.env.all_docs:
        return ""
    doctree = app.env.get_doctree(root)
    descriptions = (
        node.get("content", "")
        for node in doctree.findall(nodes.meta)
        if node.get("name") == "description"
    )
    return one_line(next(descriptions, ""))


def page_link(app: Sphinx, docname: str) -> str:
    """The page's absolute address, or its address relative to the output root."""
    return page_url(app, docname) or app.builder.get_target_uri(docname)


def article_section(app: Sphinx, docname: str, page: PageRecord) -> list[str]:
    """The Markdown lines of one article."""
    title = page.title or docname
    lines = [f"## [{link_text(title)}]({page_link(app, docname)})", ""]
    if page.tldr:
        lines += [page.tldr, ""]
    if page.objectives:
        lines += ["### " + _("What You'll Learn"), ""]
        lines += [f"- {one_line(objective)}" for objective in page.objectives]
        lines.append("")
    if page.questions:
        lines += ["### " + _("Frequently Asked Questions"), ""]
        for question in page.questions:
            lines += [f"**{one_line(question.question)}**", ""]
            if question.answer:
                lines += [question.answer, ""]
    return lines


def llms_text(app: Sphinx) -> str:
    """The whole ``llms.txt``."""
    lines = [f"# {app.config.project}", ""]
    summary = project_summary(app)
    if summary:
        lines += [f"> {summary}", ""]
    for docname, page in newest_first(app.env):
        lines += article_section(app, docname, page)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_llms_txt(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write ``llms.txt`` at the output root."""
    if exception is None and app.config.explainer_llms_txt and is_site_builder(app.builder):
        Path(app.outdir, LLMS_FILE).write_text(llms_text(app), encoding="utf-8")


def setup_llms(app: Sphinx) -> None:
    app.connect("build-finished", write_llms_txt)
