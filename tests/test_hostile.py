"""Hostile input, round two: each case once gave wrong output with a clean ``-W`` build.

Each test builds a minimal project written into a temporary directory (the
cases need little text and many different ``conf.py`` files) and checks what
must happen instead. docs/guarantees.rst lists the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import BIB, messages_of, warnings_of

BASE_CONF = 'project = "Hostile"\nshow_warning_types = True\nextensions = ["sphinx_explainer"{extra}]\n'


def write_project(root: Path, files: dict[str, str], extensions: tuple[str, ...] = (), conf: str = "") -> Path:
    """Write ``conf.py`` and the pages of a project under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    extra = "".join(f", {name!r}" for name in extensions)
    (root / "conf.py").write_text(BASE_CONF.format(extra=extra) + conf, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def project(make_app, tmp_path):
    """Build a project given as ``{file: text}``; return the application."""

    def run(files, buildername="html", extensions=(), conf="", name="src", **kwargs):
        src = write_project(tmp_path / name, files, extensions, conf)
        app = make_app(buildername, srcdir=src, **kwargs)
        app.build()
        app.cleanup()
        return app

    return run


def soup(app, page="index") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8"), "html5lib")


def metas(page: BeautifulSoup, **attrs) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs=attrs)]


def dangling_fragments(app, pages: list[str]) -> list[str]:
    """Every ``page.html#x`` link among ``pages`` whose page has no ``id="x"``."""
    parsed = {page: soup(app, page) for page in pages}
    ids = {page: {tag["id"] for tag in parsed[page].find_all(id=True)} for page in pages}
    missing = []
    for page, tree in parsed.items():
        for link in tree.find_all("a", href=True):
            target, _, fragment = link["href"].partition("#")
            target = target.removesuffix(".html") or page
            if fragment and target in ids and fragment not in ids[target]:
                missing.append(f"{page}: {link['href']}")
    return missing


# -- 1. back links to references that only:: or ifconfig:: removed ------------------

CITING_UNDER_CONDITIONS = {
    "index.rst": (
        "Index\n=====\n\nCited [CIT]_ in text.\n\n.. only:: latex\n\n   Cited [CIT]_ for LaTeX.\n\n"
        ".. ifconfig:: show_more\n\n   Cited [CIT]_ when showing more.\n\n"
        ".. only:: html\n\n   Cited [CIT]_ for HTML.\n\n.. toctree::\n\n   refs\n"
    ),
    "refs.rst": "Refs\n====\n\n.. [CIT] The cited work.\n",
}


def test_no_back_link_to_a_reference_that_only_or_ifconfig_removed(project):
    app = project(
        CITING_UNDER_CONDITIONS,
        extensions=("sphinx.ext.ifconfig",),
        conf="show_more = False\ndef setup(app):\n    app.add_config_value('show_more', False, 'env')\n",
    )
    assert warnings_of(app) == []
    backlinks = soup(app, "refs").select("a.explainer-backlink")
    assert len(backlinks) == 2, "the text and the html-only place; not latex, not ifconfig"
    assert dangling_fragments(app, ["index", "refs"]) == []


def test_only_places_follow_the_builder(project):
    app = project(CITING_UNDER_CONDITIONS, "dirhtml", extensions=("sphinx.ext.ifconfig",),
                  conf="show_more = True\ndef setup(app):\n    app.add_config_value('show_more', True, 'env')\n")
    refs = BeautifulSoup((Path(app.outdir) / "refs" / "index.html").read_text(encoding="utf-8"), "html5lib")
    assert len(refs.select("a.explainer-backlink")) == 3, "text, ifconfig (true), html-only"


# -- 2. a CJK TL;DR keeps its description ----------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Sphinx の" + "拡張機能は記事の要約を作ります。" * 14, "x " + "a" * 260],
    ids=["japanese", "short-word-then-long-run"],
)
def test_description_of_text_with_few_spaces_is_cut_at_the_limit(project, text):
    app = project({"index.rst": f"Page\n====\n\n.. tldr::\n\n   {text}\n"}, conf='language = "ja"\n')
    (description,) = metas(soup(app), name="description")
    assert description.endswith("…")
    assert len(description) >= 150, description
    assert text.startswith(description[:-1])


