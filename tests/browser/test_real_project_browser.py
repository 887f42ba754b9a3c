"""A real project's documentation in the article theme: pluggy's, from its sdist.

pluggy ships its ``docs/`` (autodoc API reference, version notes, lists,
code) in its source distribution. The sdist of a pinned release is fetched
from the package index with ``pip download`` once and kept in pytest's cache
(``.pytest_cache/``), then built twice, with the project's own theme and with
the article theme, and the article theme's pages are read in Chromium.

No network means no test: the download fails loudly with pip's message; it
never skips. The only network used is the package index, as for installing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from browser_helpers import axe_violations, describe_violations, open_page, save_screenshot, style

from testing_tools.loopback import serving

ROOT = Path(__file__).resolve().parents[2]
#: The release whose docs are built; its sdist holds docs/ and src/.
PROJECT, VERSION = "pluggy", "1.6.0"
SDIST = f"{PROJECT}-{VERSION}.tar.gz"
#: Appended to the project's conf.py: our theme, and no fetching of other
#: projects' inventories (the tests reach the package index only).
OFFLINE = "\nintersphinx_mapping = {}\nnitpicky = False\n"
#: The article theme, with its own code colours: pluggy's ``sphinx`` Pygments
#: style is light only and below AA contrast, whichever theme shows it.
ARTICLE_THEME = (
    '\nhtml_theme = "sphinx_explainer"\nhtml_theme_options = {}\nhtml_sidebars = {}\n'
    'extensions = [*extensions, "sphinx_explainer"]\npygments_style = None\n'
)
OVERFLOWS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
_WARNING = re.compile(r"^(?P<where>\S*?):(?:\d+:)? WARNING: (?P<what>.*)$")


def download_sdist(cache: Path) -> Path:
    """The sdist from the package index, downloaded once into ``cache``."""
    path = cache / SDIST
    if not path.exists():
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
            "--no-binary", ":all:", "--no-deps", "--dest", str(cache), f"{PROJECT}=={VERSION}",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0 and path.exists(), (
            f"Could not download {SDIST} from the package index; this test needs it:\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return path


def build(source: Path, out: Path, extra_conf: str) -> list[str]:
    """Build ``source/docs`` with ``extra_conf`` appended to its conf.py; return the warnings."""
    conf = source / "docs" / "conf.py"
    original = conf.read_text(encoding="utf-8")
    conf.write_text(original + OFFLINE + extra_conf, encoding="utf-8")
    try:
        env = dict(os.environ)
        # The release's own package for autodoc, and this checkout's extension and theme.
        env["PYTHONPATH"] = os.pathsep.join([str(source / "src"), str(ROOT)])
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E"]
        command += [str(source / "docs"), str(out)]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    finally:
        conf.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return sorted(
        _WARNING.sub(lambda m: Path(m["where"]).name + ": " + m["what"], line)
        for line in result.stderr.splitlines()
        if "WARNING" in line
    )


@pytest.fixture(scope="module")
def real_project(request, tmp_path_factory):
    """pluggy's docs built with its theme and with ours; yields (our site's URL, warnings)."""
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    downloads = cache.mkdir("real-project-sdist") if cache else tmp_path_factory.mktemp("sdist")
    sdist = download_sdist(downloads)
    work = tmp_path_factory.mktemp("real-project")
    with tarfile.open(sdist) as archive:
        # The "data" filter (Python 3.11.4+) refuses links and paths outside ``work``.
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        archive.extractall(work, **safe)
    source = work / f"{PROJECT}-{VERSION}"
    own = build(source, work / "own-theme", "")
    ours = build(source, work / "article-theme", ARTICLE_THEME)
    with serving(work / "article-theme") as base:
        yield base, own, ours




def test_the_article_theme_adds_no_warning(real_project):
    _base, own, ours = real_project
    assert ours == own


def test_api_reference_reads_like_reference(real_project, new_page):
    base, _own, _ours = real_project
    page = open_page(new_page, base + "api_reference.html", width=1440)
    sig = "dt#pluggy\\.PluginManager"
    assert "monospace" in style(page, sig, "fontFamily")
    assert style(page, f"{sig} .sig-name", "fontWeight") == "700"
    assert style(page, f"{sig} .sig-param", "fontStyle") == "normal"
    assert style(page, f"{sig} .sig-prename", "color") != style(page, f"{sig} .sig-name", "color")
    # Version notes from the docstrings: marked by a rule in the note's colour.
    note = "div.versionadded"
    assert page.locator(note).count() >= 2
    assert style(page, note, "borderInlineStartStyle") == "solid"
    assert style(page, f"{note} .versionmodified", "color") == style(
        page, note, "borderInlineStartColor"
    )
    # Field lists: the label beside its value.
    assert style(page, "dl.field-list", "display") == "grid"


def test_outline_lists_the_api(real_project, new_page):
    base, _own, _ours = real_project
    page = open_page(new_page, base + "api_reference.html", width=1440)
    outline = page.locator("nav.explainer-outline")
    assert outline.is_visible()
    objects = outline.locator("a code").all_inner_texts()
    for name in ("PluginManager", "register()", "HookCaller", "Result", "PluggyWarning"):
        assert name in objects, name
    assert outline.locator("a", has_text="Warnings").count() == 1, "sections too"


def test_lists_keep_their_markers(real_project, new_page):
    base, _own, _ours = real_project
    page = open_page(new_page, base + "index.html", width=1440)
    markers = page.evaluate(
        "() => [...document.querySelectorAll('article ul:not(nav ul) > li')]"
        ".map(li => getComputedStyle(li).listStyleType)"
    )
    assert markers, "pluggy's index page has bullet lists"
    assert set(markers) <= {"disc", "circle", "square"}


@pytest.mark.parametrize("name", ["index", "api_reference"])
def test_reads_well_light_and_dark_on_phone_and_desktop(real_project, new_page, name):
    base, _own, _ours = real_project
    problems = []
    for view, width in {"phone": 320, "desktop": 1440}.items():
        for scheme in ("light", "dark"):
            label = f"real-project-{name}-{view}-{scheme}"
            page = open_page(new_page, f"{base}{name}.html", color_scheme=scheme, width=width)
            save_screenshot(page, label)
            if page.evaluate(OVERFLOWS):
                problems.append(f"{label}: wider than the screen")
            violations = axe_violations(page) if view == "desktop" else []
            if violations:
                problems.append(f"{label}: {describe_violations(violations)}")
            page.context.close()
    assert problems == [], "\n".join(problems)
