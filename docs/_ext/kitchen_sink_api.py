"""A small module that the kitchen sink documents with autodoc.

It exists to show what API reference looks like in the article theme:
functions with long and overloaded signatures, a class with methods and
properties, an exception, constants, and version notes in docstrings.
"""

from __future__ import annotations

import enum
from typing import overload

#: The reading speed, in words per minute, that :func:`reading_minutes` assumes.
WORDS_PER_MINUTE = 230


class Mood(enum.Enum):
    """The tone of an explainer."""

    #: Sober and factual.
    NEUTRAL = "neutral"
    #: Light, with jokes.
    PLAYFUL = "playful"


class ExplainerError(ValueError):
    """Raised when an explainer cannot be built from its sources."""


def reading_minutes(words: int, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Return the whole minutes it takes to read ``words`` words.

    :param words: How many words the page holds.
    :param words_per_minute: The reader's speed.
    :returns: At least one minute.
    :raises ExplainerError: If ``words_per_minute`` is not positive.

    .. versionadded:: 0.1
    """
    if words_per_minute <= 0:
        raise ExplainerError("words_per_minute must be positive")
    return max(1, round(words / words_per_minute))


def transform_explainer_sources(
    source_directory: str,
    output_directory: str,
    *,
    include_drafts: bool = False,
    words_per_minute: int = WORDS_PER_MINUTE,
    mood: Mood = Mood.NEUTRAL,
) -> list[str]:
    """Transform every explainer under ``source_directory`` and return their names.

    A signature long enough to be broken one parameter a line.

    :param source_directory: Where the sources live.
    :param output_directory: Where the pages go.
    :param include_drafts: Also transform pages marked as drafts.
    :param words_per_minute: The reading speed of the reading-time estimate.
    :param mood: The tone of the generated summaries.

    .. versionchanged:: 0.2
       ``mood`` is keyword-only.
    """
    return [source_directory, output_directory] if include_drafts else []


@overload
def shorten(text: str) -> str: ...
@overload
def shorten(text: str, limit: int) -> str: ...
@overload
def shorten(text: bytes, limit: int = 200) -> bytes: ...
def shorten(text: str | bytes, limit: int = 200) -> str | bytes:
    """Cut ``text`` on a word boundary near ``limit`` characters.

    .. deprecated:: 0.3
       Use :meth:`Explainer.summary` instead.
    """
    return text[:limit]


class Explainer:
    """An article with a summary, objectives and questions.

    :param title: The page title.
    :param words: How many words the page holds.
    """

    #: Whether the page is a draft.
    draft: bool = False

    def __init__(self, title: str, words: int = 0) -> None:
        self.title = title
        self.words = words

    @property
    def minutes(self) -> int:
        """The reading time in whole minutes."""
        return reading_minutes(self.words)

    @classmethod
    def from_text(cls, title: str, text: str) -> Explainer:
        """Make an explainer from its plain text.

        :param title: The page title.
        :param text: The page's words.
        """
        return cls(title, len(text.split()))

    def summary(self, limit: int = 200) -> str:
        """The first ``limit`` characters of the title, cut on a word.

        .. versionremoved:: 0.4
           The ``ellipsis`` parameter.
        """
        return self.title[:limit]