# -- 3. the page's own social description -----------------------------------------

TLDR_PAGE = "{fields}Page\n====\n\n{meta}.. tldr::\n\n   The summary.\n\nBody.\n"
OGP = ("sphinxext.opengraph",)
OGP_CONF = 'ogp_site_url = "https://example.org/"\n'


def test_page_field_og_description_wins_over_the_tldr(project):
    page = TLDR_PAGE.format(fields=":og:description: The author's own.\n\n", meta="")
    app = project({"index.rst": page}, extensions=OGP, conf=OGP_CONF)
    assert metas(soup(app), property="og:description") == ["The author’s own."]  # smartquotes
    assert metas(soup(app), name="description") == ["The summary."]


def test_meta_og_description_is_not_doubled(project):
    page = TLDR_PAGE.format(fields="", meta=".. meta::\n   :property=og\\:description: Mine\n\n")
    app = project({"index.rst": page})
    assert metas(soup(app), property="og:description") == ["Mine"]
    assert metas(soup(app), name="description") == ["The summary."]


@pytest.mark.parametrize("extensions", [(), OGP], ids=["alone", "opengraph"])
def test_own_meta_description_wins_for_both_tags(project, extensions):
    page = TLDR_PAGE.format(fields="", meta=".. meta::\n   :description: Mine.\n\n")
    app = project({"index.rst": page}, extensions=extensions, conf=OGP_CONF)
    assert warnings_of(app) == []
    assert metas(soup(app), name="description") == ["Mine."]
    assert metas(soup(app), property="og:description") == ["Mine."]


def test_block_titles_stay_out_of_opengraph_descriptions(project):
    page = "Page\n====\n\n.. meta::\n   :description: Mine.\n\n.. tldr::\n\n   The summary.\n\nBody.\n"
    app = project({"index.rst": page, "other.rst": page.replace(".. meta::\n   :description: Mine.\n\n", "")},
                  extensions=OGP, conf=OGP_CONF + 'exclude_patterns = ["_build"]\n')
    for name, expected in (("index", "Mine."), ("other", "The summary.")):
        tree = soup(app, name)
        assert metas(tree, property="og:description") == [expected]
        assert metas(tree, name="description") == [expected]


def test_block_titles_are_not_headings_to_opengraph(project):
    page = "Page\n====\n\n.. what-you-will-learn::\n\n   * An objective.\n\nBody.\n"
    app = project({"index.rst": page}, extensions=OGP, conf=OGP_CONF)
    (description,) = metas(soup(app), property="og:description")
    assert "Learn:" not in description and "An objective" in description


# -- 4. sphinxcontrib-bibtex --------------------------------------------------------

def test_bibtex_citations_keep_their_back_links(project):
    files = {
        "refs.bib": BIB,
        "index.rst": (
            "Index\n=====\n\nOnce :cite:p:`knuth`, twice :cite:p:`knuth`.\n\n"
            ".. bibliography::\n\n.. toctree::\n\n   other\n"
        ),
        "other.rst": "Other\n=====\n\nFrom elsewhere :cite:p:`knuth`.\n\n.. only:: latex\n\n   Not in HTML :cite:p:`knuth`.\n",
    }
    app = project(files, extensions=("sphinxcontrib.bibtex",), conf='bibtex_bibfiles = ["refs.bib"]\n')
    assert warnings_of(app) == []
    page = soup(app)
    (citation,) = page.select(".citation")
    links = citation.select("a.explainer-backlink")
    assert [link["href"].partition("#")[0] for link in links] == ["", "", "other.html"], citation
    assert dangling_fragments(app, ["index", "other"]) == []


def test_bibtex_back_links_follow_incremental_edits(make_app, tmp_path):
    files = {
        "refs.bib": BIB,
        "index.rst": "Index\n=====\n\nOnce :cite:p:`knuth`.\n\n.. bibliography::\n\n.. toctree::\n\n   other\n",
        "other.rst": "Other\n=====\n\nNothing cited.\n",
    }
    conf = 'bibtex_bibfiles = ["refs.bib"]\n'
    src = write_project(tmp_path / "incremental", files, ("sphinxcontrib.bibtex",), conf)
    make_app("html", srcdir=src).build()
    (src / "other.rst").write_text("Other\n=====\n\nNow cited :cite:p:`knuth`.\n", encoding="utf-8")
    incremental = make_app("html", srcdir=src)
    incremental.build()
    links = soup(incremental).select(".citation a.explainer-backlink")
    assert [link["href"].partition("#")[0] for link in links] == ["", "other.html"]


