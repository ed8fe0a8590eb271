"""The status site in a real headless Chromium: what the Standing Committee, the board and the
units do with it. Screenshots go to test-artifacts/ for people to look at."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import icalendar
import openpyxl
import pytest

from browser import build_site, served
from builders import (
    HOSTILE,
    dump,
    hostile_repository,
    limit_rows,
    plugin_options,
    registration,
    seed,
)
from conftest import PROJECT, Repo

pytest_plugins = ["browser"]

ARTIFACTS = PROJECT / "test-artifacts"


def shot(page: Any, name: str, **options: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), **options)


def test_home_page(page: Any, site_url: str) -> None:
    page.goto(site_url)
    assert "Mô hình mới, cách làm sáng tạo năm 2027" in page.locator("h1").first.inner_text()
    assert page.locator(".sangtao-chart").count() >= 2
    shot(page, "trang-chu", full_page=True)


def test_follow_a_unit_to_its_dossier_and_print_it(page: Any, site_url: str) -> None:
    page.goto(site_url + "2023/don-vi.html")
    page.get_by_role("link", name="Đảng bộ thị trấn Lộc Thắng").click()
    page.wait_for_url("**/ho-so/2023/loc-thang.html")
    assert page.locator("h1").first.inner_text() == "Đảng bộ thị trấn Lộc Thắng"
    for heading in (
        "Đăng ký",
        "Theo dõi thực hiện",
        "Báo cáo kết quả",
        "Kết quả thẩm định",
        "Lịch sử hồ sơ",
    ):
        assert page.get_by_role("heading", name=heading, exact=True).count() == 1, heading
    shot(page, "ho-so", full_page=True)
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    shot(page, "ho-so-ban-in", full_page=True)


def test_printable_minutes_look_like_a_party_document(page: Any, site_url: str) -> None:
    page.goto(site_url + "in/2023/bien-ban-tham-dinh.html")
    page.emulate_media(media="print")
    text = page.locator(".sangtao-doc").inner_text()
    assert (
        "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BIÊN BẢN" in text and "TỔ TRƯỞNG TỔ THẨM ĐỊNH" in text
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    shot(page, "bien-ban-ban-in", full_page=True)


def test_sort_and_filter_the_units_table(page: Any, site_url: str) -> None:
    page.goto(site_url + "2023/don-vi.html")
    table = page.locator('table[data-sangtao~="sangtao-units"]')
    names = lambda: table.locator("tbody tr:not([hidden]) td:nth-child(2)").all_inner_texts()  # noqa: E731
    before = names()
    table.locator("th", has_text="Đơn vị").first.click()
    after = names()
    assert sorted(before) == sorted(after) and after != before
    page.locator("input.sangtao-filter").first.fill("loc thang")
    assert names() == ["Đảng bộ thị trấn Lộc Thắng"]
    page.locator("input.sangtao-filter").first.fill("trễ hạn")
    assert 0 < len(names()) < len(before)


def search(page: Any, query: str) -> list[str]:
    """Type a query in the online site's search box; the first five results' text, once the
    list shows that query's results."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.fill("")
    box.type(query, delay=10)
    page.wait_for_function(
        "query => document.querySelector('[data-sangtao-search]').dataset.shown === query",
        arg=query,
        timeout=10_000,
    )
    return page.locator(".md-search-result__item").all_inner_texts()[:5]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("camera an ninh", "Lộc Thắng"), ("loc thang", "Lộc Thắng"), ("mo hinh", "Mô hình")],
)
def test_search_without_diacritics(page: Any, site_url: str, query: str, expected: str) -> None:
    page.goto(site_url)
    assert expected in " ".join(search(page, query))


# What belongs to a search index: Pagefind's files, or Material's lunr index.
SEARCH_INDEX = re.compile(r"/pagefind/|/search/search_index")


def test_online_search_fetches_nothing_at_page_load_then_pagefind_finds_both_spellings(
    page: Any, site_url: str
) -> None:
    """The online site over http: nothing of a search index is requested when a page opens;
    once a query is typed, Pagefind (not Material's lunr) finds the unit written with and
    without diacritics, and its result leads to the dossier."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "2023/don-vi.html")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if SEARCH_INDEX.search(url)] == []
    for query in ("Lộc Thắng", "loc thang"):
        assert "Đảng bộ thị trấn Lộc Thắng" in search(page, query)[0], query
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)
    assert not any("search_index" in url for url in requested)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url("**/ho-so/2023/loc-thang.html")
    assert page.locator("h1").first.inner_text() == "Đảng bộ thị trấn Lộc Thắng"


@pytest.fixture(scope="module")
def merged_search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An online site whose search index comes in parts of at most two pages, which the
    browser merges (decision 78)."""
    root = tmp_path_factory.mktemp("merged") / "kho"
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    plugin_options(root / "mkdocs.yml", search_pages_per_index=2)
    repo = Repo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    seed(repo)
    model = registration(ten_mo_hinh="Đường hoa ở thị trấn Lộc Thắng")
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(model))
    repo.commit("Hồ sơ", "2023-02-20T09:00:00+07:00")
    out = root.parent / "site"
    build_site(root, out, SANGTAO_NOW="2023-07-01T00:00:00+07:00")
    return out


