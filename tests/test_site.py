"""Real `mkdocs build --strict` runs: the demo site, and a site fed hostile text."""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sangtao.beside import cores

from builders import dump, hostile_repository, plugin_options, progress, registration, seed
from conftest import PROJECT, Repo

MKDOCS = [sys.executable, "-m", "mkdocs"]

HOSTILE_NAME = "<script>alert('tên')</script> | cột ## tiêu đề"
HOSTILE_IDEA = (
    "Dòng đầu bình thường\n"
    "## Tiêu đề chèn vào\n"
    "[bấm vào đây](javascript:alert(1)) và <img src=x onerror=alert(2)>\n"
    '<a href="data:text/html,<script>alert(3)</script>">liên kết data</a>\n'
    '{: .lop onclick="alert(4)" }\n'
    '--8<-- "/etc/passwd"\n'
    "| a | b |\n|---|---|\n| c | d |\n"
    "**đậm** _nghiêng_ `mã` &amp; &#60;"
)
HOSTILE_PERSON = 'Nguyễn <b>Văn</b> "A" & [B](http://x.invalid)'


def build(
    root: Path, out: Path, now: str | None = None, offline: bool = False, config: str = ""
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``: the online site (Pagefind), or ``offline`` the USB copy (lunr);
    with another ``config`` file than mkdocs.yml if given."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if now:
        env["SANGTAO_NOW"] = now
    if offline:
        env["OFFLINE"] = "true"
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out), *(["-f", config] if config else [])],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )


class _Article(HTMLParser):
    """Collects the tags, attributes and text inside <article>, the part generated from data."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def article(path: Path) -> _Article:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _site_repo(repo: Repo) -> Repo:
    shutil.copy(PROJECT / "mkdocs.yml", repo.root / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", repo.root / "docs", ignore=shutil.ignore_patterns("van-ban"))
    (repo.root / "docs/van-ban").mkdir()
    return repo


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hostile text in every free field of every kind of document (``hostile_repository``),
    with this module's own hostile name, idea and person in the loc-thang dossiers."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = _site_repo(Repo(root))
    repo.git("init", "--quiet", "--initial-branch=main")
    hostile_repository(repo, name=HOSTILE_NAME, idea=HOSTILE_IDEA, person=HOSTILE_PERSON)
    out = root / "site"
    result = build(root, out, now="2023-12-25T00:00:00+07:00")
    assert result.returncode == 0, result.stderr
    return out


class _Injected(HTMLParser):
    """Whatever in a whole page (head included) could only have come from hostile text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script = False
        self.heading = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "data-ht" in values or "ht-inject" in (values.get("class") or ""):
            self.found.append(f"<{tag} {values}>")
        if any(name.startswith("on") for name in values):
            self.found.append(f"handler on <{tag} {values}>")
        target = (values.get("href") or values.get("src") or "").strip().lower()
        if target.startswith(("javascript:", "data:")) or (tag == "img" and target == "x"):
            self.found.append(f"<{tag} {values}>")
        # JSON for the forms is data (type application/json), not a script that runs.
        self.script = tag == "script" and values.get("type") in {None, "", "text/javascript"}
        self.heading = tag if tag in {"h1", "h2", "h3", "th"} else ""

    def handle_data(self, data: str) -> None:
        if self.script and ("__ht" in data or "alert(" in data):
            self.found.append(f"script: {data[:80]}")
        if self.heading and data.strip() in {"Tiêu đề ht", "Tiêu đề chèn vào", "a", "b"}:
            self.found.append(f"<{self.heading}>{data}")

    def handle_endtag(self, tag: str) -> None:
        self.script = self.heading = False or ""


def test_no_generated_page_carries_anything_from_hostile_text(hostile_site: Path) -> None:
    """Every page of the build, not only the dossiers: no element, attribute, handler, link,
    heading or table cell that hostile text describes."""
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    found = {}
    for page in pages:
        parser = _Injected()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[page.relative_to(hostile_site).as_posix()] = parser.found
    assert found == {}
    # The rejected file under a hostile folder name is listed, as text.
    assert "<img src=x onerror=alert('ht') data-ht>" in "".join(
        article(hostile_site / "loi.html").text
    )


HOSTILE_PAGES = [
    "ho-so/2023/loc-thang.html",
    "ho-so/2023/loc-thang/ca-nhan/nguyen-van-a.html",
    "don-vi.html",
]


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_hostile_text_adds_no_markup(hostile_site: Path, page: str) -> None:
    parsed = article(hostile_site / page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "iframe", "b"}
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "http://x.invalid")), (tag, attrs)
        assert not (tag == "h2" and "chèn" in str(attrs))
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", (hostile_site / page).read_text(encoding="utf-8"))
    assert not any("Tiêu đề chèn" in h and not h.startswith("Mô hình") for h in headings)