# -- 5. a reference by number to an auto-numbered footnote ---------------------------


def test_reference_by_number_to_an_auto_numbered_footnote_gets_a_back_link(project):
    page = "Page\n====\n\nAuto [#]_ and [#]_ and by number [2]_.\n\n.. [#] One.\n.. [#] Two.\n"
    app = project({"index.rst": page})
    assert warnings_of(app) == []
    tree = soup(app)
    two = tree.find_all(class_="footnote")[1]
    hrefs = [link["href"] for link in two.select("a.explainer-backlink")]
    references = [ref["id"] for ref in tree.select("a.footnote-reference") if ref.get_text().strip("[]") == "2"]
    assert hrefs == [f"#{ref}" for ref in references] and len(hrefs) == 2


# -- 6. :ref: targets of named blocks in LaTeX and texinfo -------------------------

NAMED_BLOCKS = (
    "Page\n====\n\n.. tldr::\n   :name: the-tldr\n\n   Summary.\n\n"
    ".. what-you-will-learn::\n   :name: the-goals\n\n   * Goal.\n\n"
    ".. faq::\n   :name: the-faq\n\n   .. faq-item:: Q?\n\n      A.\n\n"
    "See :ref:`the-tldr`, :ref:`the-goals` and :ref:`the-faq`.\n"
)


def test_named_blocks_have_latex_labels(project):
    app = project({"index.rst": NAMED_BLOCKS}, "latex")
    assert warnings_of(app) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    for name in ("the-tldr", "the-goals", "the-faq"):
        assert f"\\label{{\\detokenize{{index:{name}}}}}" in tex, name


def test_named_blocks_have_texinfo_anchors(project):
    app = project({"index.rst": NAMED_BLOCKS}, "texinfo")
    assert warnings_of(app) == []
    texi = next(Path(app.outdir).glob("*.texi")).read_text(encoding="utf-8")
    for name in ("the-tldr", "the-goals", "the-faq"):
        assert f"@anchor{{index {name}}}" in texi, name


# -- 7. only:: and ifconfig:: inside a faq --------------------------------------------


def test_only_and_ifconfig_may_hold_faq_items(project):
    page = (
        "Page\n====\n\n.. faq::\n\n   .. only:: html\n\n      .. faq-item:: Web?\n\n         Yes.\n\n"
        "   .. ifconfig:: True\n\n      .. faq-item:: Configured?\n\n         Yes.\n"
    )
    app = project({"index.rst": page}, extensions=("sphinx.ext.ifconfig",))
    assert warnings_of(app) == []
    assert len(soup(app).select("details.explainer-faq-item")) == 2


# -- 8. FAQ slugs yield to explicit labels and section ids ---------------------------


def test_faq_slugs_yield_to_labels_and_sections(project):
    page = (
        "Page\n====\n\n.. faq::\n\n   .. faq-item:: Install?{name}\n\n      Like this.\n\n"
        ".. _install:\n\nSetup\n-----\n\nText.\n\n.. _setup-2:\n\nInstall it\n----------\n\nMore.\n"
    )
    app = project({"index.rst": page.format(name="")})
    named = project({"index.rst": page.format(name="\n      :name: named")}, name="named")
    assert warnings_of(app) == []
    tree = soup(app)
    assert tree.find(id="install").find_parent("section").h2.get_text().startswith("Setup")
    sections = [section.get("id") for section in tree.find_all("section")]
    assert sections == [section.get("id") for section in soup(named).find_all("section")]
    anchor = tree.select_one(".explainer-faq-anchor")["id"]
    assert anchor == "install-2", "the question yields to the label"


