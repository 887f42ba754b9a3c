"""The catalogue of bad input: each case builds correctly, or warns with file and line.

Every case checks that the build finishes, that each warning names the file
and line and says what to write instead, and that no content is dropped.
docs/troubleshooting.rst lists the same catalogue for authors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import messages_of, warnings_of

CONF = """\
extensions = ["sphinx_explainer", "myst_parser"]
project = "Bad input"
myst_enable_extensions = ["colon_fence"]
show_warning_types = True
"""


@dataclass
class Case:
    """A page source, the warnings it must give (line, fragment) and the words it keeps."""

    id: str
    source: str
    warnings: list[tuple[int, str]] = field(default_factory=list)
    keeps: list[str] = field(default_factory=list)
    suffix: str = ".rst"


def page(body: str) -> str:
    return "Title\n=====\n\n" + body


CASES = [
    # -- tldr and what-you-will-learn
    Case("tldr-title-of-many-words", page(".. tldr:: A title of many words\n\n   Text.\n"), [], ["A title of many words", "Text."]),
    Case("tldr-empty", page(".. tldr::\n"), [(4, "is empty")]),
    Case("tldr-title-but-empty", page(".. tldr:: Title only\n"), [(4, "is empty")]),
    Case(
        "tldr-unknown-option",
        page(".. tldr::\n   :colour: red\n\n   Kept text.\n"),
        [(4, "has no option ':colour:'")],
        ["Kept text."],
    ),
    Case(
        "tldr-duplicate-name",
        page(".. tldr::\n   :name: same\n\n   One.\n\n.. tldr::\n   :name: same\n\n   Two.\n"),
        [(9, "duplicate")],
        ["One.", "Two."],
    ),
    Case("learn-empty", page(".. what-you-will-learn::\n"), [(4, "is empty")]),
    Case(
        "learn-paragraph",
        page(".. what-you-will-learn::\n\n   A paragraph.\n"),
        [(4, "expects one bullet list")],
        ["A paragraph."],
    ),
    Case(
        "learn-two-lists",
        page(".. what-you-will-learn::\n\n   * one\n\n   #. two\n"),
        [(4, "expects one bullet list")],
        ["one", "two"],
    ),
    Case(
        "learn-nested-list",
        page(".. what-you-will-learn::\n\n   * outer\n\n     * inner\n"),
        [],
        ["outer", "inner"],
    ),
    # -- faq and faq-item
    Case("faq-empty", page(".. faq::\n"), [(4, "is empty")]),
    Case(
        "faq-with-paragraph",
        page(".. faq::\n\n   A stray paragraph.\n\n   .. faq-item:: Q?\n\n      The answer.\n"),
        [(6, "expects only 'faq-item'")],
        ["A stray paragraph.", "Q?", "The answer."],
    ),
    Case(
        "faq-item-without-question",
        page(".. faq::\n\n   .. faq-item::\n\n      An orphan answer.\n"),
        [(6, "has no question")],
        ["An orphan answer."],
    ),
    Case(
        "faq-item-without-answer",
        page(".. faq::\n\n   .. faq-item:: Unanswered?\n"),
        [(6, "has no answer")],
        ["Unanswered?"],
    ),
    Case(
        "faq-item-duplicate-name",
        page(
            ".. faq::\n\n   .. faq-item:: First?\n      :name: same\n\n      One.\n\n"
            "   .. faq-item:: Second?\n      :name: same\n\n      Two.\n"
        ),
        [(11, "already used")],
        ["First?", "One.", "Second?", "Two."],
    ),
    Case(
        "faq-item-same-question-twice",
        page(".. faq::\n\n   .. faq-item:: Same?\n\n      One.\n\n   .. faq-item:: Same?\n\n      Two.\n"),
        [],
        ["One.", "Two."],
    ),
    Case(
        "faq-item-outside-faq",
        page(".. faq-item:: Alone?\n\n   Still answered.\n"),
        [(4, "not inside a 'faq'")],
        ["Alone?", "Still answered."],
    ),
    Case(
        "faq-open-with-value",
        page(".. faq::\n   :open: yes\n\n   .. faq-item:: Q?\n\n      The answer.\n"),
        [(4, "takes no value")],
        ["Q?", "The answer."],
    ),
    Case(
        "faq-item-unknown-option",
        page(".. faq::\n\n   .. faq-item:: Q?\n      :colour: red\n\n      Kept answer.\n"),
        [(6, "has no option ':colour:'")],
        ["Q?", "Kept answer."],
    ),
    Case(
        "faq-open-twice",
        page(".. faq::\n   :open:\n   :open:\n\n   .. faq-item:: Q?\n\n      Kept answer.\n"),
        [(4, 'duplicate option "open"')],
        ["Q?", "Kept answer."],
    ),
    Case(
        "faq-item-class-twice",
        page(".. faq::\n\n   .. faq-item:: Q?\n      :class: one\n      :class: two\n\n      Kept answer.\n"),
        [(6, 'duplicate option "class"')],
        ["Q?", "Kept answer."],
    ),
    Case(
        "tldr-class-twice-in-myst",
        "# Title\n\n```{tldr}\n:class: one\n:class: two\n\nKept text.\n```\n",
        [],
        ["Kept text."],
        ".md",
    ),
    # -- nesting
    Case(
        "faq-inside-tldr",
        page(".. tldr::\n\n   .. faq::\n\n      .. faq-item:: Nested?\n\n         Nested answer.\n"),
        [],
        ["Nested?", "Nested answer."],
    ),
    Case(
        "tldr-inside-answer",
        page(".. faq::\n\n   .. faq-item:: Q?\n\n      .. tldr::\n\n         Summary in an answer.\n"),
        [],
        ["Q?", "Summary in an answer."],
    ),
    Case(
        "faq-inside-faq",
        page(
            ".. faq::\n\n   .. faq-item:: Outer?\n\n      .. faq::\n\n"
            "         .. faq-item:: Inner?\n\n            Inner answer.\n"
        ),
        [],
        ["Outer?", "Inner?", "Inner answer."],
    ),
    # -- footnotes
    Case(
        "footnote-unreferenced",
        page("Text.\n\n.. [#lonely] A note nobody cites.\n"),
        [(6, "not referenced")],
        ["A note nobody cites."],
    ),
    Case(
        "footnote-in-question",
        page(".. faq::\n\n   .. faq-item:: Cited [#q]_?\n\n      Answer.\n\n.. [#q] The note.\n"),
        [],
        ["Cited", "Answer.", "The note."],
    ),
    # -- MyST
    Case(
        "myst-unknown-option",
        "# Title\n\n```{tldr}\n:colour: red\n\nKept text.\n```\n",
        [(3, "colour")],
        ["Kept text."],
        suffix=".md",
    ),
    Case(
        "myst-faq-item-outside-faq",
        "# Title\n\n:::{faq-item} Alone?\nStill answered.\n:::\n",
        [(3, "not inside a 'faq'")],
        ["Alone?", "Still answered."],
        suffix=".md",
    ),
]


def build_page(make_app, tmp_path: Path, source: str, suffix: str = ".rst"):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    (src / f"index{suffix}").write_text(source, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    return app, BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html5lib")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(make_app, tmp_path, case):
    app, soup = build_page(make_app, tmp_path, case.source, case.suffix)
    lines = messages_of(app)
    for line, fragment in case.warnings:
        located = [w for w in lines if f"index{case.suffix}:{line}:" in w and fragment in w]
        assert located, f"no warning at line {line} containing {fragment!r}: {lines}"
    assert len(lines) == len(case.warnings), lines
    assert not any("Traceback" in w or "Exception" in w for w in lines)
    text = " ".join(soup.body.get_text(" ").split())
    for words in case.keeps:
        assert words in text, f"{words!r} was dropped"


def test_explainer_warnings_say_what_to_write(make_app, tmp_path):
    """Every warning of the extension itself names a fix ("Write ...")."""
    source = page(
        ".. tldr::\n\n.. what-you-will-learn::\n\n   Text.\n\n.. faq::\n\n   Stray.\n\n"
        "   .. faq-item::\n\n      The answer.\n\n   .. faq-item:: Q?\n\n.. faq-item:: Out?\n\n   The answer.\n"
    )
    app, _soup = build_page(make_app, tmp_path, source)
    ours = [w for w in warnings_of(app) if "[explainer." in w]
    assert len(ours) == 6
    assert all("Write" in w for w in ours), ours


def test_a_faq_of_a_thousand_items(make_app, tmp_path):
    items = "".join(f"   .. faq-item:: Question number {i}?\n\n      Answer number {i}.\n\n" for i in range(1000))
    app, soup = build_page(make_app, tmp_path, page(".. faq::\n\n" + items))
    assert warnings_of(app) == []
    assert len(soup.select("details.explainer-faq-item")) == 1000
    (script,) = soup.find_all("script", type="application/ld+json")
    questions = json.loads(script.string)["mainEntity"]
    assert [q["name"] for q in questions] == [f"Question number {i}?" for i in range(1000)]
    anchors = [item.select_one(".explainer-faq-anchor")["id"] for item in soup.select("details.explainer-faq-item")]
    assert len(set(anchors)) == 1000


def test_a_footnote_cited_a_thousand_times(make_app, tmp_path):
    text = " ".join("Cited [#n]_." for _ in range(1000))
    app, soup = build_page(make_app, tmp_path, page(f"{text}\n\n.. [#n] The note.\n"))
    assert warnings_of(app) == []
    references = soup.select("a.footnote-reference")
    assert len(references) == 1000
    backlinks = soup.select("a.explainer-backlink")
    assert len(backlinks) == 1000
    assert [link["href"] for link in backlinks] == [f"#{ref['id']}" for ref in references]
    labels = [link.get_text() for link in backlinks]
    assert len(set(labels)) == 1000
    assert labels[:3] == ["a", "b", "c"] and labels[26] == "aa"


def test_a_page_of_five_megabytes(make_app, tmp_path):
    sentence = "A long read goes on and on, sentence after sentence, with nothing special in it. "
    count = 5 * 1024 * 1024 // len(sentence * 12)
    paragraphs = "\n\n".join(f"{i}: {sentence * 12}" for i in range(count))
    source = page(f".. tldr::\n\n   The summary of a very long page.\n\n{paragraphs}\n\n.. faq::\n\n   .. faq-item:: Does it build?\n\n      Yes.\n")
    assert len(source.encode()) >= 5 * 1024 * 1024
    app, soup = build_page(make_app, tmp_path, source)
    assert warnings_of(app) == []
    assert soup.find("meta", attrs={"name": "description"})["content"] == "The summary of a very long page."
    body = soup.select_one('[role="main"], .body')
    assert body.get_text().count(sentence.strip()) == count * 12, "every sentence reaches the page"
