"""Page context for the ``sphinx_explainer`` theme: date, author, reading time, outline.

An ``html-page-context`` handler adds ``explainer_*`` keys that the theme's
templates (and any other theme's) can use:

``explainer_date``
    The page's ``:date:`` field, written ISO (``2026-05-21``), in the long
    human form of the project's language (``May 21, 2026``, ``21. Mai 2026``);
    a date that is not ISO is shown as written.
``explainer_date_iso``
    The same date as ``YYYY-MM-DD`` for ``<time datetime>``, or ``""``.
``explainer_author``
    The ``:author:`` field (or ``:authors:``), or ``""``.
``explainer_words``, ``explainer_reading_minutes``
    The page's word count and its reading time in whole minutes (at least 1)
    at the theme's ``words_per_minute``.
``explainer_toc``
    The page's outline below its title: a list of ``{"id", "title",
    "children"}`` dicts, two levels deep. Built from this page's doctree only,
    so a page's build cost does not grow with the size of the project.

In the theme's own pages, ``explainer_body_before``, ``explainer_body_title``
and ``explainer_body_after`` hold the body cut around its ``<h1>``, and ``_`` also looks strings up in the extension's
catalog before Sphinx's, so that templates can use strings Sphinx lacks.
Everything is computed from the page's own doctree at write time and keeps no
state, so parallel and incremental builds are unaffected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translator

from sphinx_explainer._i18n import CATALOG
from sphinx_explainer.plaintext import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

#: The theme's default reading speed (theme option ``words_per_minute``).
WORDS_PER_MINUTE = 230
#: A theme option only this theme (or a theme inheriting it) has.
_THEME_MARKER = "theme_words_per_minute"
#: An ISO date, optionally with an ISO time of day (whose date is kept).
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
#: Han, kana and hangul are written without spaces; two characters count as a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_PER_WORD = 2
_WORD = re.compile(r"\w+")
#: The page title as the HTML writer writes it: the first ``<h1>`` of the body.
_FIRST_H1 = re.compile(r"<h1[\s>].*?</h1>", re.DOTALL)
#: A CSS colour: a name, hex, a colour function of numbers, or a custom property.
_CSS_COLOR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([\w\s.,%/+-]*\)"
    r"|var\(--[\w-]+\)"
)


def iso_date(value: object) -> dt.date | None:
    """The date ``value`` is, if it is exactly an ISO date ``YYYY-MM-DD``, else None.

    An ISO time of day may follow (``2026-05-21T09:30:00``); nothing else: ``2026-05-21, updated 2026-06-01`` is not
    one, and is shown as written (with a warning, see
    :func:`sphinx_explainer.records.warn_dates_not_iso`).
    """
    match = _ISO_DATE.fullmatch(str(value).strip())
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def format_page_date(value: object, language: str | None) -> tuple[str, str]:
    """``(human, iso)`` for a page's ``:date:`` value in ``language``.

    >>> format_page_date("2026-05-21", "en")
    ('May 21, 2026', '2026-05-21')
    >>> format_page_date("2026-05-21", "de")
    ('21. Mai 2026', '2026-05-21')
    >>> format_page_date("Spring 2026", "en")
    ('Spring 2026', '')
    >>> format_page_date("2026-05-21, updated 2026-06-01", "en")
    ('2026-05-21, updated 2026-06-01', '')
    """
    text = str(value).strip()
    date = iso_date(text)
    if date is None:
        return text, ""
    return _long_date(date, language), date.isoformat()


def _long_date(date: dt.date, language: str | None) -> str:
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        locale = Locale.parse("en")
    return format_date(date, format="long", locale=locale)


def count_words(node: nodes.Node) -> int:
    """The number of words in ``node``; CJK characters count two to a word."""
    text = plain_text(node)
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text))) if cjk else len(text.split())
    return words + math.ceil(cjk / _CJK_PER_WORD)


def reading_minutes(words: int, words_per_minute: object = WORDS_PER_MINUTE) -> int:
    """Whole minutes to read ``words`` words (at least 1)."""
    try:
        speed = float(words_per_minute)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        speed = WORDS_PER_MINUTE
    if not speed > 0:
        speed = WORDS_PER_MINUTE
    return max(1, round(words / speed))


def _title_text(section: nodes.Element) -> str:
    title = next((child for child in section.children if isinstance(child, nodes.title)), None)
    return plain_text(title, " ") if title is not None else ""


def _sections(parent: nodes.Element) -> list[nodes.section]:
    return [child for child in parent.children if isinstance(child, nodes.section)]


def _entries(sections: list[nodes.section], depth: int) -> list[dict[str, Any]]:
    entries = []
    for section in sections:
        title = _title_text(section)
        if not section["ids"] or not title:
            continue
        children = _entries(_sections(section), depth - 1) if depth > 1 else []
        entries.append({"id": section["ids"][0], "title": title, "children": children})
    return entries


def page_outline(doctree: nodes.document, depth: int = 2) -> list[dict[str, Any]]:
    """The sections below the page title, ``depth`` levels deep."""
    top = _sections(doctree)
    if len(top) == 1:
        top = _sections(top[0])
    return _entries(top, depth)


def css_color(value: object, default: str) -> str:
    """``value`` if it is a plain CSS colour, else ``default`` (keeps the CSS file intact)."""
    text = str(value or "").strip()
    return text if _CSS_COLOR.fullmatch(text) else default


def split_title(body: str) -> tuple[str, str, str]:
    """``(before, h1, after)``: the body around its first ``<h1>``, or ``("", "", body)``.

    The theme puts the byline right after the title, inside the article
    header, in HTML the writer already escaped; nothing is added to it here.
    """
    match = _FIRST_H1.search(body)
    if match is None:
        return "", "", body
    return body[: match.start()], match.group(), body[match.end() :]


def metadata_author(meta: dict[str, Any]) -> str:
    author = meta.get("author") or meta.get("authors") or ""
    if isinstance(author, list | tuple):
        author = ", ".join(str(name) for name in author)
    return " ".join(str(author).split())


def _make_gettext(app: Sphinx) -> Callable[[str], str]:
    """A ``_`` for templates: the extension's catalog first, then Sphinx's."""

    def gettext(message: str) -> str:
        translated = get_translator(CATALOG).gettext(message)
        if translated == message:
            translated = app.translator.gettext(message)
        return translated

    return gettext


def add_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the ``explainer_*`` keys to a page's template context."""
    meta = context.get("meta") or {}
    date_value = meta.get("date")
    human, iso = format_page_date(date_value, app.config.language) if date_value else ("", "")
    words = count_words(doctree) if doctree is not None else 0
    speed = context.get("theme_words_per_minute", WORDS_PER_MINUTE)
    context.update(
        explainer_date=human,
        explainer_date_iso=iso,
        explainer_author=metadata_author(meta),
        explainer_words=words,
        explainer_reading_minutes=reading_minutes(words, speed) if words else 0,
        explainer_toc=page_outline(doctree) if doctree is not None else [],
    )
    if _THEME_MARKER in context:
        context["_"] = _make_gettext(app)
        before, title, after = split_title(context.get("body") or "")
        context.update(
            explainer_body_before=before, explainer_body_title=title, explainer_body_after=after
        )


def add_template_filters(app: Sphinx) -> None:
    """Give the theme's templates (and its ``*.css.jinja``) the ``explainer_color`` filter."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is not None:
        environment.filters["explainer_color"] = css_color


def setup_page_context(app: Sphinx) -> None:
    """Connect the page-context helpers of the theme (safe with any theme)."""
    app.connect("builder-inited", add_template_filters)
    app.connect("html-page-context", add_page_context)
