"""``sphinx-explainer new``: write the skeleton of an article, every block in place.

``sphinx-explainer new "Why the sky is blue" --dir docs/articles`` writes
``docs/articles/why-the-sky-is-blue.rst`` (``.md`` with ``--myst``): the
``:date:`` and ``:author:`` fields, a TL;DR, What You'll Learn, two sections,
a FAQ with two questions and a footnote source, each holding a one-line hint
of what belongs there. The file builds without a warning as written. The
command never overwrites a file, and prints the toctree line that adds the
page to the site.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils.utils import column_width

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "sphinx-explainer"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

RST_TEMPLATE = """\
.. The fields: :date: the day of publication (YYYY-MM-DD), :author: who wrote it,
   :tags: comma-separated topics. Then the page; replace each hint with your text.

:date: {date}
{fields}
{title}
{underline}

.. tldr::

   Sum up the whole page in two or three sentences: a reader who stops here
   should leave with the answer\\ [#source]_.

.. what-you-will-learn::

   * One thing the reader will know after reading
   * Another thing, one line each

First section
-------------

Tell the story one step at a time: one idea per section.

Second section
--------------

Explain why it matters, and back each claim with a source\\ [#source]_.

.. faq::

   .. faq-item:: A question readers still have?

      Answer it in a few sentences.

   .. faq-item:: Another question, phrased as a reader would ask it?

      Answer it too; link to a section or a source where it helps.

.. rubric:: Sources

.. [#source] Name the source: author, title, publication, date, and a link.
"""

MYST_TEMPLATE = """\
---
# date: the day of publication (YYYY-MM-DD), author: who wrote it,
# tags: comma-separated topics. Then the page; replace each hint with your text.
date: "{date}"
{fields}---

# {title}

```{{tldr}}
Sum up the whole page in two or three sentences: a reader who stops here
should leave with the answer[^source].
```

```{{what-you-will-learn}}
* One thing the reader will know after reading
* Another thing, one line each
```

## First section

Tell the story one step at a time: one idea per section.

## Second section

Explain why it matters, and back each claim with a source[^source].

::::{{faq}}
:::{{faq-item}} A question readers still have?
Answer it in a few sentences.
:::

:::{{faq-item}} Another question, phrased as a reader would ask it?
Answer it too; link to a section or a source where it helps.
:::
::::

```{{rubric}} Sources
```

[^source]: Name the source: author, title, publication, date, and a link.
"""


class UsageError(Exception):
    """A problem with the command line, told to the user without a traceback."""


@dataclass(frozen=True)
class Article:
    """What ``new`` writes: the title and fields of one article skeleton."""

    title: str
    date: str
    author: str = ""
    tags: tuple[str, ...] = ()
    myst: bool = False

    @property
    def suffix(self) -> str:
        return ".md" if self.myst else ".rst"

    def render(self) -> str:
        """The text of the skeleton, in reStructuredText or MyST Markdown."""
        if self.myst:
            fields = "".join(
                f"{name}: {_yaml_string(value)}\n" for name, value in self._extra_fields()
            )
            return MYST_TEMPLATE.format(
                date=self.date, fields=fields, title=_myst_title(self.title)
            )
        fields = "".join(f":{name}: {value}\n" for name, value in self._extra_fields())
        title = _rst_title(self.title)
        return RST_TEMPLATE.format(
            date=self.date, fields=fields, title=title, underline="=" * column_width(title)
        )

    def _extra_fields(self) -> list[tuple[str, str]]:
        fields = []
        if self.author:
            fields.append(("author", self.author))
        if self.tags:
            fields.append(("tags", ", ".join(self.tags)))
        return fields


def slugify(title: str) -> str:
    """A file name stem for ``title``: lower case, words joined by hyphens.

    Accents are dropped (``Café`` gives ``cafe``); letters of other scripts
    are kept, so a title in any language names its file.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "-", base.casefold()).strip("-")


def _rst_title(title: str) -> str:
    """The title as a reST section title that means just its words."""
    escaped = re.sub(r"([\\`*_|\[\]<>])", r"\\\1", title)
    # A title that starts like a list item or an enumeration would be read as one.
    if re.match(r"([-+*•]|\(?(\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)])(\s|$)", escaped):
        escaped = "\\" + escaped
    return escaped


def _myst_title(title: str) -> str:
    """The title as a Markdown heading that means just its words."""
    return re.sub(r"([\\`*_\[\]<>#{}$])", r"\\\1", title)


def _yaml_string(value: str) -> str:
    """``value`` as a double-quoted YAML scalar."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def parse_title(value: str) -> str:
    title = " ".join(value.split())
    if not title:
        raise argparse.ArgumentTypeError(
            'the title is empty; write one, e.g. "Why the sky is blue"'
        )
    if not slugify(title):
        raise argparse.ArgumentTypeError(
            f"the title {value!r} has no letter or digit to name the file after; add a word to it"
        )
    return title


def parse_date(value: str) -> str:
    """An ISO date (``2026-05-21``) that exists, or a usage error saying what to write."""
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-05-21"
        ) from None


def parse_tags(value: str) -> tuple[str, ...]:
    """Comma-separated tags, stripped, each once."""
    tags = (" ".join(tag.split()) for tag in value.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def parse_author(value: str) -> str:
    return " ".join(value.split())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Tools for writing explainers with sphinx-explainer.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    new = commands.add_parser(
        "new",
        help="write the skeleton of a new article",
        description=(
            "Write the skeleton of a new article, named by a slug of its title "
            "(TITLE.rst, or TITLE.md with --myst): the :date: and :author: fields, "
            "a TL;DR, What You'll Learn, two sections, a FAQ with two questions and "
            "a footnote source, each with a one-line hint of what belongs there. "
            "An existing file is never overwritten. The command prints the toctree "
            "line that adds the page to the site."
        ),
        epilog=(
            'Example: sphinx-explainer new "Why the sky is blue" --dir docs/articles '
            '--author "Jane Doe" --tags "physics, light"'
        ),
    )
    new.add_argument("title", type=parse_title, metavar="TITLE", help="the article's title")
    new.add_argument(
        "--myst",
        action="store_true",
        help="write MyST Markdown (.md, with colon fences) instead of reStructuredText (.rst); "
        'the project needs extensions = [..., "myst_parser"] and '
        'myst_enable_extensions = ["colon_fence"] in conf.py',
    )
    new.add_argument(
        "--dir",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the folder to write the file in, created if missing (default: the current folder)",
    )
    new.add_argument(
        "--author",
        type=parse_author,
        default="",
        metavar="NAME",
        help="the :author: field (default: none; fill it in later)",
    )
    new.add_argument(
        "--date",
        type=parse_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the :date: field, an ISO date (default: today)",
    )
    new.add_argument(
        "--tags",
        type=parse_tags,
        default=(),
        metavar="TAGS",
        help='the :tags: field, comma-separated, e.g. "ai, hiring" (default: none)',
    )
    return parser


def find_source_dir(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that holds a ``conf.py``."""
    for candidate in (folder, *folder.parents):
        if (candidate / "conf.py").is_file():
            return candidate
    return None


def shown(path: Path) -> str:
    """``path`` as the user would type it: relative to the current folder when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def toctree_hint(path: Path) -> str:
    """Where the new page goes in a toctree, said as precisely as the folders allow."""
    folder = path.parent.resolve()
    source_dir = find_source_dir(folder)
    if source_dir is None:
        return (
            "Add the page to a toctree of your project with the line\n\n"
            f"   {path.stem}\n\n"
            "written as its path from the folder of conf.py, without the suffix."
        )
    docname = (folder / path.stem).relative_to(source_dir).as_posix()
    indexes = (source_dir / f"index{suffix}" for suffix in (".rst", ".md"))
    root = next((index for index in indexes if index.is_file()), source_dir / "index.rst")
    return f"Add this line to a toctree, for example in {shown(root)}:\n\n   {docname}"


def write_article(article: Article, folder: Path) -> Path:
    """Write ``article`` into ``folder`` and return its path; never overwrite."""
    path = folder / (slugify(article.title) + article.suffix)
    if path.exists():
        raise UsageError(
            f"{path} already exists; it was left as it is. "
            "Choose another title or --dir, or remove the file first."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(article.render())
    except FileExistsError:
        raise UsageError(f"{path} already exists; it was left as it is.") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def run_new(options: argparse.Namespace) -> int:
    article = Article(
        title=options.title,
        date=options.date or datetime.date.today().isoformat(),
        author=options.author,
        tags=options.tags,
        myst=options.myst,
    )
    path = write_article(article, options.dir)
    print(f"Wrote {shown(path)}")
    print(toctree_hint(path))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 refused, 2 usage)."""
    parser = build_parser()
    options = parser.parse_args(argv)
    try:
        return run_new(options)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover - run through __main__.py
    sys.exit(main())
