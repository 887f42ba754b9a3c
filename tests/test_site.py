"""The site features: article lists, FAQ hub, tag pages, Atom feed, llms.txt, Article metadata.

``roots/test-site`` has three articles (two reST, one MyST), a home page with
``explainers``, a FAQ hub with ``faq-index``, a page with a limited, tagged
list and a MyST page with both directives.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import soup_of, text_of, warnings_of

ROOT = "site"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(build):
    return build(ROOT)


def card_titles(soup, selector: str = ".explainer-list") -> list[str]:
    listing = soup.select_one(selector)
    return [
        text_of(card.select_one(".explainer-card-title"))
        for card in listing.select("article.explainer-card")
    ]


def test_site_builds_without_warnings(site):
    assert warnings_of(site) == []


def test_explainers_lists_every_article_newest_first_as_cards(site):
    soup = soup_of(site, "index")
    assert card_titles(soup) == [
        "How labs hire researchers",
        "What pre-training is",
        "Compute budgets",
    ]
    first = soup.select_one("article.explainer-card")
    assert first.select_one(".explainer-card-title a")["href"] == "articles/hiring.html"
    assert first.select_one("time")["datetime"] == "2026-05-21"
    assert text_of(first.select_one("time")) == "May 21, 2026"
    assert text_of(first.select_one(".explainer-card-reading-time")) == "1 min read"
    assert text_of(first.select_one(".explainer-card-author")) == "Bo Writer"
    assert (
        text_of(first.select_one(".explainer-card-summary"))
        == "Labs compete for a few researchers."
    )


def test_an_article_without_tldr_gets_a_card_without_summary(site):
    cards = soup_of(site, "index").select("article.explainer-card")
    assert cards[-1].select_one(".explainer-card-summary") is None
    assert cards[-1].select_one(".explainer-card-author") is None


def test_limit_tags_and_class_select_and_mark_the_list(site):
    soup = soup_of(site, "latest")
    # "Training" and "training" are one tag.
    assert card_titles(soup) == ["What pre-training is", "Compute budgets"]
    assert "compact" in soup.select_one(".explainer-list")["class"]


def test_myst_directives_select_by_tag(site):
    soup = soup_of(site, "mystlists")
    assert card_titles(soup) == ["How labs hire researchers"]
    groups = soup.select(".explainer-faq-index-group")
    assert [text_of(g.select_one(".explainer-faq-index-page")) for g in groups] == [
        "What pre-training is"
    ]


def test_faq_index_groups_questions_by_page_in_toctree_order(site):
    soup = soup_of(site, "faq")
    index = soup.select_one(".explainer-faq-index")
    groups = index.select(".explainer-faq-index-group")
    assert [text_of(g.select_one(".explainer-faq-index-page")) for g in groups] == [
        "What pre-training is",
        "How labs hire researchers",
    ]
    links = [(text_of(a), a["href"]) for a in groups[0].select(".explainer-faq-index-questions a")]
    assert links == [
        ("What data is used?", "articles/pretraining.html#what-data-is-used"),
        ("How long does it take?", "articles/pretraining.html#faq-duration"),
    ]
    # Each link leads to the anchor of its question on the page.
    article = soup_of(site, "articles/pretraining")
    assert article.select_one("#faq-duration") is not None
    assert article.select_one("#what-data-is-used") is not None


def pages_found_by(app, word: str) -> set[str]:
    """The pages whose text holds ``word`` (stemmed) in the HTML search index."""
    script = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    entries = index["terms"].get(word, [])
    return {index["docnames"][i] for i in ([entries] if isinstance(entries, int) else entries)}


def test_lists_stay_out_of_the_search_index(site):
    """A search finds the article, not the lists that repeat its TL;DR and questions."""
    in_card = pages_found_by(site, "predict")  # the pre-training article's TL;DR
    in_question = pages_found_by(site, "data")  # one of its questions
    assert in_card == {"articles/pretraining"}
    assert "articles/pretraining" in in_question
    assert not in_question & {"index", "faq", "latest", "mystlists"}
    # The lists are on their pages all the same.
    assert "predict" in text_of(soup_of(site, "index").select_one(".explainer-list"))
    assert "What data is used?" in text_of(soup_of(site, "faq").select_one(".explainer-faq-index"))


def test_tag_pages_list_their_articles_and_the_index_counts_them(site):
    tag = soup_of(site, "tags/training")
    assert text_of(tag.select_one("h1")).startswith("Tag: training")
    assert card_titles(tag) == ["What pre-training is", "Compute budgets"]
    assert tag.select_one(".explainer-card-title a")["href"] == "../articles/pretraining.html"
    index = soup_of(site, "tags/index")
    entries = [text_of(li) for li in index.select(".explainer-tag-index li")]
    assert entries == ["hiring (1)", "models (1)", "people (1)", "training (2)"]
    assert index.select_one(".explainer-tag-index a")["href"] == "hiring.html"


def test_tag_pages_are_off_by_default(build):
    app = build(ROOT, confoverrides={"explainer_tag_pages": False})
    assert not (Path(app.outdir) / "tags").exists()


@pytest.mark.parametrize("theme", ["sphinx_explainer", "furo", "pydata_sphinx_theme", "shibuya"])
def test_tag_pages_and_feed_link_work_in_any_theme(build, theme):
    app = build(ROOT, confoverrides={"html_theme": theme})
    assert warnings_of(app) == []
    assert card_titles(soup_of(app, "tags/training")) == ["What pre-training is", "Compute budgets"]
    for page in ("index", "articles/hiring", "genindex", "search", "tags/index"):
        links = soup_of(app, page).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in links] == ["https://example.org/site/feed.xml"], page


def test_feed_is_valid_atom_newest_first(site):
    feed = ET.parse(Path(site.outdir) / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.findtext(f"{ATOM}updated") == "2026-05-25T00:00:00Z"
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "https://example.org/site/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "How labs hire researchers",
        "What pre-training is",
        "Compute budgets",
    ]
    for entry in entries:
        for required in ("id", "title", "updated", "published"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://")
    hiring = entries[0]
    assert hiring.findtext(f"{ATOM}id") == "https://example.org/site/articles/hiring.html"
    assert hiring.findtext(f"{ATOM}published") == "2026-05-21T00:00:00Z"
    assert hiring.findtext(f"{ATOM}updated") == "2026-05-25T00:00:00Z"
    assert hiring.findtext(f"{ATOM}author/{ATOM}name") == "Bo Writer"
    assert hiring.findtext(f"{ATOM}summary") == "Labs compete for a few researchers."
    assert [c.get("term") for c in hiring.findall(f"{ATOM}category")] == ["hiring", "people"]


def test_feed_limit_keeps_the_newest(build):
    app = build(ROOT, confoverrides={"explainer_feed_limit": 1})
    entries = ET.parse(Path(app.outdir) / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["How labs hire researchers"]


def test_without_baseurl_no_feed_and_one_message(build):
    app = build(ROOT, confoverrides={"html_baseurl": ""})
    assert not (Path(app.outdir) / "feed.xml").exists()
    messages = [line for line in app._status.getvalue().splitlines() if "html_baseurl" in line]
    assert len(messages) == 1
    assert "Set html_baseurl" in messages[0]
    assert soup_of(app, "index").select('link[type="application/atom+xml"]') == []


def test_the_feed_message_comes_only_with_articles(build):
    app = build("site-warnings", confoverrides={"html_baseurl": ""})
    assert "html_baseurl" in app._status.getvalue()
    app = build("blocks")
    assert "html_baseurl" not in app._status.getvalue()


def test_feed_can_be_turned_off(build):
    app = build(ROOT, confoverrides={"explainer_feed": False})
    assert not (Path(app.outdir) / "feed.xml").exists()
    assert soup_of(app, "index").select('link[type="application/atom+xml"]') == []


LLMS_TXT = """\
# Site