# -- 9. option mistakes keep the block -------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        ".. tldr::\n   :class:\n\n   Kept summary.\n",
        ".. faq::\n\n   .. faq-item:: Kept?\n      :class:\n\n      Kept summary.\n",
        ".. faq::\n   :open:\n   :open:\n\n   .. faq-item:: Kept?\n\n      Kept summary.\n",
    ],
    ids=["tldr-class-without-value", "faq-item-class-without-value", "faq-open-twice"],
)
def test_option_mistakes_keep_the_content(project, source):
    app = project({"index.rst": "Page\n====\n\n" + source})
    warnings = messages_of(app)
    assert len(warnings) == 1 and "index.rst:" in warnings[0], warnings
    assert "Kept summary." in soup(app).get_text()


def only_message(app, location: str, option: str) -> str:
    """docutils' error for a repeated option: the build's one message."""
    (message,) = messages_of(app)
    assert f"{location}: ERROR" in message and f'duplicate option "{option}"' in message, message
    return message


#: id: (the source after the page title, the directive's line, the repeated
#: option, the block that must hold the content with the option's last value).
REPEATED_OPTIONS = {
    "tldr-class": (".. tldr::\n   :class: first\n   :class: kept\n\n   Kept summary.\n", 4, "class", ".explainer-tldr.kept"),
    "learn-class": (
        ".. what-you-will-learn::\n   :class: first\n   :class: kept\n\n   * Kept summary.\n",
        4,
        "class",
        ".explainer-learn.kept",
    ),
    "faq-open": (
        ".. faq::\n   :open:\n   :open:\n\n   .. faq-item:: Kept?\n\n      Kept summary.\n",
        4,
        "open",
        "details.explainer-faq-item[open]",
    ),
    "faq-item-open": (
        ".. faq::\n\n   .. faq-item:: Kept?\n      :open:\n      :open:\n\n      Kept summary.\n",
        6,
        "open",
        "details.explainer-faq-item[open]",
    ),
    "option-name-in-capitals": (
        ".. tldr::\n   :class: first\n   :CLASS: kept\n\n   Kept summary.\n",
        4,
        "class",
        ".explainer-tldr.kept",
    ),
    "value-on-two-lines": (
        ".. tldr::\n   :class: first\n      second\n   :name: named\n   :class: kept\n\n   Kept summary.\n",
        4,
        "class",
        ".explainer-tldr.kept#named",
    ),
    "three-times": (
        ".. tldr::\n   :class: first\n   :class: second\n   :class: kept\n\n   Kept summary.\n",
        4,
        "class",
        ".explainer-tldr.kept",
    ),
    "in-admonition": (
        ".. note::\n\n   .. tldr::\n      :class: first\n      :class: kept\n\n      Kept summary.\n",
        6,
        "class",
        ".admonition .explainer-tldr.kept",
    ),
    "in-faq-answer": (
        (
            ".. faq::\n\n   .. faq-item:: Outer?\n\n      .. tldr::\n         :class: first\n"
            "         :class: kept\n\n         Kept summary.\n"
        ),
        8,
        "class",
        ".explainer-faq-answer .explainer-tldr.kept",
    ),
    "in-list-item": (
        "* .. tldr::\n     :class: first\n     :class: kept\n\n     Kept summary.\n",
        4,
        "class",
        "li .explainer-tldr.kept",
    ),
}


@pytest.mark.parametrize("case", REPEATED_OPTIONS.values(), ids=REPEATED_OPTIONS.keys())
def test_a_repeated_option_keeps_the_block_with_its_last_value(project, case):
    source, line, option, selector = case
    app = project({"index.rst": "Page\n====\n\n" + source})
    only_message(app, f"index.rst:{line}", option)
    (block,) = soup(app).select(selector)
    assert "Kept summary." in block.get_text()
    assert not soup(app).select(".first, .second")


