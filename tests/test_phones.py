"""The site in the hands of its readers: a 390×844 phone and a 1366×768 office desktop.

For the home page, a unit list, a dossier, the results and a form: no page-level horizontal
scroll, no word broken inside a syllable, text contrast of at least 4.5:1 (WCAG 2.2 AA) for
the header, links, badges, table headers and the form's button. Screenshots of every page at
both sizes go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser import TIMEZONE, build_site
from conftest import PROJECT

pytest_plugins = ["browser"]

ARTIFACTS = PROJECT / "test-artifacts"
VIEWPORTS = {"dien-thoai": (390, 844), "may-tinh": (1366, 768)}
PAGES = {
    "trang-chu": "index.html",
    "don-vi": "don-vi.html",
    "don-vi-2023": "2023/don-vi.html",
    "ho-so": "ho-so/2023/loc-thang.html",
    "ket-qua": "2023/ket-qua-tham-dinh.html",
    "bieu-mau": "bieu-mau/dang-ky.html",
    "bieu-mau-bao-cao": "bieu-mau/bao-cao.html",
}

# Words a line break split: a run of letters whose rectangles sit on more than one line.
_BROKEN_WORDS = """() => {
  const root = document.querySelector("article") || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("code, pre, kbd, svg, script, style, [hidden]")) continue;
    if (!parent.getClientRects().length) continue;
    const re = /[\\p{L}\\p{M}]+/gu;
    let m;
    while ((m = re.exec(node.data)) !== null) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Contrast of text against the first opaque background behind it (WCAG relative luminance).
_CONTRASTS = """(selectors) => {
  function rgba(text) {
    const v = text.match(/[\\d.]+/g).map(Number);
    return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 };
  }
  function lum(c) {
    const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  }
  const found = [];
  for (const selector of selectors) {
    for (const el of Array.from(document.querySelectorAll(selector)).slice(0, 40)) {
      if (!el.getClientRects().length || !el.textContent.trim()) continue;
      const fg = rgba(getComputedStyle(el).color);
      const bg = background(el);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      found.push([selector, el.textContent.trim().slice(0, 30), (hi + 0.05) / (lo + 0.05)]);
    }
  }
  return found;
}"""
CONTRAST_SELECTORS = [
    ".md-header__title",
    ".md-tabs__link",
    "article a",
    ".sangtao-state",
    "article th",
    "article td",
    "article p",
    ".md-footer-meta",
    "#bieu-mau button",
    ".bm-tien-trinh",
    ".bm-cac-buoc li",
    ".bm-ba-o label",
    ".md-nav__link",
]


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def _assert_readable(page: Any, selectors: list[str]) -> list[tuple[str, str, float]]:
    """No page-level horizontal scroll, no word broken inside, contrast of ``selectors`` ≥ 4.5."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"trang cuộn ngang {overflow} px"
    assert page.evaluate(_BROKEN_WORDS) == []
    shown: list[tuple[str, str, float]] = page.evaluate(_CONTRASTS, selectors)
    assert [(sel, text, round(ratio, 2)) for sel, text, ratio in shown if ratio < 4.5] == []
    return shown


# What a form shows when something is wrong (the no-diacritics warning included).
FORM_PROBLEMS = [".bm-tong-loi a", ".bm-tong-loi h2", ".bm-loi", ".bm-canh-bao"]


def _open(chromium: Any, site_url: str, path: str, size: tuple[int, int]) -> tuple[Any, Any]:
    context = chromium.new_context(
        locale="vi-VN",
        timezone_id=TIMEZONE,
        viewport={"width": size[0], "height": size[1]},
        device_scale_factor=1,
    )
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # the tables' and the form's scripts have run
    return context, page


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_readable_at_phone_and_desktop_width(
    chromium: Any, site_url: str, artifacts: Path, name: str, viewport: str
) -> None:
    context, page = _open(chromium, site_url, PAGES[name], VIEWPORTS[viewport])
    try:
        page.screenshot(path=str(artifacts / f"{name}-{viewport}.png"), full_page=True)
        _assert_readable(page, CONTRAST_SELECTORS)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_form_problems_and_warnings_are_readable(
    chromium: Any, site_url: str, artifacts: Path, viewport: str
) -> None:
    """The error summary, a field's problem and the no-diacritics warning, shown at once."""
    context, page = _open(chromium, site_url, PAGES["bieu-mau"], VIEWPORTS[viewport])
    try:
        title = page.locator('[name="ten_mo_hinh"]')
        title.fill("Chi bo thon 1 dan van kheo")
        title.blur()
        page.get_by_role("button", name="Tiếp tục").click()
        page.locator(".bm-tong-loi").wait_for(state="visible")
        page.screenshot(path=str(artifacts / f"bieu-mau-loi-{viewport}.png"), full_page=True)
        shown = _assert_readable(page, FORM_PROBLEMS)
        assert {selector for selector, _, _ in shown} == set(FORM_PROBLEMS)
    finally:
        context.close()