def test_search_over_merged_indexes_finds_both_spellings(
    chromium: Any, merged_search_site: Path
) -> None:
    """A province's index comes in parts: the dossier is in a part other than pagefind.js's
    own, and a query finds it (by its model's name) with and without diacritics once the
    parts are merged."""
    parts = json.loads((merged_search_site / "pagefind/sangtao-indexes.json").read_text("utf-8"))
    assert len(parts) >= 3
    holder = [
        part
        for part in parts
        if any(
            b"loc-thang.html" in zlib.decompress(f.read_bytes(), 31)
            for f in (merged_search_site / "pagefind" / part / "fragment").iterdir()
        )
    ]
    assert holder != []  # the dossier is found only through a merged part
    context = chromium.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with served(merged_search_site) as url:
        page.goto(url + "index.html")
        dossier = page.locator('.md-search-result__link[href$="ho-so/2023/loc-thang.html"]')
        for query in ("Lộc Thắng", "loc thang"):
            assert "Đường hoa ở thị trấn Lộc Thắng" in " ".join(search(page, query)), query
            assert dossier.count() == 1, query
        dossier.click()
        page.wait_for_url("**/ho-so/2023/loc-thang.html")
    context.close()
    assert any(f"/pagefind/{holder[0]}" in request for request in requested)


