"""The smoke version of ``make bench``: N = 10, one repetition, no Lighthouse.

It checks what the generator writes and that the bench runner produces its
JSON with every figure. It asserts no timing: the machine may be busy.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from benchmarks import report
from benchmarks.generate import CITATIONS, generate, render_page
from benchmarks.weight import serving_compressed

ROOT = Path(__file__).resolve().parent.parent

N = 10


def prose_words(text: str) -> list[str]:
    """The words a reader sees, without directive and field markup."""
    words = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith((":", "..", "===", "---")) or set(line) <= {"=", "-"}:
            line = re.sub(r"^\.\. [\w-]+:: ?", "", line)
            line = re.sub(r"^\.\. \[#n\d\] ", "", line)
            if line.startswith((":", "..")):
                continue
        line = re.sub(r"^[*] ", "", line)
        line = re.sub(r" ?\[#n\d\]_", "", line)
        words += [w for w in line.split() if w not in ("TL;DR", "What", "You'll", "Learn")]
    return words


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("generated")
    return {mode: generate(base / mode, N, mode) for mode in ("explainer", "builtins")}


def test_index_lists_every_page(projects) -> None:
    for project in projects.values():
        assert len(project.pages) == N
        assert sorted(p.stem for p in project.srcdir.glob("article-*.rst")) == list(project.pages)
        index = (project.srcdir / "index.rst").read_text(encoding="utf-8")
        listed = [line.strip() for line in index.splitlines() if line.startswith("   article-")]
        assert listed == list(project.pages)


def test_explainer_page_structure(projects) -> None:
    text = projects["explainer"].page_path(0).read_text(encoding="utf-8")
    assert text.count(".. tldr::") == 1
    assert text.count(".. what-you-will-learn::") == 1
    objectives = text.split(".. what-you-will-learn::")[1].split("\n\n")[1]
    assert len([line for line in objectives.splitlines() if line.startswith("   * ")]) == 6
    assert text.count(".. faq::") == 1
    assert text.count(".. faq-item::") == 6
    # Six sections, each a heading underlined with dashes.
    assert len(re.findall(r"\n-{4,}\n", text)) == 6
    references = re.findall(r"\[#(n\d)\]_", text)
    assert len(references) == sum(CITATIONS) == 15
    assert references.count("n1") == 6
    assert len(set(references)) == 8
    assert len(re.findall(r"^\.\. \[#n\d\] ", text, flags=re.M)) == 8
    assert 1350 <= len(prose_words(text)) <= 1650


def test_builtins_mode_has_the_same_words(projects) -> None:
    explainer = projects["explainer"].page_path(3).read_text(encoding="utf-8")
    builtins = projects["builtins"].page_path(3).read_text(encoding="utf-8")
    for directive in ("tldr", "what-you-will-learn", "faq", "faq-item"):
        assert f".. {directive}::" not in builtins
    assert builtins.count(".. dropdown::") == 6
    assert builtins.count(".. admonition::") == 2
    assert re.findall(r"\[#n\d\]_", builtins) == re.findall(r"\[#n\d\]_", explainer)
    strip = {"Frequently", "Asked", "Questions", "FAQ"}
    assert [w for w in prose_words(explainer) if w not in strip] == [
        w for w in prose_words(builtins) if w not in strip
    ]


def test_site_mode_adds_tags_a_home_list_and_a_faq_hub(tmp_path: Path) -> None:
    site = generate(tmp_path / "site", N, "site")
    explainer = generate(tmp_path / "explainer", N, "explainer")
    page = site.page_path(2).read_text(encoding="utf-8")
    assert re.search(r"^:tags: [\w-]+, [\w-]+$", page, flags=re.M)
    assert page.split("\n", 3)[3] == explainer.page_path(2).read_text(encoding="utf-8").split("\n", 2)[2]
    index = (site.srcdir / "index.rst").read_text(encoding="utf-8")
    assert ".. explainers::" in index and "   questions" in index
    assert ".. faq-index::" in (site.srcdir / "questions.rst").read_text(encoding="utf-8")
    conf = (site.srcdir / "conf.py").read_text(encoding="utf-8")
    assert "html_baseurl" in conf and "explainer_tag_pages = True" in conf
    assert "explainer_article_jsonld = False" in (explainer.srcdir / "conf.py").read_text(encoding="utf-8")


def test_generator_is_deterministic(tmp_path: Path) -> None:
    assert render_page(7, "explainer") == render_page(7, "explainer")
    assert render_page(7, "explainer") != render_page(8, "explainer")
    first = generate(tmp_path / "a", 3, "builtins")
    second = generate(tmp_path / "b", 3, "builtins")
    for name in ("index.rst", "conf.py", *(f"{p}.rst" for p in first.pages)):
        assert (first.srcdir / name).read_bytes() == (second.srcdir / name).read_bytes()


def test_growth_exponent() -> None:
    assert report.growth_exponent([(50, 1.0), (200, 4.0), (800, 16.0)]) == pytest.approx(1.0)
    assert report.growth_exponent([(50, 1.0), (800, 256.0)]) == pytest.approx(2.0)
    assert report.growth_exponent([(50, 1.0)]) is None


def test_the_bench_server_compresses_text_as_a_host_does(tmp_path: Path) -> None:
    # Lighthouse and the page weight see what a production host sends.
    css = "body { color: black; }\n" * 200
    (tmp_path / "page.css").write_text(css)
    (tmp_path / "mark.png").write_bytes(b"\x89PNG" + bytes(300))
    with serving_compressed(tmp_path) as base:
        request = urllib.request.Request(base + "page.css", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == css
        request = urllib.request.Request(base + "mark.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None, "images go as they are"
        with urllib.request.urlopen(base + "page.css") as response:
            assert response.headers["Content-Encoding"] is None and response.read().decode() == css


def test_bench_runner_writes_every_figure(tmp_path: Path) -> None:
    themes = ["sphinx_explainer", "alabaster"]
    out = tmp_path / "results"
    # In its own process, as make bench runs it: Playwright's sync API cannot
    # start inside the browser tests' session-long Playwright.
    process = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", str(N), "--repeat", "1", "--themes", *themes,
         "--no-lighthouse", "--no-warmup", "--source", "worktree", "--out", str(out),
         "--work", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    code, printed = process.returncode, process.stdout
    summary = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    failed = [b for b in summary["builds"] if b["returncode"] != 0]
    assert code == 0, failed
    assert not [b for b in summary["builds"] if b["warnings"]], "the generated project warns"

    for key in ("schema", "started", "finished", "duration_s", "command", "machine", "versions",
                "commit", "settings", "builds", "extension_overhead", "theme_cost",
                "page_weight", "lighthouse", "targets"):  # fmt: skip
        assert key in summary, key
    for key in ("cpus", "cpu_model", "memory_gb", "load_start", "load_end"):
        assert summary["machine"][key] is not None, key
    assert summary["versions"]["sphinx"] and summary["versions"]["Python"]
    assert summary["settings"]["faq_directive"] is True

    # builtins + explainer under alabaster (for the overhead) and each theme;
    # an incremental build after each clean explainer build.
    kinds = {(b["mode"], b["theme"], b["kind"]) for b in summary["builds"]}
    assert ("builtins", "alabaster", "clean") in kinds
    # The site features on (site mode) against the same pages without them,
    # under the article theme.
    assert ("site", "sphinx_explainer", "clean") in kinds
    assert ("site", "sphinx_explainer", "incremental") in kinds
    # ... built one at a time, each beside a clean build of the same pages without them.
    assert ("explainer", "sphinx_explainer", "paired") in kinds
    site_runs = [b for b in summary["builds"] if b["kind"] == "paired" or b["mode"] == "site"]
    assert summary["builds"][-len(site_runs):] == site_runs, "the site pairs run last, alone"
    site = summary["site_cost"]["sizes"][str(N)]
    assert all(value > 0 for value in site["ratio"].values())
    assert set(summary["site_cost"]["exponent"]) == {"wall_s", "cpu_s"}
    for theme in themes:
        assert ("explainer", theme, "clean") in kinds
        assert ("explainer", theme, "incremental") in kinds
    for build in summary["builds"]:
        assert build["wall_s"] > 0 and build["cpu_s"] > 0 and build["maxrss_kb"] > 10_000

    (overhead,) = summary["extension_overhead"]
    assert overhead["size"] == N
    for side in ("explainer", "builtins"):
        assert set(overhead[side]) == {"wall_s", "cpu_s", "maxrss_kb"}
    assert all(value > 0 for value in overhead["ratio"].values())

    assert set(summary["theme_cost"]) == set(themes)
    figures = summary["theme_cost"]["sphinx_explainer"]["sizes"][str(N)]
    for key in ("clean_wall_s", "clean_cpu_s", "incremental_wall_s", "incremental_cpu_s",
                "maxrss_kb"):  # fmt: skip
        assert figures[key] > 0, key
    assert set(summary["theme_cost"]["alabaster"]["exponent"]) == {"wall", "cpu"}

    weight = summary["page_weight"]["themes"]
    assert set(weight) == set(themes), summary["page_weight"].get("error")
    for theme in themes:
        page = weight[theme]
        assert page["requests"] >= 3
        assert page["by_kind"]["document"]["requests"] == 1
        assert page["by_kind"]["stylesheet"]["requests"] >= 2
        assert 0 < page["gzip"] < page["raw"]
        assert page["theme_own_css_js"]["gzip"] > 0, page["theme_own_css_js"]
        # What the extension adds to the theme: its blocks' CSS and the footnote previews.
        added = [path.rsplit("/", 1)[-1] for path in page["extension_css_js"]["files"]]
        assert {"sphinx-explainer.css", "sphinx-explainer.js", "sphinx-explainer-previews.css"} <= set(added), added
        previews = page["previews_css_js"]
        assert sorted(path.rsplit("/", 1)[-1] for path in previews["files"]) == [
            "sphinx-explainer-previews.css",
            "sphinx-explainer.js",
        ]
        assert 0 < previews["gzip"] < 3 * 1024 and previews["gzip"] < page["extension_css_js"]["gzip"]
    own_files = weight["sphinx_explainer"]["theme_own_css_js"]["files"]
    assert any("sphinx-explainer-theme" in path for path in own_files), own_files

    assert summary["lighthouse"]["status"] == "skipped"
    verdicts = {t["target"]: t["verdict"] for t in summary["targets"]}
    assert any(target.startswith("Extension overhead") for target in verdicts)
    assert any(target.startswith("Site features") for target in verdicts)
    assert set(verdicts.values()) <= {"met", "NOT met", "not measured"}

    assert not (out / "latest.rst").exists(), "the docs render latest.json themselves"
    rst = report.rst(summary)
    assert ".. list-table:: Extension overhead" in rst and "Command:" in rst
    assert "Theme cost" in printed and "Page weight" in printed and "Targets" in printed
    assert "added by the extension (CSS+JS)" in rst and "of which footnote previews" in rst
    assert any(target.startswith("Footnote previews") for target in verdicts)
