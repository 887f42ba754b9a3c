"""Snapshots of the TL;DR and objectives doctrees, before and after the HTML post-transforms.

Before: the titled block every builder writes. After, in HTML: references
resolved, and for the TL;DR the page's description meta nodes appended.
"""

from __future__ import annotations

import pytest
from helpers import doctree_snapshot

PAGES = ["tldr", "learn"]


@pytest.fixture
def app(build):
    return build("blocks-doctree")


@pytest.mark.parametrize("page", PAGES)
def test_doctree_before_html_transforms(app, page, file_regression):
    doctree = app.env.get_doctree(page)
    file_regression.check(doctree_snapshot(doctree), basename=f"{page}_pre", extension=".xml")


@pytest.mark.parametrize("page", PAGES)
def test_doctree_after_html_transforms(app, page, file_regression):
    doctree = app.env.get_and_resolve_doctree(page, app.builder)
    file_regression.check(doctree_snapshot(doctree), basename=f"{page}_post", extension=".xml")
