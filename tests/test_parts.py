"""Pages that do not grow with N (issue 14, decision 69): a long list becomes an index and parts
of at most ``rows_per_page`` rows, by committee or by block; each unit on exactly one part,
nothing lost, every part reachable. Row counts, never byte sizes (those are `make bench`'s)."""

from __future__ import annotations

import dataclasses
import posixpath
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.synthetic import Shape, generate
from sangtao.model import Committee, Roster
from sangtao.pipeline import parse_now, take_snapshot
from sangtao.site.committees import committee_pages
from sangtao.site.context import SiteContext
from sangtao.site.pages import build_pages, difficulties_pages, missing_pages, units_pages
from sangtao.site.parts import Group, by_block, by_committee, plan
from sangtao.site.plugin import site_context
from sangtao.site.render import Rendered
from sangtao.site.results import eligibility_pages
from test_site import build, reachable

from builders import limit_rows
from conftest import IDENTITY, PROJECT

pytest_plugins = ["browser"]

LIMIT = 200
NOW = "2023-12-25T00:00:00+07:00"


# -- the plan, on its own ------------------------------------------------------------------


class _Unit:
    """Just what ``plan`` and the groupings read of a unit: its code, committee, block."""

    def __init__(self, code: str, committee: str | None = None, block: str = "y-te") -> None:
        self.unit = self
        self.code = code
        self.committee = committee
        self.block = block


@given(
    weights=st.lists(st.integers(0, 30), max_size=60),
    groups=st.integers(1, 4),
    limit=st.integers(1, 40),
)
def test_a_plan_puts_each_unit_on_exactly_one_part(
    weights: list[int], groups: int, limit: int
) -> None:
    units = [_Unit(f"u{i}") for i in range(len(weights))]
    weight = dict(zip((u.code for u in units), weights, strict=True))

    def group_of(unit: object) -> Group:
        number = int(unit.code[1:]) % groups  # type: ignore[attr-defined]
        return Group(f"g{number}", f"Nhóm {number}", -number)

    parts = plan("x.md", units, lambda u: weight[u.unit.code], group_of, limit)  # type: ignore[arg-type]
    if sum(weights) <= limit:
        assert parts == ()
        return
    placed = Counter(code for part in parts for code in part.units)
    assert set(placed) == {code for code, w in weight.items() if w}
    assert set(placed.values()) == {1}
    for part in parts:
        assert part.rows == sum(weight[c] for c in part.units)
        # Over the limit only when one unit alone has more rows than a page holds.
        assert part.rows <= limit or len(part.units) == 1
        assert {group_of(_Unit(c)) for c in part.units} == {part.group}
    assert len({p.src for p in parts}) == len(parts)
    assert [p.group.rank for p in parts] == sorted(p.group.rank for p in parts)


def test_groups_are_committees_with_the_roots_own_first_or_blocks_in_the_schemas_order() -> None:
    committees = (
        Committee("xa-b", "Đảng ủy xã B", "dang-uy-xa", None),
        Committee("truc-thuoc", "Đảng ủy có mã lạ", "dang-uy-xa", None),
    )
    roster = Roster(root={"ten": "Tỉnh ủy Mẫu"}, admins=(), units=(), committees=committees)
    group_of = by_committee(roster, "Tỉnh ủy Mẫu")
    own, b, odd = (group_of(_Unit("u", c)) for c in (None, "xa-b", "truc-thuoc"))  # type: ignore[arg-type]
    assert (own.code, own.label) == ("truc-thuoc-goc", "Trực thuộc Tỉnh ủy Mẫu")
    assert own.rank < b.rank < odd.rank and b.label == "Đảng ủy xã B"
    rooted = Roster(root={"ten": "T", "ma": "tinh-uy"}, admins=(), units=(), committees=committees)
    assert by_committee(rooted, "T")(_Unit("u")).code == "tinh-uy"  # type: ignore[arg-type]
    blocks = by_block({"xa-thi-tran": "Xã, thị trấn", "y-te": "Y tế"})
    commune, health = (blocks(_Unit("u", block=k)) for k in ("xa-thi-tran", "y-te"))  # type: ignore[arg-type]
    assert (commune.label, health.label) == ("Khối xã, thị trấn", "Khối y tế")
    assert commune.rank < health.rank


