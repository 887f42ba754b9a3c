"""An Atom 1.0 feed of the articles, ``feed.xml``, and its link in every page's head.

With ``html_baseurl`` set and ``explainer_feed`` on, the HTML builder writes
``feed.xml`` at the output root when the build finishes: the newest
``explainer_feed_limit`` articles (those with an ISO ``:date:``), each with
its title, absolute link, id (its address), ``published`` and ``updated``
dates, author, TL;DR as ``summary`` and a ``category`` per tag. The feed's
own ``updated`` is its newest entry's, so the same sources give the same
bytes. Every page links the feed with ``<link rel="alternate"
type="application/atom+xml">``, given to the theme as a stylesheet-like
asset with an absolute address (every theme writes ``css_files`` in its
head, and an absolute address gets no checksum). Without ``html_baseurl`` no
feed is written and the build says once how to enable it (when the project
has articles).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_explainer.collection import is_site_builder, newest_first, page_url, root_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_explainer.domain import PageRecord

logger = logging.getLogger(__name__)

FEED_FILE = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_TYPE = "application/atom+xml"


def atom_time(iso_date: str) -> str:
    """An ISO date as an RFC 3339 time at midnight UTC."""
    return f"{iso_date}T00:00:00Z"


def feed_enabled(app: Sphinx) -> bool:
    """Whether this build writes a feed (``explainer_feed``, ``html_baseurl``, a site builder)."""
    return bool(
        app.config.explainer_feed and app.config.html_baseurl and is_site_builder(app.builder)
    )


def feed_title(app: Sphinx) -> str:
    return app.config.project or "Articles"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _entry(feed: ET.Element, app: Sphinx, docname: str, page: PageRecord) -> None:
    entry = ET.SubElement(feed, "entry")
    url = page_url(app, docname)
    _text(entry, "title", page.title or docname)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
    _text(entry, "id", url)
    _text(entry, "published", atom_time(page.date))
    _text(entry, "updated", atom_time(max(page.updated, page.date)))
    if page.author:
        _text(ET.SubElement(entry, "author"), "name", page.author)
    if page.tldr:
        _text(entry, "summary", page.tldr)
    for tag in page.tags:
        ET.SubElement(entry, "category", {"term": tag})


def atom_feed(app: Sphinx) -> bytes:
    """The feed of the project's dated articles as Atom XML bytes."""
    limit = max(0, app.config.explainer_feed_limit)
    articles = [(d, page) for d, page in newest_first(app.env) if page.date][:limit]
    feed = ET.Element("feed", {"xmlns": ATOM})
    _text(feed, "title", feed_title(app))
    _text(feed, "id", root_url(app, ""))
    ET.SubElement(
        feed, "link", {"rel": "self", "type": FEED_TYPE, "href": root_url(app, FEED_FILE)}
    )
    ET.SubElement(
        feed,
        "link",
        {"rel": "alternate", "type": "text/html", "href": page_url(app, app.config.root_doc)},
    )
    newest = max((max(page.updated, page.date) for _d, page in articles), default="1970-01-01")
    _text(feed, "updated", atom_time(newest))
    # The feed's author, for entries without one of their own (Atom requires one).
    _text(ET.SubElement(feed, "author"), "name", app.config.author or feed_title(app))
    for docname, page in articles:
        _entry(feed, app, docname, page)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write ``feed.xml`` (or say once how to enable it)."""
    if exception is not None or not is_site_builder(app.builder) or not app.config.explainer_feed:
        return
    if not app.config.html_baseurl:
        if not newest_first(app.env):
            return  # no articles, no feed to miss
        logger.info(
            "sphinx-explainer: no Atom feed written, because html_baseurl is not set. "
            "Set html_baseurl in conf.py to the site's address to get feed.xml, or set "
            "explainer_feed = False to silence this message."
        )
        return
    Path(app.outdir, FEED_FILE).write_bytes(atom_feed(app))


def link_feed(app: Sphinx) -> None:
    """``builder-inited``: link the feed from every page's head."""
    if feed_enabled(app):
        app.add_css_file(
            root_url(app, FEED_FILE), rel="alternate", type=FEED_TYPE, title=feed_title(app)
        )


def setup_feed(app: Sphinx) -> None:
    app.connect("builder-inited", link_feed)
    app.connect("build-finished", write_feed)