def test_hostile_text_shows_literally(hostile_site: Path) -> None:
    text = "".join(article(hostile_site / "ho-so/2023/loc-thang.html").text)
    assert HOSTILE_NAME in text
    for line in HOSTILE_IDEA.split("\n"):
        assert line in text
    person = "".join(article(hostile_site / "ho-so/2023/loc-thang/ca-nhan/nguyen-van-a.html").text)
    assert HOSTILE_PERSON in person


def test_hostile_title_is_escaped(hostile_site: Path) -> None:
    page = (hostile_site / "ho-so/2023/loc-thang/ca-nhan/nguyen-van-a.html").read_text(
        encoding="utf-8"
    )
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None
    assert "<b>" not in title.group(1)
    assert HOSTILE_PERSON in html.unescape(title.group(1))


def test_no_snippet_was_included(hostile_site: Path) -> None:
    page = (hostile_site / "ho-so/2023/loc-thang.html").read_text(encoding="utf-8")
    assert "root:" not in page


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own demo, built exactly as `make site` does (in a clone, so only
    committed history dates the files)."""
    out = tmp_path_factory.mktemp("demo") / "site"
    result = build(PROJECT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return out


def test_demo_pages_exist(demo_site: Path) -> None:
    for page in (
        "index.html",
        "don-vi.html",
        "chua-dang-ky.html",
        "thoi-han.html",
        "van-ban.html",
        "loi.html",
        "huong-dan/nop-ho-so.html",
    ):
        assert (demo_site / page).is_file(), page
    dossiers = list((demo_site / "ho-so").rglob("*.html"))
    assert len(dossiers) >= 30


def test_demo_internal_links_resolve(demo_site: Path) -> None:
    broken = []
    for page in demo_site.rglob("*.html"):
        if page.name == "404.html":  # served from any depth, so its links are absolute
            continue
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target = (page.parent / html.unescape(href)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(demo_site)} → {href}")
    assert broken == []


def reachable(site: Path, start: str = "index.html") -> set[Path]:
    """Every page a reader reaches by following links from ``start`` (relative links only,
    as the site writes them; decision 19)."""
    seen: set[Path] = set()
    todo = [(site / start).resolve()]
    while todo:
        page = todo.pop()
        if page in seen or not page.is_file():
            continue
        seen.add(page)
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target = (page.parent / html.unescape(href)).resolve()
            if target.suffix == ".html" and target not in seen:
                todo.append(target)
    return seen


def test_every_page_is_reachable_from_the_home_page(demo_site: Path) -> None:
    """No orphan: printable sheets, earlier cycles' results, own models all have a way in."""
    every = {p.resolve() for p in demo_site.rglob("*.html") if p.name != "404.html"}
    orphans = sorted(
        p.relative_to(demo_site.resolve()).as_posix() for p in every - reachable(demo_site)
    )
    assert orphans == []


def test_a_small_cycle_keeps_its_lists_on_one_page(demo_site: Path) -> None:
    """Below the limit of decision 69 (30 organisations in 2023) no list is split in parts."""
    for name in ("don-vi", "chua-dang-ky", "chua-bao-cao", "kho-khan", "xep-loai"):
        assert (demo_site / f"2023/{name}.html").is_file()
        assert not (demo_site / f"2023/{name}").exists()
        assert "sangtao-pager" not in (demo_site / f"2023/{name}.html").read_text(encoding="utf-8")
    assert [p for p in (demo_site / "cap-uy").iterdir() if p.is_dir()] == []


def test_dossier_pages_stay_out_of_the_navigation(demo_site: Path) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "ho-so/" not in nav
    unit_page = next((demo_site / "ho-so").rglob("*.html"))
    assert len(unit_page.read_bytes()) < 60_000


