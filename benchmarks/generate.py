"""Generate N-page explainer projects for the benchmarks and the tests.

Every page holds about 1,500 words: a TL;DR, a six-item objectives list, six
sections of prose, a six-question FAQ and 15 footnote references to 8 notes
(the first note is cited 6 times). One index page's toctree lists every page.
The text is drawn from a fixed vocabulary with a seeded generator, so the same
arguments always write the same bytes.

Two content modes hold the same words:

``explainer``
    the project's directives: ``tldr``, ``what-you-will-learn``, ``faq`` /
    ``faq-item`` (``faq=False`` writes the FAQ as sphinx-design dropdowns, for
    checkouts where the FAQ directives have not landed yet);
``builtins``
    what a writer uses without the extension: ``admonition`` blocks, a
    ``rubric`` and sphinx-design ``dropdown`` directives, plain footnotes.

A third mode measures the site features on top of ``explainer``:

``site``
    the ``explainer`` pages, each with two ``:tags:`` (from a dozen), a home
    page with an ``explainers`` list, a FAQ hub page (``questions``) with a
    ``faq-index`` of every question, and ``conf.py`` turning on the tag
    pages, the Atom feed (with ``html_baseurl``), ``llms.txt`` and the
    Article metadata. ``explainer`` mode turns the feed and the Article
    metadata off, so the two differ by the site features alone.

Command line::

    python -m benchmarks.generate DEST --pages 200 --mode site --theme furo
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

MODES = ("explainer", "builtins", "site")
#: The modes written with the extension's directives.
DIRECTIVE_MODES = ("explainer", "site")


#: Sections of prose per page, and paragraphs and words in each.
SECTIONS = 6
PARAGRAPHS_PER_SECTION = 3
WORDS_PER_PARAGRAPH = 56
OBJECTIVES = 6
FAQ_ITEMS = 6
NOTES = 8
#: How often each note is cited, in note order: 6 + 2 + 2 + 1 * 5 = 15.
CITATIONS = (6, 2, 2, 1, 1, 1, 1, 1)

VOCABULARY = """
model training data weights compute cluster research lab paper benchmark
result team engineer scientist company product release policy safety
alignment evaluation language reasoning agent tool context window token
budget cost energy chip memory network latency throughput quality error
risk method approach question answer history decade year month week launch
announcement interview report source record archive letter statement draft
reader writer editor story article explainer summary section chapter note
figure table chart number measure estimate trend growth decline shift change
market investor funding round valuation revenue customer user developer
community open closed license access API platform service cloud server
the a an of to in on for with by from about between over under after before
and but or so because while although when where which that this these those
is are was were has have had will would can could may might should must
new old large small early late fast slow public private first second last
simple hard clear complex careful broad narrow strong weak real likely
""".split()

TOPICS = """
scaling laws tokenizers fine-tuning distillation retrieval evaluation
interpretability red-teaming datacenters inference quantisation sparsity
benchmarks licensing governance robotics agents memory context multimodal
""".split()

#: The tags of ``site`` mode; each page carries two of them.
TAGS = tuple(TOPICS[:12])
#: The FAQ hub page of ``site`` mode, and how many cards the home page shows.
HUB_PAGE = "questions"
HOME_LIMIT = 10

FIRST_NAMES = ("Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Frances")
LAST_NAMES = ("Lovelace", "Hopper", "Turing", "Johnson", "Dijkstra", "Liskov", "Knuth", "Allen")


@dataclass(frozen=True)
class Project:
    """What :func:`generate` wrote: the source directory and its page names."""

    srcdir: Path
    pages: tuple[str, ...]
    mode: str
    faq: bool

    def page_path(self, index: int = 0) -> Path:
        return self.srcdir / f"{self.pages[index]}.rst"


def _words(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(VOCABULARY) for _ in range(count)]


def _sentence(rng: random.Random, count: int) -> str:
    words = _words(rng, count)
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _paragraph(rng: random.Random, words: int) -> list[str]:
    """About ``words`` words in sentences of 8 to 16 words."""
    sentences: list[str] = []
    left = words
    while left > 0:
        size = min(left, rng.randint(8, 16))
        sentences.append(_sentence(rng, max(size, 3)))
        left -= size
    return sentences


def _title(rng: random.Random, number: int) -> str:
    topic = rng.choice(TOPICS)
    return f"Explainer {number}: how {topic} {rng.choice(('changed', 'works', 'matters', 'scales'))}"


def _indent(lines: list[str], by: int = 3) -> list[str]:
    pad = " " * by
    return [pad + line if line else "" for line in lines]


def _citation_slots() -> list[str]:
    """The 15 footnote references of a page, in reading order."""
    slots = [f"n{note + 1}" for note, count in enumerate(CITATIONS) for _ in range(count)]
    # Spread them: note 1 in every section, the others after it in turn.
    ordered = [slots[i] for i in range(len(slots))]
    first = [s for s in ordered if s == "n1"]
    others = [s for s in ordered if s != "n1"]
    result: list[str] = []
    while first or others:
        if first:
            result.append(first.pop(0))
        if others:
            result.append(others.pop(0))
        if others:
            result.append(others.pop(0))
    return result


def render_page(number: int, mode: str, *, faq: bool = True, seed: int = 0) -> str:
    """One article page's reStructuredText."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    rng = random.Random(f"{seed}:{number}")
    title = _title(rng, number)
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    month, day = 1 + number % 12, 1 + number % 28
    lines: list[str] = [
        f":date: 2026-{month:02d}-{day:02d}",
        f":author: {author}",
        *([f":tags: {TAGS[number % len(TAGS)]}, {TAGS[(number * 5 + 1) % len(TAGS)]}"] if mode == "site" else []),
        "",
        title,
        "=" * len(title),
        "",
    ]

    tldr = " ".join(_paragraph(rng, 55))
    if mode in DIRECTIVE_MODES:
        lines += [".. tldr::", "", f"   {tldr}", ""]
    else:
        lines += [".. admonition:: TL;DR", "", f"   {tldr}", ""]

    objectives = [f"* {_sentence(rng, 8)}" for _ in range(OBJECTIVES)]
    if mode in DIRECTIVE_MODES:
        lines += [".. what-you-will-learn::", "", *_indent(objectives), ""]
    else:
        lines += [".. admonition:: What You'll Learn", "", *_indent(objectives), ""]

    slots = _citation_slots()
    # Which paragraphs (section, paragraph) carry a citation: 15 of 18.
    cited = {(s, p) for s in range(SECTIONS) for p in range(PARAGRAPHS_PER_SECTION)}
    cited = sorted(cited)[: len(slots)]
    for section in range(SECTIONS):
        heading = _sentence(rng, 4).rstrip(".")
        lines += [heading, "-" * len(heading), ""]
        for paragraph in range(PARAGRAPHS_PER_SECTION):
            sentences = _paragraph(rng, WORDS_PER_PARAGRAPH)
            if (section, paragraph) in cited:
                note = slots[cited.index((section, paragraph))]
                sentences[0] = sentences[0][:-1] + f" [#{note}]_."
            lines += [" ".join(sentences), ""]

    questions = [(_sentence(rng, 7)[:-1] + "?", " ".join(_paragraph(rng, 34))) for _ in range(FAQ_ITEMS)]
    if mode in DIRECTIVE_MODES and faq:
        lines += [".. faq::", ""]
        for question, answer in questions:
            lines += [f"   .. faq-item:: {question}", "", f"      {answer}", ""]
    else:
        lines += [".. rubric:: Frequently Asked Questions", ""]
        for question, answer in questions:
            lines += [f".. dropdown:: {question}", "", f"   {answer}", ""]

    lines += [".. rubric:: Notes", ""]
    for note in range(NOTES):
        lines += [f".. [#n{note + 1}] {' '.join(_paragraph(rng, 15))}", ""]
    return "\n".join(lines)


