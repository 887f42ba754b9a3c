"""The base of the explainer directives: title argument, lenient options, located warnings.

Every block directive (``tldr``, ``what-you-will-learn``, ``faq``) runs
through :class:`ExplainerDirective`, which checks its options in its own
words, parses its content and emits the titled block node of
:mod:`sphinx_explainer.blocks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_explainer.blocks import ExplainerBlock, explainer_title

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

#: The type of every warning of the extension: ``explainer.<subtype>``.
WARNING_TYPE = "explainer"


def warn(message: str, location: object, subtype: str) -> None:
    """Emit an ``explainer.<subtype>`` warning that can be suppressed."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


class LenientOptions(dict):
    """An ``option_spec`` that lets unknown options through.

    docutils rejects a directive with an unknown option as a whole, and its
    content is lost behind a generic error; with this spec the directive warns
    in its own words (:func:`check_options`) and renders its content.
    """

    def __missing__(self, name: str) -> Callable[[str], str]:
        return directives.unchanged


class RejectedValue(NamedTuple):
    """An option value its converter rejected, kept for :func:`check_options`."""

    value: str | None
    reason: str


def lenient(converter: Callable[[str | None], object]) -> Callable[[str | None], object]:
    """``converter``, returning a :class:`RejectedValue` instead of raising.

    docutils drops the whole directive, content and all, when a converter
    raises (``:class:`` with no value); the directive warns and renders instead.
    """

    def convert(argument: str | None) -> object:
        try:
            return converter(argument)
        except (ValueError, TypeError) as error:
            return RejectedValue(argument, str(error))

    return convert


#: ``directives.class_option`` that lets :func:`check_options` warn.
class_option = lenient(directives.class_option)


def flag(argument: str | None) -> str | None:
    """Like ``directives.flag``, but keeps a stray value for :func:`check_options`."""
    return argument.strip() or None if argument else None


def check_options(directive: SphinxDirective, subtype: str) -> None:
    """Warn about unknown options and values given to flags, and drop them."""
    known = directive.option_spec or {}
    for name in sorted(directive.options):
        if name not in known:
            allowed = ", ".join(f":{option}:" for option in sorted(known))
            warn(
                f"The '{directive.name}' directive has no option ':{name}:', so it was "
                f"ignored. Its options are {allowed}.",
                directive.get_location(),
                subtype,
            )
            del directive.options[name]
        elif isinstance(directive.options[name], RejectedValue):
            rejected = directive.options.pop(name)
            warn(
                f"The option ':{name}:' of the '{directive.name}' directive was ignored: "
                f"{rejected.reason.rstrip('.')}. Write ':{name}: value', or leave the "
                "option out.",
                directive.get_location(),
                subtype,
            )
        elif known[name] is flag and directive.options[name] is not None:
            warn(
                f"The option ':{name}:' of the '{directive.name}' directive takes no value, "
                f"so '{directive.options[name]}' was ignored. Write ':{name}:' alone.",
                directive.get_location(),
                subtype,
            )
            directive.options[name] = None


class ExplainerDirective(SphinxDirective):
    """A block with an optional title argument, ``:class:`` and ``:name:``.

    Subclasses set :attr:`node_class`, :attr:`warning_subtype` and
    :meth:`default_title`, and may check the parsed body in :meth:`check_body`.
    """

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = LenientOptions(
        {"class": class_option, "name": directives.unchanged}
    )

    node_class: ClassVar[type[ExplainerBlock]]
    warning_subtype: ClassVar[str]

    def default_title(self) -> str:
        """The title used when the author gives none, in the project's language."""
        raise NotImplementedError

    def check_body(self, body: list[nodes.Node]) -> None:
        """Warn about content the block does not expect (the default accepts all)."""

    def run(self) -> list[nodes.Node]:
        check_options(self, self.warning_subtype)
        if not "\n".join(self.content).strip():
            warn(
                f"The '{self.name}' directive is empty, so nothing was rendered. "
                "Write its content as an indented block below the directive.",
                self.get_location(),
                self.warning_subtype,
            )
            return []
        block = self.node_class(classes=[self.node_class.css_class, *self.options.get("class", [])])
        self.set_source_info(block)
        self.add_name(block)
        block += self.make_title()
        body = self.parse_content_to_nodes()
        self.check_body(body)
        block += body
        return [block]

    def make_title(self) -> explainer_title:
        """The title node: the argument parsed as inline markup, or the default."""
        title = explainer_title(self.arguments[0] if self.arguments else "")
        self.set_source_info(title)
        if self.arguments:
            inline, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            title += inline
            title += messages
        else:
            title += nodes.Text(self.default_title())
            # The default comes from our own catalog; keep it out of the .pot.
            title["translatable"] = False
        self.state.document.set_id(title)
        return title
