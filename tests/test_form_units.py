"""The forms of a province (issue 14, decision 77): the page names the committees; each
committee's units and their models come from a data file of their own, loaded by a <script>
when the clerk chooses the committee. Every unit in exactly one file; short lists and flat
rosters keep the units in the page. Driven in Chromium from file://, like the USB copy."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.synthetic import Shape, generate
from sangtao.corpus import read_corpus
from sangtao.loader import load_file
from sangtao.site.context import SiteContext
from sangtao.site.form_units import GLOBAL, data_files, data_script, prefill_query
from sangtao.site.forms import form_pages
from test_forms import fill, open_from_disk, result, submit
from test_parts import NOW, _context
from test_site import build

from builders import limit_rows
from conftest import IDENTITY

pytest_plugins = ["browser"]

LIMIT = 20  # units in a form page before they go to data files (the lists' rows_per_page)
YEAR = 2023
FORMS = ("dang-ky", "tien-do", "bao-cao")
_PAGE_DATA = re.compile(r'<script type="application/json" id="bieu-mau-du-lieu">(.*?)</script>')
_FILE = re.compile(
    rf"^window\.{GLOBAL}=window\.{GLOBAL}\|\|\{{\}};window\.{GLOBAL}\[(.*?)\]=(.*);\n$", re.S
)


def page_data(html: str) -> dict[str, Any]:
    found = _PAGE_DATA.search(html)
    assert found is not None
    return json.loads(found.group(1))


def file_units(text: str) -> tuple[str, list[dict[str, Any]]]:
    """(the committee, its units) of a data file, read back as JSON."""
    found = _FILE.match(text)
    assert found is not None, text[:200]
    return json.loads(found.group(1)), json.loads(found.group(2))


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> SiteContext:
    """300 dossiers of 60 organisations in 6 committees, forms split above 20 units."""
    ctx = _context(tmp_path_factory.mktemp("tinh") / "kho", Shape(300, per_unit=5, committees=6))
    return dataclasses.replace(ctx, rows_per_page=LIMIT)


def test_a_province_form_names_committees_and_each_unit_is_in_exactly_one_data_file(
    province: SiteContext,
) -> None:
    status = province.statuses[YEAR]
    every = {u.unit.code for u in status.units}
    files = data_files(province)
    assert len(files) >= 6
    seen: Counter[str] = Counter()
    for src, text in files.items():
        group, units = file_units(text)
        assert src == f"bieu-mau/du-lieu/{YEAR}/{group}.js"
        seen.update(u["ma"] for u in units)
    assert set(seen) == every and set(seen.values()) == {1}
    committees = {c.code for c in province.roster_of(YEAR).committees}
    assert committees <= {file_units(text)[0] for text in files.values()}
    pages = form_pages(province)
    for kind in FORMS:
        data = page_data(pages[f"bieu-mau/{kind}.md"].html)
        # No organisation in the page; the registration form keeps the committees' own models.
        assert not {u["ma"] for u in data["don_vi"]} & every
        assert bool(data["don_vi"]) == (kind == "dang-ky")
        # Each committee's file, linked from the page's folder.
        assert {posixpath.join("bieu-mau", g["tep"]) for g in data["cap_uy"]} == set(files)
        assert (
            len(pages[f"bieu-mau/{kind}.md"].html)
            < len(form_pages(_whole(province))[f"bieu-mau/{kind}.md"].html) / 3
        )


def _whole(ctx: SiteContext) -> SiteContext:
    return dataclasses.replace(ctx, rows_per_page=10**9)


def test_a_short_list_keeps_the_units_in_the_page(province: SiteContext) -> None:
    whole = _whole(province)
    assert data_files(whole) == {}
    data = page_data(form_pages(whole)["bieu-mau/tien-do.md"].html)
    assert data["cap_uy"] is None
    assert {u["ma"] for u in data["don_vi"]} == {u.unit.code for u in province.statuses[YEAR].units}
    assert prefill_query(whole, data["don_vi"][0]["ma"]) == f"?don_vi={data['don_vi'][0]['ma']}"


def test_a_long_flat_roster_goes_to_one_file_per_block(tmp_path: Path) -> None:
    """A district without committees: the clerk chooses his block first."""
    district = dataclasses.replace(
        _context(tmp_path / "kho", Shape(100, per_unit=4)), rows_per_page=LIMIT
    )
    units = {u.unit.code: u.unit.block for u in district.statuses[YEAR].units}
    seen: Counter[str] = Counter()
    for text in data_files(district).values():
        block, listed = file_units(text)
        assert {units[u["ma"]] for u in listed} == {block}
        seen.update(u["ma"] for u in listed)
        assert parse_qs(prefill_query(district, listed[0]["ma"])[1:])["cap_uy"] == [block]
    assert set(seen) == set(units) and set(seen.values()) == {1}
    data = page_data(form_pages(district)["bieu-mau/bao-cao.md"].html)
    assert data["don_vi"] == [] and data["theo_khoi"]
    assert {g["ma"] for g in data["cap_uy"]} == set(units.values())


def test_a_prefill_link_names_the_committee_whose_file_holds_the_unit(
    province: SiteContext,
) -> None:
    for src, text in data_files(province).items():
        group, units = file_units(text)
        for unit in units:
            query = parse_qs(prefill_query(province, unit["ma"])[1:])
            assert query == {"don_vi": [unit["ma"]], "cap_uy": [group]}, src


def test_a_data_file_keeps_a_units_name_as_text() -> None:
    name = "Chi bộ </script><script>alert(1)</script> \u2028\u2029<!--"
    text = data_script("xa-a", [{"ma": "a", "ten": name, "mo_hinh": []}])
    assert "<" not in text and "\u2028" not in text and "\u2029" not in text
    assert file_units(text) == ("xa-a", [{"ma": "a", "ten": name, "mo_hinh": []}])


# -- in the browser, from file:// --------------------------------------------------------------


@pytest.fixture(scope="module")
def province_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same province built by mkdocs, forms split above 20 units: (repository, site)."""
    root = tmp_path_factory.mktemp("tinh-web") / "kho"
    with pytest.MonkeyPatch.context() as env:
        for name, value in IDENTITY.items():
            env.setenv(name, value)
        generate(root, Shape(300, per_unit=5, committees=6))
    limit_rows(root / "mkdocs.yml", LIMIT)
    out = root.parent / "site"
    done = build(root, out, now=NOW)
    assert done.returncode == 0, done.stderr
    return root, out