def render_index(pages: list[str], mode: str) -> str:
    title = "Explainers"
    lines = [
        title,
        "=" * len(title),
        "",
        f"A generated project of {len(pages)} explainers ({mode} mode) for the benchmarks.",
        "",
        *([".. explainers::", f"   :limit: {HOME_LIMIT}", ""] if mode == "site" else []),
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *(f"   {page}" for page in pages),
        *([f"   {HUB_PAGE}"] if mode == "site" else []),
        "",
    ]
    return "\n".join(lines)


def render_hub() -> str:
    """The FAQ hub of ``site`` mode: every question of the project."""
    return "Questions\n=========\n\n.. faq-index::\n"


#: ``conf.py`` lines of each mode: the site features on in ``site``, off in ``explainer``.
SITE_SETTINGS = {
    "site": [
        'html_baseurl = "https://bench.example.org/"',
        "explainer_tag_pages = True",
        "explainer_llms_txt = True",
        "explainer_feed = True",
        "explainer_article_jsonld = True",
    ],
    "explainer": ["explainer_feed = False", "explainer_article_jsonld = False"],
}


def render_conf(mode: str, theme: str) -> str:
    extensions = ["sphinx_explainer"] if mode in DIRECTIVE_MODES else ["sphinx_design"]
    return "\n".join(
        [
            '"""Generated by benchmarks.generate."""',
            'project = "Explainer benchmark"',
            'author = "Bench"',
            'copyright = "2026, Bench"',
            f"extensions = {extensions!r}",
            f"html_theme = {theme!r}",
            'language = "en"',
            'today = "2026-05-21"',
            "html_last_updated_fmt = None",
            'exclude_patterns = ["_build"]',
            *SITE_SETTINGS.get(mode, []),
            "",
        ]
    )


def page_names(pages: int) -> list[str]:
    return [f"article-{number:04d}" for number in range(1, pages + 1)]


def generate(
    dest: Path | str,
    pages: int,
    mode: str = "explainer",
    *,
    theme: str = "alabaster",
    faq: bool = True,
    seed: int = 0,
) -> Project:
    """Write a project of ``pages`` articles plus an index into ``dest``.

    ``dest`` is emptied first. Returns the :class:`Project` written.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    names = page_names(pages)
    (dest / "conf.py").write_text(render_conf(mode, theme), encoding="utf-8")
    (dest / "index.rst").write_text(render_index(names, mode), encoding="utf-8")
    for number, name in enumerate(names, start=1):
        text = render_page(number, mode, faq=faq, seed=seed)
        (dest / f"{name}.rst").write_text(text, encoding="utf-8")
    if mode == "site":
        (dest / f"{HUB_PAGE}.rst").write_text(render_hub(), encoding="utf-8")
    return Project(srcdir=dest, pages=tuple(names), mode=mode, faq=faq)


def set_theme(srcdir: Path | str, theme: str) -> None:
    """Point a generated project's ``conf.py`` at another theme."""
    conf = Path(srcdir) / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    lines = [f"html_theme = {theme!r}" if line.startswith("html_theme =") else line for line in lines]
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--mode", choices=MODES, default="explainer")
    parser.add_argument("--theme", default="alabaster")
    parser.add_argument("--no-faq", dest="faq", action="store_false", help="FAQ as dropdowns")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    project = generate(args.dest, args.pages, args.mode, theme=args.theme, faq=args.faq, seed=args.seed)
    print(f"wrote {len(project.pages)} pages and an index to {project.srcdir}")


if __name__ == "__main__":
    main()
