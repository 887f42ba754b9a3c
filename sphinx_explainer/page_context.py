"""Page context for the ``sphinx_explainer`` theme: date, author, reading time, outline.

An ``html-page-context`` handler adds ``explainer_*`` keys for the theme's
templates, in the article theme and the themes that inherit from it (other
themes do not read them, so their pages are spared the work):

``explainer_date``
    The page's ``:date:`` field, written ISO (``2026-05-21``), in the long
    human form of the project's language (``May 21, 2026``, ``21. Mai 2026``);
    a date that is not ISO is shown as written.
``explainer_date_iso``
    The same date as ``YYYY-MM-DD`` for ``<time datetime>``, or ``""``.
``explainer_author``
    The ``:author:`` field (or ``:authors:``), or ``""``.
``explainer_words``, ``explainer_reading_minutes``
    The page's word count (an article's is counted once, when it is read, and
    kept in its :class:`~sphinx_explainer.domain.PageRecord`) and its reading
    time in whole minutes (at least 1) at the theme's ``words_per_minute``.
``explainer_toc``
    The page's outline below its title: a list of ``{"id", "title", "kind",
    "children"}`` dicts: sections to the depth of the theme option
    ``outline_depth`` (3 by default), and within them the documented objects
    and the FAQ blocks' titles. Built from this page's doctree only, so a
    page's build cost does not grow with the size of the project.

In the theme's own pages, ``explainer_dir`` is the writing direction of the
project's language (``rtl`` or ``ltr``), ``explainer_edit_url`` the address
of the page's source in the repository's editor (theme options
``source_repository``, ``source_branch``, ``source_directory``) or ``""``,
and ``_`` also looks strings up in the extension's catalog before Sphinx's,
so that templates can use strings Sphinx lacks. The byline is not made here
but in the page's doctree (:mod:`sphinx_explainer.byline`). Pages that document
objects or hold field or option lists also link the theme's
``sphinx-explainer-reference.css``.
``explainer_version`` is the package's version (the theme's script tags
carry it against stale caches). Everything comes from the page's own doctree and record and keeps no
state, so parallel and incremental builds are unaffected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.locale import get_translator

from sphinx_explainer import __version__
from sphinx_explainer._i18n import CATALOG
from sphinx_explainer.blocks import explainer_title
from sphinx_explainer.domain import explainer_domain
from sphinx_explainer.faq import explainer_faq
from sphinx_explainer.plaintext import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

#: The theme's default reading speed (theme option ``words_per_minute``).
WORDS_PER_MINUTE = 230
#: How many levels of sections the outline shows (theme option ``outline_depth``).
OUTLINE_DEPTH = 3
#: The theme's stylesheet for API signatures, field and option lists.
REFERENCE_CSS = "sphinx-explainer-reference.css"
#: The nodes it styles: pages without them (articles) do not load it.
_REFERENCE_NODES = (addnodes.desc, nodes.field_list, nodes.option_list)
#: A theme option only this theme (or a theme inheriting it) has.
THEME_MARKER = "theme_words_per_minute"
#: An ISO date, optionally with an ISO time of day (whose date is kept).
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
#: Han, kana and hangul are written without spaces; two characters count as a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_PER_WORD = 2
_WORD = re.compile(r"\w+")
#: Languages written right to left (the primary subtag of ``language``).
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
#: sphinx-design's icons are written as markup (a raw node, or an sd_icon's SVG).
_SD_MARKUP = 'class="sd-'
#: A CSS colour: a name, hex, a colour function of numbers, or a custom property.
_CSS_COLOR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([\w\s.,%/+-]*\)"
    r"|var\(--[\w-]+\)"
)


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
    date = _parse_date(text)
    if date is None:
        return text, ""
    return _long_date(date, language), date.isoformat()


def iso_date(value: object) -> str:
    """A page's ``:date:`` value as ``YYYY-MM-DD``, or ``""`` when it is not ISO."""
    date = _parse_date(str(value).strip())
    return date.isoformat() if date is not None else ""


def _parse_date(text: str) -> dt.date | None:
    """The date ``text`` is, if it is exactly an ISO date, else None.

    An ISO time of day may follow (``2026-05-21T09:30:00``); nothing else:
    ``2026-05-21, updated 2026-06-01`` is not one, and is shown as written
    (with a warning, see :func:`sphinx_explainer.records.check_article_fields`).
    """
    match = _ISO_DATE.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


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


def _entry(node_id: str, title: str, kind: str) -> dict[str, Any]:
    return {"id": node_id, "title": title, "kind": kind, "children": []}


def _section_entry(section: nodes.section, depth: int) -> dict[str, Any] | None:
    title = _title_text(section)
    if not section["ids"] or not title:
        return None
    entry = _entry(section["ids"][0], title, "section")
    entry["children"] = _entries(section, depth - 1)
    return entry


