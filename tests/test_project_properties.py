"""Property tests over whole projects: random placements of blocks and references across pages.

Hypothesis generates projects of several pages, each a sequence of
paragraphs, TL;DRs, objectives and FAQs, placed at the top level, in a note,
in a list item or under ``only`` (for or against HTML), citing page-local
footnotes and citations defined on any page. Every project must build
without warnings, and:

- every back link leads to a reference that exists, and every reference has
  a back link from its note;
- the description is the plain text of the first TL;DR the page shows, and
  the JSON-LD holds the questions and answers the page shows, as plain text;
- a parallel build (``-j 4``) writes the same bytes as a serial one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import html_files, warnings_of

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KINDS = ("text", "tldr", "learn", "faq")
#: Placement -> (wrapper prefix, indent, shown in HTML).
PLACEMENTS = {
    "top": ("", 0, True),
    "note": (".. note::\n\n", 3, True),
    "listitem": ("* Item.\n\n", 2, True),
    "onlyhtml": (".. only:: html\n\n", 3, True),
    "onlylatex": (".. only:: latex\n\n", 3, False),
}
CITATIONS = ("CITA", "CITB")
FOOTNOTES = ("fa", "fb")

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)
sentences = st.lists(words, min_size=1, max_size=5).map(lambda ws: " ".join(ws).capitalize())
marks = st.lists(st.sampled_from(CITATIONS + FOOTNOTES), max_size=2)


@dataclass(frozen=True)
class Element:
    kind: str
    placement: str
    text: str
    cites: tuple[str, ...]

    @property
    def shown(self) -> bool:
        return PLACEMENTS[self.placement][2]

    def paragraph(self) -> str:
        """The text with its references: ``Words [#fa]_ [CITA]_.``"""
        refs = "".join(f" [#{mark}]_" if mark in FOOTNOTES else f" [{mark}]_" for mark in self.cites)
        return f"{self.text}{refs}."

    def source(self) -> str:
        prefix, indent, _shown = PLACEMENTS[self.placement]
        body = {
            "text": self.paragraph() + "\n",
            "tldr": f".. tldr::\n\n   {self.paragraph()}\n",
            "learn": f".. what-you-will-learn::\n\n   * {self.paragraph()}\n",
            "faq": f".. faq::\n\n   .. faq-item:: {self.text}?\n\n      {self.paragraph()}\n",
        }[self.kind]
        lines = [(" " * indent + line) if line.strip() else "" for line in body.splitlines()]
        return prefix + "\n".join(lines) + "\n"


elements = st.builds(
    Element,
    kind=st.sampled_from(KINDS),
    placement=st.sampled_from(tuple(PLACEMENTS)),
    text=sentences,
    cites=marks.map(tuple),
)
projects = st.tuples(
    st.lists(st.lists(elements, min_size=1, max_size=5), min_size=2, max_size=4),
    st.lists(st.integers(min_value=0, max_value=3), min_size=len(CITATIONS), max_size=len(CITATIONS)),
)


def page_source(index: int, page: list[Element], citations_here: list[str]) -> str:
    title = f"Page {index}"
    parts = [f"{title}\n{'=' * len(title)}\n"]
    parts += [element.source() for element in page]
    cited = {mark for element in page for mark in element.cites}
    parts += [f".. [#{name}] Footnote {name}." for name in FOOTNOTES if name in cited]
    parts += [f".. [{name}] Citation {name}." for name in citations_here]
    return "\n".join(parts) + "\n"


def write_project(root: Path, pages: list[list[Element]], homes: list[int]) -> None:
    cited = {mark for page in pages for element in page for mark in element.cites}
    root.mkdir(parents=True)
    (root / "conf.py").write_text(
        'extensions = ["sphinx_explainer"]\nproject = "Generated"\nsmartquotes = False\n', encoding="utf-8"
    )
    for index, page in enumerate(pages):
        here = [name for name, home in zip(CITATIONS, homes, strict=True) if name in cited and home % len(pages) == index]
        (root / f"page{index}.rst").write_text(page_source(index, page, here), encoding="utf-8")
    toctree = "\n".join(f"   page{index}" for index in range(len(pages)))
    (root / "index.rst").write_text(f"Index\n=====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8")


def resolve(page: str, href: str) -> tuple[str, str]:
    url = urlsplit(href)
    return (url.path or page), url.fragment


def check_back_links(pages: dict[str, BeautifulSoup]) -> None:
    references = {
        (name, tag["id"])
        for name, tree in pages.items()
        for tag in tree.select("a.footnote-reference[id], a[role=doc-biblioref][id], .explainer-noteref[id]")
    }
    linked = set()
    for name, tree in pages.items():
        for link in tree.select("a.explainer-backlink"):
            target = resolve(name, link["href"])
            assert target[0] in pages and pages[target[0]].find(id=target[1]) is not None, (name, link["href"])
            assert target in references, (name, link["href"])
            linked.add(target)
    assert references == linked, sorted(references - linked)


def check_description_and_jsonld(pages: dict[str, BeautifulSoup], project: list[list[Element]]) -> None:
    for index, page in enumerate(project):
        tree = pages[f"page{index}.html"]
        shown = [element for element in page if element.shown]
        tldrs = [element.text + "." for element in shown if element.kind == "tldr"]
        descriptions = [tag["content"] for tag in tree.find_all("meta", attrs={"name": "description"})]
        assert descriptions == tldrs[:1]
        expected = [(element.text + "?", element.text + ".") for element in shown if element.kind == "faq"]
        scripts = [json.loads(s.string) for s in tree.find_all("script", type="application/ld+json")]
        faqs = [data for data in scripts if data.get("@type") == "FAQPage"]
        found = [(q["name"], q["acceptedAnswer"]["text"]) for data in faqs for q in data["mainEntity"]]
        assert found == expected


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(project=projects)
def test_generated_projects_keep_the_invariants(make_app, tmp_path, project):
    pages, homes = project
    root = tmp_path / uuid.uuid4().hex
    write_project(root / "src", pages, homes)
    serial = make_app("html", srcdir=root / "src", builddir=root / "serial")
    serial.build()
    serial.cleanup()
    assert warnings_of(serial) == []
    parsed = {
        name: BeautifulSoup(data.decode("utf-8"), "html5lib")
        for name, data in html_files(serial.outdir).items()
        if name.startswith("page")
    }
    check_back_links(parsed)
    check_description_and_jsonld(parsed, pages)
    parallel = make_app("html", srcdir=root / "src", builddir=root / "parallel", parallel=4)
    parallel.build()
    parallel.cleanup()
    assert html_files(parallel.outdir) == html_files(serial.outdir)
