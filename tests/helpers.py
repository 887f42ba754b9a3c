"""Reading what a build wrote: HTML through an HTML5 parser, warnings as text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from bs4 import Tag
    from docutils import nodes
    from sphinx.testing.util import SphinxTestApp

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The warning lines of a build, without colour codes."""
    text = _ANSI.sub("", app._warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


#: The start of one message of a build; docutils' errors go on over further lines.
_MESSAGE_START = re.compile(r"(?:^|: )(?:WARNING|ERROR|SEVERE|CRITICAL): ")


def messages_of(app: SphinxTestApp) -> list[str]:
    """Each warning or error of a build, its lines joined by newlines.

    docutils' errors for a directive go on with the directive's source, so
    :func:`warnings_of` gives one item per line of that source.
    """
    messages: list[str] = []
    for line in warnings_of(app):
        if _MESSAGE_START.search(line) or not messages:
            messages.append(line)
        else:
            messages[-1] += "\n" + line
    return messages


def soup_of(app: SphinxTestApp, page: str = "index") -> BeautifulSoup:
    """Parse a page the HTML builder wrote, as a browser would."""
    path = Path(app.outdir) / f"{page}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def text_of(tag: Tag) -> str:
    """A tag's text with white space collapsed."""
    return " ".join(tag.get_text(" ").split())


def html_files(outdir: Path) -> dict[str, bytes]:
    """Every HTML file under ``outdir`` by relative path, as bytes."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(Path(outdir).rglob("*.html"))
    }


def doctree_snapshot(doctree: nodes.document) -> str:
    """A doctree's ``pformat()`` without version noise, for ``file_regression``.

    The build's path, Sphinx's translation progress and docutils' spelling of
    booleans differ between the supported versions; the rest is ours.
    """
    text = re.sub(r'(<document\b[^>]*? )source="[^"]*"', r'\1source="index.rst"', doctree.pformat())
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    return text.replace('="True"', '="1"').replace('="False"', '="0"')


#: One BibTeX entry, for the builds beside sphinxcontrib-bibtex.
BIB = """\
@book{knuth,
  author = {Donald Knuth},
  title = {The Art of Computer Programming},
  year = {1968},
  publisher = {Addison-Wesley},
}
"""
