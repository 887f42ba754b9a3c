"""Footnote and citation back links: one per citing place, with names, in HTML only."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import doctree_snapshot, html_files, text_of, warnings_of

from sphinx_explainer.footnotes import BACKLINK_ARROW, backlink_mark, citing_place_name

#: The pages of ``roots/test-footnotes`` in reading order (the toctree's).
FOOTNOTE_PAGES = ["index.html", "other.html", "many.html"]
BASE = "http://pages.test/"


# -- reading a build -------------------------------------------------------------


def main_of(soup: BeautifulSoup):
    """The article: what the theme shows around it is not ours to check."""
    return soup.select_one('[role="main"]') or soup.body


def read_pages(outdir: Path) -> dict[str, BeautifulSoup]:
    return {
        path: BeautifulSoup(data.decode("utf-8"), "html5lib")
        for path, data in html_files(outdir).items()
        if path not in {"genindex.html", "search.html"}
    }


def resolve(page: str, href: str) -> tuple[str, str]:
    """The page and fragment a link on ``page`` leads to."""
    url = urlsplit(urljoin(BASE + page, href))
    path = url.path.removeprefix("/")
    if path.endswith("/") or not path:
        path += "index.html"
    return path, url.fragment


def label_of(note) -> str:
    """A note's visible label, without docutils' bracket spans."""
    label = note.select_one(":scope > .label")
    return "".join(t for t in label.find_all(string=True) if t.parent.get("class") != ["fn-bracket"]).strip()


class Notes:
    """Every note and every reference to a note, across the pages of a build."""

    def __init__(self, pages: dict[str, BeautifulSoup], order: list[str]) -> None:
        self.pages = pages
        self.order = order
        self.position = {
            (page, id(tag)): index
            for page, soup in pages.items()
            for index, tag in enumerate(soup.find_all(True))
        }
        #: (page, note id) -> the references to that note, as (page, tag).
        self.references: dict[tuple[str, str], list] = {}
        for page in order:
            for link in main_of(pages[page]).find_all("a", href=True):
                if link.get("role") == "doc-backlink":
                    continue
                target = self.element(*resolve(page, link["href"]))
                if target is not None and {"footnote", "citation"} & set(target.get("class", [])):
                    references = self.references.setdefault(resolve(page, link["href"]), [])
                    # A title's reference, copied into a local table of contents, keeps its id.
                    if (page, link.get("id")) not in [(p, ref.get("id")) for p, ref in references]:
                        references.append((page, link))

    def element(self, page: str, fragment: str):
        soup = self.pages.get(page)
        return soup.find(id=fragment) if soup is not None and fragment else None

    def notes(self):
        for page in self.order:
            for note in main_of(self.pages[page]).select(".footnote, .citation"):
                yield page, note

    def in_reading_order(self, references):
        return sorted(references, key=lambda ref: (self.order.index(ref[0]), self.position[ref[0], id(ref[1])]))


def check_backlinks(notes: Notes, style: str = "letters") -> int:
    """Every reference has exactly one back link from its note, and every back
    link leads to a reference to that note, labelled and named in reading order.

    Returns the number of back links checked.
    """
    checked = 0
    for page, note in notes.notes():
        assert note.select(".backrefs") == [], "docutils' (1,2) back references are gone"
        assert note.select(".label a") == [], "the label is text, not a second back link"
        label = label_of(note)
        assert label, note
        references = notes.in_reading_order(notes.references.get((page, note["id"]), []))
        backlinks = note.select(":scope > .explainer-backlinks a")
        assert [(p, ref["id"]) for p, ref in references] == [
            resolve(page, link["href"]) for link in backlinks
        ], f"back links of {label} on {page} lead to its references, in reading order"
        assert all(link["role"] == "doc-backlink" for link in backlinks)
        marker = note.select(":scope > .explainer-backlinks > .explainer-backlink-marker")
        if len(backlinks) == 1:
            assert backlinks[0].get_text() == BACKLINK_ARROW
            assert backlinks[0]["aria-label"] == f"Back to citation {label}"
            assert marker == []
        elif backlinks:
            assert [m.get_text() for m in marker] == [BACKLINK_ARROW]
            assert marker[0]["aria-hidden"] == "true"
            for index, link in enumerate(backlinks):
                mark = backlink_mark(index, style)
                assert link.get_text() == mark
                assert link["aria-label"] == f"Back to citation {citing_place_name(label, mark)}"
                assert mark in link["aria-label"]
        checked += len(backlinks)
    for (page, note_id), references in notes.references.items():
        for ref_page, ref in references:
            assert ref.get("id"), f"a reference to {note_id} has an id to come back to"
            assert "explainer-noteref" in ref["class"]
            if "footnote-reference" in ref["class"]:
                assert ref["role"] == "doc-noteref"
                visible = ref.get_text().strip("[]")
                assert ref["aria-label"] == f"Footnote {visible}"
    return checked


def soup_has_unique_backlinks(soup: BeautifulSoup) -> bool:
    """No note links back to the same place twice."""
    return all(
        len({a["href"] for a in links}) == len(links)
        for links in (note.select(".explainer-backlinks a") for note in soup.select(".footnote, .citation"))
    )


def build_notes(app, order: list[str]) -> Notes:
    return Notes(read_pages(Path(app.outdir)), order)


# -- unit: labels --------------------------------------------------------------------


def test_backlink_marks_count_like_spreadsheet_columns():
    assert [backlink_mark(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa",
    ]  # fmt: skip
    assert [backlink_mark(i, "numbers") for i in (0, 1, 59)] == ["1", "2", "60"]


def test_citing_place_names_cannot_be_misread():
    assert citing_place_name("1", "b") == "1b"
    assert citing_place_name("*", "b") == "*b"
    assert citing_place_name("CIT", "b") == "CIT b"
    assert citing_place_name("1", "2") == "1 2"
    assert citing_place_name("Book2026", "a") == "Book2026a"


# -- HTML ------------------------------------------------------------------------------


@pytest.fixture
def footnotes(build):
    return build("footnotes")


def test_every_kind_of_note_links_back_to_each_reference(footnotes):
    assert warnings_of(footnotes) == []
    notes = build_notes(footnotes, FOOTNOTE_PAGES)
    assert check_backlinks(notes) == 22 + 3 + 60  # one per reference on each page
    index = notes.pages["index.html"]
    by_label = {label_of(note): note for note in main_of(index).select(".footnote, .citation")}
    # numbered, auto-numbered, auto-named, two symbols, citations, in titles, TL;DR, tables,
    # a dropdown and a FAQ answer
    assert set(by_label) >= {"1", "*", "†", "Book2026"}
    assert len(by_label) == 16

    def marks(label):
        return [text_of(a) for a in by_label[label].select(".explainer-backlinks a")]

    assert marks("1") == ["a", "b", "c"]  # twice in the text, once in a table cell
    assert marks("Book2026") == ["a", "b", "c", "d"]  # TL;DR, text, then twice on other.html
    named = by_label[label_of(index.find(id="named"))]
    assert [a["aria-label"] for a in named.select(".explainer-backlinks a")] == [
        f"Back to citation {label_of(named)}{mark}" for mark in "abc"
    ]


def test_citations_are_list_items(footnotes):
    # docutils' role="doc-biblioentry" is deprecated (DPUB-ARIA 1.1; axe flags it).
    soup = read_pages(Path(footnotes.outdir))["index.html"]
    (citation_list,) = soup.select(".citation-list")
    assert citation_list["role"] == "list"
    assert [c["role"] for c in citation_list.select(":scope > .citation")] == ["listitem"]
    assert soup.select("[role=doc-biblioentry]") == []


def test_a_citation_cited_from_another_page_links_there(footnotes):
    notes = build_notes(footnotes, FOOTNOTE_PAGES)
    book = notes.pages["index.html"].find(id="book2026")
    assert [a["href"] for a in book.select(".explainer-backlinks a")][2:] == [
        f"other.html#{ref['id']}" for _page, ref in notes.references["index.html", "book2026"][2:]
    ]
    elsewhere = main_of(notes.pages["other.html"]).select_one(".citation")
    hrefs = [a["href"] for a in elsewhere.select(".explainer-backlinks a")]
    assert hrefs[0].startswith("index.html#") and hrefs[1].startswith("#")


def test_sixty_back_links_label_a_to_bh(footnotes):
    many = main_of(build_notes(footnotes, FOOTNOTE_PAGES).pages["many.html"])
    links = many.select(".footnote .explainer-backlinks a")
    marks = [backlink_mark(i) for i in range(60)]
    assert [a.get_text() for a in links] == marks
    assert marks[25:28] == ["z", "aa", "ab"] and marks[-1] == "bh"
    assert links[-1]["aria-label"] == "Back to citation 1bh"
    assert len({a["href"] for a in links}) == 60


def test_sphinx_footnote_cases(build):
    app = build("footnotes-sphinx")
    assert warnings_of(app) == []
    notes = build_notes(app, ["index.html"])
    assert check_backlinks(notes) > 20
    twice = [n for _p, n in notes.notes() if label_of(n) == "100"]
    assert [text_of(a) for a in twice[0].select(".explainer-backlinks a")] == ["a", "b"]
    source = notes.pages["index.html"].find(id="source2020")
    # A section title, a figure caption, a table title, a rubric, a function.
    assert len(source.select(".explainer-backlinks a")) == 5
    assert soup_has_unique_backlinks(notes.pages["index.html"])


def test_myst_footnotes(build):
    app = build("footnotes-myst")
    assert warnings_of(app) == []
    notes = build_notes(app, ["index.html"])
    assert check_backlinks(notes) == 2 + 2 + 3 + 1
    labels = {text_of(n.select_one("p")): label_of(n) for _p, n in notes.notes()}
    assert len(labels) == 4


def test_unreferenced_notes_keep_sphinx_warnings_and_build(build, copy_root):
    app = build("footnotes-unreferenced")
    app.cleanup()  # so that the second application registers its nodes afresh
    plain = build(
        "footnotes-unreferenced",
        srcdir=copy_root("footnotes-unreferenced", "plain"),
        confoverrides={"explainer_footnote_backlinks": False},
    )
    assert [w.replace(str(app.srcdir), "") for w in warnings_of(app)] == [
        w.replace(str(plain.srcdir), "") for w in warnings_of(plain)
    ]
    assert any("is not referenced" in w for w in warnings_of(app))
    notes = build_notes(app, ["index.html"])
    assert check_backlinks(notes) == 1
    assert len(list(notes.notes())) == 4  # nothing dropped


def test_number_labels(build):
    app = build("footnotes", confoverrides={"explainer_footnote_backlink_labels": "numbers"})
    assert warnings_of(app) == []
    notes = build_notes(app, FOOTNOTE_PAGES)
    check_backlinks(notes, "numbers")
    book = notes.pages["index.html"].find(id="book2026")
    assert [text_of(a) for a in book.select(".explainer-backlinks a")] == ["1", "2", "3", "4"]
    assert book.select(".explainer-backlinks a")[1]["aria-label"] == "Back to citation Book2026 2"


def test_unknown_label_style_warns_and_falls_back(build):
    app = build("footnotes", confoverrides={"explainer_footnote_backlink_labels": "roman"})
    (warning,) = warnings_of(app)
    assert "explainer_footnote_backlink_labels" in warning
    assert all(word in warning for word in ("'letters'", "'numbers'", "roman"))
    check_backlinks(build_notes(app, FOOTNOTE_PAGES), "letters")


def test_switched_off_leaves_docutils_alone(build):
    app = build("footnotes", confoverrides={"explainer_footnote_backlinks": False})
    soup = read_pages(Path(app.outdir))["index.html"]
    assert soup.select(".explainer-backlinks, .explainer-noteref, [aria-label^='Footnote']") == []
    assert soup.select(".footnote .backrefs a[role=doc-backlink]")  # docutils' (1,2)


def test_translated_names(build):
    app = build("footnotes", confoverrides={"language": "de"})
    soup = read_pages(Path(app.outdir))["index.html"]
    assert soup.select_one(".explainer-backlinks a")["aria-label"].startswith("Zurück zur Fundstelle ")
    assert soup.select_one("a[role=doc-noteref]")["aria-label"].startswith("Fußnote ")


def test_dirhtml_links_resolve(build):
    app = build("footnotes", "dirhtml")
    assert warnings_of(app) == []
    notes = build_notes(app, ["index.html", "other/index.html", "many/index.html"])
    assert check_backlinks(notes) == 85
    book = notes.pages["index.html"].find(id="book2026")
    assert book.select(".explainer-backlinks a")[-1]["href"].startswith("other/#")


def test_singlehtml(build):
    # One page for all: every back link is a fragment. (Sphinx numbers ids per
    # source page, so two pages' "id2" can collide on it, for its own links too.)
    app = build("footnotes", "singlehtml")
    assert warnings_of(app) == []
    soup = read_pages(Path(app.outdir))["index.html"]
    backlinks = soup.select(".explainer-backlinks a")
    assert len(backlinks) == 85
    assert all(link["href"].startswith("#") and soup.find(id=link["href"][1:]) for link in backlinks)
    assert soup.select(".backrefs") == []


def test_epub(build):
    app = build("footnotes", "epub", confoverrides={"epub_copyright": "2026, Test"})
    assert warnings_of(app) == []
    text = "".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).rglob("*.xhtml"))
    assert text.count('role="doc-backlink"') == 85
    assert 'class="backrefs"' not in text


# -- other builders: exactly as without the extension ---------------------------------

SUFFIXES = {"latex": "*.tex", "text": "*.txt", "man": "*.1", "texinfo": "*.texi"}


def output_of(app, buildername: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(Path(app.outdir).rglob(SUFFIXES[buildername]))
    )


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "texinfo"])
def test_other_builders_are_unchanged(build, copy_root, buildername):
    ours = build("footnotes-sphinx", buildername)
    ours.cleanup()  # so that the second application registers its nodes afresh
    plain_src = copy_root("footnotes-sphinx", "plain")
    conf = plain_src / "conf.py"
    # sphinx-design, which sphinx_explainer loads, and nothing of ours.
    conf.write_text(conf.read_text().replace('["sphinx_explainer"]', '["sphinx_design"]'))
    plain = build("footnotes-sphinx", buildername, srcdir=plain_src)
    assert warnings_of(ours) == warnings_of(plain) == []
    assert output_of(ours, buildername) == output_of(plain, buildername)
    assert "Back to citation" not in output_of(ours, buildername)


def test_latex_keeps_real_footnotes(build):
    app = build("footnotes", "latex", confoverrides={"latex_show_urls": "footnote"})
    assert warnings_of(app) == []
    tex = output_of(app, "latex")
    assert tex.count("\\begin{footnote}") + tex.count("\\begin{footnotetext}") >= 15
    assert "\\sphinxcite{index:book2026}" in tex
    assert "Back to citation" not in tex


# -- cross-page data: parallel and incremental builds ------------------------------------


def test_parallel_build_matches_serial(build, copy_root):
    serial = build("footnotes", srcdir=copy_root("footnotes", "serial"))
    parallel = build("footnotes", srcdir=copy_root("footnotes", "parallel"), parallel=2)
    assert html_files(serial.outdir) == html_files(parallel.outdir)


def test_citing_from_a_new_place_rewrites_the_citation_page(build, copy_root):
    incremental = copy_root("footnotes", "incremental")
    build("footnotes", srcdir=incremental)
    clean = copy_root("footnotes", "clean")
    for src in (incremental, clean):
        page = src / "many.rst"
        page.write_text(page.read_text() + "\nThe book, from a third page [Book2026]_.\n")
    rebuilt = build("footnotes", srcdir=incremental)
    fresh = build("footnotes", srcdir=clean)
    assert html_files(rebuilt.outdir) == html_files(fresh.outdir)
    book = read_pages(Path(rebuilt.outdir))["index.html"].find(id="book2026")
    assert book.select(".explainer-backlinks a")[-1]["href"].startswith("many.html#")
    # and removing the place removes its back link
    for src in (incremental, clean):
        (src / "many.rst").write_text((src / "many.rst").read_text().split("\nThe book")[0])
    rebuilt = build("footnotes", srcdir=incremental)
    shutil.rmtree(clean / "_build")
    fresh = build("footnotes", srcdir=clean)
    assert html_files(rebuilt.outdir) == html_files(fresh.outdir)
    book = read_pages(Path(rebuilt.outdir))["index.html"].find(id="book2026")
    assert len(book.select(".explainer-backlinks a")) == 4


# -- doctree snapshots: before and after the HTML post-transform ---------------------


def test_doctree_before_and_after_the_html_transform(build, file_regression):
    app = build("footnotes-doctree")
    before = app.env.get_doctree("index")
    file_regression.check(doctree_snapshot(before), basename="footnotes_pre", extension=".xml")
    after = app.env.get_and_resolve_doctree("index", app.builder)
    file_regression.check(doctree_snapshot(after), basename="footnotes_post", extension=".xml")


# -- cost ---------------------------------------------------------------------------


def test_pages_with_citations_do_not_each_walk_the_project(build, copy_root, monkeypatch):
    # The places citing each citation are worked out once per build, not once
    # per page that defines citations: more such pages, no more whole-project walks.
    from sphinx_explainer import footnotes

    walks = []
    real = footnotes.reading_order
    monkeypatch.setattr(footnotes, "reading_order", lambda env: walks.append(1) or real(env))

    def walks_to_build(srcdir: Path) -> int:
        walks.clear()
        build("footnotes", srcdir=srcdir)
        return len(walks)

    few = walks_to_build(copy_root("footnotes", "few"))
    more = copy_root("footnotes", "more")
    for number in range(6):
        (more / f"cites{number}.rst").write_text(
            f":orphan:\n\nPage {number}\n=======\n\nThe book again [Book2026]_, and a source of "
            f"this page's own [Own{number}]_.\n\n.. [Own{number}] A source cited on page {number} only.\n"
        )
    assert walks_to_build(more) == few
    # and the back links still reach every citing page
    book = read_pages(Path(more / "_build" / "html"))["index.html"].find(id="book2026")
    hrefs = [link["href"] for link in book.select(".explainer-backlinks a")]
    assert sorted(href.split("#")[0] for href in hrefs if href.startswith("cites")) == [
        f"cites{number}.html" for number in range(6)
    ]