> A site of short explainers about training models.

## [How labs hire researchers](https://example.org/site/articles/hiring.html)

Labs compete for a few researchers.

### Frequently Asked Questions

**Who moves between labs?**

Senior researchers.

## [What pre-training is](https://example.org/site/articles/pretraining.html)

Pre-training teaches a model to predict text.

### What You'll Learn

- What a model learns first
- Why it costs so much

### Frequently Asked Questions

**What data is used?**

Text from the web.

**How long does it take?**

Months.

## [Compute budgets](https://example.org/site/articles/compute.html)
"""


def test_llms_txt_follows_the_proposal(site):
    assert (Path(site.outdir) / "llms.txt").read_text(encoding="utf-8") == LLMS_TXT


def test_llms_txt_is_off_by_default(build):
    app = build(ROOT, confoverrides={"explainer_llms_txt": False})
    assert not (Path(app.outdir) / "llms.txt").exists()


def jsonld_of(soup) -> dict[str, dict]:
    scripts = soup.select('script[type="application/ld+json"]')
    data = [json.loads(script.string) for script in scripts]
    return {item["@type"]: item for item in data}


def test_article_pages_carry_article_jsonld_beside_the_faq(site):
    soup = soup_of(site, "articles/hiring")
    data = jsonld_of(soup)
    assert set(data) == {"Article", "FAQPage"}
    assert data["Article"] == {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "How labs hire researchers",
        "datePublished": "2026-05-21",
        "dateModified": "2026-05-25",
        "author": {"@type": "Person", "name": "Bo Writer"},
        "description": "Labs compete for a few researchers.",
        "url": "https://example.org/site/articles/hiring.html",
    }
    assert [m["content"] for m in soup.select('meta[property="og:type"]')] == ["article"]
    assert soup.select_one('meta[property="article:published_time"]')["content"] == "2026-05-21"


def test_pages_that_are_not_articles_get_no_article_metadata(site):
    soup = soup_of(site, "faq")
    assert "Article" not in jsonld_of(soup)
    assert soup.select('meta[property="og:type"]') == []


def test_article_metadata_can_be_turned_off(build):
    app = build(ROOT, confoverrides={"explainer_article_jsonld": False})
    soup = soup_of(app, "articles/hiring")
    assert set(jsonld_of(soup)) == {"FAQPage"}
    assert soup.select('meta[property="article:published_time"]') == []


def test_with_opengraph_og_type_is_article_once(build):
    app = build(
        ROOT,
        confoverrides={
            "extensions": ["sphinx_explainer", "myst_parser", "sphinxext.opengraph"],
            "ogp_site_url": "https://example.org/site/",
        },
    )
    assert warnings_of(app) == []
    article = soup_of(app, "articles/hiring")
    assert [m["content"] for m in article.select('meta[property="og:type"]')] == ["article"]
    other = soup_of(app, "faq")
    assert [m["content"] for m in other.select('meta[property="og:type"]')] == ["website"]


def test_article_jsonld_is_script_safe(build, copy_root):
    src = copy_root(ROOT)
    path = src / "articles" / "compute.rst"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "Compute budgets\n===============", "Compute </script> & <b>more\n" + "=" * 30
        ),
        encoding="utf-8",
    )
    app = build(ROOT, srcdir=src)
    raw = (Path(app.outdir) / "articles" / "compute.html").read_text(encoding="utf-8")
    assert "</script> &" not in raw
    data = jsonld_of(soup_of(app, "articles/compute"))
    assert data["Article"]["headline"] == "Compute </script> & <b>more"


def test_other_builders_write_the_lists_as_text(build):
    app = build(ROOT, "text")
    assert warnings_of(app) == []
    index = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert (
        "* How labs hire researchers\n\n  May 21, 2026 · 1 min read · Bo Writer\n\n  Labs compete"
        in index
    )
    faq = (Path(app.outdir) / "faq.txt").read_text(encoding="utf-8")
    assert "What pre-training is" in faq
    assert "* How long does it take?" in faq
    for name in ("feed.xml", "llms.txt", "tags"):
        assert not (Path(app.outdir) / name).exists()


@pytest.mark.parametrize(
    "buildername", ["latex", "man", "texinfo", "singlehtml", "epub", "gettext", "dirhtml"]
)
def test_every_builder_builds_the_site_without_warnings(build, buildername):
    app = build(ROOT, buildername)
    assert warnings_of(app) == []


def test_dirhtml_writes_tag_pages_as_directories(build):
    app = build(ROOT, "dirhtml")
    outdir = Path(app.outdir)
    assert (outdir / "tags" / "training" / "index.html").is_file()
    entries = ET.parse(outdir / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}id") == "https://example.org/site/articles/hiring/"


# -- bad input -----------------------------------------------------------------------


def test_bad_input_warns_with_file_and_line(build):
    app = build("site-warnings")
    # Sphinx's own warning about the untitled page in the toctree aside.
    warnings = [w for w in warnings_of(app) if "toctree contains" not in w]
    expected = [
        ("index.rst:4:", "':limit:'", "'0' was ignored"),
        ("index.rst:7:", "':limit:'", "'x' was ignored"),
        ("index.rst:10:", "'nosuchtag'", "tags in use: good"),
        ("index.rst:19:", "':limit:'", "'-1' was ignored"),
        ("spring.rst:1:", "'Spring 2026' is not an ISO date", "YYYY-MM-DD"),
        ("spring.rst:2:", "'someday' is not an ISO date", "YYYY-MM-DD"),
        ("untitled.rst:1:", "has a ':date:' but no title", "Give it a title"),
    ]
    for where, what, advice in expected:
        matching = [w for w in warnings if where in w and what in w and advice in w]
        assert len(matching) == 1, (where, what, warnings)
    assert len(warnings) == len(expected)


def test_bad_input_has_sensible_defaults(build):
    app = build("site-warnings")
    soup = soup_of(app, "index")
    lists = [
        [text_of(card.select_one(".explainer-card-title")) for card in listing.select("article")]
        for listing in soup.select("div.explainer-list")
    ]
    # :limit: 0, x and -1 list every article; the untitled one under its file name;
    # the unknown tag is left out, the known one kept.
    every = ["Plain article", "untitled", "Spring article"]
    assert lists == [every, every, ["untitled"], every]
    spring = soup.select("article.explainer-card")[2]
    assert spring.select_one("time") is None
    assert text_of(spring.select_one(".explainer-card-date")) == "Spring 2026"
