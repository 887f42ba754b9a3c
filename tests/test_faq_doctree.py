"""Snapshots of the FAQ doctree: the neutral one every builder writes, and the HTML one.

The HTML one is built from sphinx-design's dropdown nodes, whose attributes
differ between its versions; the snapshot pins what we rely on, identically
for the oldest (0.6) and newest supported sphinx-design.
"""

from __future__ import annotations

import pytest
from helpers import doctree_snapshot


@pytest.fixture
def app(build):
    return build("faq-doctree")


def test_doctree_before_html_transform(app, file_regression):
    doctree = app.env.get_doctree("index")
    file_regression.check(doctree_snapshot(doctree), basename="faq_pre", extension=".xml")


def test_doctree_after_html_transform(app, file_regression):
    doctree = app.env.get_and_resolve_doctree("index", app.builder)
    file_regression.check(doctree_snapshot(doctree), basename="faq_post", extension=".xml")
