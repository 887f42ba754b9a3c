"""The FAQ as a reader uses it: mouse, touch, keyboard, links, no JavaScript, axe, themes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_helpers import (
    AXE_TAGS,
    PAGE_BACKGROUND_JS,
    axe_violations,
    describe_violations,
    is_dark,
    save_screenshot,
)
from bs4 import BeautifulSoup

FAQ = ".explainer-faq"
ITEMS = "details.explainer-faq-item"
OPEN_STATES_JS = "() => [...document.querySelectorAll('details.explainer-faq-item')].map(d => d.open)"
#: Which items of tests/roots/test-faq/index.rst start open, in order.
INITIAL = [False, False, False, True, True, True, False]


@pytest.fixture
def site(build, serve):
    """The FAQ root built with alabaster and served; returns its base URL."""
    app = build("faq")
    return serve(app.outdir)


def axe_violations_outside_code(page) -> list[dict]:
    """axe on the FAQs, minus highlighted code (its colours are the theme's Pygments style)."""
    axe_violations(page, include=[FAQ])  # loads axe-core into the page
    context = {"include": [[FAQ]], "exclude": [[".highlight"]]}
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("([context, options]) => axe.run(context, options)", [context, options])
    return result["violations"]


def open_states(page) -> list[bool]:
    return page.evaluate(OPEN_STATES_JS)


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] and box["y"] + min(box["height"], 40) <= height


def test_mouse_click_toggles_and_answers_show(site, new_page):
    page = new_page()
    page.goto(site + "index.html")
    assert open_states(page) == INITIAL
    item = page.locator(ITEMS).first
    answer = item.locator(".explainer-faq-answer")
    assert not answer.is_visible()
    item.locator("summary").click()
    assert item.evaluate("d => d.open")
    assert answer.is_visible()
    assert "He announced it on May 19, 2026" in answer.inner_text()
    item.locator("summary").click()
    assert not item.evaluate("d => d.open")


def test_touch_tap_toggles(site, new_page):
    page = new_page(has_touch=True, is_mobile=True, width=390, height=800)
    page.goto(site + "index.html")
    item = page.locator(ITEMS).nth(1)
    item.locator("summary").tap()
    assert item.evaluate("d => d.open")
    item.locator("summary").tap()
    assert not item.evaluate("d => d.open")


def test_keyboard_tab_to_a_question_enter_and_space_toggle(site, new_page):
    page = new_page()
    page.goto(site + "index.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('summary.explainer-faq-question')"):
            break
    else:
        pytest.fail("Tab never reached a question")
    focused = page.evaluate("() => document.activeElement.parentElement.open")
    assert focused is False, "the first question starts closed"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.parentElement.open")
    page.keyboard.press("Space")
    assert not page.evaluate("() => document.activeElement.parentElement.open")
    page.keyboard.press(" ")
    assert page.evaluate("() => document.activeElement.parentElement.open")
    # The focus ring is visible on the question.
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_fragment_opens_that_question_in_view(site, new_page, java_script_enabled):
    page = new_page(java_script_enabled=java_script_enabled)
    page.goto(site + "index.html#and-this-one")
    page.wait_for_load_state("load")
    states = open_states(page)
    assert states[6] is True, "the targeted item opens"
    assert states[:3] == INITIAL[:3], "the others keep their state"
    item = page.locator(ITEMS).nth(6)
    assert in_viewport(page, item.locator("summary")), "the question is in view"
    assert item.locator(".explainer-faq-answer").is_visible()


def test_ref_from_another_page_opens_the_question(site, new_page):
    page = new_page()
    page.goto(site + "other.html")
    page.get_by_role("link", name="What will he work on?").click()
    page.wait_for_url("**/index.html#faq-karpathy-role")
    item = page.locator(ITEMS).nth(1)
    assert item.evaluate("d => d.open")
    assert in_viewport(page, item.locator("summary"))


def test_permalink_points_at_its_question_and_keeps_it_open(site, new_page):
    page = new_page()
    page.goto(site + "index.html")
    item = page.locator(ITEMS).nth(2)
    item.locator("summary").click()
    item.get_by_role("link", name="Link to this question").click()
    assert page.url.endswith("#when-did-karpathy-join-anthropic-2")
    assert item.evaluate("d => d.open")


