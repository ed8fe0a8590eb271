"""The MkDocs plugin: reads the submissions once per build and adds the generated pages.

Nothing generated is ever written to the repository; the pages exist only in the build.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sangtao.beside import EVERY_UNIT, SHARES, Beside, Share, can_fork
from sangtao.changes import revisions_of
from sangtao.collector import collector_paused
from sangtao.corpus import Corpus
from sangtao.exports import export_files
from sangtao.layout import Kind
from sangtao.model import Roster
from sangtao.pipeline import Snapshot, parse_now, received_after, take_snapshot
from sangtao.problems import FatalError
from sangtao.site.context import ROWS_PER_PAGE, SiteContext, dossier_files, evidence_src_of
from sangtao.site.dossier import dossiers_of, put_back
from sangtao.site.form_units import data_files as form_data_files
from sangtao.site.generated import GeneratedPage, adopt, nav_sources
from sangtao.site.html import FRONT_MATTER_END
from sangtao.site.pages import build_pages
from sangtao.site.render import PackedPage, Rendered
from sangtao.site.search import PAGES_PER_INDEX, SiteSearch, material_search_on
from sangtao.site.splice import Splicer
from sangtao.validation import SchemaSet

log = logging.getLogger("mkdocs.plugins.sangtao")


class SangtaoConfig(Config):
    root = config_options.Optional(config_options.Type(str))
    ref = config_options.Type(str, default="HEAD")
    # Rows on one list page before the list is split into parts (decision 69).
    rows_per_page = config_options.Type(int, default=ROWS_PER_PAGE)
    # Pages outside the navigation filled into Material's page drawn once per kind (decision
    # 73), generated pages without MkDocs's Markdown pass (decision 82); false: MkDocs and
    # Material do every page their own way (the tests compare the two builds byte for byte).
    splice = config_options.Type(bool, default=True)
    # Pages in one Pagefind index before the next one starts (decision 78); the tests make
    # it small to search a merged index.
    search_pages_per_index = config_options.Type(int, default=PAGES_PER_INDEX)
    # A forked process reads and draws a share of the work where the system can fork and has
    # a second core (decision 83); false: one process does everything.
    parallel = config_options.Type(bool, default=True)


# Theme overrides that ship with the package (the Vietnamese words of Material's chrome), so
# that every repository using the plugin gets them without a custom_dir of its own.
THEME_DIR = Path(__file__).parent / "theme"


class SangtaoPlugin(BasePlugin[SangtaoConfig]):
    _bodies: dict[str, Rendered]
    splicer: Splicer
    search: SiteSearch | None = None
    adopted = 0  # generated pages that skip MkDocs's Markdown pass (decision 82)
    _exports: tempfile.TemporaryDirectory[str] | None = None  # the exports, until copied

    @event_priority(100)  # before Material's search plugin reads the theme's words
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.dirs.insert(0, str(THEME_DIR))
        # One search per build (decision 72): Material's where it is on (the offline copy),
        # Pagefind everywhere else; the theme's header shows the matching search box.
        if self.search is not None:
            self.search.close()  # a rebuild (mkdocs serve) that never reached on_post_build
        self.search = (
            None
            if material_search_on(config)
            else SiteSearch(Path(config.site_dir), self.config.search_pages_per_index)
        )
        self.splicer = Splicer()
        self._bodies = {}
        return config

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.splicer.env = env
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        log.info(
            "sangtao: %d/%d trang ngoài mục lục điền vào khuôn trang của Material",
            self.splicer.drawn,
            len(self.splicer.claimed),
        )
        log.info("sangtao: %d trang tạo ra không qua bước Markdown", self.adopted)
        self._drop_exports()  # copied into the site by now
        if self.search is not None:
            self.search.write()
            self.search = None

    def on_build_error(self, *, error: Exception) -> None:
        self._drop_exports()
        if self.search is not None:
            self.search.close()
            self.search = None

    def _drop_exports(self) -> None:
        if self._exports is not None:
            self._exports.cleanup()
            self._exports = None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        rendered = self._bodies.get(page.file.src_uri)
        if rendered is None:
            return html
        if self.config.splice:
            self.splicer.claim(page)
        if page.file.src_uri in self.splicer.claimed:
            # MkDocs reads every page before it draws the first: a claimed page's body stays
            # compressed until its turn comes (on_page_context), and is released once written.
            return ""
        del self._bodies[page.file.src_uri]
        return body_of(rendered)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.splicer.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    @event_priority(100)  # the body is back before Material's search plugin indexes it
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        rendered = self._bodies.pop(page.file.src_uri, None)
        if rendered is not None:
            page.content = body_of(rendered)
        self.splicer.remember(page, context)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.splicer.claimed:
            output = self.splicer.draw(page)
        if self.search is not None:  # the page as it is written, for Pagefind (decision 78)
            self.search.add(page.file.dest_uri, output)
        return output

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self._drop_exports()  # a rebuild (mkdocs serve) after a failed one
        self._exports = tempfile.TemporaryDirectory(prefix="sangtao-xuat-")
        exports_dir = Path(self._exports.name)
        with collector_paused():  # reading and drawing make no reference cycles (decision 76)
            snapshot = self._snapshot(root)
            ctx = site_context(root, snapshot, self.config.rows_per_page)
            # The exports and a share of the dossier pages on the second core (decision 83).
            share = Share(SHARES) if self.config.parallel and can_fork() else EVERY_UNIT
            try:
                with Beside(
                    lambda: (exports_of(ctx, exports_dir), dossiers_of(ctx, share.other())),
                    forked=share is not EVERY_UNIT,
                ) as beside:
                    pages = build_pages(ctx, share)
                    exports, drawn = beside.result()
            except FatalError as error:
                raise PluginError(str(error)) from None
            pages = put_back(pages, drawn)
        log.info("sangtao: %d trang hồ sơ vẽ ở tiến trình thứ hai", len(drawn))
        self._bodies = add_pages(files, config, pages, adopt_pages=self.config.splice)
        self.adopted = sum(isinstance(f.page, GeneratedPage) for f in files if f.src_uri in pages)
        for src, path in exports.items():
            files.append(File.generated(config, src, abs_src_path=path))
        for src, text in form_data_files(ctx).items():  # the forms' units by committee
            files.append(File.generated(config, src, content=text))
        evidence = add_evidence(files, config, root, snapshot.corpus, ctx)
        shown = set().union(evidence, *(rendered.shown for rendered in pages.values()))
        # "As of" an earlier instant, files that landed later did not exist yet.
        check_nothing_lost(snapshot.corpus, shown | received_after(snapshot), len(pages))
        return files

    def _snapshot(self, root: Path) -> Snapshot:
        try:
            snapshot = take_snapshot(
                root, parse_now(None), self.config.ref, parallel=self.config.parallel
            )
        except FatalError as error:
            raise PluginError(str(error)) from None
        if _roster(snapshot.corpus) is None:
            raise PluginError(
                "Không đọc được danh sách đơn vị (don-vi.yaml): chạy `sangtao check` để xem lỗi"
            )
        return snapshot


def _roster(corpus: Corpus) -> Roster | None:
    """The common roster, or (a repository whose every cycle has its own) the first one."""
    return corpus.roster or next(iter(corpus.cycle_rosters.values()), None)


def exports_of(ctx: SiteContext, folder: Path) -> dict[str, str]:
    """Every export written into ``folder`` by the process that draws it, one at a time: the
    bytes never travel between processes (decision 83). Site path → file."""
    issuer = ctx.statuses[ctx.current].issuer.name if ctx.current is not None else ""
    written = {}
    for src, data in export_files(ctx.statuses, ctx.blocks, issuer, ctx.now):
        path = folder / src
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            with path.open("w", encoding="utf-8", newline="") as text:
                text.writelines(data)
        written[src] = str(path)
    return written


def board_files(corpus: Corpus) -> dict[tuple[str, int | None], tuple[str, ...]]:
    """The board's files by kind and scope: the pages that show them claim them."""
    found: dict[tuple[str, int | None], tuple[str, ...]] = {}
    for document in corpus.documents:
        if document.kind in (Kind.ROSTER, Kind.ROSTER_PART, Kind.ANSWERS):
            key = (Kind.ANSWERS if document.kind == Kind.ANSWERS else Kind.ROSTER, document.year)
            found[key] = (*found.get(key, ()), document.rel)
    return found


