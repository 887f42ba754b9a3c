"""The footnote visitors against the writers' own: only our additions differ.

``visit_noteref_html`` copies ``HTML5Translator.visit_footnote_reference``
and ``visit_citation_html`` rewrites the tag of docutils' ``visit_citation``
(see their comments in footnotes.py). These tests build the same pages with
the back links off, where Sphinx and docutils write every reference and
citation themselves, and on, where ours do: they fail when the writers'
output changes and our copies fall behind.
"""

from __future__ import annotations

import pytest
from helpers import soup_of

#: What the back links add to a footnote reference and a citation.
OUR_ATTRIBUTES = {"aria-label"}
OUR_CLASSES = {"explainer-noteref"}
CITATION_ROLES = {"doc-biblioentry": "listitem"}


def written_by(build, backlinks: bool):
    app = build("footnotes", confoverrides={"explainer_footnote_backlinks": backlinks})
    return soup_of(app, "index")


@pytest.fixture
def pages(build):
    """The index page as the writers write it (backlinks off) and as we do."""
    return written_by(build, False), written_by(build, True)


def tag_shape(tag, *, roles: dict[str, str] | None = None) -> tuple:
    """A tag's name and attributes without ours, roles mapped as ours name them."""
    attributes = {name: value for name, value in tag.attrs.items() if name not in OUR_ATTRIBUTES}
    attributes["class"] = [name for name in tag.get("class", []) if name not in OUR_CLASSES]
    if roles and "role" in attributes:
        attributes["role"] = roles.get(attributes["role"], attributes["role"])
    return tag.name, attributes


def same_tags(pages, selector: str) -> tuple[list, list]:
    """The tags ``selector`` finds as the writers write them and as we do, checked alike."""
    upstream, ours = pages
    theirs, mine = upstream.select(selector), ours.select(selector)
    assert theirs
    assert [tag_shape(tag) for tag in mine] == [tag_shape(tag) for tag in theirs]
    return theirs, mine


def test_footnote_references_are_written_as_the_writer_writes_them(pages):
    theirs, mine = same_tags(pages, "a.footnote-reference")
    assert [tag.decode_contents() for tag in mine] == [tag.decode_contents() for tag in theirs]
    # and the one addition, the accessible name
    assert all(tag["aria-label"].startswith("Footnote ") for tag in mine)


def test_citations_are_wrapped_as_docutils_wraps_them(pages):
    theirs, mine = same_tags(pages, "div.citation-list")
    for their_list, my_list in zip(theirs, mine, strict=True):
        their_entries = their_list.find_all(recursive=False)
        my_entries = my_list.find_all(recursive=False)
        assert [tag_shape(tag, roles=CITATION_ROLES) for tag in their_entries] == [
            tag_shape(tag) for tag in my_entries
        ]
        assert {tag["role"] for tag in my_entries} == {"listitem"}
