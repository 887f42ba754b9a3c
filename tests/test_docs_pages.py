"""Reference pages checked against what they describe: the CSS, the package, the results.

The documentation is built as users read it (HTML, parsed with html5lib) and
compared with the source of truth: the properties the shipped stylesheets
read, the version ranges of ``pyproject.toml``, and the figures of
``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import text_of, warnings_of
from sphinx.testing.util import SphinxTestApp

from benchmarks import report

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
RESULTS = REPO / "benchmarks" / "results" / "latest.json"
PACKAGE = REPO / "sphinx_explainer"

#: ``var(--explainer-NAME`` in a stylesheet: a property the CSS reads. The
#: stylesheets are plain text here, not markup.
CSS_READ = re.compile(r"var\(\s*(--explainer-[a-z0-9-]+)")


def copy_docs(tmp_path: Path, results: dict | None = None) -> Path:
    """A copy of ``docs/`` beside a results file (``latest.json``, or ``results``)."""
    srcdir = tmp_path / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    target = tmp_path / "benchmarks" / "results" / "latest.json"
    target.parent.mkdir(parents=True)
    if results is None:
        shutil.copyfile(RESULTS, target)
    else:
        target.write_text(json.dumps(results), encoding="utf-8")
    return srcdir


def build_docs(srcdir: Path) -> tuple[Path, list[str]]:
    """Build ``srcdir`` in HTML, nitpicky; return the output folder and the warnings."""
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        confoverrides={"nitpicky": True},
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
        return Path(app.outdir), warnings_of(app)
    finally:
        app.cleanup()


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html5lib")


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory) -> Path:
    outdir, warnings = build_docs(copy_docs(tmp_path_factory.mktemp("docs")))
    assert warnings == []
    return outdir


# -- CSS custom properties --------------------------------------------------------------------


def properties_read_by_shipped_css() -> set[str]:
    stylesheets = [*PACKAGE.rglob("*.css"), *PACKAGE.rglob("*.css.jinja")]
    assert stylesheets
    return {
        name for path in stylesheets for name in CSS_READ.findall(path.read_text(encoding="utf-8"))
    }


def test_css_table_lists_every_property_the_css_reads(built_docs):
    table = page(built_docs, "other-themes").select_one("table.explainer-css-properties")
    listed = [text_of(row.find("td")) for row in table.select("tbody tr")]
    read = properties_read_by_shipped_css()
    assert {"--explainer-target", "--explainer-scroll-margin", "--explainer-link"} <= read
    assert sorted(read - set(listed)) == [], "add these to the table in docs/other-themes.rst"
    assert sorted(set(listed) - read) == [], "no stylesheet reads these any more"
    assert len(listed) == len(set(listed))
    for row in table.select("tbody tr"):
        default, used_for = (text_of(cell) for cell in row.find_all("td")[1:])
        assert default and used_for


def test_shibuya_accent_is_documented(built_docs):
    text = text_of(
        page(built_docs, "other-themes").find("main") or page(built_docs, "other-themes")
    )
    assert "--accent-9" in text
    css = (PACKAGE / "static" / "sphinx-explainer.css").read_text(encoding="utf-8")
    assert "var(--accent-9" in css


# -- Install page -----------------------------------------------------------------------------


def test_install_page_states_every_range(built_docs):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = text_of(page(built_docs, "install").body)
    requirements = [*project["dependencies"], *project["optional-dependencies"]["myst"]]
    for requirement in requirements:
        specifier = re.sub(r"^[A-Za-z0-9_.-]+", "", requirement)
        assert "<" in specifier, requirement
        assert specifier in text, f"{requirement} is not stated on the install page"
    assert project["requires-python"].removeprefix(">=") in text
    assert ":authors:" in text


# -- Performance page -------------------------------------------------------------------------


def figures_text(soup: BeautifulSoup) -> str:
    return text_of(soup.find(id="targets"))


def test_performance_page_shows_the_results_file(built_docs):
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    soup = page(built_docs, "performance")
    text = figures_text(soup)
    overhead = results["extension_overhead"][0]
    assert f"{report.change(overhead['ratio']['cpu_s'])} at {overhead['size']} pages" in text
    largest = str(max(results["settings"]["sizes"]))
    ours = results["theme_cost"]["sphinx_explainer"]["sizes"][largest]["clean_cpu_s"]
    assert f"{ours:.2f} s" in text
    gzip = results["page_weight"]["themes"]["sphinx_explainer"]["gzip"]
    assert f"{report.kilobytes(gzip)} KB in" in text
    verdicts = [text_of(strong) for strong in soup.find(id="targets").select("strong")]
    for target in report.targets(results):
        expected = {"met": "Met", "NOT met": "Not met", "not measured": "Not measured"}
        assert expected[target["verdict"]] in verdicts
    # The machine is stated once, by the figures, and the page claims nothing of its load.
    body = text_of(soup.body)
    assert body.count("load average") == 1
    assert "otherwise idle" not in body and "was shared" not in body
    figures = text_of(soup.find(id="figures"))
    assert results["machine"]["cpu_model"] in figures
    assert results["commit"]["hash"][:12] in figures
    tables = soup.find(id="figures").find_all("table")
    assert len(tables) == len([t for t in report.tables(results) if t[2]])


def test_a_new_results_file_drops_in(tmp_path):
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    new = copy.deepcopy(results)
    largest = str(max(new["settings"]["sizes"]))
    new["theme_cost"]["sphinx_explainer"]["sizes"][largest]["clean_cpu_s"] = 987.65
    new["page_weight"]["themes"]["sphinx_explainer"]["gzip"] = 40 * 1024
    new["machine"]["cpu_model"] = "Test CPU 9000"
    new["finished"] = "2027-01-02T03:04:05+00:00"
    outdir, warnings = build_docs(copy_docs(tmp_path, new))
    assert warnings == []
    soup = page(outdir, "performance")
    text = figures_text(soup)
    assert "987.65 s" in text
    assert "40.0 KB in" in text and "10.0 KB over" in text
    assert "The run of 2027-01-02" in text
    # Slower than furo and pydata at the largest size now: those targets flip.
    assert "furo: Not met" in text
    assert "Test CPU 9000" in text_of(soup.find(id="figures"))
    assert "987.65" in text_of(soup.find(id="figures"))


def test_unknown_figure_is_a_located_warning(tmp_path):
    srcdir = copy_docs(tmp_path)
    performance = srcdir / "performance.rst"
    performance.write_text(
        performance.read_text(encoding="utf-8") + "\nA :bench:`no-such-figure`.\n",
        encoding="utf-8",
    )
    _outdir, warnings = build_docs(srcdir)
    assert len(warnings) == 1
    assert "performance.rst:" in warnings[0]
    assert "unknown figure 'no-such-figure' of :bench:; write one of:" in warnings[0]


# -- The demo article: written in our own words -------------------------------------------------

#: Word runs this long that the article shares with its source count as copied.
RUN = 8
ARTICLE = "articles/karpathy-joins-anthropic"
#: Quoted words (straight or typographic quotes, after smartquotes) stay verbatim
#: and are left out of the measure, as is the list of sources (their titles).
QUOTED = re.compile(r"[\"“”„][^\"“”„]*[\"“”„]")


def source_article() -> Path:
    """``shared/article/source-article.txt`` beside the clone (``../shared``) or further up."""
    for folder in REPO.parents:
        candidate = folder / "shared" / "article" / "source-article.txt"
        if candidate.is_file():
            return candidate
    pytest.fail(
        f"the source of the demo article was not found: expected shared/article/"
        f"source-article.txt beside the repository ({REPO.parent / 'shared'}) or above it"
    )


def words(text: str) -> list[str]:
    """Lower-case words without punctuation: "Anthropic's" gives "anthropics"."""
    return [word for word in re.sub(r"[^\w\s]", "", text.casefold()).split() if word]


def runs(passages: list[str]) -> set[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words within a passage (never across two)."""
    found = set()
    for passage in passages:
        for piece in QUOTED.split(passage):
            seq = words(piece)
            found.update(tuple(seq[i : i + RUN]) for i in range(len(seq) - RUN + 1))
    return found


