"""Every non-HTML builder: warning-free, with each block's title and every word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import warnings_of

#: Words of the blocks in ``roots/test-blocks`` that every output must keep.
BLOCK_WORDS = [
    "TL;DR",
    "The TL;DR paragraph says",
    "in brief",
    "A second paragraph of the summary.",
    "What You",  # the apostrophe is typeset differently by each writer
    "The first objective, with",
    "The second objective, with a",
    "Short version",
    "Titled summary.",
    "Objectives for",
    "Only objective",
]


def output_text(app, buildername: str) -> str:
    outdir = Path(app.outdir)
    suffix = {"latex": "*.tex", "text": "*.txt", "man": "*.1", "texinfo": "*.texi"}[buildername]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(outdir.rglob(suffix)))
    # Undo the line filling and the escapes of each format before looking for words.
    text = text.replace("\\(aq", "'").replace("\\-", "-").replace("\\(dq", '"')
    return " ".join(text.split())


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "texinfo"])
def test_builder_keeps_titles_and_words(build, buildername):
    app = build("blocks", buildername)
    assert warnings_of(app) == []
    text = output_text(app, buildername)
    for words in BLOCK_WORDS:
        assert words in text, f"{words!r} missing from {buildername} output"


def test_latex_titled_boxes(build):
    app = build("blocks", "latex")
    tex = output_text(app, "latex")
    boxes = re.findall(r"\\begin\{sphinxadmonition\}\{note\}\{(.*?)\}\s", tex)
    assert boxes[:2] == ["TL;DR", "What You’ll Learn"]
    assert "Short version" in boxes
    assert tex.count("\\begin{sphinxadmonition}") == tex.count("\\end{sphinxadmonition}") == 5


def test_text_title_line_then_content(build):
    app = build("blocks", "text")
    lines = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index("TL;DR")
    assert lines[start + 1] == ""
    assert lines[start + 2].startswith("The TL;DR paragraph says *everything* in brief")
    assert "A second paragraph of the summary." in lines[start + 3 :]
    learn = lines.index("What You'll Learn")
    assert lines[learn + 2] == "* The first objective, with \"code\""


@pytest.mark.parametrize("buildername", ["singlehtml", "epub"])
def test_html_family_builders(build, buildername):
    app = build("blocks", buildername)
    assert [w for w in warnings_of(app) if "conf value" not in w] == []
    files = list(Path(app.outdir).rglob("*.*htm*"))
    html = "\n".join(path.read_text(encoding="utf-8") for path in files)
    assert html.count('class="explainer-tldr') == 2
    assert html.count('class="explainer-learn') == 3


def test_epub_is_warning_free_with_complete_metadata(build):
    app = build("blocks", "epub", confoverrides={"epub_copyright": "2026, Test"})
    assert warnings_of(app) == []


def test_gettext_extracts_block_contents(build):
    app = build("blocks", "gettext")
    assert warnings_of(app) == []
    with (Path(app.outdir) / "index.pot").open("rb") as handle:
        ids = {message.id for message in read_po(handle) if message.id}
    assert "The TL;DR paragraph says *everything* in brief [#note]_." in ids
    assert "A second paragraph of the summary." in ids
    assert "The first objective, with ``code``" in ids
    assert "Short version" in ids, "an author's title is translatable"
    assert "Objectives for *this* page" in ids
    assert "TL;DR" not in ids and "What You'll Learn" not in ids, "default titles come from our catalog"