def _signature_entry(signature: nodes.Node) -> dict[str, Any] | None:
    """An object's entry, as Sphinx's TOC gives it (``_toc_name``, set since Sphinx 7.2)."""
    if not isinstance(signature, addnodes.desc_signature):
        return None
    name = signature.get("_toc_name", "")
    if not name or not signature["ids"] or signature.parent.get("no-contents-entry"):
        return None
    return _entry(signature["ids"][0], name, "object")


def _faq_entry(faq: explainer_faq) -> dict[str, Any] | None:
    title = faq.children[0] if faq.children else None
    if not isinstance(title, explainer_title) or not title["ids"]:
        return None
    return _entry(title["ids"][0], plain_text(title, " "), "faq")


def _owner_entry(
    node: nodes.Element, block: nodes.Element, owners: dict[nodes.Element, dict[str, Any]]
) -> dict[str, Any] | None:
    """The entry of the nearest object that ``node`` is documented in, if any."""
    parent = node.parent
    while parent is not None and parent is not block.parent:
        if parent in owners:
            return owners[parent]
        parent = parent.parent
    return None


def _without_prefix(entry: dict[str, Any], owner: str) -> dict[str, Any]:
    """A member's entry without its owner's name (``Class.method()`` -> ``method()``).

    Nested under its owner's entry, the member needs no prefix, and the
    narrow outline column then keeps names whole.
    """
    for separator in (".", "::"):
        if entry["kind"] == "object" and entry["title"].startswith(owner + separator):
            return {**entry, "title": entry["title"][len(owner + separator) :]}
    return entry


def _block_entries(block: nodes.Element) -> list[dict[str, Any]]:
    """The documented objects and FAQ blocks in ``block``, objects nested in their owners."""
    entries: list[dict[str, Any]] = []
    owners: dict[nodes.Element, dict[str, Any]] = {}
    for node in block.findall(nodes.Element):
        if isinstance(node, addnodes.desc):
            found = [entry for entry in map(_signature_entry, node.children) if entry]
        elif isinstance(node, explainer_faq):
            found = [entry for entry in [_faq_entry(node)] if entry]
        else:
            continue
        owner = _owner_entry(node, block, owners)
        if owner is None:
            entries.extend(found)
        else:
            owner["children"].extend(_without_prefix(entry, owner["title"]) for entry in found)
        if found:
            # Members nest under the last signature, as in Sphinx's own TOC.
            owners[node] = found[-1]
    return entries


def _entries(parent: nodes.Element, depth: int) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for child in parent.children:
        if isinstance(child, nodes.section):
            entry = _section_entry(child, depth) if depth > 0 else None
            entries.extend([entry] if entry else [])
        elif isinstance(child, nodes.Element):
            entries.extend(_block_entries(child))
    return entries


def page_outline(doctree: nodes.document, depth: int = OUTLINE_DEPTH) -> list[dict[str, Any]]:
    """The page's outline below its title: ``{"id", "title", "kind", "children"}`` dicts.

    Sections go ``depth`` levels deep; inside them, the documented objects
    (``kind`` ``"object"``, members nested in their class) and the FAQ blocks'
    titles (``"faq"``) are listed where they stand.
    """
    top = [child for child in doctree.children if isinstance(child, nodes.section)]
    parent = top[0] if len(top) == 1 else doctree
    return _entries(parent, depth)