def test_a_question_with_a_repeated_option_stays_an_item_of_its_faq(project):
    page = (
        "Page\n====\n\n.. faq::\n\n   .. faq-item:: First?\n\n      One.\n\n"
        "   .. faq-item:: Kept?\n      :name: kept\n      :open:\n      :open:\n\n      Kept summary.\n\n"
        "   .. faq-item:: Last?\n\n      Three.\n\nSee :ref:`kept`.\n"
    )
    app = project({"index.rst": page})
    only_message(app, "index.rst:10", "open")
    tree = soup(app)
    items = tree.select("section.explainer-faq > details.explainer-faq-item")
    assert [item.summary.get_text(strip=True) for item in items] == ["First?", "Kept?", "Last?"]
    assert items[1].has_attr("open") and items[1].select_one(".explainer-faq-anchor")["id"] == "kept"
    (link,) = [a for a in tree.find_all("a", href="#kept") if "reference" in a["class"]]
    assert link.get_text() == "Kept?"
    (script,) = tree.find_all("script", type="application/ld+json")
    entities = json.loads(script.string)["mainEntity"]
    assert [(e["name"], e["acceptedAnswer"]["text"]) for e in entities] == [
        ("First?", "One."),
        ("Kept?", "Kept summary."),
        ("Last?", "Three."),
    ]


def test_a_block_with_a_repeated_option_inside_another_one(project):
    page = (
        "Page\n====\n\n.. faq::\n   :open:\n   :open:\n\n   .. faq-item:: Kept?\n      :class: first\n"
        "      :class: kept\n\n      Kept summary.\n"
    )
    app = project({"index.rst": page})
    messages = messages_of(app)
    assert len(messages) == 2, messages
    assert 'index.rst:4: ERROR' in messages[0] and 'duplicate option "open"' in messages[0]
    assert 'index.rst:8: ERROR' in messages[1] and 'duplicate option "class"' in messages[1]
    (item,) = soup(app).select("details.explainer-faq-item.kept[open]")
    assert "Kept summary." in item.get_text()


def test_content_parsed_again_keeps_its_lines_and_footnote_order(project):
    page = (
        "Page\n====\n\n.. tldr::\n   :class: first\n   :class: kept\n\n   Kept [#]_ with :nosuchrole:`x`.\n\n"
        "Later [#]_.\n\n.. include:: part.txt\n\n.. [#] First note.\n.. [#] Second note.\n"
    )
    part = "Part\n----\n\n.. faq::\n   :open:\n   :open:\n\n   .. faq-item:: Included?\n\n      With :norole:`y`.\n"
    app = project({"index.rst": page, "part.txt": part})
    messages = messages_of(app)
    expected = [
        ("index.rst:4:", 'duplicate option "class"'),
        ("index.rst:8:", '"nosuchrole"'),
        ("part.txt:4:", 'duplicate option "open"'),
        ("part.txt:10:", '"norole"'),
    ]
    assert len(messages) == len(expected), messages
    for location, words in expected:
        assert any(location in m and words in m for m in messages), (location, messages)
    tree = soup(app)
    references = [(a.parent.get_text().split()[0], a.get_text()) for a in tree.select("a.footnote-reference")]
    assert references == [("Kept", "[1]"), ("Later", "[2]")]
    notes = [note.get_text(" ", strip=True) for note in tree.select("aside.footnote")]
    assert "First note." in notes[0] and "Second note." in notes[1]
    assert "With" in tree.select_one("details.explainer-faq-item[open]").get_text()


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "texinfo", "gettext"])
def test_a_repeated_option_keeps_the_block_in_every_builder(project, buildername):
    page = (
        "Page\n====\n\n.. tldr::\n   :class: first\n   :class: kept\n\n   Kept summary.\n\n"
        ".. faq::\n\n   .. faq-item:: Kept question?\n      :name: kept\n      :open:\n      :open:\n\n"
        "      Kept answer.\n\nSee :ref:`kept`.\n"
    )
    app = project({"index.rst": page}, buildername)
    messages = messages_of(app)
    assert len(messages) == 2 and all("duplicate option" in m for m in messages), messages
    # The page's own output (gettext may also write a catalog of template strings, sphinx.pot).
    suffixes = {".tex", ".txt", ".1", ".texi", ".pot"}
    (output,) = [path for path in Path(app.outdir).rglob("*") if path.suffix in suffixes and path.stem != "sphinx"]
    text = " ".join(output.read_text(encoding="utf-8").split())
    for words in ("Kept summary.", "Kept question?", "Kept answer."):
        assert words in text, words
    if buildername == "latex":
        assert r"\label{\detokenize{index:kept}}" in text


