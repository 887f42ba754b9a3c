"""The browser layer: serve a build on localhost, drive Chromium, run axe-core.

The fixtures are here; the functions the tests call (axe-core, screenshots,
colours) are in ``browser_helpers.py``. Chromium is the system's
(``chromium``, installed by ``make test`` from Debian's package where it can)
or Playwright's own download elsewhere. Every test here is marked
``browser``; ``-m "not browser"`` skips them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")
from testing_tools.loopback import CHROMIUM_ARGS, chromium_executable, serving  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(directory, headers=None)`` -> base URL, stopped after the test."""
    with_stack: list[Any] = []

    def start(directory: Path, headers: dict[str, str] | None = None) -> str:
        context = serving(Path(directory), headers)
        with_stack.append(context)
        return context.__enter__()

    yield start
    for context in reversed(with_stack):
        context.__exit__(None, None, None)


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """``new_page(color_scheme="light", width=1280, height=900, **context_options)``."""
    contexts = []

    def open_page(color_scheme: str = "light", width: int = 1280, height: int = 900, **options: Any) -> Page:
        context = browser.new_context(
            color_scheme=color_scheme, viewport={"width": width, "height": height}, **options
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