def test_download_each_export(page: Any, site_url: str) -> None:
    page.goto(site_url + "2023/don-vi.html")
    found: dict[str, bytes] = {}
    for label in (
        "Excel (.xlsx)",
        "CSV",
        "JSON (toàn bộ dữ liệu công bố)",
        "Lịch thời hạn (.ics, thêm vào điện thoại)",
    ):
        link = page.get_by_role("link", name=label).first
        href = link.get_attribute("href")
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
        assert response.ok, href
        found[label] = response.body()
    book = openpyxl.load_workbook(io.BytesIO(found["Excel (.xlsx)"]))
    assert book.sheetnames[0] == "Tổng hợp"
    rows = list(csv.DictReader(io.StringIO(found["CSV"].decode("utf-8-sig"))))
    assert len(rows) == 30 and rows[0]["Mã đơn vị"] == "loc-thang"
    data = json.loads(found["JSON (toàn bộ dữ liệu công bố)"])
    assert [c["cycle"] for c in data["cycles"]] == [2027, 2023]
    calendar = icalendar.Calendar.from_ical(found["Lịch thời hạn (.ics, thêm vào điện thoại)"])
    assert len(list(calendar.walk("VEVENT"))) >= 6


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The USB-stick copy as `make site` makes it: built with OFFLINE=true, zipped, unzipped."""
    out = tmp_path_factory.mktemp("offline")
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(out / "site-offline"),
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    archive = shutil.make_archive(str(out / "sangtao-offline"), "zip", out, "site-offline")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(out / "usb")
    return out / "usb" / "site-offline"


def test_offline_copy_works_from_file_and_searches(chromium: Any, offline_copy: Path) -> None:
    context = chromium.new_context(locale="vi-VN")
    outside: list[str] = []
    context.route("http*://**", lambda route: (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    assert not (offline_copy / "pagefind").exists()  # Pagefind cannot run from file://
    page.goto((offline_copy / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    # The whole index is a script of its own, loaded only once the search box is used.
    assert page.evaluate("typeof __index") == "undefined"
    for query in ("loc thang", "Lộc Thắng"):
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").type(query, delay=10)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert "Lộc Thắng" in page.locator(".md-search-result__list").inner_text()
    assert page.evaluate("typeof __index") == "object"
    page.goto((offline_copy / "2023" / "don-vi.html").as_uri())
    page.get_by_role("link", name="Đảng bộ xã Lộc An").click()
    assert page.locator("h1").first.inner_text() == "Đảng bộ xã Lộc An"
    context.close()
    assert errors == [] and outside == []


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A site built from hostile text in every free field (``builders.hostile_repository``),
    as the offline copy is (it is opened from file://); and its generated pages."""
    root = tmp_path_factory.mktemp("hostile") / "kho"
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    # One row a page, units under a committee with a hostile name: every list comes as an index
    # and parts by committee, the committee's page in parts by block (decision 69), so each
    # kind of part meets the hostile text here; whole lists meet it in test_site.py.
    limit_rows(root / "mkdocs.yml", 1)
    repo = Repo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    hostile_repository(repo, committee="xa-ht")
    out = root.parent / "site"
    build_site(root, out, OFFLINE="true", SANGTAO_NOW="2023-12-25T00:00:00+07:00")
    docs = PROJECT / "docs"
    written = {p.relative_to(docs).with_suffix(".html").as_posix() for p in docs.rglob("*.md")}
    pages = (p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    generated = sorted(p for p in pages if p not in written and p != "404.html")
    return out, generated


def test_hostile_site_has_every_page_kind(hostile_site: tuple[Path, list[str]]) -> None:
    _, generated = hostile_site
    kinds = [*PAGE_KINDS, *(f"2022/{page}" for page in CYCLE_PAGES)]
    assert [k for k in kinds if k not in generated] == []
    assert any(p.startswith("in/2023/phieu-cham/") for p in generated)
    # A list's introduction stays on its index; its parts hold the rows (decision 69).
    out, _ = hostile_site
    index, part = (out / p for p in ("ket-qua-tham-dinh.html", "ket-qua-tham-dinh/xa-ht.html"))
    assert "biểu mẫu phiếu chấm" in index.read_text(encoding="utf-8")
    assert "biểu mẫu phiếu chấm" not in part.read_text(encoding="utf-8")


def test_hostile_text_in_online_search_results_stays_text(
    chromium: Any, hostile_site: tuple[Path, list[str]]
) -> None:
    """The same hostile repository built as the online site (Pagefind): a query that finds
    the hostile words shows them as text in the results, and nothing of them runs."""
    root = hostile_site[0].parent / "kho"
    online = hostile_site[0].parent / "site-online"
    build_site(root, online, SANGTAO_NOW="2023-12-25T00:00:00+07:00")
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with served(online) as url:
        page.goto(url + "ho-so/2023/loc-thang.html")
        results = " ".join(search(page, "Tiêu đề ht onload"))
        found = page.evaluate(
            "() => [document.querySelectorAll('[data-ht], .ht-inject').length, window.__ht ?? null]"
        )
    context.close()
    assert "## Tiêu đề ht" in results and "<svg onload=alert('ht') data-ht></svg>" in results
    assert found == [0, None] and dialogs == []


CYCLE_PAGES = [
    "index.html",
    "don-vi.html",
    "chua-dang-ky.html",
    "chua-bao-cao.html",
    "kho-khan.html",
    "xep-loai.html",
    "ket-qua-tham-dinh.html",
]
PAGE_KINDS = [
    *CYCLE_PAGES,
    "thoi-han.html",
    "van-ban.html",
    "loi.html",
    "ho-so/2023/loc-thang.html",
    "ho-so/2023/loc-thang/ca-nhan/nguyen-van-a.html",
    "ho-so/2023/huyen-uy.html",
    "in/2023/bien-ban-tham-dinh.html",
    # A committee's page, and the parts of long lists (decision 69): a first and a second page
    # of a committee's organisations, of a block's on the committee's page.
    "cap-uy/xa-ht.html",
    "cap-uy/xa-ht/xa-thi-tran.html",
    "cap-uy/xa-ht/xa-thi-tran/2.html",
    "don-vi/xa-ht.html",
    "don-vi/xa-ht/2.html",
    "xep-loai/xa-ht.html",
    "xep-loai/xa-ht/2.html",
    "ket-qua-tham-dinh/xa-ht/2.html",
    "kho-khan/xa-ht.html",
    "2022/chua-dang-ky/xa-ht/2.html",
    "in/2023/dang-ky-huyen-uy.html",
    "bieu-mau/index.html",
    "bieu-mau/dang-ky.html",
    "bieu-mau/tien-do.html",
    "bieu-mau/bao-cao.html",
]


def test_hostile_text_shows_literally_and_runs_nothing(
    chromium: Any, hostile_site: tuple[Path, list[str]]
) -> None:
    """Every generated page and printable document, opened in Chromium: hostile text stays text
    (no element it describes exists, none of its scripts ran, no dialog opened)."""
    out, generated = hostile_site
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    injected = {}
    for name in generated:
        page.goto((out / name).as_uri())
        found = page.evaluate(
            "() => [document.querySelectorAll('[data-ht], .ht-inject').length, window.__ht ?? null,"
            " [...document.querySelectorAll('a[href]')].filter(a => /^(javascript|data):/i"
            ".test(a.getAttribute('href').trim())).length]"
        )
        if found != [0, None, 0]:
            injected[name] = found
    assert injected == {}
    assert dialogs == [] and errors == []
    page.goto((out / "ho-so/2023/loc-thang.html").as_uri())
    text = page.locator("article").inner_text()
    context.close()
    for line in HOSTILE.split("\n"):
        assert line.strip() in text
