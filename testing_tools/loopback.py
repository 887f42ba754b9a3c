"""Chromium and a loopback web server, for the browser tests and the page-weight benchmark."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Chromium's launch flags: no sandbox (containers), nothing fetched from the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    """``$EXPLAINER_CHROMIUM`` or the system's Chromium; None lets Playwright use its own."""
    explicit = os.environ.get("EXPLAINER_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request, with ``extra_headers`` on every response."""

    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def serving(
    directory: Path,
    headers: dict[str, str] | None = None,
    handler: type[QuietHandler] = QuietHandler,
) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yield its base URL."""
    with_headers = type("Handler", (handler,), {"extra_headers": headers or {}})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(with_headers, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