def test_site_lists_with_a_repeated_option(project):
    article = ":date: 2026-0{n}-01\n\nArticle {n}\n=========\n\n.. faq::\n\n   .. faq-item:: Question {n}?\n\n      Yes.\n"
    index = (
        "Index\n=====\n\n.. explainers::\n   :limit: 5\n   :limit: 1\n\n"
        ".. faq-index::\n   :class: first\n   :class: kept\n\n.. toctree::\n\n   one\n   two\n"
    )
    app = project({"index.rst": index, "one.rst": article.format(n=1), "two.rst": article.format(n=2)})
    messages = messages_of(app)
    assert len(messages) == 2 and all("duplicate option" in m for m in messages), messages
    tree = soup(app)
    assert len(tree.select(".explainer-list .explainer-card")) == 1, "the last :limit: wins"
    assert "Question 1?" in tree.select_one(".explainer-faq-index.kept").get_text()


@pytest.mark.parametrize("keep_warnings", [False, True])
def test_docutils_error_stays_beside_the_block(project, keep_warnings):
    page = "Page\n====\n\n.. tldr::\n   :class: first\n   :class: kept\n\n   Kept summary.\n"
    app = project({"index.rst": page}, conf=f"keep_warnings = {keep_warnings}\n")
    only_message(app, "index.rst:4", "class")
    tree = soup(app)
    shown = tree.select(".system-message")
    assert len(shown) == keep_warnings and not tree.find(string="Docutils System Messages")
    assert "Kept summary." in tree.select_one(".explainer-tldr.kept").get_text()


def test_other_directives_with_a_repeated_option_are_left_to_docutils(project):
    app = project({"index.rst": "Page\n====\n\n.. note::\n   :class: a\n   :class: b\n\n   Not ours.\n"})
    only_message(app, "index.rst:4", "class")
    assert "Not ours." not in soup(app).get_text()


def test_myst_keeps_the_last_of_a_repeated_option(project):
    page = (
        "# Page\n\n```{tldr}\n:class: first\n:class: kept\n\nKept summary.\n```\n\n"
        "```{faq}\n:open:\n:open:\n\n:::{faq-item} Kept?\n:class: first\n:class: kept\n\nKept answer.\n:::\n```\n"
    )
    app = project({"index.md": page}, extensions=("myst_parser",), conf='myst_enable_extensions = ["colon_fence"]\n')
    assert messages_of(app) == [], "myst-parser keeps the last value and says nothing"
    tree = soup(app)
    assert "Kept summary." in tree.select_one(".explainer-tldr.kept").get_text()
    assert "Kept answer." in tree.select_one("details.explainer-faq-item.kept[open]").get_text()
    assert not tree.select(".first")


def test_a_repeated_option_in_myst_eval_rst_keeps_the_block(project):
    page = "# Page\n\n```{eval-rst}\n.. tldr::\n   :class: first\n   :class: kept\n\n   Kept summary.\n```\n"
    app = project({"index.md": page}, extensions=("myst_parser",))
    only_message(app, "index.md:4", "class")
    assert "Kept summary." in soup(app).select_one(".explainer-tldr.kept").get_text()


# -- 10. text after an ISO date ----------------------------------------------------------


def test_date_with_text_after_it_is_shown_as_written_and_warned(project):
    page = ":date: 2026-05-21, updated 2026-06-01\n\nPage\n====\n\nText.\n"
    app = project({"index.rst": page}, conf='html_theme = "sphinx_explainer"\n')
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "index.rst:1:" in warnings[0] and "YYYY-MM-DD" in warnings[0], warnings
    assert "2026-05-21, updated 2026-06-01" in soup(app).get_text()
    from sphinx_explainer.domain import explainer_domain

    assert explainer_domain(app.env).pages["index"].date == ""


# -- 11. :ref: text and slug of a question holding a footnote ----------------------------


