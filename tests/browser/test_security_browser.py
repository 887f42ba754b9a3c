"""Security in the browser: a strict CSP and nothing loaded from other hosts.

Built from ``roots/test-everything`` (every directive, footnotes of every
kind, cross-page citations, a MyST page) with the project's theme and with
the extension alone under alabaster.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CSP = "default-src 'self'; report-uri /csp-report"
#: Records CSP violations from the first moment of the page (init scripts bypass the CSP).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


#: Sphinx's own search box sidebar (basic/searchbox.html) shows itself with an
#: inline script and style: a third-party theme is checked without it, so that
#: what is checked is the extension's output.
THEMES = {
    "sphinx_explainer": {},
    "alabaster": {"html_sidebars": {"**": ["localtoc.html", "relations.html"]}},
}


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_under_a_strict_csp_loads_only_its_own_files(build, serve, new_page, theme):
    app = build("everything", confoverrides={"html_theme": theme, **THEMES[theme]})
    base = serve(app.outdir, headers={"Content-Security-Policy": CSP})
    page = new_page(width=1280)
    requests: list[str] = []
    failures: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_VIOLATIONS)
    pages = sorted(path.name for path in Path(app.outdir).glob("*.html"))
    if theme != "sphinx_explainer":
        # Sphinx's basic genindex.html and search.html templates set inline
        # style attributes; the project's theme ships its own, CSP-clean ones.
        pages = [name for name in pages if name not in ("genindex.html", "search.html")]
    assert len(pages) >= 9
    for name in pages:
        page.goto(base + name)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], f"{name} breaks the CSP"
        # Open every answer and follow a footnote, so that any lazy work runs too.
        for summary in page.locator("details.explainer-faq-item > summary").all()[:3]:
            summary.click()
    foreign = sorted({url for url in requests if not url.startswith((base, "data:"))})
    assert foreign == [], "the site loads nothing from other hosts"
    assert failures == []
    assert errors == []
