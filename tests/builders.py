"""Small valid documents for tests, as YAML text, so each test states only what it changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from conftest import Repo


def roster(
    units: dict[str, list[str]] | None = None, admins: tuple[str, ...] = ("btc-admin",)
) -> dict[str, Any]:
    units = units if units is not None else {"loc-thang": ["vp-loc-thang"], "loc-an": ["vp-loc-an"]}
    return {
        "huyen": {
            "ten": "Huyện ủy Bảo Lâm",
            "cap_tren": "Đảng bộ tỉnh Lâm Đồng",
            "dia_danh": "Bảo Lâm",
        },
        "quan_tri": [{"tai_khoan": a, "ho_ten": "Cán bộ Ban Tổ chức"} for a in admins],
        "don_vi": [
            {
                "ma": code,
                "ten": f"Đảng bộ {code}",
                "loai": "dang-bo-co-so",
                "khoi": "xa-thi-tran",
                "tai_khoan": accounts,
            }
            for code, accounts in units.items()
        ],
    }


def cycle(year: int = 2023, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nam": year,
        "ten": f"Mô hình mới, cách làm sáng tạo năm {year}",
        "can_cu": [
            {
                "so": "833-CV/HU",
                "ngay": "2023-02-13",
                "co_quan": "Ban Thường vụ Huyện ủy",
                "trich_yeu": "Đăng ký mô hình mới",
            }
        ],
        "han": {
            "dang_ky": f"{year}-02-28T23:59:59+07:00",
            "bao_cao": f"{year}-11-30T23:59:59+07:00",
            "tham_dinh": f"{year}-12-20T23:59:59+07:00",
        },
    }
    data.update(extra)
    return data


def registration(
    unit: str = "loc-thang", year: int = 2023, person: str | None = None, **extra: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "don_vi": unit,
        "nam": year,
        "ten_mo_hinh": "Dân vận khéo trong làm đường giao thông nông thôn",
        "linh_vuc": "dan-van",
        "y_tuong": "Vận động nhân dân hiến đất làm đường bằng cách đảng viên làm trước.",
        "diem_moi": "Đảng viên nhận đỡ đầu từng đoạn đường.",
        "muc_tieu": ["Hoàn thành 5 km đường bê tông"],
        "giai_phap": "Họp dân từng thôn, công khai dự toán, đảng viên hiến đất trước.",
        "thoi_gian_thuc_hien": {"tu_ngay": f"{year}-03-01", "den_ngay": f"{year}-11-15"},
        "nguoi_phu_trach": {"ho_ten": "Trần Văn Bình", "chuc_vu": "Bí thư Đảng ủy"},
        "ket_qua_du_kien": "Năm km đường, 100% hộ đồng thuận.",
        "ngay_van_ban": f"{year}-02-20",
    }
    if person is not None:
        data["ca_nhan"] = {"ma": person, "ho_ten": "Nguyễn Thị Lan", "chuc_vu": "Phó Bí thư"}
    data.update(extra)
    return data


def extension(unit: str = "loc-an", **extra: Any) -> dict[str, Any]:
    """A line of `gia_han` in dot.yaml: the registration deadline moved for one unit."""
    data: dict[str, Any] = {
        "don_vi": unit,
        "van_ban": "dang-ky",
        "han_moi": "2023-03-10T23:59:59+07:00",
        "co_quan": "Ban Tổ chức Huyện ủy",
        "ngay": "2023-02-25",
        "ly_do": "Đại hội chi bộ",
    }
    data.update(extra)
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def seed(repo: Repo, date: str = "2023-01-10T08:00:00+07:00", **cycle_extra: Any) -> str:
    """Roster and the 2023 cycle, committed by the board."""
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle(**cycle_extra)))
    return repo.commit("Mở đợt 2023", date)


def progress(
    unit: str = "loc-thang", day: str = "2023-05-15", year: int = 2023, **extra: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "don_vi": unit,
        "nam": year,
        "ngay": day,
        "phan_tram": 40,
        "da_lam": "Đã họp dân ở 3 thôn, làm xong 2 km đường.",
        "kho_khan": ["Hai hộ chưa đồng ý hiến đất ở thôn 4.", "Thiếu xi măng do giá tăng."],
        "nguoi_bao_cao": {"ho_ten": "Trần Văn Bình", "chuc_vu": "Bí thư Đảng ủy"},
    }
    data.update(extra)
    return data


def report(unit: str = "loc-thang", year: int = 2023, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "don_vi": unit,
        "nam": year,
        "ten_mo_hinh": "Dân vận khéo trong làm đường giao thông nông thôn",
        "qua_trinh_thuc_hien": "Họp dân từng thôn, đảng viên hiến đất trước, công khai thu chi hằng tháng.",
        "ket_qua": [{"chi_tieu": "Đường bê tông", "don_vi_tinh": "km", "truoc": 2, "sau": 7.5}],
        "hieu_qua": {"xa_hoi": "Đi lại thuận tiện, nông sản bán được giá hơn."},
        "kha_nang_nhan_rong": "Áp dụng được ở mọi xã có đường đất.",
        "han_che": "Còn một thôn chưa làm.",
        "bai_hoc": "Đảng viên phải đi trước.",
        "de_nghi_khen_thuong": False,
        "ngay_van_ban": f"{year}-11-20",
    }
    data.update(extra)
    return data


def answers(*items: dict[str, Any]) -> dict[str, Any]:
    return {"tra_loi": list(items)}


def answer(
    tep: str = "loc-thang/tien-do/2023-05-15.yaml",
    kho_khan: int = 1,
    resolved: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tep": tep,
        "kho_khan": kho_khan,
        "ngay": "2023-05-20",
        "nguoi_tra_loi": "btc-admin",
        "noi_dung": "Ban Tổ chức đã làm việc với xã, hai hộ đồng ý.",
        "trang_thai": "da-giai-quyet" if resolved else "dang-xu-ly",
    }
    data.update(extra)
    return data


def appraisal_config(published: bool = False, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "cong_bo": published,
        "tieu_chi_mau": True,
        "to_tham_dinh": [
            {
                "tai_khoan": "tt-truong",
                "ho_ten": "Lê Văn Trưởng",
                "chuc_vu": "Trưởng Ban Tổ chức",
                "vai_tro": "to-truong",
            },
            {
                "tai_khoan": "tv-mot",
                "ho_ten": "Phạm Thị Một",
                "chuc_vu": "Chuyên viên",
                "vai_tro": "thanh-vien",
                "don_vi": "loc-thang",
            },
            {
                "tai_khoan": "tv-hai",
                "ho_ten": "Đỗ Văn Hai",
                "chuc_vu": "Chuyên viên",
                "vai_tro": "thanh-vien",
                "xung_dot": ["loc-an"],
            },
        ],
        "tieu_chi": [
            {"ma": "tinh-moi", "ten": "Tính mới, sáng tạo", "diem_toi_da": 40},
            {"ma": "hieu-qua", "ten": "Hiệu quả", "diem_toi_da": 60},
        ],
        "xep_loai": [
            {"ma": "xuat-sac", "ten": "Xuất sắc", "tu_diem": 90},
            {"ma": "tot", "ten": "Tốt", "tu_diem": 75},
            {"ma": "dat", "ten": "Đạt", "tu_diem": 50},
            {"ma": "khong-dat", "ten": "Không đạt", "tu_diem": 0},
        ],
        "so_phieu_toi_thieu": 2,
        "chenh_lech_canh_bao": 15,
        "khen_thuong": [
            {"ma": "giay-khen", "ten": "Giấy khen của Ban Thường vụ Huyện ủy", "tu_diem": 85}
        ],
    }
    data.update(extra)
    return data


def sheet(
    account: str, unit: str = "loc-thang", scores: tuple[float, float] = (35, 50), **extra: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "don_vi": unit,
        "nam": 2023,
        "nguoi_cham": account,
        "diem": [
            {"tieu_chi": "tinh-moi", "diem": scores[0], "nhan_xet": "Cách làm mới ở huyện."},
            {
                "tieu_chi": "hieu-qua",
                "diem": scores[1],
                "nhan_xet": "Có số liệu trước sau rõ ràng.",
            },
        ],
        "nhan_xet_chung": "Mô hình tốt, có thể nhân rộng.",
        "de_xuat_xep_loai": "tot",
        "de_xuat_khen_thuong": False,
        "khong_xung_dot": True,
        "ngay": "2023-12-10",
    }
    data.update(extra)
    return data


# Text that would run, add an element or an attribute, or change the layout if any page let it
# through. Every element it could create carries ``data-ht`` or the class ``ht-inject``; its
# scripts set ``window.__ht`` and call alert('ht').
HOSTILE = (
    "<script>window.__ht=1;alert('ht')</script>"
    '<img src=x onerror="alert(\'ht\')" class="ht-inject" data-ht>'
    " <b data-ht>đậm</b> [bấm](javascript:alert('ht')) {: onclick=alert('ht') data-ht }\n"
    '## Tiêu đề ht\n--8<-- "/etc/passwd"\n| a | b |\n|---|---|\n'
    "\"><svg onload=alert('ht') data-ht></svg> &amp; &#60; ]]> <!-- --> `mã`"
)

# The same for fields that only take a few words (names, units of measure: 50 characters).
HOSTILE_SHORT = "<b data-ht onclick=alert(1)>|#[x](javascript:)"


def hostile_repository(
    repo: Repo,
    name: str = HOSTILE_SHORT,
    idea: str = HOSTILE,
    person: str = HOSTILE_SHORT,
    committee: str | None = None,
) -> None:
    """A cycle with every kind of document, published results and a broken file, where every
    field a unit, an appraiser (or the board) writes freely holds hostile text; committed with
    fixed dates so that every page kind and printable document exists when built after
    2023-12-20. With ``committee``, both units belong to a committee of that code whose name is
    hostile too (its page, and lists in parts by committee)."""
    text, short = HOSTILE, HOSTILE_SHORT
    board = roster()
    board["huyen"].update(ma="huyen-uy", ten="Huyện ủy " + short, dia_danh=short, cap_tren=short)
    board["huyen"]["co_quan_cap_tren"] = short
    if committee is not None:
        board["cap_uy_truc_thuoc"] = [
            {"ma": committee, "ten": "Đảng ủy " + short, "loai": "dang-uy-xa", "tai_khoan": []}
        ]
        for unit in board["don_vi"]:
            unit["truc_thuoc"] = committee
    repo.write("submissions/don-vi.yaml", dump(board))
    config = appraisal_config(published=True)
    config["tieu_chi"][0]["huong_dan"] = text
    config["to_tham_dinh"][0]["ho_ten"] = short
    period = cycle(
        ten=f"Đợt {short}",
        tham_dinh=config,
        gia_han=[
            {
                "don_vi": "loc-an",
                "van_ban": "dang-ky",
                "han_moi": "2023-03-10T23:59:59+07:00",
                "co_quan": short,
                "so_van_ban": short,
                "ngay": "2023-02-24",
                "ly_do": text,
            }
        ],
    )
    period["can_cu"][0]["trich_yeu"] = text
    repo.write("submissions/2023/dot.yaml", dump(period))
    # An older cycle without appraisal: the pages of a past year and the cycle switcher.
    repo.write("submissions/2022/dot.yaml", dump(cycle(2022)))
    repo.commit("Mở đợt 2023", "2023-01-10T08:00:00+07:00")

    free = {"y_tuong": idea, "diem_moi": text, "muc_tieu": [idea, text], "giai_phap": text}
    free |= {"ket_qua_du_kien": text, "nguoi_phu_trach": {"ho_ten": short, "chuc_vu": short}}
    repo.write(
        "submissions/2023/loc-thang/dang-ky.yaml", dump(registration(ten_mo_hinh=name, **free))
    )
    individual = registration(person="nguyen-van-a", **free)
    individual["ca_nhan"].update(ho_ten=person, chuc_vu=short)
    repo.write("submissions/2023/loc-thang/ca-nhan/nguyen-van-a/dang-ky.yaml", dump(individual))
    repo.write(
        "submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an", ten_mo_hinh=short))
    )
    district = registration(
        "huyen-uy", ten_mo_hinh=short, nguoi_ky={"ho_ten": short, "chuc_vu": short}
    )
    repo.write("submissions/2023/huyen-uy/dang-ky.yaml", dump(district))
    # A file the checker rejects, under a folder name that is itself hostile: the problems page.
    repo.write(
        "submissions/2023/<img src=x onerror=alert('ht') data-ht>/dang-ky.yaml",
        dump(registration(linh_vuc=text)),
    )
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")

    update = progress(
        da_lam=text,
        kho_khan=[text, text],
        de_xuat=text,
        nguoi_bao_cao={"ho_ten": short, "chuc_vu": short},
    )
    repo.write("submissions/2023/loc-thang/tien-do/2023-05-15.yaml", dump(update))
    reply = answer(kho_khan=1, resolved=False, noi_dung=text, co_quan=short)
    repo.write("submissions/2023/giai-dap.yaml", dump(answers(reply)))
    repo.commit("Tiến độ", "2023-05-20T09:00:00+07:00")

    result = report(
        ten_mo_hinh=name,
        qua_trinh_thuc_hien=text,
        ket_qua=[
            {"chi_tieu": short, "don_vi_tinh": short, "truoc": 2, "sau": 7.5, "ghi_chu": text}
        ],
        hieu_qua={"chinh_tri": text, "kinh_te": text, "xa_hoi": text},
        kha_nang_nhan_rong=text,
        han_che=text,
        bai_hoc=text,
        kien_nghi=text,
        minh_chung=[
            {"tieu_de": short, "tep": "anh-1.png"},
            {"tieu_de": short, "lien_ket": "https://x.invalid/minh-chung"},
        ],
        nguoi_ky={"ho_ten": short, "chuc_vu": short},
    )
    repo.write("submissions/2023/loc-thang/bao-cao.yaml", dump(result))
    (repo.root / "submissions/2023/loc-thang/minh-chung").mkdir(parents=True, exist_ok=True)
    (repo.root / "submissions/2023/loc-thang/minh-chung/anh-1.png").write_bytes(b"\x89PNG\r\n")
    repo.write("submissions/2023/loc-an/bao-cao.yaml", dump(report("loc-an", ten_mo_hinh=short)))
    repo.commit("Báo cáo kết quả", "2023-11-20T09:00:00+07:00")

    for account, unit in (
        ("tt-truong", "loc-thang"),
        ("tv-hai", "loc-thang"),
        ("tt-truong", "loc-an"),
        ("tv-mot", "loc-an"),
    ):
        scores = sheet(account, unit, nhan_xet_chung=text)
        for item in scores["diem"]:
            item["nhan_xet"] = text
        repo.write(f"submissions/2023/tham-dinh/{unit}/{account}.yaml", dump(scores))
    repo.commit("Phiếu chấm", "2023-12-12T09:00:00+07:00")


def limit_rows(config: Path, rows: int) -> None:
    """A copy of mkdocs.yml whose lists split after ``rows`` rows (decision 69), so that a
    small repository shows the pages of a long list."""
    plugin_options(config, rows_per_page=rows)


def plugin_options(config: Path, **options: object) -> None:
    """A copy of mkdocs.yml whose sangtao plugin has these options (the project's has none)."""
    text = config.read_text(encoding="utf-8")
    assert "\n  - sangtao\n" in text
    lines = "".join(f"      {name}: {value}\n" for name, value in options.items())
    config.write_text(text.replace("\n  - sangtao\n", f"\n  - sangtao:\n{lines}"), encoding="utf-8")
