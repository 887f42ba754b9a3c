"""``tldr`` and ``what-you-will-learn`` in HTML: structure, titles, options, references."""

from __future__ import annotations

import pytest
from helpers import soup_of, text_of, warnings_of


@pytest.fixture
def blocks(build):
    return build("blocks")


def labelled_by(soup, block):
    """The element that names a block for assistive technology."""
    return soup.find(id=block["aria-labelledby"])


def test_build_is_warning_free(blocks):
    assert warnings_of(blocks) == []


def test_tldr_is_a_labelled_region_with_default_title(blocks):
    soup = soup_of(blocks)
    first = soup.select(".explainer-tldr")[0]
    assert first.name == "section"
    label = labelled_by(soup, first)
    assert label is not None and label.parent is first
    assert text_of(label) == "TL;DR"
    paragraphs = [text_of(p) for p in first.find_all("p", recursive=False)][1:]
    assert paragraphs == [
        "The TL;DR paragraph says everything in brief [ 1 ] .",
        "A second paragraph of the summary.",
    ]
    assert first.find("em").get_text() == "everything"


def test_learn_keeps_its_list(blocks):
    soup = soup_of(blocks)
    learn = soup.select(".explainer-learn")[0]
    assert learn.name == "section"
    assert text_of(labelled_by(soup, learn)) == "What You’ll Learn"  # smartquotes apply
    items = learn.select("ul > li")
    assert [text_of(li) for li in items] == [
        "The first objective, with code",
        "The second objective, with a link",
    ]
    assert items[1].find("a")["href"] == "https://example.org/"


def test_title_argument_class_and_name(blocks):
    soup = soup_of(blocks)
    custom = soup.find(id="tldr-custom")
    assert custom is not None
    assert {"explainer-tldr", "custom-class", "another"} <= set(custom["class"])
    assert text_of(labelled_by(soup, custom)) == "Short version"
    learn = soup.find(id="learn-custom")
    title = labelled_by(soup, learn)
    assert text_of(title) == "Objectives for this page"
    assert title.find("em").get_text() == "this"


def test_ref_to_a_named_block_shows_its_title(blocks):
    soup = soup_of(blocks)
    links = {text_of(a): a["href"] for a in soup.select("a.reference.internal")}
    assert links["Short version"] == "#tldr-custom"
    assert links["Objectives for this page"] == "#learn-custom"
    other = soup_of(blocks, "other")
    assert [a["href"] for a in other.select("a.reference.internal") if text_of(a) == "Short version"] == [
        "index.html#tldr-custom"
    ]


def test_title_ids_are_unique(blocks):
    soup = soup_of(blocks)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_stylesheet_is_linked(blocks):
    soup = soup_of(blocks)
    hrefs = [link["href"].split("?")[0] for link in soup.find_all("link", rel="stylesheet")]
    assert "_static/sphinx-explainer.css" in hrefs
    assert (blocks.outdir / "_static" / "sphinx-explainer.css").is_file()


def test_warnings_name_file_line_and_fix(build):
    app = build("warnings")
    lines = warnings_of(app)
    src = "index.rst"
    expected = {
        4: "The 'tldr' directive is empty",
        6: "The 'what-you-will-learn' directive is empty",
        8: "expects one bullet list, but its content holds: paragraph",
        12: "holds: bullet_list, paragraph",
        18: "holds: enumerated_list",
    }
    for line, fragment in expected.items():
        matching = [w for w in lines if f"{src}:{line}:" in w and fragment in w]
        assert matching, f"no warning at line {line} containing {fragment!r} in {lines}"
    assert all("[explainer." in w for w in lines)
    assert len(lines) == len(expected)
    assert all("Write" in w for w in lines), "every warning says what to write instead"


def test_content_of_a_warned_block_is_still_rendered(build):
    soup = soup_of(build("warnings"))
    text = text_of(soup.find(class_="body") or soup.body)
    for words in ("A paragraph instead of a list.", "And a paragraph after it.", "An enumerated list"):
        assert words in text


def test_empty_blocks_render_nothing(build):
    soup = soup_of(build("warnings"))
    assert soup.select(".explainer-tldr") == []
    assert len(soup.select(".explainer-learn")) == 3


def test_theme_alone_loads_the_extension(build):
    app = build("theme")
    assert warnings_of(app) == []
    soup = soup_of(app)
    assert len(soup.select("section.explainer-tldr")) == 2
    assert len(soup.select("section.explainer-learn")) == 2


def test_theme_and_extension_together(build):
    app = build("theme", confoverrides={"extensions": ["sphinx_explainer"]})
    assert warnings_of(app) == []
    assert len(soup_of(app).select("section.explainer-tldr")) == 2


def test_german_titles(build):
    app = build("blocks", confoverrides={"language": "de"})
    soup = soup_of(app)
    titles = [text_of(t) for t in soup.select(".explainer-title")]
    assert titles[:2] == ["Das Wichtigste in Kürze", "Was Sie lernen werden"]
    assert "Short version" in titles, "an author's title is never translated by the extension"


@pytest.mark.parametrize(
    ("language", "tldr", "learn"),
    [
        ("fr", "En bref", "Ce que vous allez apprendre"),
        ("es", "En resumen", "Lo que aprenderás"),
        ("ja", "要約", "この記事で学べること"),
        ("zh_CN", "太长不看", "你将学到什么"),
    ],
)
def test_shipped_translations(build, language, tldr, learn):
    soup = soup_of(build("blocks", confoverrides={"language": language}))
    assert [text_of(t) for t in soup.select(".explainer-title")][:2] == [tldr, learn]
