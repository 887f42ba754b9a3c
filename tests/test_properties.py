"""Property-based tests: whatever text authors write reaches the page intact and escaped."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import warnings_of

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: Text that looks like markup, scripts or JSON, which must stay text.
HOSTILE = [
    "<script>alert(1)</script>",
    "</section><p>injected</p>",
    '"><img src=x onerror=alert(1)>',
    "<!-- comment -->",
    '{"@type": "FAQPage"}',
    "&amp; &lt; &#x3C;",
    "\N{RIGHT-TO-LEFT MARK}مرحبا بالعالم",
    "emoji \N{GRINNING FACE}\N{ZERO WIDTH JOINER}\N{ROCKET}",
    "a" * 300,
    "back\\slash and \\* escapes",
]

words = st.text(
    alphabet=st.characters(whitelist_categories=("L", "M", "N", "P", "S"), max_codepoint=0x1FAFF),
    min_size=1,
    max_size=40,
)
phrases = st.one_of(
    st.lists(words, min_size=1, max_size=12).map(" ".join),
    st.sampled_from(HOSTILE),
)


def rst_literal(text: str) -> str:
    """``text`` as reST that parses to exactly that text (punctuation escaped)."""
    return "".join(f"\\{c}" if c in string.punctuation else c for c in text)


def collapsed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def app(make_app, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_explainer"]\nproject = "Properties"\nsmartquotes = False\n'
    )
    (src / "index.rst").write_text("Start\n=====\n")
    return make_app("html", srcdir=src)


def build_page(app, source: str) -> BeautifulSoup:
    (Path(app.srcdir) / "index.rst").write_text(source, encoding="utf-8")
    app._warning.truncate(0)
    app._warning.seek(0)
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html5lib")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(summary=st.lists(phrases, min_size=1, max_size=3), objectives=st.lists(phrases, min_size=1, max_size=4))
def test_any_text_reaches_the_page_escaped(app, summary, objectives):
    body = "\n\n".join(f"   {rst_literal(p)}" for p in summary)
    items = "\n".join(f"   * {rst_literal(o)}" for o in objectives)
    soup = build_page(
        app,
        f"Page\n====\n\n.. tldr::\n\n{body}\n\n.. what-you-will-learn::\n\n{items}\n",
    )
    assert [w for w in warnings_of(app) if "explainer" in w] == []
    tldr = soup.select_one("section.explainer-tldr")
    paragraphs = [collapsed(p.get_text()) for p in tldr.find_all("p", recursive=False)[1:]]
    assert paragraphs == [collapsed(p) for p in summary]
    learn = soup.select_one("section.explainer-learn")
    assert [collapsed(li.get_text()) for li in learn.select("ul > li")] == [collapsed(o) for o in objectives]
    # Author text never becomes markup: the page has only the elements Sphinx writes.
    assert soup.find("img") is None
    assert not any("alert" in script.get_text() for script in soup.find_all("script"))
    assert all(not name.startswith("on") for tag in soup.find_all(True) for name in tag.attrs)
    (description,) = [m["content"] for m in soup.find_all("meta", attrs={"name": "description"})]
    full = " ".join(collapsed(p) for p in summary)
    assert description == full or (description.endswith("…") and full.startswith(description[:-1]))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(faqs=st.lists(st.tuples(phrases, phrases), min_size=1, max_size=4))
def test_any_question_and_answer_reach_page_and_json_ld(app, faqs):
    items = "".join(
        f"   .. faq-item:: {rst_literal(question)}\n\n      {rst_literal(answer)}\n\n" for question, answer in faqs
    )
    soup = build_page(app, f"Page\n====\n\n.. faq::\n\n{items}")
    assert [w for w in warnings_of(app) if "explainer" in w] == []
    details = soup.select("details.explainer-faq-item")
    assert [collapsed(d.select_one("summary").get_text()) for d in details] == [collapsed(q) for q, _ in faqs]
    for permalink in soup.select(".explainer-faq-permalink"):
        permalink.decompose()
    answers = [collapsed(d.select_one(".explainer-faq-answer").get_text()) for d in details]
    assert answers == [collapsed(a) for _, a in faqs]
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "FAQPage"
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        (collapsed(q), collapsed(a)) for q, a in faqs
    ]
    assert soup.find("img") is None
    assert not any("alert" in s.get_text() for s in soup.find_all("script") if s is not script)