def test_question_with_a_footnote_has_plain_link_text_and_slug(project):
    page = (
        "Page\n====\n\n.. faq::\n\n   .. faq-item:: Is it cited [#n]_?\n      :name: cited\n\n      Yes.\n\n"
        "   .. faq-item:: Is it cited again [#n]_?\n\n      Yes.\n\nSee :ref:`cited`.\n\n.. [#n] The note.\n"
    )
    app = project({"index.rst": page})
    assert warnings_of(app) == []
    tree = soup(app)
    (link,) = [a for a in tree.find_all("a", href="#cited") if "reference" in a["class"]]
    assert link.get_text() == "Is it cited?"
    assert tree.find(id="is-it-cited-again") is not None


# -- 12. nested FAQs in JSON-LD -------------------------------------------------------


def test_nested_faq_questions_are_listed_once(project):
    page = (
        "Page\n====\n\n.. faq::\n\n   .. faq-item:: Outer?\n\n      Outer answer.\n\n"
        "      .. faq::\n\n         .. faq-item:: Inner?\n\n            Inner answer.\n"
    )
    app = project({"index.rst": page})
    (script,) = soup(app).find_all("script", type="application/ld+json")
    entities = json.loads(script.string)["mainEntity"]
    assert [(e["name"], e["acceptedAnswer"]["text"]) for e in entities] == [
        ("Outer?", "Outer answer."),
        ("Inner?", "Inner answer."),
    ]
    from sphinx_explainer.domain import explainer_domain

    questions = explainer_domain(app.env).pages["index"].questions
    assert [(q.question, q.answer) for q in questions] == [("Outer?", "Outer answer."), ("Inner?", "Inner answer.")]


# -- 14. incremental prev/next -----------------------------------------------------------


def test_reordered_toctree_rewrites_the_neighbours(make_app, tmp_path):
    pages = {f"p{i}.rst": f"Page {i}\n======\n\nText {i}.\n" for i in range(1, 5)}
    index = "Index\n=====\n\n.. toctree::\n\n{}\n"
    files = {**pages, "index.rst": index.format("\n".join(f"   p{i}" for i in range(1, 5)))}
    incremental = write_project(tmp_path / "incremental", files, conf='html_theme = "sphinx_explainer"\n')
    make_app("html", srcdir=incremental).build()
    reordered = index.format("\n".join(f"   p{i}" for i in (1, 3, 2)))
    (incremental / "index.rst").write_text(reordered, encoding="utf-8")
    (incremental / "p4.rst").unlink()
    again = make_app("html", srcdir=incremental)
    again.build()
    clean_src = write_project(tmp_path / "clean", {**pages, "index.rst": reordered}, conf='html_theme = "sphinx_explainer"\n')
    (clean_src / "p4.rst").unlink()
    clean = make_app("html", srcdir=clean_src)
    clean.build()
    for page in ("index", "p1", "p2", "p3"):
        mine = (Path(again.outdir) / f"{page}.html").read_bytes()
        theirs = (Path(clean.outdir) / f"{page}.html").read_bytes()
        assert mine == theirs, page


# -- shibuya writes its description tags from the page's fields --------------------


@pytest.mark.parametrize("extensions", [(), OGP], ids=["alone", "opengraph"])
def test_shibuya_gets_the_tldr_description(project, extensions):
    page = TLDR_PAGE.format(fields="", meta="")
    app = project({"index.rst": page}, extensions=extensions, conf=OGP_CONF + 'html_theme = "shibuya"\n')
    assert warnings_of(app) == []
    assert metas(soup(app), name="description") == ["The summary."]
    assert metas(soup(app), property="og:description") == ["The summary."]


# -- found by the project property tests: citation marks in plain text -------------


def test_citation_marks_stay_out_of_descriptions_jsonld_and_records(project):
    page = (
        "Page\n====\n\n.. tldr::\n\n   Summed up [CIT]_.\n\n"
        ".. faq::\n\n   .. faq-item:: Cited?\n\n      Yes [CIT]_.\n\n.. [CIT] The work.\n"
    )
    app = project({"index.rst": page})
    assert warnings_of(app) == []
    tree = soup(app)
    assert metas(tree, name="description") == ["Summed up."]
    (script,) = tree.find_all("script", type="application/ld+json")
    assert json.loads(script.string)["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes."
    from sphinx_explainer.domain import explainer_domain

    record = explainer_domain(app.env).pages["index"]
    assert record.tldr == "Summed up." and record.questions[0].answer == "Yes."