def site_context(root: Path, snapshot: Snapshot, rows_per_page: int = ROWS_PER_PAGE) -> SiteContext:
    """Everything the pages need, git history included: read here, before any page is drawn,
    so that the page builders stay pure."""
    corpus = snapshot.corpus
    roster = _roster(corpus)
    assert roster is not None  # checked by the plugin
    return SiteContext(
        statuses=snapshot.statuses,
        roster=roster,
        schemas=SchemaSet(root / "schema"),
        problems=tuple(corpus.problems),
        files=len(corpus.files),
        now=snapshot.now,
        repo_url=roster.repo_url,
        head=snapshot.history.head,
        revisions=revisions_of(root, snapshot.history, dossier_files(snapshot.statuses)),
        board_files=board_files(corpus),
        rows_per_page=max(1, rows_per_page),
    )


def add_pages(
    files: Files, config: MkDocsConfig, pages: dict[str, Rendered], adopt_pages: bool = True
) -> dict[str, Rendered]:
    """The generated pages join the build; the pages are returned to put their bodies back.
    With ``adopt_pages`` they skip MkDocs's Markdown pass (decision 82)."""
    existing = {file.src_uri for file in files}
    listed = nav_sources(config.nav) if config.nav else None
    for src, rendered in pages.items():
        if src in existing:
            raise PluginError(f"docs/{src} trùng tên với một trang được tạo tự động")
        # The page is HTML already: Markdown sees only the front matter, and the body is put
        # back after it (faster, and no Markdown extension ever reads unit text).
        front = rendered.front if isinstance(rendered, PackedPage) else rendered.html
        front = front.partition(FRONT_MATTER_END)[0]
        file = File.generated(config, src, content=front + FRONT_MATTER_END)
        files.append(file)
        if adopt_pages and listed is not None:
            adopt(file, config, listed)
    return dict(pages)


