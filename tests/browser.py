"""Fixtures for tests that drive a real browser: Debian's Chromium, through Playwright.

A test module uses them with ``pytest_plugins = ["browser"]``. The demo site is built once per
session with ``mkdocs build --strict`` and served from 127.0.0.1 by a thread; every test gets a
fresh page in Vietnamese locale and Vietnam time, whose console errors, page errors and
requests to other hosts fail the test (the site must work offline).

Playwright never downloads a browser here: it launches the system Chromium
(``SANGTAO_CHROMIUM``, default /usr/bin/chromium). Where that or Playwright is missing the
browser tests are skipped on a developer's machine, and fail in CI (``CI`` set), so a missing
browser can never pass unnoticed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.visitor import served  # one local server for the bench and the tests

from conftest import PROJECT

CHROMIUM = Path(os.environ.get("SANGTAO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEZONE = "Asia/Ho_Chi_Minh"
# Material for MkDocs asks Google for its web font unless mkdocs.yml sets `theme.font: false`;
# the request is refused like any other, and tolerated (the pages fall back to system fonts).


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI: các bài kiểm tra trình duyệt phải chạy)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Chưa cài Playwright: pip install -e '.[test]'")
    if not CHROMIUM.is_file():
        _unavailable(f"Không có Chromium ở {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def build_site(root: Path, out: Path, **env_extra: str) -> None:
    """``mkdocs build --strict`` of the project at ``root`` (``env_extra``: OFFLINE, SANGTAO_NOW)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's demo site, built once for every browser test."""
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(PROJECT, out)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The demo site over HTTP."""
    with served(built_site) as url:
        yield url


@dataclass
class Trouble:
    """What went wrong in a page while a test drove it."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def trouble() -> Trouble:
    return Trouble()


@pytest.fixture
def page(chromium: Any, site_url: str, trouble: Trouble) -> Iterator[Any]:
    """A fresh page; fails the test on console errors, page errors or requests to other hosts.

    Requests to other hosts are refused and fail the test: the site must work offline.
    """
    context = chromium.new_context(
        locale="vi-VN", timezone_id=TIMEZONE, viewport={"width": 1200, "height": 900}
    )

    def refuse(request_route: Any) -> None:
        trouble.outside.append(request_route.request.url)
        request_route.abort()

    # Only requests that leave the test server are intercepted (routing each one is slow).
    context.route(re.compile(rf"^(?!{re.escape(site_url)}|data:|blob:)"), refuse)
    browser_page = context.new_page()

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and not where.startswith(site_url):
            return  # a refused request to another host, recorded in trouble.outside
        trouble.errors.append(f"console: {message.text} ({where})")

    browser_page.on("console", on_console)
    browser_page.on("pageerror", lambda error: trouble.errors.append(f"page: {error}"))
    yield browser_page
    context.close()
    assert trouble.errors == []
    assert trouble.outside == []
