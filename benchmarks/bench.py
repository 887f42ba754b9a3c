"""``make bench``: build time, memory, page weight and Lighthouse, side by side.

Runs, for each size N and each repetition, in an order rotated every
repetition so that no configuration always runs first or last:

- the generated project with built-ins only, alabaster (clean build);
- the same words with the extension's directives, under each theme
  (clean build, then an incremental build after editing one page);
- the same with the site features on (``site`` mode: tags, a home page with
  ``explainers``, a FAQ hub, tag pages, the feed, ``llms.txt``, Article
  metadata) under the article theme, clean and incremental, to report what
  they cost. These run after the others, one build at a time, each beside a
  clean build of the same pages without the features (``kind`` ``paired``),
  in turns (A B, then B A): builds that share the machine with different
  neighbours would bias the ratio of the two.

Then it loads one generated article per theme in Chromium (page weight) and
runs Lighthouse on the demo article and on the generated article. It prints
the tables, and writes every figure to ``<out>/latest.json``, from which the
docs build the Performance page (``docs/_ext/bench_results.py``).

Timing noise never makes it fail: it exits non-zero only when a build fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.builds import clean_build, incremental_build
from benchmarks.generate import generate, set_theme

ROOT = Path(__file__).resolve().parent.parent
THEMES = ["sphinx_explainer", "alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme"]
DEMO_ARTICLE = "articles/karpathy-joins-anthropic"


def snapshot(source: str, work: Path, log) -> dict[str, Any]:
    """Copy the code (and docs) to measure into ``work/snapshot``.

    ``head``: exactly the files of the commit checked out (``git archive``), so
    the figures belong to one commit even while the working tree changes;
    ``worktree``: the files as they are now, uncommitted changes included.
    Every build imports ``sphinx_explainer`` from the snapshot (PYTHONPATH).
    """
    target = work / "snapshot"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    info = commit_info()
    if source == "head":
        archive = subprocess.run(
            ["git", "archive", "--format=tar", "HEAD", "sphinx_explainer", "docs"],
            cwd=ROOT, capture_output=True, check=False,
        )  # fmt: skip
        if archive.returncode == 0:
            subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
            info["measured"] = "HEAD (committed files only)"
        else:
            log("git archive failed: measuring the working tree")
            source = "worktree"
    if source == "worktree":
        for name in ("sphinx_explainer", "docs"):
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns(
                "__pycache__", "_build"))  # fmt: skip
        info["measured"] = "working tree" + (" (with uncommitted changes)" if info["dirty"] else "")
    if source == "head":
        info["dirty"] = []
    return info


def child_env(work: Path) -> dict[str, str]:
    """The environment of every build: the snapshot first on the import path."""
    paths = [str(work / "snapshot"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


def faq_directive_available(work: Path) -> bool:
    """Whether the measured extension registers the ``faq`` directives."""
    extension = work / "snapshot" / "sphinx_explainer" / "extension.py"
    return extension.exists() and "setup_faq" in extension.read_text(encoding="utf-8")


def site_features_available(work: Path) -> bool:
    """Whether the measured extension has the site features (``explainers``, ``faq-index``)."""
    extension = work / "snapshot" / "sphinx_explainer" / "extension.py"
    return extension.exists() and "setup_lists" in extension.read_text(encoding="utf-8")


def machine_info() -> dict[str, Any]:
    cpu_model = platform.processor() or "unknown"
    memory_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": memory_gb,
        "system": f"{platform.system()} {platform.release()}",
        "load_start": None,
        "load_end": None,
    }


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"Python": platform.python_version()}
    for name in ("sphinx", "docutils", "sphinx-design", "sphinx-explainer", "alabaster", "furo",
                 "pydata-sphinx-theme", "sphinx-book-theme", "playwright"):  # fmt: skip
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    for name, command in (("Chromium", ["chromium", "--version"]), ("Node", ["node", "--version"])):
        try:
            output = subprocess.run(command, capture_output=True, text=True, timeout=30).stdout
            tokens = [t for t in output.split() if t.lstrip("v")[:1].isdigit()]
            found[name] = tokens[0] if tokens else None
        except (OSError, subprocess.TimeoutExpired):
            found[name] = None
    return found


def commit_info() -> dict[str, Any]:
    def git(*args: str) -> str:
        try:
            result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
            return result.stdout.strip()
        except OSError:
            return ""

    dirty = [line[3:] for line in git("status", "--porcelain", "--", "sphinx_explainer").splitlines()]
    return {"hash": git("rev-parse", "HEAD") or "unknown", "dirty": dirty}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def variants(themes: list[str], site: bool = False) -> list[tuple[str, str]]:
    found = [("builtins", "alabaster")]
    found += [("explainer", theme) for theme in themes]
    if "alabaster" not in themes:
        found.insert(1, ("explainer", "alabaster"))
    if site:
        found.append(("site", report.SITE_THEME))
    return found


#: The builds of the site features and the same pages without them, run in turns.
SITE_PAIR = (("site", report.SITE_THEME), ("explainer", report.SITE_THEME))


def run_builds(args: argparse.Namespace, work: Path, faq: bool, log) -> list[dict[str, Any]]:
    """Every clean (and incremental) build, interleaved; ``--jobs`` at a time.

    Each (mode, theme, size) has its own copy of the sources, so concurrent
    builds never share a file; a lock per copy keeps two repetitions of the
    same one apart.
    """
    env = child_env(work)
    order = variants(args.themes, args.site)
    built = order + [SITE_PAIR[1]] if args.site and SITE_PAIR[1] not in order else order
    projects = {
        (size, mode, theme): generate(work / f"src-{mode}-{theme}-{size}", size, mode,
                                      theme=theme, faq=faq)
        for size in args.sizes
        for mode, theme in built
    }  # fmt: skip
    if args.warmup:
        # Fill the OS file cache and the themes' byte code once, unmeasured.
        warm = generate(work / "src-warmup", 5, "explainer", faq=faq)
        for _, theme in order:
            set_theme(warm.srcdir, theme)
            clean_build(warm.srcdir, work / "build-warmup", env=env)
    concurrent = [variant for variant in order if variant[0] != "site"]
    tasks, site_tasks = [], []
    for rep in range(args.repeat):
        for size in args.sizes:
            if args.site:
                # Every repetition, at every size: the pair is cheap, and decides a target.
                pair = SITE_PAIR if rep % 2 == 0 else SITE_PAIR[::-1]
                site_tasks += [(rep, size, mode, theme, mode == "site") for mode, theme in pair]
            if size == max(args.sizes) and rep >= args.large_repeat:
                continue
            shift = rep % len(concurrent)
            tasks += [(rep, size, mode, theme) for mode, theme in concurrent[shift:] + concurrent[:shift]]
    locks = {key: threading.Lock() for key in projects}
    builds: list[dict[str, Any]] = []

    start = time.perf_counter()
    skipped: list[dict[str, Any]] = []

    def task(rep: int, size: int, mode: str, theme: str, paired: bool | None = None) -> None:
        """One clean build (and an incremental one); ``paired``: a build of a site pair."""
        if args.budget and rep > 0 and time.perf_counter() - start > 60 * args.budget:
            # Over the time budget: later repetitions are dropped, never the first.
            skipped.append({"rep": rep, "size": size, "mode": mode, "theme": theme})
            return
        project = projects[(size, mode, theme)]
        workdir = work / f"build-{mode}-{theme}-{size}"
        kind = "paired" if paired is False else "clean"
        with locks[(size, mode, theme)]:
            run, _ = clean_build(project.srcdir, workdir, env=env)
            record = {"rep": rep, "size": size, "mode": mode, "theme": theme, "kind": kind}
            found = [{**record, **run.as_dict()}]
            message = (
                f"[{rep + 1}/{args.repeat}] N={size:<4} {mode:9} {theme:20} {kind:6} "
                f"{run.wall_s:7.2f} s (CPU {run.cpu_s:7.2f} s, {run.maxrss_kb / 1024:4.0f} MB)"
            )
            if run.returncode != 0:
                message += f" FAILED: {run.stderr_tail}"
            elif mode != "builtins" and paired is not False:
                incremental = incremental_build(
                    project.srcdir, workdir, project.page_path(-1), env=env
                )
                found.append({**record, "kind": "incremental", **incremental.as_dict()})
                message += (
                    f"  incremental {incremental.wall_s:6.2f} s (CPU {incremental.cpu_s:6.2f} s)"
                )
            if run.warnings:
                message += f"  ({run.warnings} warnings)"
        builds.extend(found)
        log(message)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for future in [pool.submit(task, *t) for t in tasks]:
            future.result()
    for site_task in site_tasks:
        task(*site_task)
    if skipped:
        log(f"time budget of {args.budget} minutes reached: {len(skipped)} later runs skipped")
    args.skipped = skipped
    return builds


def run_weight(args: argparse.Namespace, work: Path, log) -> dict[str, Any]:
    size = min(args.sizes)
    page = "article-0002.html" if size >= 2 else "article-0001.html"
    pages = {}
    for theme in args.themes:
        html = work / f"build-explainer-{theme}-{size}" / "html"
        if (html / page).exists():
            pages[theme] = (html, page)
    try:
        from benchmarks.weight import measure_pages

        own = {"sphinx_explainer": work / "snapshot" / "sphinx_explainer"}
        themes = measure_pages(pages, roots=own)
    except Exception as error:  # noqa: BLE001 - a missing browser must not stop the bench
        log(f"page weight skipped: {error}")
        return {"page": page, "size": size, "error": str(error), "themes": {}}
    for theme, data in themes.items():
        log(f"page weight {theme:20} {data['requests']:3} requests "
            f"{data['raw'] / 1024:7.1f} KB raw {data['gzip'] / 1024:7.1f} KB gzip, "
            f"extension {data['extension_css_js']['gzip'] / 1024:4.1f} KB gzip "
            f"(previews {data['previews_css_js']['gzip'] / 1024:4.1f} KB)")  # fmt: skip
    return {"page": f"{page} of the {size}-page project", "size": size, "themes": themes}


def build_demo(work: Path, log) -> tuple[Path, str] | None:
    """Build the docs with the article theme; return (html dir, demo page)."""
    docs = work / "snapshot" / "docs"
    if not any((docs / f"{DEMO_ARTICLE}{ext}").exists() for ext in (".rst", ".md")):
        return None
    outdir = work / "docs-html"
    if outdir.exists():
        shutil.rmtree(outdir)
    env = dict(child_env(work), SPHINX_THEME="sphinx_explainer")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(docs), str(outdir),
         "-d", str(work / "docs-doctrees")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    page = f"{DEMO_ARTICLE}.html"
    if result.returncode != 0 or not (outdir / page).exists():
        log(f"docs build failed, Lighthouse runs on a generated article: {result.stderr[-300:]}")
        return None
    return outdir, page


def run_lighthouse(args: argparse.Namespace, work: Path, weight: dict[str, Any], log) -> dict:
    from benchmarks.weight import ensure_lighthouse, lighthouse, serving_compressed

    binary, reason = ensure_lighthouse(ROOT / ".cache" / "bench")
    if binary is None:
        log(f"Lighthouse skipped: {reason}")
        return {"status": "skipped", "reason": reason}
    reports = work / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"status": "ok", "themes": {}}

    def both(directory: Path, page: str, name: str) -> dict[str, Any]:
        scores = {}
        with serving_compressed(directory) as base:
            for preset in ("mobile", "desktop"):
                scores[preset] = lighthouse(binary, base + page, preset, reports / f"{name}-{preset}.json")
                shown = scores[preset].get("scores") or scores[preset].get("error")
                log(f"lighthouse {name:28} {preset:7} {shown}")
        return scores

    demo = build_demo(work, log)
    size = weight.get("size") or min(args.sizes)
    page = "article-0002.html" if size >= 2 else "article-0001.html"
    if demo:
        result["demo"] = {"page": f"the demo article ({DEMO_ARTICLE})", **both(*demo, "demo")}
    else:
        html = work / f"build-explainer-sphinx_explainer-{size}" / "html"
        result["demo"] = {
            "page": f"a generated article ({page}; the demo article was not available)",
            **both(html, page, "demo-generated"),
        }
    for theme in args.themes:
        html = work / f"build-explainer-{theme}-{size}" / "html"
        if (html / page).exists():
            result["themes"][theme] = both(html, page, theme)
    return result


def report_only(args: argparse.Namespace) -> int:
    summary = json.loads(args.report_only.read_text(encoding="utf-8"))
    summary["extension_overhead"] = report.extension_overhead(
        summary["builds"], summary["settings"]["sizes"]
    )
    summary["theme_cost"] = report.theme_cost(
        summary["builds"], summary["settings"]["sizes"], summary["settings"]["themes"]
    )
    summary["site_cost"] = report.site_cost(summary["builds"], summary["settings"]["sizes"])
    summary["targets"] = report.targets(summary)
    write(summary, args.out)
    print(report.terminal(summary))
    return 0


def write(summary: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800],
                        help="project sizes in pages (default: 50 200 800)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (default: 3)")
    parser.add_argument("--large-repeat", type=int, metavar="K",
                        help="repetitions at the largest size only (default: --repeat); "
                        "the site-feature pairs always run --repeat times")
    parser.add_argument("--jobs", type=int, default=1,
                        help="builds run at once (default 1; 2 finishes sooner on a busy "
                             "machine, CPU time and memory stay per build)")
    parser.add_argument("--budget", type=float, metavar="MINUTES",
                        help="start no repetition after the first once the builds have "
                             "taken this long (default: no limit)")
    parser.add_argument("--themes", nargs="+", default=THEMES, help="themes to compare")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results",
                        help="where latest.json goes (default: benchmarks/results)")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench" / "work",
                        help="scratch directory for the projects and builds")
    parser.add_argument("--source", choices=("head", "worktree"), default="head",
                        help="measure the committed HEAD (default) or the working tree")
    parser.add_argument("--report-only", type=Path, metavar="JSON",
                        help="only print and rewrite the report of an earlier run's JSON")
    parser.add_argument("--no-weight", dest="weight", action="store_false",
                        help="skip the page weight measurement in Chromium")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false",
                        help="skip Lighthouse")
    parser.add_argument("--no-warmup", dest="warmup", action="store_false",
                        help="skip the unmeasured warm-up builds")
    parser.add_argument("--no-faq-directive", dest="faq", action="store_false",
                        help="write FAQs as sphinx-design dropdowns in both modes")
    parser.add_argument("--no-site", dest="site", action="store_false",
                        help="skip the builds with the site features on (site mode)")
    args = parser.parse_args(argv)  # fmt: skip
    args.sizes = sorted(set(args.sizes))
    if args.large_repeat is None or args.large_repeat > args.repeat:
        args.large_repeat = args.repeat
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report_only:
        return report_only(args)
    raw_argv = list(sys.argv[1:] if argv is None else argv)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, flush=True)

    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    machine = machine_info()
    machine["load_start"] = load()
    summary: dict[str, Any] = {
        "schema": 1,
        "started": started.isoformat(timespec="seconds"),
        "command": "make bench" + (f' BENCH_ARGS="{shlex.join(raw_argv)}"' if raw_argv else ""),
        "machine": machine,
        "versions": versions(),
        "commit": snapshot(args.source, work, log),
        "settings": {
            "sizes": args.sizes,
            "repeat": args.repeat,
            "large_repeat": args.large_repeat,
            "themes": args.themes,
            "source": args.source,
            "jobs": 1,
            "concurrent_builds": args.jobs,
            "budget": args.budget,
            "warmup": args.warmup,
        },
    }
    faq = args.faq and faq_directive_available(work)
    summary["settings"]["faq_directive"] = faq
    args.site = args.site and faq and site_features_available(work)
    summary["settings"]["site_features"] = args.site
    log(f"measuring {summary['commit']['measured']} of {summary['commit']['hash'][:12]}")
    log(f"benchmark: sizes {args.sizes}, {args.repeat} repetitions, themes {args.themes}, "
        f"faq directive {'on' if faq else 'off'}")  # fmt: skip
    builds = run_builds(args, work, faq, log)
    summary["builds"] = builds
    summary["settings"]["skipped_runs"] = args.skipped
    summary["extension_overhead"] = report.extension_overhead(builds, args.sizes)
    summary["theme_cost"] = report.theme_cost(builds, args.sizes, args.themes)
    summary["site_cost"] = report.site_cost(builds, args.sizes)
    summary["page_weight"] = run_weight(args, work, log) if args.weight else None
    if args.lighthouse:
        summary["lighthouse"] = run_lighthouse(args, work, summary["page_weight"] or {}, log)
    else:
        summary["lighthouse"] = {"status": "skipped", "reason": "--no-lighthouse"}
    machine["load_end"] = load()
    summary["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    summary["duration_s"] = round(time.perf_counter() - clock, 1)
    summary["targets"] = report.targets(summary)

    write(summary, args.out)
    log("")
    log(report.terminal(summary))
    log(f"figures: {args.out / 'latest.json'}")
    log(f"total time: {summary['duration_s'] / 60:.1f} minutes")
    failed = [b for b in builds if b["returncode"] != 0]
    if failed:
        log(f"{len(failed)} builds failed (not a timing problem): see 'stderr_tail' in the JSON")
        return 1
    return 0