# -- a synthetic province and a synthetic district, from the benchmark's generator ----------


def _context(root: Path, shape: Shape) -> SiteContext:
    with pytest.MonkeyPatch.context() as env:
        for name, value in IDENTITY.items():
            env.setenv(name, value)
        data = generate(root, shape)
    snapshot = take_snapshot(data.root, parse_now(NOW), "HEAD")
    return site_context(data.root, snapshot)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> SiteContext:
    """2,000 dossiers of 400 organisations in 10 committees: 2,000 eligibility rows."""
    return _context(tmp_path_factory.mktemp("tinh") / "kho", Shape(2000, per_unit=5, committees=10))


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> SiteContext:
    """A flat roster: 1,000 dossiers of 250 organisations, split by block."""
    return _context(tmp_path_factory.mktemp("huyen") / "kho", Shape(1000, per_unit=4))


LISTS: dict[str, Callable[[SiteContext], dict[str, Rendered]]] = {
    "don-vi": lambda ctx: units_pages(ctx, ctx.statuses[2023], "don-vi.md"),
    "chua-bao-cao": lambda ctx: missing_pages(ctx, ctx.statuses[2023], "report", "chua-bao-cao.md"),
    "kho-khan": lambda ctx: difficulties_pages(ctx, ctx.statuses[2023], "kho-khan.md"),
    "xep-loai": lambda ctx: eligibility_pages(ctx, ctx.statuses[2023], "xep-loai.md"),
}

_TABLE = re.compile(r"<table([^>]*)>(.*?)</table>", re.S)
_DOSSIER = re.compile(r'href="(?:\.\./)*ho-so/\d{4}/([a-z0-9-]+)(?:\.html|/)')


def tables(rendered: Rendered) -> Iterator[tuple[str, str]]:
    """(attributes, body) of each table of a page."""
    yield from _TABLE.findall(rendered.html)


def rows(rendered: Rendered) -> int:
    """Rows of the page's lists (the index of parts is not a list of units)."""
    return sum(body.count("<tr><td>") for attrs, body in tables(rendered) if "parts" not in attrs)


def units_on(rendered: Rendered) -> Counter[str]:
    """Each unit's rows on a page: the dossier links in its tables."""
    return Counter(
        code
        for attrs, body in tables(rendered)
        if "parts" not in attrs
        for code in _DOSSIER.findall(body)
    )


def check_split(
    whole: Rendered, pages: dict[str, Rendered], base: str, limit: int = LIMIT
) -> list[str]:
    """The parts of a list against the same list on one page: rows, units, the index (which
    keeps the page's other tables, such as the appraisal criteria, and no unit's row)."""
    parts = {src: page for src, page in pages.items() if src != base}
    assert parts, f"{base}: not split"
    index = pages[base]
    assert units_on(index) == Counter()
    linked = set(
        re.findall(r'href="([^"]+)\.html"', next(b for a, b in tables(index) if "parts" in a))
    )
    here = posixpath.dirname(base)
    assert {posixpath.normpath(posixpath.join(here, h)) for h in linked} == {
        src.removesuffix(".md") for src in parts
    }
    assert all(rows(p) <= limit or len(units_on(p)) == 1 for p in parts.values())
    seen: Counter[str] = Counter()
    for page in parts.values():
        seen.update(set(units_on(page)))
    assert set(seen.values()) == {1}, f"{base}: a unit on two parts"
    assert sum((units_on(p) for p in parts.values()), Counter()) == units_on(whole)
    assert rows(index) + sum(rows(p) for p in parts.values()) == rows(whole)
    return sorted(parts)