def outline_depth(value: object) -> int:
    """The theme option ``outline_depth`` as a whole number of levels (at least 1)."""
    try:
        return max(1, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return OUTLINE_DEPTH


def needs_reference_css(doctree: nodes.document | None) -> bool:
    """Whether the page documents objects or holds field or option lists."""
    if doctree is None:
        return False
    found = doctree.findall(lambda node: isinstance(node, _REFERENCE_NODES))
    return next(iter(found), None) is not None


def css_color(value: object, default: str) -> str:
    """``value`` if it is a plain CSS colour, else ``default`` (keeps the CSS file intact)."""
    text = str(value or "").strip()
    return text if _CSS_COLOR.fullmatch(text) else default


def text_direction(language: str | None) -> str:
    """``"rtl"`` for a language written right to left, else ``"ltr"``.

    >>> text_direction("he"), text_direction("ar_EG"), text_direction("en")
    ('rtl', 'rtl', 'ltr')
    """
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    return "rtl" if primary in RTL_LANGUAGES else "ltr"


def edit_url(repository: object, branch: object, directory: object, source: str) -> str:
    """The address that edits ``source`` (a path below the docs folder) in the repository.

    Furo's options and meaning: GitLab hosts (``gitlab`` in the host name)
    get ``/-/edit/``, every other host GitHub's ``/edit/``.

    >>> edit_url("https://github.com/o/r/", "main", "docs/", "index.rst")
    'https://github.com/o/r/edit/main/docs/index.rst'
    >>> edit_url("https://gitlab.com/o/r", "dev", "", "a/b.md")
    'https://gitlab.com/o/r/-/edit/dev/a/b.md'
    """
    repo = str(repository or "").strip().rstrip("/")
    if not repo.startswith(("https://", "http://")) or not source:
        return ""
    folder = str(directory or "").strip().strip("/")
    path = f"{folder}/{source}" if folder else source
    host = repo.split("/")[2]
    action = "-/edit" if "gitlab" in host else "edit"
    return f"{repo}/{action}/{str(branch or 'main').strip()}/{path}"


def _markup(node: nodes.Node) -> str:
    """The HTML a node writes as it is: a raw node's text, or an sd_icon's SVG (sphinx-design 0.8)."""
    if isinstance(node, nodes.raw):
        return node.astext()
    return str(node.get("svg", "")) if isinstance(node, nodes.Element) else ""


def uses_sphinx_design(doctree: nodes.Node | None) -> tuple[bool, bool]:
    """``(components, tabs)``: whether the page holds sphinx-design components, and tabs.

    Read from the ``sd-`` classes of the written doctree. The FAQ reuses
    sphinx-design's dropdowns, but the theme's stylesheet styles it, so it
    does not count.
    """
    classes: set[str] = set()
    stack = [doctree] if doctree is not None else []
    while stack:
        node = stack.pop()
        names = node.get("classes", ()) if isinstance(node, nodes.Element) else ()
        if any(name.startswith("explainer-faq") for name in names):
            continue
        classes.update(name for name in names if name.startswith("sd-"))
        if _SD_MARKUP in _markup(node):
            classes.add("sd-icon")
        stack.extend(node.children)
    return bool(classes), "sd-tab-set" in classes


def drop_unused_design_assets(context: dict[str, Any], doctree: nodes.Node | None) -> None:
    """Leave sphinx-design's stylesheet (8 KB gzip) and tab script off pages that do not use them.

    The lists are the builder's own, filtered in place, so that assets added
    for this page by later handlers still reach it; the builder restores
    them before the next page.
    """
    components, tabs = uses_sphinx_design(doctree)

    def name(asset: Any) -> str:
        return str(getattr(asset, "filename", asset)).rsplit("/", 1)[-1]

    if not components:
        context["css_files"][:] = [
            css for css in context["css_files"] if not name(css).startswith("sphinx-design")
        ]
    if not tabs:
        context["script_files"][:] = [js for js in context["script_files"] if name(js) != "design-tabs.js"]


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


def page_words(app: Sphinx, pagename: str, doctree: nodes.document | None) -> int:
    """The page's word count: an article's was counted when it was read.

    Other pages are counted now, and so is the whole project that singlehtml
    writes as one page.
    """
    if doctree is None:
        return 0
    record = explainer_domain(app.env).pages.get(pagename)
    if record is None or not record.is_article or isinstance(app.builder, SingleFileHTMLBuilder):
        return count_words(doctree)
    return record.words


def add_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the ``explainer_*`` keys to a page's template context, in the article theme.

    Other themes' templates do not read them, so their builds skip the work.
    """
    if THEME_MARKER not in context:
        return
    meta = context.get("meta") or {}
    date_value = meta.get("date")
    human, iso = format_page_date(date_value, app.config.language) if date_value else ("", "")
    words = page_words(app, pagename, doctree)
    speed = context.get("theme_words_per_minute", WORDS_PER_MINUTE)
    suffix = context.get("page_source_suffix")
    source = pagename + suffix if suffix and doctree is not None else ""
    drop_unused_design_assets(context, doctree)
    depth = outline_depth(context.get("theme_outline_depth", OUTLINE_DEPTH))
    if needs_reference_css(doctree):
        # For this page only: the builder resets its CSS files before each page.
        app.builder.add_css_file(REFERENCE_CSS)  # type: ignore[attr-defined]
    context.update(
        _=_make_gettext(app),
        explainer_date=human,
        explainer_date_iso=iso,
        explainer_author=metadata_author(meta),
        explainer_words=words,
        explainer_reading_minutes=reading_minutes(words, speed) if words else 0,
        explainer_toc=page_outline(doctree, depth) if doctree is not None else [],
        explainer_version=__version__,
        explainer_dir=text_direction(app.config.language),
        explainer_edit_url=edit_url(
            context.get("theme_source_repository"),
            context.get("theme_source_branch"),
            context.get("theme_source_directory"),
            source,
        ),
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
