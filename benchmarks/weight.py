"""Page weight in Chromium and Lighthouse scores, against a server on localhost.

The server gzip-compresses text responses (HTML, CSS, JS, SVG, JSON) when the
browser accepts it, as any production host does; fonts and images go as they
are. Sizes are computed from each response's decoded body: ``raw`` is the
body, ``gzip`` what a gzip (level 6) server sends for it.
"""

from __future__ import annotations

import gzip
import importlib
import json
import mimetypes
import os
import shutil
import subprocess
import urllib.parse
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from testing_tools.loopback import CHROMIUM_ARGS, QuietHandler, chromium_executable, serving

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs Node 22
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def is_compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE)


class _GzipHandler(QuietHandler):
    """Serve files, gzip-compressing text types for clients that accept it."""

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type == "application/javascript":
            content_type += "; charset=utf-8"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if accepts and is_compressible(content_type):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


def serving_compressed(directory: Path) -> AbstractContextManager[str]:
    """Serve ``directory`` as a production host does, text gzip-compressed; yield its base URL."""
    return serving(directory, handler=_GzipHandler)


def theme_static_files(theme: str, root: Path | None = None) -> set[str]:
    """Paths (relative to ``_static/``) of the files a theme ships itself.

    Found from the theme's own directory (the one holding its ``theme.toml``
    or ``theme.conf``), not the themes it inherits from; ``.jinja`` and
    ``_t`` template suffixes are dropped, as Sphinx does when it copies them.
    """
    if root is None:
        root = Path(importlib.import_module(theme).__file__).parent
    candidates = [
        p.parent for pattern in ("theme.toml", "theme.conf") for p in root.rglob(pattern)
    ]
    named = [p for p in candidates if p.name == theme] or candidates
    if not named:
        return set()
    static = named[0] / "static"
    files: set[str] = set()
    for path in static.rglob("*") if static.is_dir() else ():
        if path.is_file():
            rel = path.relative_to(static).as_posix()
            for suffix in (".jinja", "_t"):
                rel = rel.removesuffix(suffix)
            files.add(rel)
    return files


def extension_static_files(root: Path | None = None) -> dict[str, set[str]]:
    """The extension's own files (relative to ``_static/``), all and those of the previews.

    ``root`` is the ``sphinx_explainer`` package to read (the bench's snapshot),
    else the one imported.
    """
    if root is None:
        root = Path(importlib.import_module("sphinx_explainer").__file__).parent
    static = root / "static"
    files = {path.name for path in static.iterdir() if path.is_file()} if static.is_dir() else set()
    previews = {name for name in files if name.startswith("sphinx-explainer") and name.endswith(".js")}
    previews |= {name for name in files if name.endswith("-previews.css")}
    return {"extension": files, "previews": previews}


def _share(resources: list[dict[str, Any]], names: set[str]) -> dict[str, Any]:
    """The CSS and JS among ``resources`` whose ``_static/`` path is one of ``names``."""
    chosen = [r for r in resources if r["static"] in names and r["kind"] in ("stylesheet", "script")]
    return {
        "files": [r["path"] for r in chosen],
        "raw": sum(r["raw"] for r in chosen),
        "gzip": sum(r["gzip"] for r in chosen),
    }


def _kind(resource_type: str, url: str) -> str:
    if resource_type in ("document", "stylesheet", "script", "font", "image"):
        return resource_type
    if url.split("?")[0].endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    return "other"


