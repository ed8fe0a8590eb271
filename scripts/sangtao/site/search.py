"""Which search a build gets, and the Pagefind index of the online site (decisions 72 and 78).

The offline copy (``OFFLINE=true``, opened from file://) keeps Material's lunr search: Pagefind
loads its index with ``fetch`` and WebAssembly, which file:// refuses. Everywhere else
Material's search plugin is off and Pagefind indexes the site: a visitor then downloads only
the index fragments a query needs, never a whole index.

Pagefind does not read the written site (decision 78). Each page, as the plugin gets it from
MkDocs, leaves only its searchable part (Material's article without the sections kept out of
search) in a folder of its own, at the page's own path; Pagefind indexes those folders. Its
memory grows with the pages of one index (about 70 KB a page, 2 GiB at a province's 30,000
dossiers), so the pages go to several indexes of at most ``pages_per_index`` pages, built one
after the other and merged by the browser (Pagefind's ``mergeIndex``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

# The main text of every page (Material's article): header, navigation and footer are the
# same on every page and would match every query.
ROOT_SELECTOR = "article.md-content__inner"
ARTICLE = '<article class="md-content__inner md-typeset">'
ARTICLE_END = "</article>"
# A dossier's body (templates/dossier/*.html): shown on the page, never in the index. No
# template has another <section> inside it (tests/test_site.py), and unit text is escaped,
# so the first </section> after it ends it.
EXCLUDED = "<section data-search-exclude data-pagefind-ignore>"
EXCLUDED_END = "</section>"

# Where the searchable parts wait for Pagefind: in memory where Linux offers it (64 MB at
# 30,000 dossiers, against 870 MB of written HTML). Writing 31,000 small files cost 12-17 s
# of CPU on the disk of a small virtual machine, 0.7 s there. A container's is often only
# 64 MB: below MEMORY_DISK_ROOM free, the usual temporary folder.
MEMORY_DISK = "/dev/shm"
MEMORY_DISK_ROOM = 512 * 2**20
# Pages in one Pagefind index: at most about 620 MiB of Pagefind's memory (decision 78).
PAGES_PER_INDEX = 8000
# The folder of every index but the first, inside pagefind/, and the file that lists them for
# javascripts/sangtao-search.js.
MORE_INDEXES = "pagefind/{number}/"
INDEX_LIST = "pagefind/sangtao-indexes.json"


def material_search_on(config: MkDocsConfig) -> bool:
    """Material's own search is in this build (the offline copy): then no Pagefind."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


def waiting_room() -> str | None:
    """The folder for Pagefind's input: ``MEMORY_DISK`` if it has room, else the default."""
    try:
        roomy = shutil.disk_usage(MEMORY_DISK).free >= MEMORY_DISK_ROOM
    except OSError:
        return None
    return MEMORY_DISK if roomy and os.access(MEMORY_DISK, os.W_OK) else None


def searchable_part(html: str) -> str:
    """What Pagefind reads of a built page: its article without the excluded sections, which
    Pagefind indexes exactly as it indexes the whole page (``ROOT_SELECTOR``,
    ``data-pagefind-ignore``; the language is forced), at a fraction of the parsing. A page
    of another shape is kept whole."""
    start = html.find(ARTICLE)
    end = html.rfind(ARTICLE_END)
    if start < 0 or end < start:
        return html
    kept = []
    at = start
    while (cut := html.find(EXCLUDED, at, end)) >= 0:
        close = html.find(EXCLUDED_END, cut, end)
        if close < 0:
            return html
        kept.append(html[at:cut])
        at = close + len(EXCLUDED_END)
    kept.append(html[at : end + len(ARTICLE_END)])
    return "".join(kept)


def pagefind_command(source: Path, output: Path) -> list[str]:
    return [
        str(get_executable()),
        "--site",
        str(source),
        "--output-path",
        str(output),
        "--root-selector",
        ROOT_SELECTOR,
        # One language for every page: Vietnamese words, diacritics folded by Pagefind itself.
        "--force-language",
        "vi",
        # Links as the site writes them (use_directory_urls: false): index.html kept.
        "--keep-index-url",
        "--quiet",
    ]


def index_folder(number: int) -> str:
    """Where index ``number`` (from 0) goes in the site."""
    return "pagefind/" if number == 0 else MORE_INDEXES.format(number=number + 1)


class SiteSearch:
    """The searchable part of each page as the build writes it, then the Pagefind indexes.

    An index whose pages are all written is made at once, by a Pagefind process that runs
    beside the build while MkDocs writes the next pages (decision 83's second core); one
    Pagefind at a time, so that its memory stays that of one index."""

    def __init__(self, site_dir: Path, pages_per_index: int = PAGES_PER_INDEX) -> None:
        self.site_dir = site_dir  # where the indexes go
        self.pages_per_index = max(1, pages_per_index)
        self.pages = 0
        self._folder = tempfile.TemporaryDirectory(prefix="sangtao-pagefind-", dir=waiting_room())
        self._made: set[Path] = set()  # folders made already: one mkdir per folder, not per page
        self._running: Indexing | None = None
        self.started = 0  # indexes started (the last may still be running)

    def add(self, dest_uri: str, html: str) -> None:
        """A built page, at its path in the site (``page.file.dest_uri``)."""
        path = Path(self._folder.name, str(self.pages // self.pages_per_index), dest_uri)
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        path.write_text(searchable_part(html), encoding="utf-8")
        self.pages += 1
        if self.pages % self.pages_per_index == 0:
            self._index_next(wait=False)  # this index has all its pages

    def write(self) -> None:
        """The indexes into ``site_dir/pagefind/``; stop the build if one fails."""
        try:
            count = -(-self.pages // self.pages_per_index)
            while self.started < count:
                self._index_next(wait=True)
            self._finish()
            merged = [index_folder(number).removeprefix("pagefind/") for number in range(1, count)]
            listing = self.site_dir / INDEX_LIST
            listing.parent.mkdir(parents=True, exist_ok=True)
            listing.write_text(json.dumps(merged), encoding="utf-8")
        finally:
            self.close()

    def _index_next(self, wait: bool) -> None:
        self._finish()
        number = self.started
        source = Path(self._folder.name, str(number))
        self._running = Indexing(source, self.site_dir / index_folder(number))
        self.started += 1
        if wait:
            self._finish()

    def _finish(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            running.wait()

    def close(self) -> None:
        if self._running is not None:
            self._running.stop()
            self._running = None
        self._folder.cleanup()


class Indexing:
    """One Pagefind run over one folder of searchable parts, started now."""

    def __init__(self, source: Path, output: Path) -> None:
        # Its messages, read only if it fails; closed in wait or stop.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            pagefind_command(source, output), stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait(self) -> None:
        code = self._process.wait()
        self._log.seek(0)
        said = self._log.read().decode("utf-8", "replace")
        self._log.close()
        if code != 0:
            raise PluginError(
                "Pagefind không lập được chỉ mục tìm kiếm cho trang web: " + said.strip()[-2000:]
            )

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()
        self._log.close()
