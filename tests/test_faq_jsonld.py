"""The FAQPage JSON-LD: read back from built pages and checked against their questions."""

from __future__ import annotations

import json
import re

import pytest
from docutils import nodes
from helpers import soup_of, warnings_of

from sphinx_explainer.faq_jsonld import faq_page
from sphinx_explainer.jsonld import script_safe_json
from sphinx_explainer.plaintext import plain_text

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- --> <![CDATA[ ]]>",
    "\"double\" 'single' \\ backslash & &amp;",
    "line\u2028separator and paragraph\u2029separator",
    "emoji \U0001f600 \U0001f389 and RTL \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "\x00 nul, \t tab, \x1f unit separator",
]


def jsonld_scripts(soup):
    return soup.find_all("script", type="application/ld+json")


def page_jsonld(app, page: str = "index") -> dict:
    soup = soup_of(app, page)
    [script] = jsonld_scripts(soup)
    return json.loads(script.string)


def without_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


def collapse(text: str) -> str:
    """ASCII white space collapsed, as in the JSON-LD (U+2028 and the like are content)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")


def page_questions_and_answers(soup) -> list[tuple[str, str]]:
    """The questions and answers as the page shows them.

    Left out, as in the JSON-LD: permalinks, footnote marks and the labels
    that writers generate (an admonition's "Note").
    """
    pairs = []
    for details in soup.select("details.explainer-faq-item"):
        question = collapse(details.find("summary").get_text())
        answer = details.select_one(".explainer-faq-answer")
        for tag in answer.select(
            ".explainer-faq-permalink, a.footnote-reference, .admonition > .admonition-title"
        ):
            tag.decompose()
        pairs.append((question, answer.get_text(" ")))
    return pairs


# -- the pure functions ---------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_script_safe_json_round_trips_and_cannot_break_out(text):
    data = {"@type": "FAQPage", "mainEntity": [{"name": text, "acceptedAnswer": {"text": text}}]}
    safe = script_safe_json(data)
    assert json.loads(safe) == data
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in safe
    assert "\U0001f600" not in text or "\U0001f600" in safe, "other Unicode is written as is"


def test_script_safe_json_is_deterministic_and_compact():
    data = {"b": 1, "a": [1, 2]}
    assert script_safe_json(data) == script_safe_json(dict(data)) == '{"b":1,"a":[1,2]}'


def test_plain_text_drops_note_marks_and_keeps_blocks():
    paragraph = nodes.paragraph("", "", nodes.Text("Announced in 2026 "))
    paragraph += nodes.footnote_reference("[1]_", "1")
    paragraph += nodes.Text(".\n  Second   line.")
    code = nodes.literal_block("", "def f():\n    return 1\n")
    answer = nodes.container("", paragraph, nodes.comment("", "hidden"), code)
    assert plain_text(answer) == "Announced in 2026. Second line.\ndef f():\n    return 1"


def test_faq_page_leaves_out_empty_answers():
    asked = nodes.paragraph("", "Asked?")
    assert faq_page([(asked, nodes.container())]) is None
    data = faq_page([(asked, nodes.container("", nodes.paragraph("", "Yes.")))])
    assert data == {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Asked?",
                "acceptedAnswer": {"@type": "Answer", "text": "Yes."},
            }
        ],
    }


# -- built pages -------------------------------------------------------------------


@pytest.fixture
def faq_app(build):
    return build("faq")


def test_one_faqpage_with_every_question_of_the_page(faq_app):
    assert warnings_of(faq_app) == []
    data = page_jsonld(faq_app)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    pairs = page_questions_and_answers(soup_of(faq_app))
    assert len(pairs) == 7, "three faq blocks merge into one FAQPage"
    assert len(data["mainEntity"]) == len(pairs)
    for entity, (question, answer) in zip(data["mainEntity"], pairs, strict=True):
        assert entity["@type"] == "Question"
        assert entity["name"] == question
        assert entity["acceptedAnswer"]["@type"] == "Answer"
        assert without_spaces(entity["acceptedAnswer"]["text"]) == without_spaces(answer)
    first = data["mainEntity"][0]
    assert first["name"] == "When did Karpathy join Anthropic?"
    assert first["acceptedAnswer"]["text"] == "He announced it on May 19, 2026."
    role = data["mainEntity"][1]["acceptedAnswer"]["text"]
    assert role.splitlines() == [
        "Any body elements:",
        "a list item with code",
        "a link",
        'print("pre-training")',
        "A directive inside an answer.",
    ]


def test_hostile_questions_and_answers_stay_data(faq_app):
    html = (faq_app.outdir / "hostile.html").read_text(encoding="utf-8")
    soup = soup_of(faq_app, "hostile")
    [script] = jsonld_scripts(soup)
    raw = script.string
    # The parser ends the script where the build meant it to end.
    assert raw.startswith("{") and raw.endswith("}")
    assert "<" not in raw and "\u2028" not in raw and "\u2029" not in raw
    assert html.count('<script type="application/ld+json">') == 1
    data = json.loads(raw)
    pairs = page_questions_and_answers(soup)
    names = [entity["name"] for entity in data["mainEntity"]]
    assert names == [question for question, _ in pairs]
    assert names[0] == "Does </script><script>alert(1)</script> end the script?"
    assert "\\backslashes & ampersands?" in names[1]
    assert names[2] == "Line\u2028separators?"
    assert names[3] == "Emoji \U0001f600 and right-to-left \u05e9\u05dc\u05d5\u05dd?"
    texts = [entity["acceptedAnswer"]["text"] for entity in data["mainEntity"]]
    assert texts[0] == "No: </script> and <!-- and --> stay inside the JSON."
    assert texts[1] == "\"double\", 'single', \\\\ and &amp; are data."
    assert texts[2] == "Before\u2028after, and a paragraph\u2029separator."
    assert texts[3] == "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 and \U0001f389."
    # Nothing the author wrote became markup: one script on the page, no alert.
    assert len(soup.find_all("script", string=re.compile("alert"))) == 1


def test_pages_without_faq_have_no_jsonld(faq_app):
    assert jsonld_scripts(soup_of(faq_app, "plain")) == []
    assert jsonld_scripts(soup_of(faq_app, "other")) == []


def test_config_turns_jsonld_off(build):
    app = build("faq", confoverrides={"explainer_faq_jsonld": False})
    assert jsonld_scripts(soup_of(app)) == []
    assert len(soup_of(app).select("details.explainer-faq-item")) == 7


def test_empty_answers_stay_out_of_jsonld(build):
    data = page_jsonld(build("faq-warnings"))
    names = [entity["name"] for entity in data["mainEntity"]]
    assert "A question without an answer?" not in names
    assert names == [
        "A proper question?",
        "A question outside any FAQ?",
        "First named?",
        "Second named?",
    ]


def test_singlehtml_has_one_faqpage_for_the_whole_book(build):
    app = build("faq", "singlehtml")
    soup = soup_of(app)
    [script] = jsonld_scripts(soup)
    assert len(json.loads(script.string)["mainEntity"]) == 11


def test_epub_has_no_jsonld(build):
    app = build("faq", "epub", confoverrides={"epub_copyright": "2026, Test"})
    for path in app.outdir.rglob("*.xhtml"):
        assert "application/ld+json" not in path.read_text(encoding="utf-8")


def test_myst_page_has_its_faqpage(build):
    data = page_jsonld(build("faq-myst"))
    assert [entity["name"] for entity in data["mainEntity"]] == [
        "Does the backtick fence work?",
        "And a second backtick item?",
        "Does the colon fence work?",
        "What about code in an answer?",
    ]
    assert data["mainEntity"][3]["acceptedAnswer"]["text"] == 'print("hello")'
