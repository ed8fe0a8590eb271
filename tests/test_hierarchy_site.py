"""The site of a cycle issued by a province (with commune, ward and bloc committees) and of one
issued by a single commune: real `mkdocs build --strict`, committee pages and exports, and no
district wording on any generated page or export."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from test_hierarchy import province_cycle, province_roster
from test_site import _site_repo, article, build

from builders import cycle, dump, registration
from conftest import PROJECT, Repo

# What a district-era program would have written: the committee, the level, the 2023 letter.
DISTRICT_WORDS = re.compile(r"huyện|833-CV/HU|Bảo Lâm", re.IGNORECASE)


def _new_repo(root: Path) -> Repo:
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = _site_repo(Repo(root))
    repo.git("init", "--quiet", "--initial-branch=main")
    return repo


def _generated(site: Path) -> list[Path]:
    """Every page the plugin generated from data, and every export: not the project's own
    documentation pages (they tell the project's history, 2023 district included)."""
    written = {
        p.with_suffix(".html").relative_to(PROJECT / "docs")
        for p in (PROJECT / "docs").rglob("*.md")
    }
    pages = [
        p
        for p in site.rglob("*.html")
        if p.relative_to(site) not in written and p.relative_to(site).parts[0] != "van-ban"
    ]
    exports = [p for p in (site / "xuat").iterdir() if p.suffix in (".csv", ".json", ".ics")]
    return pages + exports


def _district_words(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in DISTRICT_WORDS.finditer(text):
            found.append(f"{path.name}: …{text[max(0, match.start() - 40) : match.end() + 20]}…")
    return found


@pytest.fixture(scope="module")
def province_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tinh")
    repo = _new_repo(root)
    repo.write("submissions/don-vi.yaml", dump(province_roster()))
    repo.write("submissions/2027/dot.yaml", dump(province_cycle()))
    repo.commit("Mở đợt 2027", "2027-01-05T08:00:00+07:00")
    repo.write("submissions/2027/a-1/dang-ky.yaml", dump(registration("a-1", 2027)))
    repo.write("submissions/2027/xa-a/dang-ky.yaml", dump(registration("xa-a", 2027)))
    repo.write("submissions/2027/tinh-uy/dang-ky.yaml", dump(registration("tinh-uy", 2027)))
    repo.commit("Đăng ký", "2027-02-10T09:00:00+07:00")
    out = root / "site"
    result = build(root, out, now="2027-03-20T00:00:00+07:00")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def commune_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xa")
    repo = _new_repo(root)
    roster: dict[str, Any] = {
        "cap_uy": {"ten": "Đảng ủy xã Mẫu Một", "ma": "dang-uy-xa"},
        "quan_tri": [{"tai_khoan": "vp-dang-uy", "ho_ten": "Nguyễn Thị B"}],
        "don_vi": [
            {
                "ma": f"thon-{i}",
                "ten": f"Chi bộ thôn {i}",
                "loai": "chi-bo-co-so",
                "khoi": "thon-to-dan-pho",
                "tai_khoan": [f"bt-thon-{i}"],
            }
            for i in range(1, 4)
        ],
    }
    commune = cycle(
        2027,
        ban_hanh={
            "ten": "Đảng ủy xã Mẫu Một",
            "ten_ngan": "Đảng ủy xã",
            "co_quan_tham_muu": "Văn phòng Đảng ủy xã",
            "cap_tren": "Đảng bộ tỉnh Lâm Đồng",
            "co_quan_cap_tren": "Ban Tổ chức Tỉnh ủy",
        },
        can_cu=[
            {
                "so": "04-KH/ĐU",
                "ngay": "2027-01-02",
                "co_quan": "Ban Thường vụ Đảng ủy xã Mẫu Một",
                "trich_yeu": "Kế hoạch mẫu, không có thật",
            }
        ],
    )
    repo.write("submissions/don-vi.yaml", dump(roster))
    repo.write("submissions/2027/dot.yaml", dump(commune))
    repo.commit("Mở đợt 2027", "2027-01-05T08:00:00+07:00")
    repo.write("submissions/2027/thon-1/dang-ky.yaml", dump(registration("thon-1", 2027)))
    repo.write("submissions/2027/dang-uy-xa/dang-ky.yaml", dump(registration("dang-uy-xa", 2027)))
    repo.commit("Đăng ký", "2027-02-10T09:00:00+07:00")
    out = root / "site"
    # After every deadline: every «not registered / not appraised» sentence is on the pages.
    result = build(root, out, now="2027-12-25T00:00:00+07:00")
    assert result.returncode == 0, result.stderr
    return out


def test_a_province_site_has_no_district_wording(province_site: Path) -> None:
    assert _district_words(_generated(province_site)) == []


def test_a_commune_site_has_no_district_wording(commune_site: Path) -> None:
    assert _district_words(_generated(commune_site)) == []
    text = " ".join(article(commune_site / "chua-dang-ky.html").text)
    assert "Kế hoạch 04-KH/ĐU" in text


def test_the_issuers_words_are_on_its_pages(province_site: Path) -> None:
    text = " ".join(article(province_site / "ho-so/2027/tinh-uy.html").text)
    assert "Ban Tổ chức Trung ương" in text
    letter = " ".join(article(province_site / "in/2027/dang-ky-tinh-uy.html").text)
    assert "TỈNH ỦY MẪU" in letter.upper()


def test_each_committee_has_a_page_linked_from_the_home_page(province_site: Path) -> None:
    home = (province_site / "index.html").read_text(encoding="utf-8")
    for code in ("xa-a", "xa-b", "khoi", "khoi-con"):
        assert f'href="cap-uy/{code}.html"' in home
    page = article(province_site / "cap-uy/xa-a.html")
    text = " ".join(page.text)
    assert "Đảng ủy xã A" in text
    assert "Chi bộ a-1" in text and "Chi bộ a-2" in text
    assert "Chi bộ b-1" not in text  # another committee's organisation
    links = {a.get("href") for tag, a in page.tags if tag == "a"}
    assert "../ho-so/2027/a-1.html" in links  # an organisation's dossier
    assert "../ho-so/2027/xa-a.html" in links  # the committee's own model
    assert "../xuat/tinh-hinh-2027-xa-a.csv" in links
    bloc = " ".join(article(province_site / "cap-uy/khoi.html").text)
    assert "Chi bộ kc-1" in bloc  # a sub-committee's organisation is followed from above
    assert "Đảng ủy cơ sở trong Khối" in bloc


def test_a_committee_export_holds_only_its_organisations(province_site: Path) -> None:
    raw = (province_site / "xuat/tinh-hinh-2027-xa-a.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert [r[0] for r in rows[1:]] == ["a-1", "a-2"]
    everything = (province_site / "xuat/tinh-hinh-2027.csv").read_bytes().decode("utf-8-sig")
    header, *body = list(csv.reader(io.StringIO(everything)))
    column = header.index("Cấp ủy trực thuộc")
    assert {r[0]: r[column] for r in body}["kc-1"] == "Đảng ủy cơ sở trong Khối"
