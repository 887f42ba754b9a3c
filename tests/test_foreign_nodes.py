"""Another extension's ``faq`` node lives beside ours: no node, directive or visitor is replaced.

Sphinx keys visitors by node class name; ours are all ``explainer_*`` and
registered without ``override=True``, so the ``faq`` node, directive and
visitors of ``roots/test-foreign-faq/other_faq.py`` keep working, loaded
before or after the extension, and Sphinx has nothing to warn about.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import soup_of, text_of, warnings_of

EXTENSION_ORDERS = {
    "other-first": ["other_faq", "sphinx_explainer"],
    "explainer-first": ["sphinx_explainer", "other_faq"],
}


@pytest.fixture(params=list(EXTENSION_ORDERS))
def extensions(request) -> list[str]:
    return EXTENSION_ORDERS[request.param]


def test_both_faqs_render_in_html(build, extensions):
    app = build("foreign-faq", confoverrides={"extensions": extensions})
    assert warnings_of(app) == []
    soup = soup_of(app)
    theirs = soup.select("section.other-faq")
    assert [text_of(tag) for tag in theirs] == ["A question list of the other extension."]
    ours = soup.select(".explainer-faq details.explainer-faq-item")
    assert [text_of(item.summary) for item in ours] == ["Does ours still work?"]
    assert "Yes, beside the other one." in text_of(ours[0])


def test_both_faqs_render_in_text(build, extensions):
    app = build("foreign-faq", "text", confoverrides={"extensions": extensions})
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "OTHER FAQ" in text
    assert "Does ours still work?" in text
    assert "Yes, beside the other one." in text
