"""``faq`` and ``faq-item``: HTML structure, anchors, ``:open:``, references, warnings, builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import html_files, soup_of, text_of, warnings_of


@pytest.fixture
def faq_app(build):
    return build("faq")


def items_of(soup):
    return soup.select("details.explainer-faq-item")


def question_of(details) -> str:
    return text_of(details.find("summary", recursive=False))


def anchor_of(details) -> str:
    return details.find(class_="explainer-faq-anchor", recursive=False)["id"]


def test_build_is_warning_free(faq_app):
    assert warnings_of(faq_app) == []


def test_faq_is_a_labelled_region_of_sphinx_design_dropdowns(faq_app):
    soup = soup_of(faq_app)
    faqs = soup.select("section.explainer-faq")
    assert len(faqs) == 3
    first = faqs[0]
    title = soup.find(id=first["aria-labelledby"])
    assert title.parent is first and text_of(title) == "Frequently Asked Questions"
    items = items_of(first)
    assert len(items) == 3
    for details in items:
        # sphinx-design's dropdown markup and classes, plus ours.
        assert {"sd-dropdown", "sd-card", "explainer-faq-item"} <= set(details["class"])
        summary = details.find("summary", recursive=False)
        assert summary is details.contents[0] or summary is details.find(True)
        assert {"sd-summary-title", "explainer-faq-question"} <= set(summary["class"])
        assert summary.select_one(".sd-summary-state-marker svg[aria-hidden=true]") is not None
        assert summary.find("a") is None, "no link nested in the summary (axe nested-interactive)"
        assert not details.has_attr("id"), "a fragment naming <details> itself would not open it"


def test_questions_keep_inline_markup_and_answers_keep_body_elements(faq_app):
    soup = soup_of(faq_app)
    first, second, _ = items_of(soup)[:3]
    assert question_of(first) == "When did Karpathy join Anthropic?"
    assert first.summary.find("em").get_text() == "Karpathy"
    answer = first.select_one(".explainer-faq-answer")
    assert "He announced it on May 19, 2026" in text_of(answer)
    footnote_ref = answer.select_one("a.footnote-reference")
    assert footnote_ref is not None and soup.find(id=footnote_ref["href"][1:]) is not None
    answer = second.select_one(".explainer-faq-answer")
    assert [text_of(li) for li in answer.select("ul > li")] == [
        "a list item with code",
        "a link",
    ]
    assert answer.select_one("ul a")["href"] == "https://example.org/"
    assert "print(\"pre-training\")" in answer.select_one("div.highlight pre").get_text()
    assert text_of(answer.select_one(".admonition.note")) == "Note A directive inside an answer."


def test_answers_are_in_the_html_whether_open_or_not(faq_app):
    soup = soup_of(faq_app)
    closed = [d for d in items_of(soup) if not d.has_attr("open")]
    assert closed
    for details in closed:
        assert text_of(details.select_one(".explainer-faq-answer"))


def test_anchors_are_slugs_or_names_unique_on_the_page(faq_app):
    soup = soup_of(faq_app)
    anchors = [anchor_of(d) for d in items_of(soup)]
    assert anchors == [
        "when-did-karpathy-join-anthropic",
        "faq-karpathy-role",
        "when-did-karpathy-join-anthropic-2",
        "is-every-answer-open-here",
        "even-the-second-one",
        "does-this-item-start-open",
        "and-this-one",
    ]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for details in items_of(soup):
        permalink = details.select_one(".explainer-faq-answer a.explainer-faq-permalink")
        assert permalink["href"] == f"#{anchor_of(details)}"
        assert permalink["aria-label"] == "Link to this question"


def test_anchors_are_stable_across_rebuilds(build, copy_root):
    first = build("faq", srcdir=copy_root("faq", "first"))
    again = build("faq", srcdir=copy_root("faq", "again"))
    assert html_files(first.outdir) == html_files(again.outdir)


def test_parallel_and_incremental_builds_match_serial(build, copy_root):
    serial = build("faq", srcdir=copy_root("faq", "serial"))
    parallel = build("faq", srcdir=copy_root("faq", "parallel"), parallel=2)
    assert html_files(serial.outdir) == html_files(parallel.outdir)
    incremental_src = copy_root("faq", "incremental")
    build("faq", srcdir=incremental_src)
    page = incremental_src / "other.rst"
    page.write_text(page.read_text() + "\nAn added line.\n")
    incremental = build("faq", srcdir=incremental_src)
    assert html_files(incremental.outdir)["index.html"] == html_files(serial.outdir)["index.html"]


def test_open_on_faq_opens_all_and_on_item_that_item(faq_app):
    soup = soup_of(faq_app)
    opened = {question_of(d): d.has_attr("open") for d in items_of(soup)}
    assert opened == {
        "When did Karpathy join Anthropic?": False,
        "What will he work on?": False,
        "Is every answer open here?": True,
        "Even the second one?": True,
        "Does this item start open?": True,
        "And this one?": False,
    }


def test_faq_title_class_and_name(faq_app):
    soup = soup_of(faq_app)
    more = soup.find(id="more-faqs")
    assert more.name == "section"
    assert {"explainer-faq", "extra-faq"} <= set(more["class"])
    assert text_of(soup.find(id=more["aria-labelledby"])) == "More questions"


def test_ref_to_a_named_item_shows_the_question(faq_app):
    soup = soup_of(faq_app)
    links = {text_of(a): a["href"] for a in soup.select("a.reference.internal")}
    assert links["What will he work on?"] == "#faq-karpathy-role"
    assert links["More questions"] == "#more-faqs"
    other = soup_of(faq_app, "other")
    [link] = other.select("a.reference.internal[href*=faq]")
    assert text_of(link) == "What will he work on?"
    assert link["href"] == "index.html#faq-karpathy-role"
    assert soup.find(id="faq-karpathy-role")["class"] == ["explainer-faq-anchor"]


def test_warnings_name_file_line_and_fix(build):
    app = build("faq-warnings")
    lines = warnings_of(app)
    expected = {
        6: "expects only 'faq-item' directives, but its content also holds: paragraph",
        12: "is not inside a 'faq' directive. Write '.. faq::' above it",
        18: "has no question. Write the question after the directive name",
        22: "'A question without an answer?' has no answer. Write the answer",
        29: "The name 'same-name' of the question 'Second named?' is already used on this page (line 24)",
        34: "The 'faq' directive is empty",
    }
    for line, fragment in expected.items():
        matching = [w for w in lines if f"index.rst:{line}:" in w and fragment in w]
        assert matching, f"no warning at line {line} containing {fragment!r} in {lines}"
    assert len(lines) == len(expected), lines
    assert all(w.endswith("[explainer.faq]") for w in lines)
    assert all("Write" in w or "Give each" in w for w in lines), "each says what to write"


def test_warned_content_is_still_rendered(build):
    soup = soup_of(build("faq-warnings"))
    body = text_of(soup.find(class_="body") or soup.body)
    for words in (
        "A paragraph that is not a question.",
        "Still rendered.",
        "An answer without a question.",
        "One.",
        "Two.",
    ):
        assert words in body
    questions = [question_of(d) for d in items_of(soup)]
    assert questions == [
        "A proper question?",
        "A question outside any FAQ?",
        "A question without an answer?",
        "First named?",
        "Second named?",
    ]
    anchors = [anchor_of(d) for d in items_of(soup)]
    assert anchors[3:] == ["same-name", "second-named"], "a duplicate name falls back to a slug"


def test_myst_backtick_and_colon_fences_nested(build):
    app = build("faq-myst")
    assert warnings_of(app) == []
    soup = soup_of(app)
    faqs = soup.select("section.explainer-faq")
    assert [text_of(soup.find(id=f["aria-labelledby"])) for f in faqs] == [
        "Frequently Asked Questions",
        "Colon questions",
    ]
    items = items_of(soup)
    assert [(question_of(d), d.has_attr("open")) for d in items] == [
        ("Does the backtick fence work?", False),
        ("And a second backtick item?", False),
        ("Does the colon fence work?", True),
        ("What about code in an answer?", True),
    ]
    assert items[0].summary.find("em").get_text() == "backtick"
    assert [text_of(li) for li in items[0].select(".explainer-faq-answer li")] == [
        "a list item",
        "another one",
    ]
    assert 'print("hello")' in items[3].select_one("pre").get_text()
    assert anchor_of(items[0]) == "faq-backticks"
    links = {text_of(a): a["href"] for a in soup.select("a.reference.internal")}
    assert links == {"Does the backtick fence work?": "#faq-backticks", "Colon questions": "#colon-faqs"}


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("de", "Häufig gestellte Fragen"),
        ("fr", "Foire aux questions"),
        ("es", "Preguntas frecuentes"),
        ("ja", "よくある質問"),
        ("zh_CN", "常见问题"),
    ],
)
def test_translated_default_title(build, language, title):
    soup = soup_of(build("faq", confoverrides={"language": language}))
    titles = [text_of(t) for t in soup.select(".explainer-faq > .explainer-title")]
    assert titles == [title, "More questions", title]


# -- other builders ---------------------------------------------------------------

#: What every output of ``roots/test-faq/index.rst`` must keep.
FAQ_WORDS = [
    "Frequently Asked Questions",
    "When did",
    "Karpathy",
    "join Anthropic?",
    "He announced it on May 19, 2026",
    "What will he work on?",
    "a list item with",
    "print",
    "A directive inside an answer.",
    "The same question again gets an anchor of its own.",
    "More questions",
    "Is every answer open here?",
    "Even the second one.",
    "Does this item start open?",
    "Only this one.",
    "It starts closed.",
]


def output_text(app, suffix: str) -> str:
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(Path(app.outdir).rglob(suffix))
    )
    text = text.replace("\\(aq", "'").replace("\\-", "-").replace("\\(dq", '"')
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("buildername", "suffix"),
    [("latex", "*.tex"), ("text", "index.txt"), ("man", "*.1"), ("texinfo", "*.texi")],
)
def test_builder_keeps_title_questions_and_answers(build, buildername, suffix):
    app = build("faq", buildername)
    assert warnings_of(app) == []
    text = output_text(app, suffix)
    position = -1
    for words in FAQ_WORDS:
        found = text.find(words, position + 1)
        assert found > position, f"{words!r} missing or out of order in {buildername} output"
        position = found


def test_text_questions_on_their_own_lines_answers_indented(build):
    app = build("faq", "text")
    lines = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8").splitlines()
    title = lines.index("Frequently Asked Questions")
    assert lines[title + 2] == "When did *Karpathy* join Anthropic?"
    assert lines[title + 4] == "   He announced it on May 19, 2026 [1]."


def test_latex_labels_questions_and_bolds_them(build):
    app = build("faq", "latex")
    tex = output_text(app, "*.tex")
    assert "\\label{\\detokenize{index:faq-karpathy-role}}" in tex
    assert "\\sphinxstylestrong{What will he work on?}" in tex
    assert "\\begin{sphinxadmonition}{note}{Frequently Asked Questions}" in tex


def test_texinfo_anchors(build):
    app = build("faq", "texinfo")
    texi = output_text(app, "*.texi")
    assert "@anchor{index faq-karpathy-role}" in texi
    assert "@strong{What will he work on?}" in texi


@pytest.mark.parametrize("buildername", ["singlehtml", "epub"])
def test_html_family_builders(build, buildername):
    app = build("faq", buildername, confoverrides={"epub_copyright": "2026, Test"})
    assert warnings_of(app) == []
    files = sorted(Path(app.outdir).rglob("*.*htm*"))
    html = "\n".join(path.read_text(encoding="utf-8") for path in files)
    for words in ("Frequently Asked Questions", "What will he work on?", "It starts closed."):
        assert words in html
    assert html.count('class="sd-sphinx-override sd-dropdown sd-card explainer-faq-item') == 11


def test_gettext_extracts_questions_and_answers(build):
    app = build("faq", "gettext")
    assert warnings_of(app) == []
    with (Path(app.outdir) / "index.pot").open("rb") as handle:
        ids = {message.id for message in read_po(handle) if message.id}
    assert "When did *Karpathy* join Anthropic?" in ids
    assert "What will he work on?" in ids
    assert "He announced it on May 19, 2026 [#tc]_." in ids
    assert "More questions" in ids
    assert "Frequently Asked Questions" not in ids, "the default title comes from our catalog"