def measure_pages(
    pages: dict[str, tuple[Path, str]], roots: dict[str, Path] | None = None
) -> dict[str, dict[str, Any]]:
    """Load each ``{name: (html_dir, page_path)}`` in a fresh Chromium context.

    Returns, per name, the request count and the raw and gzip bytes in total,
    per resource kind, for the theme's own CSS and JavaScript, and for the
    extension's (``extension_css_js``; ``previews_css_js`` for the footnote
    previews alone): the weight the extension adds to each theme.
    """
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    extension = extension_static_files((roots or {}).get("sphinx_explainer"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for name, (directory, page_path) in pages.items():
                with serving_compressed(directory) as base:
                    own = theme_static_files(name, (roots or {}).get(name))
                    results[name] = _measure_one(browser, base + page_path, own, extension)
        finally:
            browser.close()
    return results


def _measure_one(browser: Any, url: str, own: set[str], extension: dict[str, set[str]]) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    resources = []
    for response in responses:
        if response.status >= 400 or not response.url.startswith("http://127.0.0.1"):
            continue
        body = response.body()
        content_type = response.headers.get("content-type", "")
        path = urllib.parse.urlparse(response.url).path
        rel = path.split("/_static/", 1)[1] if "/_static/" in path else None
        resources.append(
            {
                "path": path,
                "kind": _kind(response.request.resource_type, response.url),
                "raw": len(body),
                "gzip": gzip_size(body) if is_compressible(content_type) else len(body),
                "theme_own": rel is not None and rel in own,
                "static": rel,
            }
        )
    context.close()
    by_kind: dict[str, dict[str, int]] = {}
    for resource in resources:
        entry = by_kind.setdefault(resource["kind"], {"requests": 0, "raw": 0, "gzip": 0})
        entry["requests"] += 1
        entry["raw"] += resource["raw"]
        entry["gzip"] += resource["gzip"]
    own_css_js = [
        r for r in resources if r["theme_own"] and r["kind"] in ("stylesheet", "script")
    ]
    return {
        "url_path": urllib.parse.urlparse(url).path,
        "requests": len(resources),
        "raw": sum(r["raw"] for r in resources),
        "gzip": sum(r["gzip"] for r in resources),
        "by_kind": by_kind,
        "theme_own_css_js": {
            "files": [r["path"] for r in own_css_js],
            "raw": sum(r["raw"] for r in own_css_js),
            "gzip": sum(r["gzip"] for r in own_css_js),
        },
        "extension_css_js": _share(resources, extension["extension"]),
        "previews_css_js": _share(resources, extension["previews"]),
        "resources": resources,
    }


# -- Lighthouse -----------------------------------------------------------------


def ensure_lighthouse(cache: Path) -> tuple[Path | None, str]:
    """The ``lighthouse`` CLI, installed with npm into ``cache`` if missing."""
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary, ""
    npm = shutil.which("npm")
    if not npm:
        return None, "npm not found"
    cache.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
         "--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0 or not binary.exists():
        return None, f"npm install lighthouse failed: {result.stderr.strip()[-300:]}"
    return binary, ""


def lighthouse(binary: Path, url: str, preset: str, report: Path) -> dict[str, Any]:
    """Run Lighthouse (``mobile`` or ``desktop``) on ``url``; return the scores."""
    chrome = chromium_executable()
    if not chrome:
        return {"error": "no Chromium found"}
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage"
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=chrome)
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=240, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 240 s"}
    if result.returncode != 0 or not report.exists():
        return {"error": (result.stderr or result.stdout).strip()[-300:]}
    lhr = json.loads(report.read_text(encoding="utf-8"))
    scores = {
        name: (None if lhr["categories"][name]["score"] is None
               else round(lhr["categories"][name]["score"] * 100))
        for name in LIGHTHOUSE_CATEGORIES
    }  # fmt: skip
    # What costs points: scored audits below 1, by category.
    failing: dict[str, list[str]] = {}
    for name in LIGHTHOUSE_CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = lhr["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.setdefault(name, []).append(ref["id"])
    metrics = {
        key: lhr["audits"][key].get("numericValue")
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                    "cumulative-layout-shift", "speed-index")
        if key in lhr["audits"]
    }  # fmt: skip
    return {"scores": scores, "failing_audits": failing, "metrics": metrics,
            "lighthouse_version": lhr.get("lighthouseVersion")}  # fmt: skip