def _a_registered_unit(site: Path) -> tuple[str, str, dict[str, Any]]:
    """(committee, unit, its collective model) from the second committee's data file."""
    data = page_data((site / "bieu-mau/tien-do.html").read_text(encoding="utf-8"))
    group = data["cap_uy"][1]
    code, units = file_units((site / "bieu-mau" / group["tep"]).read_text(encoding="utf-8"))
    assert code == group["ma"]
    unit = next(u for u in units if any(m["ca_nhan"] is None for m in u["mo_hinh"]))
    return group["ten"], unit["ma"], next(m for m in unit["mo_hinh"] if m["ca_nhan"] is None)


def test_a_clerk_picks_committee_unit_and_model_from_a_usb_stick(
    chromium: Any, province_site: tuple[Path, Path], tmp_path: Path
) -> None:
    root, site = province_site
    committee, unit, model = _a_registered_unit(site)
    context, page, errors = open_from_disk(chromium, site / "bieu-mau/tien-do.html")
    assert page.locator('[name="don_vi"] option').count() == 1  # nothing before a committee
    page.select_option('[name="cap_uy"]', label=committee)
    page.locator(f'[name="don_vi"] option[value="{unit}"]').wait_for(state="attached")
    page.select_option('[name="don_vi"]', unit)
    notice = page.locator(".bm-thong-tin", has_text="Mô hình đã đăng ký")
    assert f"«{model['ten_mo_hinh']}»" in notice.inner_text()
    fill(
        page,
        {
            "ngay": model["tu_ngay"],
            "phan_tram": "30",
            "da_lam": "Đã họp chi bộ, phân công đảng viên phụ trách từng tổ.",
            "nguoi_bao_cao.ho_ten": "Nguyễn Thị Hà",
            "nguoi_bao_cao.chuc_vu": "Bí thư chi bộ",
        },
    )
    submit(page)
    path, text = result(page)
    context.close()
    assert [e for e in errors if "bieu-mau" in e or "BieuMau" in e] == []
    assert path == f"submissions/{YEAR}/{unit}/tien-do/{model['tu_ngay']}.yaml"
    # The file joins a copy of the repository; `sangtao check`'s reader finds no problem in it.
    copy = tmp_path / "kho"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))
    (copy / path).parent.mkdir(parents=True, exist_ok=True)
    (copy / path).write_bytes(text.encode("utf-8"))
    corpus = read_corpus(copy)
    assert [p.message for p in corpus.problems if p.path == path] == []
    document = next(d for d in corpus.documents if d.rel == path)
    assert document.valid and document.data["don_vi"] == unit
    assert load_file(copy / path).data["phan_tram"] == 30


def test_a_dossier_page_opens_the_form_with_committee_and_unit_chosen(
    chromium: Any, province_site: tuple[Path, Path]
) -> None:
    _, site = province_site
    wanted = "Điền biểu mẫu báo cáo kết quả cho đơn vị này"
    dossier = next(
        p for p in sorted((site / f"ho-so/{YEAR}").glob("*.html")) if wanted in p.read_text("utf-8")
    )
    context = chromium.new_context(locale="vi-VN")
    context.route(re.compile(r"^(?!file:|data:|blob:)"), lambda route: route.abort())
    page = context.new_page()
    page.goto(dossier.as_uri())
    page.get_by_role("link", name=wanted).click()
    page.locator("#bieu-mau form").wait_for()
    query = parse_qs(urlsplit(page.url).query)
    assert query["don_vi"] == [dossier.stem] and query["cap_uy"]
    page.wait_for_function(
        "code => document.querySelector('[name=\"don_vi\"]').value === code", arg=dossier.stem
    )
    assert page.locator('[name="cap_uy"]').input_value() == query["cap_uy"][0]
    # A link without the committee (written by hand, or older): the form says what to choose.
    page.goto((site / "bieu-mau/bao-cao.html").as_uri() + f"?don_vi={dossier.stem}")
    page.locator("#bieu-mau form").wait_for()
    assert page.locator('[name="cap_uy"]').input_value() == ""
    hint = page.locator('[data-path="cap_uy"] .bm-thong-tin').inner_text()
    assert f"«{dossier.stem}»" in hint and "chọn cấp ủy" in hint
    context.close()
