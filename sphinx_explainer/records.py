"""A :class:`~sphinx_explainer.domain.PageRecord` of every page, kept in the domain.

On ``doctree-read`` (after Sphinx has collected the page's title and
fields), each page's title, fields, word count, TL;DR, objectives and FAQ
questions are taken as plain text from its doctree and stored in the
``explainer`` domain, where the site features read them.

Before that, while the page's fields are still in its doctree, a ``:date:``
or ``:updated:`` that is not exactly an ISO date is warned about: it is shown
as written, and the page has no date to sort or publish by.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_explainer.domain import PageRecord, Question, explainer_domain
from sphinx_explainer.faq import (
    answer_text,
    explainer_faq_answer,
    explainer_faq_item,
    explainer_faq_question,
)
from sphinx_explainer.learn import explainer_learn
from sphinx_explainer.page_context import count_words, format_page_date, iso_date, metadata_author
from sphinx_explainer.plaintext import plain_text
from sphinx_explainer.shared import warn
from sphinx_explainer.tldr import explainer_tldr

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def tag_slug(tag: str) -> str:
    """The file name stem of a tag's page (``tags/<slug>.html``): ASCII, stable.

    Tags in scripts that ``make_id`` cannot spell (CJK, say) get a stem made
    from their UTF-8 bytes, so that every tag has a page of its own.
    """
    return nodes.make_id(tag) or "tag-" + tag.encode("utf-8").hex()[:24]


def field_tags(value: object) -> tuple[str, ...]:
    """The tags of a ``:tags:`` field: comma-separated, stripped, each once, in order."""
    if isinstance(value, list | tuple):
        value = ",".join(str(item) for item in value)
    tags = (" ".join(tag.split()) for tag in str(value or "").split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _questions(doctree: nodes.document) -> tuple[Question, ...]:
    questions = []
    for item in doctree.findall(explainer_faq_item):
        question = next((c for c in item.children if isinstance(c, explainer_faq_question)), None)
        answer = next((c for c in item.children if isinstance(c, explainer_faq_answer)), None)
        if question is None or not item["ids"]:
            continue
        text = answer_text(answer, " ") if answer is not None else ""
        questions.append(Question(item["ids"][0], plain_text(question, " "), text))
    return tuple(questions)


def _objectives(doctree: nodes.document) -> tuple[str, ...]:
    block = next(iter(doctree.findall(explainer_learn)), None)
    if block is None:
        return ()
    items = (plain_text(item, " ") for item in block.findall(nodes.list_item))
    return tuple(item for item in items if item)


#: The page fields that hold a date, written ISO ``YYYY-MM-DD``.
DATE_FIELDS = ("date", "updated")


def docinfo_fields(doctree: nodes.document) -> list[tuple[str, str]]:
    """The ``(name, value)`` of each field at the top of the page (its docinfo)."""
    fields = []
    for docinfo in doctree.findall(nodes.docinfo):
        for node in docinfo.children:
            if isinstance(node, nodes.field) and len(node) == 2:
                fields.append((node[0].astext(), node[1].astext()))
            elif isinstance(node, nodes.Bibliographic):
                fields.append((node.tagname, node.astext()))
    return fields


def field_line(app: Sphinx, name: str) -> int | None:
    """The line of the page's source where the field ``name`` is written.

    docutils keeps no line for the fields it moves into the docinfo, so the
    source is searched (``:date:`` in reST, ``date:`` in front matter).
    """
    try:
        lines = Path(app.env.doc2path(app.env.docname)).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    starts = (f":{name}:", f"{name}:")
    numbered = enumerate(lines, 1)
    return next((number for number, line in numbered if line.lstrip().startswith(starts)), None)


def warn_dates_not_iso(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about a ``:date:`` or ``:updated:`` that is not exactly ``YYYY-MM-DD``."""
    for name, value in docinfo_fields(doctree):
        text = " ".join(value.split())
        if name in DATE_FIELDS and text and iso_date(text) is None:
            warn(
                f"The ':{name}:' field '{text}' is not a date written YYYY-MM-DD, so it "
                "is shown as written and the page gets no date to be sorted and "
                f"published by. Write the date alone, as ':{name}: 2026-05-21'.",
                (app.env.docname, field_line(app, name)),
                "date",
            )


def page_record(app: Sphinx, doctree: nodes.document) -> PageRecord:
    """The record of the page just read."""
    env = app.env
    meta: dict[str, Any] = env.metadata.get(env.docname, {})
    title = env.titles.get(env.docname)
    date_text = " ".join(str(meta.get("date", "")).split())
    updated_text = " ".join(str(meta.get("updated", "")).split())
    tldr = next(iter(doctree.findall(explainer_tldr)), None)
    return PageRecord(
        title=plain_text(title, " ") if title is not None else "",
        date_text=date_text,
        date=format_page_date(date_text, None)[1] if date_text else "",
        updated=format_page_date(updated_text, None)[1] if updated_text else "",
        author=metadata_author(meta),
        tags=field_tags(meta.get("tags")),
        words=count_words(doctree),
        tldr=plain_text(tldr, " ") if tldr is not None else "",
        objectives=_objectives(doctree),
        questions=_questions(doctree),
    )


def note_page_record(app: Sphinx, doctree: nodes.document) -> None:
    explainer_domain(app.env).pages[app.env.docname] = page_record(app, doctree)


def setup_records(app: Sphinx) -> None:
    # Before Sphinx's metadata collector (priority 500) takes the fields out.
    app.connect("doctree-read", warn_dates_not_iso, priority=400)
    # After Sphinx's own collectors (priority 500) have stored the title and fields.
    app.connect("doctree-read", note_page_record, priority=800)