def test_nothing_lost_invariant_breaks_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Every file is on the site or reported as a problem; a page that forgets one fails the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    import sangtao.site.dossier as dossier
    from sangtao.site.plugin import lost_files
    from sangtao.site.render import Rendered

    assert lost_files(["a", "b", "c"], {"a"}, {"b"}) == ["c"]
    root = tmp_path / "kho"
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = _site_repo(Repo(root))
    repo.git("init", "--quiet", "--initial-branch=main")
    seed(repo)
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.write("submissions/2023/loc-thang/tien-do/2023-05-15.yaml", dump(progress()))
    repo.commit("Hồ sơ", "2023-05-15T09:00:00+07:00")
    monkeypatch.setenv("SANGTAO_NOW", "2023-06-01T00:00:00+07:00")
    monkeypatch.chdir(root)

    def config() -> object:
        return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))

    mkdocs_build(config())  # the real pages show every file
    monkeypatch.setattr(dossier, "progress_section", lambda ctx, model: Rendered(""))
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        mkdocs_build(config())
    assert "không hiện trên trang và cũng không bị báo lỗi" in caplog.text
    assert "submissions/2023/loc-thang/tien-do/2023-05-15.yaml" in caplog.text


def test_a_title_with_control_characters_still_makes_valid_front_matter() -> None:
    import yaml

    from sangtao.site.render import page

    text = page("Ka Hòa\x7f\u2028 [x](javascript:alert(1)) --- <b>", "<p>nội dung</p>")
    front = text.split("---\n")[1]
    assert (
        yaml.safe_load(front)["title"] == "Ka Hòa\x7f\u2028 [x](javascript:alert(1)) --- &lt;b&gt;"
    )


# -- the search index holds what a dossier is found by, never its body --------------------

BODY_WORDS = ("Xuyenthanbody", "Tiendobodyword", "Khokhanbodyword")
MERGED = 3  # pages in one part of the search index of the `merged` build


