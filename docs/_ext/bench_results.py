"""The Performance page's figures, read from the results file of ``make bench``.

``:bench:`name``` writes one figure, or a phrase of figures, from
``benchmarks/results/latest.json`` (the ``bench_results`` setting, relative
to ``conf.py``): ``:bench:`overhead-time``` gives "+11.6 % at 50 pages
(3.96 s against 3.76 s), …", ``:bench:`verdict overhead-time``` gives
**Met** or **Not met**. ``.. bench-figures::`` writes the machine, the
versions, the command and every table (:func:`benchmarks.report.rst`).

So the page's text cannot disagree with its figures, and a new results file
drops in without editing the page. An unknown name is a warning at its line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from benchmarks import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

Summary = dict[str, Any]
OURS = "sphinx_explainer"


def results_path(env: BuildEnvironment) -> Path:
    return (Path(env.app.confdir) / env.config.bench_results).resolve()


def load_results(env: BuildEnvironment) -> Summary | None:
    """The results file, with its targets judged again from its figures; None if missing."""
    path = results_path(env)
    env.note_dependency(str(path))
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    summary["targets"] = report.targets(summary)
    return summary


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _sizes(summary: Summary) -> list[int]:
    return sorted(summary["settings"]["sizes"])


def _cpu(summary: Summary, theme: str, size: int) -> float:
    return summary["theme_cost"][theme]["sizes"][str(size)]["clean_cpu_s"]


def _kb(value: float) -> str:
    return f"{report.kilobytes(value)} KB"


# -- The run ---------------------------------------------------------------------------------


def run_settings(summary: Summary) -> str:
    settings = summary["settings"]
    sizes, repeat = _sizes(summary), settings["repeat"]
    large = settings.get("large_repeat") or repeat
    text = f"{repeat} repetitions at {_and([str(n) for n in sizes])} pages"
    if large != repeat:
        smaller = _and([str(n) for n in sizes[:-1]])
        text = f"{repeat} repetitions at {smaller} pages and {large} at {sizes[-1]}"
    return text


def concurrent_builds(summary: Summary) -> str:
    count = summary["settings"].get("concurrent_builds", 1)
    return "one build at a time" if count == 1 else f"{count} builds at a time"


# -- Extension overhead ----------------------------------------------------------------------


def _overhead(metric: str, unit: Callable[[float], str]) -> Callable[[Summary], str]:
    def phrase(summary: Summary) -> str:
        parts = [
            f"{report.change(row['ratio'][metric])} at {row['size']} pages "
            f"({unit(row['explainer'][metric])} against {unit(row['builtins'][metric])})"
            for row in summary["extension_overhead"]
        ]
        return _and(parts)

    return phrase


def overhead_per_page(summary: Summary) -> str:
    """The largest extra CPU time per page over the sizes, in milliseconds."""
    most = max(
        1000 * (row["explainer"]["cpu_s"] - row["builtins"]["cpu_s"]) / row["size"]
        for row in summary["extension_overhead"]
    )
    return f"at most {most:.0f} ms of CPU time" if most > 0 else "no extra CPU time"


# -- Theme cost ------------------------------------------------------------------------------


def theme_cpu(summary: Summary) -> str:
    sizes = _sizes(summary)
    times = _and([f"{_cpu(summary, OURS, n):.2f} s" for n in sizes])
    return f"{times} of CPU time at {_and([str(n) for n in sizes])} pages"


def _exponent(theme: str, key: str) -> Callable[[Summary], str]:
    def value(summary: Summary) -> str:
        return f"{summary['theme_cost'][theme][key]['cpu']:.2f}"

    return value


def other_exponents(summary: Summary) -> str:
    return _and(
        [
            f"{report.label(theme)} {data['exponent_largest_pair']['cpu']:.2f}"
            for theme, data in summary["theme_cost"].items()
            if theme != OURS
        ]
    )


def _faster_than(theme: str) -> Callable[[Summary], str]:
    def phrase(summary: Summary) -> str:
        top = _sizes(summary)[-1]
        ours, theirs = _cpu(summary, OURS, top), _cpu(summary, theme, top)
        if ours >= theirs:
            comparison = f"{100 * (ours / theirs - 1):.0f} % more"
        elif theirs >= 2 * ours:
            comparison = f"{theirs / ours:.1f} times faster"
        else:
            comparison = f"{100 * (1 - ours / theirs):.0f} % less"
        return (
            f"{ours:.2f} s of CPU time at {top} pages against {report.label(theme)}'s "
            f"{theirs:.2f} s ({comparison})"
        )

    return phrase


def incremental_range(summary: Summary) -> str:
    times = [
        figures["incremental_cpu_s"]
        for data in summary["theme_cost"].values()
        for figures in data["sizes"].values()
        if figures["incremental_cpu_s"]
    ]
    return f"{min(times):.1f} to {max(times):.1f} s"


# -- Page weight -----------------------------------------------------------------------------


def _weight(summary: Summary, theme: str = OURS) -> dict[str, Any]:
    return summary["page_weight"]["themes"][theme]


def theme_own(summary: Summary) -> str:
    own = _weight(summary)["theme_own_css_js"]
    files = ", ".join(Path(path).name for path in own["files"])
    return f"{_kb(own['gzip'])} ({_kb(own['raw'])} raw: {files})"


def theme_own_furo(summary: Summary) -> str:
    return _kb(_weight(summary, "furo")["theme_own_css_js"]["gzip"])


def page_weight(summary: Summary) -> str:
    page = _weight(summary)
    kinds = page["by_kind"]
    names = {"document": "HTML", "stylesheet": "CSS", "script": "JavaScript", "font": "fonts"}
    parts = [f"{names[kind]} {_kb(kinds[kind]['gzip'])}" for kind in names if kind in kinds]
    return f"{_kb(page['gzip'])} in {page['requests']} requests ({', '.join(parts)})"


def page_margin(summary: Summary) -> str:
    margin = report.BUDGET_PAGE_GZIP - _weight(summary)["gzip"]
    return f"{_kb(margin)} to spare" if margin >= 0 else f"{_kb(-margin)} over"


def other_pages(summary: Summary) -> str:
    return _and(
        [
            f"{report.label(theme)} {_kb(data['gzip'])}"
            for theme, data in summary["page_weight"]["themes"].items()
            if theme != OURS
        ]
    )


# -- Lighthouse ------------------------------------------------------------------------------


def _scores(result: dict[str, Any] | None) -> str:
    scores = (result or {}).get("scores")
    return "/".join(str(value) for value in scores.values()) if scores else "no score"


def lighthouse_demo(summary: Summary) -> str:
    demo = (summary.get("lighthouse") or {}).get("demo") or {}
    return f"{_scores(demo.get('mobile'))} on mobile and {_scores(demo.get('desktop'))} on desktop"


def lighthouse_themes(summary: Summary) -> str:
    themes = (summary.get("lighthouse") or {}).get("themes") or {}
    return _and(
        [
            f"{report.label(theme)} {_scores(data.get('mobile'))} on mobile and "
            f"{_scores(data.get('desktop'))} on desktop"
            for theme, data in themes.items()
        ]
    )


def _measured(target_id: str) -> Callable[[Summary], str]:
    """What the run measured for the target of that id, as the report words it."""

    def phrase(summary: Summary) -> str:
        (target,) = [target for target in summary["targets"] if target.get("id") == target_id]
        return str(target["measured"])

    return phrase


FIGURES: dict[str, Callable[[Summary], str]] = {
    "date": lambda summary: summary["finished"][:10],
    "commit": lambda summary: summary["commit"]["hash"][:12],
    "run": run_settings,
    "concurrent-builds": concurrent_builds,
    "largest-size": lambda summary: str(_sizes(summary)[-1]),
    "overhead-time": _overhead("cpu_s", lambda value: f"{value:.2f} s"),
    "overhead-memory": _overhead("maxrss_kb", lambda value: f"{report.megabytes(value)} MB"),
    "overhead-per-page": overhead_per_page,
    "theme-cpu": theme_cpu,
    "exponent-largest": _exponent(OURS, "exponent_largest_pair"),
    "exponent-all": _exponent(OURS, "exponent"),
    "other-exponents": other_exponents,
    "faster-than-furo": _faster_than("furo"),
    "faster-than-pydata-sphinx-theme": _faster_than("pydata_sphinx_theme"),
    "incremental-range": incremental_range,
    "theme-own": theme_own,
    "theme-own-furo": theme_own_furo,
    "page-weight": page_weight,
    "page-margin": page_margin,
    "other-pages": other_pages,
    "lighthouse-demo": lighthouse_demo,
    "lighthouse-themes": lighthouse_themes,
    "site-cost": _measured("site-cost"),
    "site-growth": _measured("site-growth"),
}

VERDICTS = {"met": "Met", "NOT met": "Not met", "not measured": "Not measured"}


#: The ids of :func:`benchmarks.report.targets`; a run that skipped a part has fewer.
TARGET_IDS = (
    "overhead-time",
    "overhead-memory",
    "growth",
    "faster-than-furo",
    "faster-than-pydata-sphinx-theme",
    "theme-css-js",
    "page-weight",
    "lighthouse",
    "site-cost",
    "site-growth",
)
#: What a figure's function raises when the run did not measure it (--no-weight, say).
NOT_MEASURED = (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError)


def verdict(summary: Summary, target_id: str) -> str:
    """``Met``, ``Not met`` or ``Not measured`` for the target of that id."""
    found = [target for target in summary["targets"] if target.get("id") == target_id]
    return VERDICTS[found[0]["verdict"]] if found else VERDICTS["not measured"]


def figure(summary: Summary, name: str) -> str:
    """The figure ``name`` of the run, or "not measured" when the run skipped it."""
    try:
        return FIGURES[name](summary)
    except NOT_MEASURED:
        return "not measured"


class BenchRole(SphinxRole):
    """``:bench:`name``` (a figure) or ``:bench:`verdict id``` (a target's verdict, bold)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        summary = load_results(self.env)
        if summary is None:  # warned once, by bench-figures
            return [nodes.inline(self.rawtext, "(no results)")], []
        kind, _, name = self.text.partition(" ")
        if kind == "verdict" and name in TARGET_IDS:
            return [nodes.strong(self.rawtext, verdict(summary, name))], []
        if self.text not in FIGURES:
            known = ", ".join([*(f"verdict {id_}" for id_ in TARGET_IDS), *FIGURES])
            logger.warning(
                "unknown figure %r of :bench:; write one of: %s",
                self.text,
                known,
                location=self.get_location(),
                type="bench",
            )
            return [nodes.literal(self.rawtext, self.text)], []
        text = figure(summary, self.text)
        return [nodes.inline(self.rawtext, text, classes=["bench-figure"])], []


class BenchFiguresDirective(SphinxDirective):
    """The run's machine, versions and command, then every table of figures."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        summary = load_results(self.env)
        if summary is None:
            path = results_path(self.env)
            logger.warning(
                "no results file at %s: run `make bench`, or set bench_results in conf.py",
                path,
                location=self.get_location(),
                type="bench",
            )
            return [nodes.paragraph("", f"No results file at {path}.")]
        text = report.rst(summary)
        source, line = self.get_source_info()
        lines = text.splitlines()
        content = StringList(lines, items=[(source, line)] * len(lines))
        container = nodes.Element()
        self.state.nested_parse(content, self.content_offset, container)
        return container.children


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("bench_results", "../benchmarks/results/latest.json", "env", types=[str])
    app.add_role("bench", BenchRole())
    app.add_directive("bench-figures", BenchFiguresDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
