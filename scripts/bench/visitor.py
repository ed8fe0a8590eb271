"""What a visitor transfers: a page with everything it loads, then one search, in Chromium.

Each response body is gzipped (level 6, what a static host such as nginx or GitHub Pages
sends for text) unless it is an image or already compressed; the page is served from
127.0.0.1 by a thread, so nothing comes from elsewhere.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import html
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
PRECOMPRESSED = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".xlsx", ".zip")
SEARCH_BOX = "input.md-search__input"
RESULT = ".md-search-result__item"


@dataclass
class Transfer:
    """The bytes of one visit: raw and as a static host sends them (gzip)."""

    raw: int = 0
    gzip: int = 0
    requests: int = 0
    urls: list[str] = field(default_factory=list)

    def add(self, url: str, body: bytes) -> None:
        self.raw += len(body)
        compressible = not url.split("?")[0].lower().endswith(PRECOMPRESSED)
        self.gzip += len(gzip.compress(body, 6)) if compressible else len(body)
        self.requests += 1
        self.urls.append(url)


@dataclass
class Visit:
    page: str
    query: str
    html_raw: int  # the page's own HTML
    load: Transfer  # everything fetched until the page is idle
    search: Transfer | None  # what one query adds (None: the page has no search box)
    hits: int | None

    @property
    def total_gzip(self) -> int:
        """The page with everything it loads, plus one search."""
        return self.load.gzip + (self.search.gzip if self.search else 0)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.is_file()


def _recorder(holder: list[Transfer]) -> Any:
    def record(response: Any) -> None:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            return
        holder[0].add(response.url, body)

    return record


def visit(site: Path, pages: list[str], query: str) -> list[Visit]:
    """Open each page on a fresh, cache-less browser context, then type ``query``."""
    from playwright.sync_api import sync_playwright

    visits = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for rel in pages:
                context = browser.new_context()
                page = context.new_page()
                holder = [Transfer()]  # the transfer the next responses count towards
                page.on("response", _recorder(holder))
                page.goto(base + rel, wait_until="networkidle")
                load = holder[0]
                search = None
                hits = None
                if page.locator(SEARCH_BOX).count():
                    holder[0] = search = Transfer()
                    box = page.locator(SEARCH_BOX)
                    if not box.is_visible():
                        page.locator("label.md-header__button[for=__search]").first.click()
                    box.type(query, delay=10)
                    with contextlib.suppress(Exception):  # no result: the count says 0
                        page.locator(RESULT).first.wait_for(timeout=20_000)
                    page.wait_for_load_state("networkidle")
                    hits = page.locator(RESULT).count()
                visits.append(Visit(rel, query, (site / rel).stat().st_size, load, search, hits))
                context.close()
        finally:
            browser.close()
    return visits


def typical_query(page: Path) -> str:
    """What a visitor types to find a dossier: the last two words of its heading (the
    commune or the person), without diacritics, as people type on a phone."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    words = re.sub(r"<[^>]+>", "", html.unescape(heading.group(1) if heading else "")).split()
    text = unicodedata.normalize("NFD", " ".join(words[-2:]).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()
