"""Where the extension's build time goes: a cProfile of both versions of a project.

Generates the benchmark project twice (the extension's directives, and
built-ins only), builds each once under :mod:`cProfile` in its own
``python -m sphinx`` process, and attributes the extension's share of the
profile to its modules: the time spent in the package's functions and in
what they call outside it, except the parsing of a directive's content
(which runs the directives nested in it, counted on their own, and which the
built-ins' admonitions and dropdowns do as well). It prints, or writes with
``--rst``, a table of milliseconds per page by module.

Command line::

    python -m benchmarks.profile --pages 200 --rst docs/performance-profile.rst

The profiler counts CPU time (a busy machine changes it least) and slows
every call down, small ones most, so read the table for shares rather than
for absolute times.
"""

from __future__ import annotations

import argparse
import ast
import cProfile
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sphinx_explainer"
#: Calls that parse a directive's content: the directives nested in it count on their own.
CONTENT_PARSING = {"parse_content_to_nodes", "nested_parse", "nested_parse_with_titles"}

Function = tuple[str, int, str]


def profile_build(srcdir: Path, workdir: Path) -> pstats.Stats:
    """One clean serial HTML build of ``srcdir`` under cProfile, in a child process."""
    stats = workdir / "build.prof"
    command = [sys.executable, "-m", "benchmarks.profile", "--child", str(stats), "--"]
    command += ["-b", "html", "-q", "-j", "1", "-d", str(workdir / "doctrees")]
    command += [str(srcdir), str(workdir / "html")]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return pstats.Stats(str(stats))


def build_under_profile(stats: Path, sphinx_args: list[str]) -> None:
    """Run ``sphinx-build`` with its CPU time profiled (a busy machine changes it least)."""
    from sphinx.cmd.build import build_main

    profiler = cProfile.Profile(time.thread_time)
    status = profiler.runcall(build_main, sphinx_args)
    profiler.dump_stats(stats)
    if status:
        raise SystemExit(status)


def is_ours(function: Function) -> bool:
    return Path(function[0]).is_relative_to(PACKAGE)


def module_of(function: Function) -> str:
    return Path(function[0]).relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")


def _cost_graph(stats: pstats.Stats) -> tuple[dict[Function, float], dict[Function, dict]]:
    """Per function of ours: the time of its own and of the calls it makes outside the
    package (content parsing left out); and who calls it, with each edge's time."""
    table: dict[Function, tuple] = stats.stats  # type: ignore[attr-defined]
    cost: dict[Function, float] = defaultdict(float)
    for function, (_cc, _nc, own, _cumulative, callers) in table.items():
        if is_ours(function):
            cost[function] += own
        elif function[2] not in CONTENT_PARSING:
            for caller, edge in callers.items():
                if is_ours(caller):
                    cost[caller] += edge[3]
    callers_of = {function: entry[4] for function, entry in table.items() if is_ours(function)}
    return cost, callers_of


def time_by_entry(stats: pstats.Stats) -> dict[Function, float]:
    """Seconds for each function of ours that Sphinx or docutils calls (an entry point).

    The time of a helper (``plain_text``, say) is shared among the functions
    of ours that call it, in proportion to the time of each call, up to the
    entry points.
    """
    cost, callers_of = _cost_graph(stats)
    callees: dict[Function, list[Function]] = defaultdict(list)
    for function, callers in callers_of.items():
        for caller in callers:
            if is_ours(caller) and caller != function:
                callees[caller].append(function)
    totals: dict[Function, float] = {}

    def total(function: Function) -> float:
        if function not in totals:
            totals[function] = 0.0  # a cycle adds nothing more
            totals[function] = cost[function] + sum(
                total(callee) * _share(callers_of[callee], function, callee)
                for callee in callees[function]
            )
        return totals[function]

    entries: dict[Function, float] = {}
    for function, callers in callers_of.items():
        outside = sum(
            _share(callers, caller, function)
            for caller in callers
            if not is_ours(caller) and not is_builtin(caller)
        )
        if outside:
            entries[function] = total(function) * outside
    return entries


def is_builtin(function: Function) -> bool:
    """A built-in such as ``str.join``: it runs the generators it is handed for their
    maker, so its calls count for those who made them."""
    return function[0] == "~"


def _share(callers: dict[Function, tuple], caller: Function, function: Function) -> float:
    """The part of ``function``'s time spent in calls from ``caller``."""
    counted = [
        edge[3] for other, edge in callers.items() if other != function and not is_builtin(other)
    ]
    whole = sum(counted)
    return callers[caller][3] / whole if whole else 0.0


def qualified_name(function: Function) -> str:
    """``Class.method`` or ``function`` for a function of ours, found by its line."""
    path, line, name = function
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef) and _first_line(member) == line:
                    return f"{node.name}.{member.name}"
    return name


def _first_line(node: ast.FunctionDef) -> int:
    return min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])


def time_by_module(stats: pstats.Stats) -> dict[str, tuple[float, list[str]]]:
    """Seconds per module of ours through its entry points, with the costliest of those."""
    grouped: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for function, seconds in time_by_entry(stats).items():
        grouped[module_of(function)].append((seconds, qualified_name(function)))
    return {
        module: (
            sum(seconds for seconds, _name in entries),
            [name for _s, name in sorted(entries)[::-1][:2]],
        )
        for module, entries in grouped.items()
    }


def total_seconds(stats: pstats.Stats) -> float:
    return stats.total_tt  # type: ignore[attr-defined]


def rst_table(
    by_module: dict[str, tuple[float, list[str]]],
    pages: int,
    totals: tuple[float, float],
    theme: str,
) -> str:
    """The figures as a reStructuredText include: a paragraph and a list table."""
    ours, builtins = totals
    extension = sum(seconds for seconds, _names in by_module.values())
    lines = [
        f"A {pages}-page project under {theme}, one clean serial build of each version,",
        f"its CPU time profiled with cProfile: {ours / pages * 1000:.1f} ms per page with",
        f"the extension, {builtins / pages * 1000:.1f} ms with built-ins",
        f"({(ours / builtins - 1) * 100:+.1f} % under the profiler, which slows small calls",
        "most). The extension's functions, with what they call, take",
        f"{extension / pages * 1000:.1f} ms per page:",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - Module",
        "     - Costliest entry points",
        "     - ms per page",
        "     - Share of the build",
    ]
    for module, (seconds, names) in sorted(by_module.items(), key=lambda item: -item[1][0]):
        if seconds / pages * 1000 < 0.05:
            continue
        lines += [
            f"   * - ``{module}``",
            "     - " + ", ".join(f"``{name}``" for name in names),
            f"     - {seconds / pages * 1000:.2f}",
            f"     - {seconds / ours * 100:.1f} %",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--theme", default="alabaster")
    parser.add_argument("--rst", type=Path, help="write the table to this file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("sphinx_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        build_under_profile(args.child, args.sphinx_args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stats = {}
        for mode in ("explainer", "builtins"):
            project = generate(root / mode / "src", args.pages, mode, theme=args.theme)
            stats[mode] = profile_build(project.srcdir, root / mode)
    by_module = time_by_module(stats["explainer"])
    totals = (total_seconds(stats["explainer"]), total_seconds(stats["builtins"]))
    table = rst_table(by_module, args.pages, totals, args.theme)
    if args.rst:
        args.rst.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