def test_without_javascript_everything_works(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site + "index.html")
    assert open_states(page) == INITIAL
    item = page.locator(ITEMS).first
    item.locator("summary").click()
    assert item.evaluate("d => d.open")
    item.locator("summary").focus()
    page.keyboard.press("Enter")
    assert not item.evaluate("d => d.open")


def test_hostile_jsonld_is_data_in_the_browser(build, serve, new_page):
    app = build("faq")
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(serve(app.outdir) + "hostile.html")
    page.wait_for_load_state("load")
    in_browser = page.evaluate(
        "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.parse(s.textContent))"
    )
    html = (Path(app.outdir) / "hostile.html").read_text(encoding="utf-8")
    [script] = BeautifulSoup(html, "html5lib").find_all("script", type="application/ld+json")
    assert in_browser == [json.loads(script.string)]
    assert dialogs == [], "no author text ran as script"
    questions = page.locator("summary.explainer-faq-question").all_inner_texts()
    assert [entity["name"] for entity in in_browser[0]["mainEntity"]][0] == questions[0].strip()


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_faq_fits_the_theme_light_and_dark_and_is_axe_clean(build, serve, new_page, theme):
    app = build("faq", confoverrides={"html_theme": theme})
    url = serve(app.outdir) + "index.html"
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        page.goto(url)
        page.wait_for_load_state("load")
        faq = page.locator(FAQ).first
        assert faq.is_visible()
        assert page.get_by_role("region", name="Frequently Asked Questions").count() == 2
        summary = page.locator("summary.explainer-faq-question").first
        box = summary.bounding_box()
        assert box["width"] > 200 and box["height"] > 20
        page_background = faq.evaluate(PAGE_BACKGROUND_JS)
        question_background = summary.evaluate("e => getComputedStyle(e).backgroundColor")
        assert is_dark(question_background, page_background) == is_dark(page_background), (
            scheme,
            question_background,
            page_background,
        )
        if theme == "furo":
            assert is_dark(page_background) == (scheme == "dark")
        violations = axe_violations(page, include=[FAQ])
        assert violations == [], describe_violations(violations)
        # Open every item, so that axe also checks the answers.
        page.evaluate(
            "() => document.querySelectorAll('details.explainer-faq-item')"
            ".forEach(d => { d.open = true; })"
        )
        violations = axe_violations_outside_code(page)
        assert violations == [], describe_violations(violations)
        save_screenshot(page, f"faq-{theme}-{scheme}")


def test_print_shows_every_answer_without_permalinks(site, new_page):
    page = new_page()
    page.goto(site + "index.html")
    closed = page.locator(ITEMS).first.locator(".explainer-faq-answer")
    assert not closed.is_visible()
    page.emulate_media(media="print")
    assert closed.is_visible()
    assert "He announced it on May 19, 2026" in closed.inner_text()
    assert not page.locator(".explainer-faq-permalink").first.is_visible()


LONG_QUESTIONS = """\
Long questions
==============

.. faq::

   .. faq-item:: What does ``explainer_footnote_backlink_labels_and_some_more_words`` do?

      It labels the back links.

   .. faq-item:: Is Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft a word?

      Yes, a long one.
"""


@pytest.mark.parametrize("theme", ["sphinx_explainer", "pydata_sphinx_theme"])
def test_long_questions_wrap_on_a_320_pixel_screen(make_app, tmp_path, serve, new_page, theme):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f'extensions = ["sphinx_explainer"]\nproject = "Wrap"\nhtml_theme = "{theme}"\n', encoding="utf-8"
    )
    (src / "index.rst").write_text(LONG_QUESTIONS, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    page = new_page(width=320, height=640)
    page.goto(serve(app.outdir) + "index.html")
    page.wait_for_load_state("load")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    # pydata-sphinx-theme's own header is 344 px wide at 320 px: measure the FAQ.
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.explainer-faq, .explainer-faq *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= 320, theme
    if theme == "sphinx_explainer":
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    for summary in page.locator("summary.explainer-faq-question").all():
        chevron = summary.locator(".sd-summary-state-marker").bounding_box()
        assert chevron is not None and chevron["x"] + chevron["width"] <= 320, theme
    save_screenshot(page, f"faq-long-questions-320-{theme}")