def body_of(rendered: Rendered) -> str:
    if isinstance(rendered, PackedPage):
        return rendered.body
    return rendered.html.partition(FRONT_MATTER_END)[2]


def add_evidence(
    files: Files, config: MkDocsConfig, root: Path, corpus: Corpus, ctx: SiteContext
) -> set[str]:
    """Evidence files travel with the site, so it stays whole offline; the files shown."""
    shown = set()
    for document in corpus.documents:
        if document.kind == Kind.EVIDENCE and document.valid and document.year in ctx.statuses:
            src = evidence_src_of(
                document.year, document.unit or "", document.person, document.name or ""
            )
            files.append(File.generated(config, src, abs_src_path=str(root / document.rel)))
            shown.add(document.rel)
    return shown


def check_nothing_lost(corpus: Corpus, shown: set[str], pages: int) -> None:
    """The invariant of decision 18, or the build stops; then what the build showed."""
    with_problems = {p.path for p in corpus.problems}
    lost = lost_files(corpus.files, shown, with_problems)
    if lost:
        raise PluginError(
            "Có tệp trong submissions/ không hiện trên trang và cũng không bị báo lỗi "
            "(lỗi của sangtao, không phải của hồ sơ): " + ", ".join(lost)
        )
    log.info(
        "sangtao: %d tệp trong submissions/: %d hiện trên trang, %d có lỗi (trang Hồ sơ có lỗi); "
        "%d trang tạo ra",
        len(corpus.files),
        len(set(corpus.files) & shown),
        len(set(corpus.files) & with_problems),
        pages,
    )


def lost_files(files: list[str], shown: set[str], with_problems: set[str]) -> list[str]:
    """The invariant of every build: each file is on the site or reported as a problem."""
    return sorted(set(files) - shown - with_problems)
