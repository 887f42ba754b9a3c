"""Both blocks from MyST Markdown, with backtick and colon fences."""

from __future__ import annotations

from helpers import soup_of, text_of, warnings_of


def test_myst_backtick_and_colon_fences(build):
    app = build("myst")
    assert warnings_of(app) == []
    soup = soup_of(app)
    tldrs = soup.select("section.explainer-tldr")
    learns = soup.select("section.explainer-learn")
    assert [text_of(soup.find(id=t["aria-labelledby"])) for t in tldrs] == ["TL;DR", "Colon summary"]
    assert " ".join(tldrs[0].find_all("p")[1].get_text().split()) == "A backtick-fenced summary."
    assert tldrs[0].find("em").get_text() == "summary"
    assert tldrs[1]["id"] == "tldr-colon"
    assert [text_of(li) for li in learns[0].select("ul > li")] == [
        "First backtick objective",
        "Second backtick objective",
    ]
    assert "from-backticks" in learns[0]["class"]
    assert learns[0]["id"] == "learn-backticks"
    assert [text_of(li) for li in learns[1].select("ul > li")] == ["Colon objective"]
    links = {text_of(a): a["href"] for a in soup.select("a.reference.internal")}
    assert links == {"Backtick objectives": "#learn-backticks", "Colon summary": "#tldr-colon"}