def _whole(ctx: SiteContext) -> SiteContext:
    return dataclasses.replace(ctx, rows_per_page=10**9)


def split_list(ctx: SiteContext, name: str) -> tuple[dict[str, Rendered], set[str]] | None:
    """The list ``name`` checked against itself on one page: its pages and the groups of its
    parts; None when it fits one page (and then it is one page)."""
    pages = LISTS[name](ctx)
    (whole,) = LISTS[name](_whole(ctx)).values()
    base = f"{name}.md"
    if rows(whole) <= LIMIT:
        assert list(pages) == [base]
        return None
    parts = check_split(whole, pages, base)
    return pages, {p.split("/")[1].removesuffix(".md") for p in parts}


@pytest.mark.parametrize("name", LISTS)
def test_a_province_list_is_split_by_committee(province: SiteContext, name: str) -> None:
    if (found := split_list(province, name)) is None:
        return
    pages, groups = found
    assert groups <= {c.code for c in province.roster.committees}
    assert "Danh sách theo cấp ủy" in pages[f"{name}.md"].html


def test_the_province_lists_that_must_split_do(province: SiteContext) -> None:
    """The test above is not vacuous: the units and eligibility lists are over the limit."""
    for name in ("don-vi", "xep-loai"):
        assert len(LISTS[name](province)) > 1


@pytest.mark.parametrize("name", LISTS)
def test_a_district_list_is_split_by_block(district: SiteContext, name: str) -> None:
    if (found := split_list(district, name)) is None:
        return
    pages, groups = found
    parts = [src for src in pages if src != f"{name}.md"]
    assert groups <= set(district.blocks)
    assert "Danh sách theo khối" in pages[f"{name}.md"].html
    # A block longer than a page takes numbered pages, «trang 2/3»: 100 organisations of
    # communes have 400 eligibility rows.
    numbered = [p for p in parts if re.fullmatch(rf"{name}/[a-z-]+/\d+\.md", p)]
    assert bool(numbered) == any("(trang " in pages[p].html for p in parts)
    assert numbered or name != "xep-loai"


def test_a_committee_page_with_more_organisations_than_a_page_is_split_by_block(
    province: SiteContext,
) -> None:
    narrow = dataclasses.replace(province, rows_per_page=10)
    pages = committee_pages(narrow)
    whole = committee_pages(province)
    for base, page in whole.items():
        assert rows(page) <= LIMIT
        split = {
            src: p for src, p in pages.items() if src == base or src.startswith(base[:-3] + "/")
        }
        check_split(page, split, base)


def test_every_list_of_the_demo_in_parts_of_5_rows_loses_nothing() -> None:
    """Both demo cycles (a district, a province with committees), every kind of list, the
    published results among them, and the committees' pages, at 5 rows a page."""
    snapshot = take_snapshot(PROJECT, parse_now("2027-06-01T00:00:00+07:00"), "HEAD")
    ctx = _whole(site_context(PROJECT, snapshot))
    whole = build_pages(ctx)
    small = build_pages(dataclasses.replace(ctx, rows_per_page=5))
    lists = re.compile(
        r"(?:\d{4}/)?(?:don-vi|chua-dang-ky|chua-bao-cao|kho-khan|xep-loai|ket-qua-tham-dinh)\.md|cap-uy/.+\.md"
    )
    checked = []
    for base, page in whole.items():
        if not lists.fullmatch(base):
            continue
        stem = base.removesuffix(".md") + "/"
        pages = {src: p for src, p in small.items() if src == base or src.startswith(stem)}
        if len(pages) > 1:
            checked.append(base)
            check_split(page, pages, base, limit=5)
        else:  # short enough: the very same page
            assert small[base].html == page.html, base
    assert {"2023/ket-qua-tham-dinh.md", "2023/xep-loai.md", "don-vi.md"} <= set(checked)
    assert any(base.startswith("cap-uy/") for base in checked)
    assert set(small) >= set(whole)