def test_printed_unit_list_is_landscape_with_the_header_repeated(
    chromium: Any, site_url: str, tmp_path: Path
) -> None:
    """What the board prints for a meeting: A4 landscape, header row on every page, whole
    names, no menus."""
    context, page = _open(chromium, site_url, "2023/don-vi.html", VIEWPORTS["may-tinh"])
    try:
        page.emulate_media(media="print")
        assert page.evaluate(_BROKEN_WORDS) == []
        assert (
            page.evaluate(
                "() => getComputedStyle(document.querySelector('article table thead')).display"
            )
            == "table-header-group"
        )
        assert (
            page.evaluate(
                "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).display"
            )
            == "none"
        )
        pdf = page.pdf(prefer_css_page_size=True)
        (ARTIFACTS / "don-vi-2023-ban-in.pdf").write_bytes(pdf)
        boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
        assert boxes and all(float(w) > float(h) for w, h in boxes)  # landscape
        print(f"{len(boxes)} trang A4 ngang")
        assert len(boxes) <= 6  # not the 10 portrait pages of a squeezed table
    finally:
        context.close()


@pytest.mark.parametrize(
    ("typed", "wanted"), [("loc bao", "Lộc Bảo"), ("bla", "B'Lá"), ("LỘC BẮC", "Lộc Bắc")]
)
def test_table_filter_matches_words_from_their_start(
    chromium: Any, site_url: str, typed: str, wanted: str
) -> None:
    """The filter reads what the clerk types as words from their start, without diacritics,
    apostrophes or hyphens: "loc bao" finds only Lộc Bảo, "bla" finds B'Lá."""
    context, page = _open(chromium, site_url, "2023/don-vi.html", VIEWPORTS["may-tinh"])
    try:
        page.locator(".sangtao-filter").fill(typed)
        names = page.evaluate(
            """() => Array.from(document.querySelectorAll('article table tbody tr'))
                .filter(r => !r.hidden).map(r => r.cells[1].textContent.trim())"""
        )
        assert names and all(wanted in name for name in names), names
    finally:
        context.close()


def test_theme_chrome_is_vietnamese(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for english in ("Made with", "Initializing search", ">Search<", "Type to start searching"):
        assert english not in home
    # The online search box (Pagefind, decision 72) waits for a query; nothing to prepare.
    assert "Nhập để bắt đầu tìm kiếm" in home and 'placeholder="Tìm đơn vị, mô hình, người"' in home
    assert '<html lang="vi"' in home


def test_not_found_page_works_under_a_sub_path(tmp_path: Path) -> None:
    """GitHub Pages serves 404.html for any missing address of a project site
    (https://owner.github.io/repo/…): its links and styles must point into /repo/."""
    out = tmp_path / "site"
    build_site(PROJECT, out, SITE_URL="https://so-noi-vu.github.io/sang-tao/")
    text = (out / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="(/[^"]*)"', text)
    assert links and all(link.startswith("/sang-tao/") for link in links), links


@pytest.mark.parametrize("path", ["2023/index.html", "2023/ket-qua-tham-dinh.html"])
def test_chart_text_is_large_enough_on_a_phone(chromium: Any, site_url: str, path: str) -> None:
    """Chart labels at least 11 px tall at 390 px, none cut at either edge."""
    context, page = _open(chromium, site_url, path, VIEWPORTS["dien-thoai"])
    try:
        sizes = page.evaluate(
            """() => Array.from(document.querySelectorAll('svg text')).map(t => {
                const r = t.getBoundingClientRect();
                const box = t.ownerSVGElement.getBoundingClientRect();
                return [t.textContent, r.height, Math.min(r.left - box.left, box.right - r.right)];
            })"""
        )
        assert sizes
        small = [(text, round(h, 1)) for text, h, _ in sizes if h < 11]
        assert small == []
        clipped = [text for text, _, left in sizes if left < -0.5]
        assert clipped == []
    finally:
        context.close()