@pytest.fixture(scope="module")
def indexed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier whose body has nested elements (progress updates, each a block of its own)
    and words found nowhere else."""
    root = tmp_path_factory.mktemp("indexed")
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = _site_repo(Repo(root))
    repo.git("init", "--quiet", "--initial-branch=main")
    seed(repo)
    repo.write(
        "submissions/2023/loc-thang/dang-ky.yaml",
        dump(registration(y_tuong=f"Ý tưởng {BODY_WORDS[0]} của chi bộ, đủ dài để hợp lệ.")),
    )
    for day, word in (("2023-05-15", BODY_WORDS[1]), ("2023-06-15", BODY_WORDS[2])):
        repo.write(
            f"submissions/2023/loc-thang/tien-do/{day}.yaml",
            dump(
                progress(day=day, da_lam=f"Đã làm {word} ở ba thôn.", kho_khan=[f"Vướng {word}."])
            ),
        )
    repo.commit("Hồ sơ và tiến độ", "2023-05-20T09:00:00+07:00")
    # The online site again, its search index in parts of at most MERGED pages (decision 78).
    shutil.copy(root / "mkdocs.yml", root / "mkdocs-merged.yml")
    plugin_options(root / "mkdocs-merged.yml", search_pages_per_index=MERGED)
    for kind, config in (("online", ""), ("offline", ""), ("merged", "mkdocs-merged.yml")):
        result = build(
            root,
            root / kind,
            now="2023-07-01T00:00:00+07:00",
            offline=kind == "offline",
            config=config,
        )
        assert result.returncode == 0, result.stderr
    return root


def lunr_texts(site: Path) -> dict[str, str]:
    """Material's search index (the offline copy): each entry's text by its location (a page,
    or a section of it after #)."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: f"{doc['title']} {doc['text']}" for doc in index["docs"]}


def pagefind_records(bundle: Path) -> dict[str, dict[str, object]]:
    """A Pagefind index folder's pages (those of its merged indexes too) by location. A page's
    fragment is gzip-compressed JSON behind a signature; its words are what a query finds."""
    import gzip

    records = {}
    for fragment in bundle.rglob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"].removeprefix("/")] = record
    return records


def pagefind_texts(site: Path) -> dict[str, str]:
    """Pagefind's index (the online site): each page's indexed text by its location."""
    return {
        page: f"{record['meta']['title']} {record['content']}"  # type: ignore[index]
        for page, record in pagefind_records(site / "pagefind").items()
    }


def test_no_dossier_body_text_reaches_the_search_index(indexed_site: Path) -> None:
    online = indexed_site / "online"
    page = (online / "ho-so/2023/loc-thang.html").read_text(encoding="utf-8")
    for word in BODY_WORDS:
        assert word in page  # shown on the page …
    body = article(online / "ho-so/2023/loc-thang.html")
    assert sum(tag == "div" for tag, _ in body.tags) >= 3  # … inside nested elements
    for template in (PROJECT / "scripts/sangtao/site/templates").rglob("*.html"):
        assert "<section" not in template.read_text(encoding="utf-8").replace(
            "<section data-search-exclude data-pagefind-ignore>", ""
        ), template  # the exclusion ends at the first </section> inside it
    assert not (online / "search").exists()  # online: Pagefind alone
    assert not (indexed_site / "offline/pagefind").exists()  # offline: lunr alone
    indexes = (pagefind_texts(online), pagefind_texts(indexed_site / "merged"))
    for texts in (lunr_texts(indexed_site / "offline"), *indexes):
        dossier = " ".join(t for page, t in texts.items() if page.startswith("ho-so/"))
        for word in BODY_WORDS:
            assert word not in dossier  # … and never in an index visitors download
        assert "Dân vận khéo" in dossier  # the model stays findable by its title
        assert "Xuyenthanbody" not in " ".join(texts.values())


def test_pagefind_indexes_each_page_as_it_would_index_the_written_site(
    indexed_site: Path, tmp_path: Path
) -> None:
    """Pagefind reads each page's searchable part as the build writes it, in indexes of at
    most ``search_pages_per_index`` pages that the browser merges (decision 78): the pages and
    their records (title, text a query finds, excerpt source) are those Pagefind makes of the
    whole written site, 404 page aside."""
    from pagefind_bin import get_executable

    online, merged = indexed_site / "online", indexed_site / "merged"
    whole = tmp_path / "pagefind"
    command = [str(get_executable()), "--site", str(online), "--output-path", str(whole)]
    options = ["--root-selector", "article.md-content__inner", "--force-language", "vi"]
    result = subprocess.run(
        [*command, *options, "--keep-index-url", "--quiet"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    expected = pagefind_records(whole)
    del expected["404.html"]
    assert len(expected) > 4 * MERGED and "ho-so/2023/loc-thang.html" in expected
    assert pagefind_records(online / "pagefind") == expected
    assert json.loads((online / "pagefind/sangtao-indexes.json").read_text("utf-8")) == []
    folders = json.loads((merged / "pagefind/sangtao-indexes.json").read_text("utf-8"))
    assert folders == [f"{n}/" for n in range(2, len(folders) + 2)]
    assert len(folders) + 1 == -(-len(expected) // MERGED)
    parts = [merged / "pagefind", *(merged / "pagefind" / folder for folder in folders)]
    sizes = [len(list((part / "fragment").iterdir())) for part in parts]
    assert all((part / "pagefind-entry.json").is_file() for part in parts)
    assert max(sizes) == MERGED and sum(sizes) == len(expected)
    assert pagefind_records(merged / "pagefind") == expected


def test_pagefind_input_waits_in_memory_only_where_there_is_room(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """/dev/shm when it has room (decision 78); a container's 64 MB one, or none: the usual
    temporary folder."""
    from sangtao.site import search

    monkeypatch.setattr(search, "MEMORY_DISK", str(tmp_path))
    assert search.waiting_room() == str(tmp_path)
    monkeypatch.setattr(search, "MEMORY_DISK_ROOM", shutil.disk_usage(tmp_path).free + 2**30)
    assert search.waiting_room() is None
    monkeypatch.setattr(search, "MEMORY_DISK", str(tmp_path / "none"))
    assert search.waiting_room() is None


@pytest.fixture(scope="module")
def demo_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's USB-stick copy, as `make site` builds it (Material's lunr search)."""
    out = tmp_path_factory.mktemp("demo-offline") / "site"
    result = build(PROJECT, out, offline=True)
    assert result.returncode == 0, result.stderr
    return out


def test_search_snippets_and_apostrophes(demo_site: Path, demo_offline: Path) -> None:
    """Table cells stay apart in both search indexes' text, and a name with an apostrophe is
    found without it ("bla" finds B'Lá)."""
    for texts in (lunr_texts(demo_offline), pagefind_texts(demo_site)):
        units = texts["2023/don-vi.html"]
        # (Pagefind ends a cell's text with a full stop: "Đúng hạn. 70%".)
        assert "Đúng hạn70%" not in units and re.search(r"Đúng hạn\.? 70%", units)
        assert re.search(r"\bbla\b", texts["ho-so/2023/b-la.html"])


def test_header_override_is_materials_own_plus_the_pagefind_box() -> None:
    """The theme's header is Material's (of the installed version) with one addition, the
    online search box: an upgrade of Material that changes its header makes this fail, so the
    copy is redone instead of silently drifting."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text()
    ours = (PROJECT / "scripts/sangtao/site/theme/partials/header.html").read_text()
    addition = re.search(
        r"\n    \{% if \"sangtao\" in config\.plugins .*?\n    \{% endif %\}", ours, re.S
    )
    assert addition is not None and "partials/sangtao-search.html" in addition.group(0)
    without = ours.replace(addition.group(0), "")
    assert without.split("-#}\n", 1)[1] == theirs.split("-#}\n", 1)[1]


# -- pages filled into Material's shell are the pages Material draws (decision 73) ------------


def _html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_pages_filled_into_the_shell_are_byte_identical_to_materials(
    hostile_site: Path, offline: bool
) -> None:
    """Every page kind, hostile text in every field: the site built with shells (the default)
    and the same site with Material drawing every page are the same bytes, page for page."""
    root = hostile_site.parent
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - sangtao\n" in text
    (root / "mkdocs-material.yml").write_text(
        text.replace(
            "\n  - sangtao\n", "\n  - sangtao:\n      splice: false\n      parallel: false\n"
        ),
        "utf-8",
    )
    now = "2023-12-25T00:00:00+07:00"
    kind = "offline" if offline else "online"
    built = {}
    for name, config in (("shell", ""), ("material", "mkdocs-material.yml")):
        out = root / f"splice-{kind}-{name}"
        result = build(root, out, now=now, offline=offline, config=config)
        assert result.returncode == 0, result.stderr
        filled = re.search(r"sangtao: (\d+)/(\d+) trang ngoài mục lục", result.stderr)
        assert filled is not None, result.stderr
        adopted = re.search(r"sangtao: (\d+) trang tạo ra không qua bước Markdown", result.stderr)
        beside = re.search(r"sangtao: (\d+) trang hồ sơ vẽ ở tiến trình thứ hai", result.stderr)
        assert adopted is not None and beside is not None, result.stderr
        built[name] = (
            _html_files(out) | _index_files(out),
            int(filled.group(1)),
            int(filled.group(2)),
            int(adopted.group(1)),
            int(beside.group(1)),
        )
    shell, material = built["shell"], built["material"]
    assert material[1:] == (0, 0, 0, 0)  # one process, Material drew every page after Markdown …
    assert shell[1] >= 10 and shell[1] >= shell[2] // 2  # … here most came from shells,
    assert shell[3] >= shell[2]  # every page outside the navigation skipped Markdown
    assert shell[4] > 0 or cores() == 1  # and a forked process drew some dossier pages
    assert shell[0].keys() == material[0].keys()
    assert [p for p in shell[0] if shell[0][p] != material[0][p]] == []


def _index_files(site: Path) -> dict[str, bytes]:
    """What MkDocs and the search index make of the pages (sitemap, lunr index)."""
    found = (site / "sitemap.xml", site / "search" / "search_index.json")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in found if p.exists()}


def test_a_shell_fits_only_folders_whose_links_read_the_same() -> None:
    from sangtao.site.shell import BODY, TITLE, cut

    page = (
        f'<title>{TITLE}</title><a href="../../don-vi.html"></a>'
        f'<a href="../../bieu-mau/index.html"></a><article>{BODY}</article>'
    )
    shell = cut(page, "ho-so/2023")
    assert shell is not None and shell.shared == {"don-vi.html", "bieu-mau"}
    assert shell.fill("Tên", "<p>thân</p>", None) == page.replace(TITLE, "Tên").replace(
        BODY, "<p>thân</p>"
    )
    assert shell.fits("ho-so/2023") and shell.fits("in/2023") and shell.fits("ho-so/2022")
    assert not shell.fits("bieu-mau/x")  # from there the link is ../index.html
    inside = cut(page.replace("../../bieu-mau/index.html", "../khac.html"), "ho-so/2023")
    assert inside is not None and not inside.portable
    assert inside.fits("ho-so/2023") and not inside.fits("in/2023")
    assert cut(page.replace(BODY, ""), "ho-so/2023") is None  # a marker went missing


def test_a_full_search_index_is_made_while_the_next_pages_are_written(tmp_path: Path) -> None:
    """Decision 83 for Pagefind: an index starts once its pages are all written, one at a
    time, and the last ones are made at the end."""
    from sangtao.site.search import SiteSearch

    site = tmp_path / "site"
    search = SiteSearch(site, pages_per_index=2)
    page = '<article class="md-content__inner md-typeset"><h1>Lộc Thắng {}</h1></article>'
    search.add("a.html", page.format(1))
    assert search.started == 0
    search.add("b.html", page.format(2))
    assert search.started == 1  # running beside the build
    search.add("c.html", page.format(3))
    search.write()
    assert search.started == 2
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "2" / "pagefind-entry.json").is_file()
    assert json.loads((site / "pagefind" / "sangtao-indexes.json").read_text()) == ["2/"]