# -- the real build: every part is reachable, links resolve ---------------------------------


@pytest.fixture(scope="module")
def split_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's demo built with 5 rows a page: every list of both cycles, and the
    committee pages, in parts."""
    root = tmp_path_factory.mktemp("demo") / "kho"
    shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns(".venv", "node_modules", "site"))
    limit_rows(root / "mkdocs.yml", 5)
    out = root.parent / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_part_is_reachable_from_the_home_page(split_demo: Path) -> None:
    parts = [
        p
        for p in split_demo.rglob("*.html")
        if re.search(r"/(don-vi|xep-loai|cap-uy/[a-z0-9-]+)/", p.as_posix())
    ]
    assert len(parts) > 10
    every = {p.resolve() for p in split_demo.rglob("*.html") if p.name != "404.html"}
    assert (
        sorted(
            p.relative_to(split_demo.resolve()).as_posix() for p in every - reachable(split_demo)
        )
        == []
    )


def test_each_part_links_the_index_its_neighbours_and_the_full_download(split_demo: Path) -> None:
    first = (split_demo / "2023/don-vi/xa-thi-tran.html").read_text(encoding="utf-8")
    second = (split_demo / "2023/don-vi/xa-thi-tran/2.html").read_text(encoding="utf-8")
    assert 'href="../don-vi.html"' in first and 'href="xa-thi-tran/2.html"' in first
    assert 'href="../../don-vi.html"' in second and 'href="../xa-thi-tran.html"' in second
    for page in (first, second):
        assert 'href="../' in page and "xuat/tinh-hinh-2023.xlsx" in page
        assert "xuat/tinh-hinh-2023.csv" in page
        assert 'data-sangtao="sangtao-units sangtao-sortable"' in page


# -- in the browser: a part is a list like the whole one -------------------------------------

_NAMES = """() => [...document.querySelectorAll('article table tbody tr')]
    .filter(r => !r.hidden).map(r => r.cells[1].textContent.trim())"""


def test_a_part_sorts_filters_shows_cards_on_a_phone_and_prints_without_its_pager(
    chromium: Any, split_demo: Path
) -> None:
    """bang.js on each part (decisions 51, 52, 69): a filter box and sortable headers; on a
    390 px phone each row is a card with its columns' names, nothing scrolls sideways; printed,
    the pager and the links to other parts are not on paper."""
    context = chromium.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((split_demo / "2023/don-vi/xa-thi-tran.html").as_uri())
    page.wait_for_load_state("load")
    labels = page.evaluate(
        "() => [...document.querySelectorAll('article table tbody td')].map(td => td.dataset.label)"
    )
    assert labels and all(labels)
    assert (
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )
    page.set_viewport_size({"width": 1366, "height": 768})
    names = page.evaluate(_NAMES)
    assert 2 <= len(names) <= 5
    page.locator("article table th", has_text="Đơn vị").click()
    ascending = page.evaluate(_NAMES)
    page.locator("article table th", has_text="Đơn vị").click()
    assert page.evaluate(_NAMES) == ascending[::-1] and sorted(ascending) == sorted(names)
    wanted = names[-1]
    page.locator(".sangtao-filter").fill(wanted.split()[-1].lower())
    assert wanted in page.evaluate(_NAMES) and len(page.evaluate(_NAMES)) < len(names)
    page.emulate_media(media="print")
    assert page.evaluate(
        "() => [...document.querySelectorAll('.sangtao-pager, .sangtao-downloads')]"
        ".every(p => getComputedStyle(p).display === 'none')"
    )
    page.goto((split_demo / "2023/don-vi.html").as_uri())
    page.wait_for_load_state("load")
    # The index of the parts is a list too, with its own filter box.
    assert page.locator("table[data-sangtao~='sangtao-parts']").count() == 1
    assert page.locator(".sangtao-filter").count() == 1
    context.close()
