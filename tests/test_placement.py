"""The placement matrix: every directive, and a footnote reference, wherever authors put them.

One generated project holds a page per placement (a table cell, a list item,
an admonition, ``only`` for and against the builder, ``ifconfig``,
sphinx-design's ``tab-set`` and ``dropdown``, an ``include``\\ d file, a FAQ
answer, a footnote), each holding a ``tldr``, a ``what-you-will-learn``, a
``faq`` and a footnote reference. It is built once per builder (shared by the
module's tests), and each output must keep the content, have no warning, and,
in HTML, have unique ids and no link to a missing one.
"""

from __future__ import annotations

import textwrap
from io import StringIO
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from helpers import warnings_of
from sphinx.testing.util import SphinxTestApp

CONF = """\
extensions = ["sphinx_explainer", "sphinx.ext.ifconfig"]
project = "Placements"
author = "Test"
copyright = "2026, Test"
version = release = "1.0"
exclude_patterns = ["_build"]
show_warning_types = True
epub_show_urls = "no"
man_pages = [("index", "placements", "Placements", ["Test"], 1)]
"""

#: Placement name -> (wrapper with {block}, whether its content is in the output).
PLACEMENTS: dict[str, tuple[str, bool]] = {
    "top": ("{block}", True),
    "tablecell": (".. list-table::\n\n   * - Cell\n     - {block:7}\n", True),
    "listitem": ("* An item\n\n  {block:2}\n", True),
    "admonition": (".. note::\n\n   {block:3}\n", True),
    "onlyfor": (".. only:: html or latex or text or man or texinfo or epub\n\n   {block:3}\n", True),
    "onlyagainst": (".. only:: never_set_tag\n\n   {block:3}\n", False),
    "ifconfig": (".. ifconfig:: project == 'Placements'\n\n   {block:3}\n", True),
    "tabset": (".. tab-set::\n\n   .. tab-item:: First\n\n      Before.\n\n   .. tab-item:: Second\n\n      {block:6}\n", True),
    "dropdown": (".. dropdown:: Open me\n\n   {block:3}\n", True),
    "include": (".. include:: _included.inc\n", True),
    "faqanswer": (".. faq::\n\n   .. faq-item:: Holding question?\n\n      {block:6}\n", True),
    "footnote": ("Held in a note [#holder]_.\n\n.. [#holder] The holding note.\n\n   {block:3}\n", True),
}


def block(name: str) -> str:
    """Every directive and a footnote reference, with words unique to ``name``."""
    return (
        f".. tldr::\n\n   Summary{name} cites [#note{name}]_.\n\n"
        f".. what-you-will-learn::\n\n   * Objective{name}\n\n"
        f".. faq::\n\n   .. faq-item:: Question{name}?\n\n      Answer{name}.\n"
    )


def words(name: str) -> list[str]:
    """The words of the placement's block (its footnote is outside the placement)."""
    return [f"Summary{name}", f"Objective{name}", f"Question{name}", f"Answer{name}"]


def indented(text: str, width: int) -> str:
    """``text`` indented by ``width`` spaces after its first line."""
    first, _, rest = text.partition("\n")
    return first + "\n" + textwrap.indent(rest, " " * width, lambda line: bool(line.strip()))


def page(name: str) -> str:
    wrapper, _shown = PLACEMENTS[name]
    content = wrapper
    for width in (7, 6, 3, 2):
        content = content.replace(f"{{block:{width}}}", indented(block(name), width))
    content = content.replace("{block}", block(name))
    title = f"Placement {name}"
    return f"{title}\n{'=' * len(title)}\n\nText.\n\n{content}\n.. [#note{name}] Note{name}.\n"


def write_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "_included.inc").write_text(block("include"), encoding="utf-8")
    for name in PLACEMENTS:
        (root / f"{name}.rst").write_text(page(name), encoding="utf-8")
    toctree = "\n".join(f"   {name}" for name in PLACEMENTS)
    (root / "index.rst").write_text(f"Placements\n==========\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8")
    return root


BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Build the project once with every builder; ``{builder: app}``."""
    src = write_project(tmp_path_factory.mktemp("placements") / "src")
    apps = {}
    for buildername in BUILDERS:
        app = SphinxTestApp(
            buildername,
            srcdir=src,
            builddir=src / "_build" / buildername,
            status=StringIO(),
            warning=StringIO(),
        )
        try:
            app.build()
        finally:
            app.cleanup()
        apps[buildername] = app
    return apps


# -- reading the outputs ----------------------------------------------------------------


def html_pages(app, buildername: str) -> dict[str, BeautifulSoup]:
    """Every page the builder wrote, by its path relative to the output."""
    outdir = Path(app.outdir)
    pattern = "*.xhtml" if buildername == "epub" else "*.html"
    return {
        path.relative_to(outdir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        for path in sorted(outdir.rglob(pattern))
        if path.name not in {"genindex.html", "search.html", "genindex.xhtml", "nav.xhtml"}
    }


def plain_output(app, buildername: str) -> str:
    outdir = Path(app.outdir)
    suffix = {"latex": "*.tex", "text": "*.txt", "man": "*.1", "texinfo": "*.texi"}[buildername]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(outdir.rglob(suffix)))
    return " ".join(text.split())


def output_text(app, buildername: str) -> str:
    if buildername in {"latex", "text", "man", "texinfo"}:
        return plain_output(app, buildername)
    return " ".join(
        " ".join(tree.body.get_text(" ").split()) for tree in html_pages(app, buildername).values()
    )


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The page and fragment an internal ``href`` on ``page`` leads to (None if external)."""
    if "://" in href or href.startswith(("mailto:", "data:")):
        return None
    path, _, fragment = href.partition("#")
    if not path:
        return page, unquote(fragment)
    base = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    parts: list[str] = []
    for part in (base + path).split("/"):
        if part == "..":
            parts.pop()
        elif part not in {"", "."}:
            parts.append(part)
    target = "/".join(parts)
    if path.endswith("/") or not target:
        target = f"{target}/index.html".lstrip("/")
    return target, unquote(fragment)


# -- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("buildername", BUILDERS)
def test_no_warning(builds, buildername):
    assert warnings_of(builds[buildername]) == []


@pytest.mark.parametrize("buildername", BUILDERS)
def test_content_is_where_it_was_put(builds, buildername):
    text = output_text(builds[buildername], buildername)
    for name, (_wrapper, shown) in PLACEMENTS.items():
        for word in words(name):
            assert (word in text) == shown, f"{word} in the {buildername} output: expected {shown}"
        # A note whose reference only:: removed is dropped by LaTeX and texinfo,
        # which print notes where they are cited.
        assert f"Note{name}" in text or not shown


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub"])
def test_ids_are_unique_and_every_fragment_has_its_target(builds, buildername):
    pages = html_pages(builds[buildername], buildername)
    ids = {}
    for path, tree in pages.items():
        found = [tag["id"] for tag in tree.find_all(id=True)]
        duplicates = sorted({node_id for node_id in found if found.count(node_id) > 1})
        assert duplicates == [], f"{path}: duplicate ids {duplicates}"
        ids[path] = set(found)
    missing = []
    for path, tree in pages.items():
        for link in tree.find_all("a", href=True):
            target = resolve(path, link["href"])
            if target is None or not target[1] or target[0] not in ids:
                continue
            if target[1] not in ids[target[0]]:
                missing.append(f"{path}: {link['href']}")
    assert missing == []


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub"])
def test_every_reference_has_its_back_link(builds, buildername):
    """Each shown note links back to its reference, and each back link to a reference."""
    pages = html_pages(builds[buildername], buildername)
    for path, tree in pages.items():
        references = {ref["id"] for ref in tree.select("a.footnote-reference[id]")}
        backlinks = {link["href"].partition("#")[2] for link in tree.select("a.explainer-backlink")}
        assert references <= backlinks, path
        assert backlinks <= references, path
