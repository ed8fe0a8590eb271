"""Small valid documents for tests, as YAML text, so each test states only what it changes."""

from __future__ import annotations

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