def article_passages(soup: BeautifulSoup) -> list[str]:
    """The article's text as a reader reads it, one passage per block, without sources."""
    body = soup.select_one("article, div[role=main]")
    for tag in body.select("aside.footnote, div.citation, blockquote, a.headerlink"):
        tag.decompose()
    blocks = body.select("p, li, h1, h2, h3, summary")
    return [text_of(block) for block in blocks if not block.find(["p", "li"])]


def source_passages() -> list[str]:
    text = source_article().read_text(encoding="utf-8")
    # Footnote markers are glued to the words in the source ("Anthropic12.").
    text = re.sub(r"(?<=[^\W\d])\d{1,2}\b", "", text)
    return text.split("\n")


def test_demo_article_is_in_our_own_words(built_docs):
    soup = page(built_docs, ARTICLE)
    ours = runs(article_passages(soup))
    assert len(ours) > 500, "the article's text was not found"
    shared = sorted(" ".join(run) for run in ours & runs(source_passages()))
    assert shared == [], f"{len(shared)} runs of {RUN} words copied from the source"


def quotations(text: str) -> set[str]:
    """The text between double quotes, straight or typographic, apostrophes made straight."""
    text = text.replace("’", "'")
    return {match.group()[1:-1].strip() for match in QUOTED.finditer(text)}


def test_demo_article_keeps_the_quotes_verbatim(built_docs):
    body = page(built_docs, ARTICLE).select_one("article, div[role=main]")
    blocks = [text_of(block) for block in body.select("p, li, summary") if not block.find("p")]
    article = "\n".join(blocks).replace("’", "'")
    source = " ".join(source_article().read_text(encoding="utf-8").split())
    source_quotes = quotations(re.sub(r"(?<=[^\W\d])\d{1,2}\b", "", source))
    assert len(source_quotes) >= 5
    for quote in source_quotes:
        assert quote in article, f"the source's quotation is missing or altered: {quote}"
    for quote in set().union(*(quotations(block) for block in blocks)):
        assert quote in source, f"a quotation the source does not hold: {quote}"


def test_missing_results_file_is_one_located_warning(tmp_path):
    srcdir = copy_docs(tmp_path)
    (tmp_path / "benchmarks" / "results" / "latest.json").unlink()
    outdir, warnings = build_docs(srcdir)
    assert len(warnings) == 1
    assert "performance.rst:" in warnings[0] and "no results file at" in warnings[0]
    assert "(no results)" in text_of(page(outdir, "performance").find(id="targets"))


def test_a_run_without_page_weight_or_lighthouse_drops_in(tmp_path):
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    results["page_weight"] = {}
    results["lighthouse"] = {"status": "skipped", "reason": "--no-lighthouse"}
    outdir, warnings = build_docs(copy_docs(tmp_path, results))
    assert warnings == []
    text = figures_text(page(outdir, "performance"))
    assert "Not measured : not measured" in text
    assert "furo: Met" in text
