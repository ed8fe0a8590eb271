"""The forms of the site (bieu-mau/*.html), driven in a real Chromium like a clerk would.

Each form is filled with Vietnamese text full of YAML traps, submitted, and the file it makes is
put where it says into a copy of the repository and read with `sangtao check`'s own reader: no
problem, and the data is what was typed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from sangtao.corpus import read_corpus
from sangtao.loader import load_bytes, load_file
from sangtao.site.forms import json_for_html
from test_site import _site_repo, build

from builders import appraisal_config, cycle, dump, registration, roster
from conftest import PROJECT, Repo

pytest_plugins = ["browser"]

SUBMISSIONS = PROJECT / "submissions"
CURRENT = max(int(p.parent.name) for p in SUBMISSIONS.glob("[0-9]*/dot.yaml"))
ROSTER = load_file(SUBMISSIONS / "don-vi.yaml").data
REPO_URL = ROSTER["huyen"].get("kho_ma_nguon")
# A unit that registered in the demo's current cycle (progress and report need one), and one
# that did not (it registers through the form).
# The current cycle's own roster (a province's tree in the demo), or the common one.
CURRENT_UNITS = [u.code for u in read_corpus(PROJECT).roster_for(CURRENT).units]  # type: ignore[union-attr]
REGISTERED = sorted(
    p.parent.name
    for p in (SUBMISSIONS / str(CURRENT)).glob("*/dang-ky.yaml")
    if p.parent.name in CURRENT_UNITS
)[0]
REGISTRATION = load_file(SUBMISSIONS / str(CURRENT) / REGISTERED / "dang-ky.yaml").data
UNREGISTERED = next(u for u in CURRENT_UNITS if not (SUBMISSIONS / str(CURRENT) / u).exists())
REQUIRED = "Mục này bắt buộc, chưa điền."


def nfc(value: Any) -> Any:
    """What the loader gives back for typed data: every string NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


# -- driving a form ----------------------------------------------------------------------------


def open_form(page: Any, site_url: str, kind: str) -> None:
    page.goto(f"{site_url}bieu-mau/{kind}.html")
    page.locator("#bieu-mau form").wait_for()


def open_from_disk(chromium: Any, html: Path) -> tuple[Any, Any, list[str]]:
    """A form opened from file:// with every network request refused: context, page, errors."""
    context = chromium.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.route(re.compile(r"^(?!file:|data:|blob:)"), lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html.as_uri())
    page.locator("#bieu-mau form").wait_for()
    return context, page, errors


def field(page: Any, name: str) -> Any:
    return page.locator(f'[name="{name}"]')


def step_of(page: Any, name: str) -> tuple[int, int]:
    """(the step holding the field ``name`` or the date ``name``, the step shown), 0 without steps."""
    return page.evaluate(
        """name => {
            const el = document.querySelector(`[name="${name}"], [name="${name}-ngay"]`);
            const own = el.closest(".bm-buoc");
            const shown = document.querySelector(".bm-buoc:not([hidden])");
            return [own ? +own.dataset.buoc : 0, shown ? +shown.dataset.buoc : 0];
        }""",
        name,
    )


def go_to(page: Any, name: str) -> None:
    """Move to the step holding a field as a clerk does: «Tiếp tục», or back by the step list."""
    for _ in range(5):
        wanted, shown = step_of(page, name)
        if wanted == shown:
            return
        if wanted > shown:
            next_step(page)
            assert page.locator(".bm-tong-loi").is_hidden(), problems(page)
        else:
            page.locator(".bm-cac-buoc .bm-ve-buoc").nth(wanted - 1).click()
    raise AssertionError(f"không tới được bước có {name}")


def next_step(page: Any) -> None:
    page.get_by_role("button", name="Tiếp tục").click()


def date_boxes(page: Any, name: str) -> list[Any]:
    return [field(page, f"{name}-{part}") for part in ("ngay", "thang", "nam")]


def date_value(page: Any, name: str) -> str:
    """The date in the three boxes, as ISO (what the file will hold)."""
    day, month, year = (box.input_value() for box in date_boxes(page, name))
    return f"{year}-{int(month):02}-{int(day):02}"


def fill(page: Any, values: dict[str, str]) -> None:
    """Type each value into its field; an ISO date goes into the boxes Ngày, Tháng, Năm."""
    for name, value in values.items():
        go_to(page, name)
        if field(page, f"{name}-ngay").count():
            year, month, day = value.split("-")
            for box, part in zip(date_boxes(page, name), (day, month, year), strict=True):
                box.fill(str(int(part)) if len(part) < 4 else part)
        else:
            field(page, name).fill(value)


def add_row(page: Any, path: str) -> None:
    page.locator(f'fieldset[data-path="{path}"] > .bm-them').click()


def submit(page: Any) -> None:
    """Go through the remaining steps, then «Kiểm tra và tạo tệp» (stops at a step's problems)."""
    forward = page.get_by_role("button", name="Tiếp tục")
    while forward.is_visible():
        forward.click()
        if page.locator(".bm-tong-loi").is_visible():
            return
    page.get_by_role("button", name="Kiểm tra và tạo tệp").click()


def result(page: Any) -> tuple[str, str]:
    """The file name and text the form made."""
    page.locator(".bm-ket-qua").wait_for(state="visible")
    return page.locator(".bm-duong-dan").inner_text(), page.locator(".bm-yaml").input_value()


def problems(page: Any) -> list[str]:
    """The problems shown next to the fields, in page order."""
    return [text for text in page.locator(".bm-loi:visible").all_inner_texts()]


def problem_of(page: Any, path: str) -> str:
    return page.locator(f'[data-path="{path}"] > .bm-loi').inner_text()


def check_in_repository(tmp_path: Path, rel: str, text: str, *also: str) -> Any:
    """Put the file into a copy of the repository's layout; `sangtao check` finds no problem."""
    root = tmp_path / "kho"
    shutil.copytree(PROJECT / "schema", root / "schema")
    if (PROJECT / "docs/van-ban").is_dir():
        shutil.copytree(PROJECT / "docs/van-ban", root / "docs/van-ban")
    rosters = [
        p.relative_to(PROJECT).as_posix()
        for p in (
            *SUBMISSIONS.glob(f"{CURRENT}/don-vi.yaml"),
            *SUBMISSIONS.glob(f"{CURRENT}/don-vi/*.yaml"),
        )
    ]
    for copied in ("submissions/don-vi.yaml", *rosters, f"submissions/{CURRENT}/dot.yaml", *also):
        (root / copied).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / copied, root / copied)
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    corpus = read_corpus(root)
    assert [f"{p.path}:{p.line}: {p.message} — {p.hint}" for p in corpus.problems] == []
    document = next(d for d in corpus.documents if d.rel == rel)
    assert document.valid
    return document.data


def assert_forge_link(page: Any, path: str, text: str) -> None:
    link = page.locator("a.bm-mo-kho")
    if not REPO_URL:
        assert link.count() == 0
        return
    assert link.inner_text() == "Mở trang tạo tệp trên GitHub"
    url = urlsplit(link.get_attribute("href"))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL.rstrip('/')}/new/main"
    query = parse_qs(url.query, keep_blank_values=True, strict_parsing=True)
    assert query == {"filename": [path], "value": [text]}


def top_level_keys(text: str) -> list[str]:
    return re.findall(r"^([a-z_]+):", text, re.M)


def schema_order(name: str) -> list[str]:
    schema = json.loads((PROJECT / f"schema/{name}.schema.json").read_text(encoding="utf-8"))
    return list(schema["properties"])


# -- the three forms ---------------------------------------------------------------------------

IDEA = (
    "no\n010\n1:20\n- gạch đầu dòng\n# không phải chú thích\n"
    'Dân vận: khéo, đảng viên đi trước, "ba cùng" với dân.\n\nĐoạn sau dòng trống.'
)
STEPS = 'Bước 1: họp dân.\n  Bước 2 (thụt vào): ghi sổ C:\\thư mục\\"đường".\tHết.'


def test_registration_form_makes_a_file_that_passes_the_check(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "dang-ky")
    assert field(page, "nam").input_value() == str(CURRENT)
    page.select_option('[name="don_vi"]', UNREGISTERED)
    page.select_option('[name="linh_vuc"]', "dan-van")
    typed = {
        "ten_mo_hinh": unicodedata.normalize("NFD", 'Dân vận: khéo — "Ba cùng" với dân #1'),
        "y_tuong": IDEA,
        "diem_moi": "yes: đảng viên nhận đỡ đầu từng đoạn đường, 010 hộ",
        "giai_phap": STEPS,
        "thoi_gian_thuc_hien.tu_ngay": f"{CURRENT}-03-01",
        "thoi_gian_thuc_hien.den_ngay": f"{CURRENT}-11-15",
        "nguoi_phu_trach.ho_ten": "Trần Văn Bình",
        "nguoi_phu_trach.chuc_vu": "Bí thư Đảng ủy",
        "nguoi_phu_trach.dien_thoai": "0263 3877 123",
        "ket_qua_du_kien": "- 5 km đường bê tông; tỉ lệ 1:20",
        "so_van_ban": "010",
        "nguoi_ky.ho_ten": "Nông Văn Nở",
        "nguoi_ky.chuc_vu": "Bí thư",
    }
    fill(page, {k: typed[k] for k in ("ten_mo_hinh", "y_tuong")})
    field(page, "muc_tieu.0").fill("Tỉ lệ 1:20 giữa vốn dân góp và vốn ngân sách")
    add_row(page, "muc_tieu")
    add_row(page, "muc_tieu")
    field(page, "muc_tieu.1").fill("dòng sẽ bị xóa")
    field(page, "muc_tieu.2").fill("- gạch đầu: 100% hộ đồng thuận")
    page.locator('fieldset[data-path="muc_tieu"] .bm-mot-dong').nth(1).get_by_role(
        "button", name="Xóa"
    ).click()
    fill(page, typed)
    # The signing date typed in Vietnamese order, as on paper, into the box «Ngày».
    day, month, year = date_boxes(page, "ngay_van_ban")
    day.fill("")  # today's date is filled in; the clerk types over it
    day.press_sequentially(f"28/2/{CURRENT}")
    assert [day.input_value(), month.input_value(), year.input_value()] == ["28", "2", str(CURRENT)]
    submit(page)
    path, text = result(page)
    assert f'ngay_van_ban: "{CURRENT}-02-28"' in text

    assert path == f"submissions/{CURRENT}/{UNREGISTERED}/dang-ky.yaml"
    data = check_in_repository(tmp_path, path, text)
    assert data == nfc(
        {
            "don_vi": UNREGISTERED,
            "nam": CURRENT,
            "ten_mo_hinh": typed["ten_mo_hinh"],
            "linh_vuc": "dan-van",
            "y_tuong": IDEA,
            "diem_moi": typed["diem_moi"],
            "muc_tieu": [
                "Tỉ lệ 1:20 giữa vốn dân góp và vốn ngân sách",
                "- gạch đầu: 100% hộ đồng thuận",
            ],
            "giai_phap": STEPS,
            "thoi_gian_thuc_hien": {"tu_ngay": f"{CURRENT}-03-01", "den_ngay": f"{CURRENT}-11-15"},
            "nguoi_phu_trach": {
                "ho_ten": "Trần Văn Bình",
                "chuc_vu": "Bí thư Đảng ủy",
                "dien_thoai": "0263 3877 123",
            },
            "ket_qua_du_kien": typed["ket_qua_du_kien"],
            "ngay_van_ban": f"{CURRENT}-02-28",
            "so_van_ban": "010",
            "nguoi_ky": {"ho_ten": "Nông Văn Nở", "chuc_vu": "Bí thư"},
        }
    )
    assert top_level_keys(text) == [k for k in schema_order("dang-ky") if k in data]
    assert "y_tuong: |-\n  no\n  010\n" in text  # multi-line text stays readable in review
    assert "\t" not in text and text.endswith("\n")
    assert_forge_link(page, path, text)

    with page.expect_download() as download:
        page.get_by_role("button", name="Tải tệp về").click()
    assert download.value.suggested_filename == "dang-ky.yaml"
    assert Path(download.value.path()).read_bytes() == text.encode("utf-8")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Sao chép").click()
    page.get_by_text("Đã sao chép nội dung tệp.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_individual_registration_goes_into_the_persons_folder(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "dang-ky")
    page.select_option('[name="don_vi"]', UNREGISTERED)
    page.get_by_label("Mô hình của cá nhân").check()
    field(page, "ca_nhan.ho_ten").press_sequentially("Đặng Thị Ánh Tuyết")
    assert field(page, "ca_nhan.ma").input_value() == "dang-thi-anh-tuyet"
    page.select_option('[name="linh_vuc"]', "giao-duc")
    fill(
        page,
        {
            "ca_nhan.chuc_vu": "Giáo viên, đảng viên chi bộ trường",
            "ten_mo_hinh": "Lớp học «Bình dân học vụ số»",
            "y_tuong": "Dạy người cao tuổi dùng điện thoại để làm thủ tục hành chính.",
            "diem_moi": "Học ngay tại nhà văn hóa thôn, buổi tối.",
            "muc_tieu.0": "100 người cao tuổi biết dùng dịch vụ công",
            "giai_phap": "Mỗi tuần hai buổi, đoàn viên kèm từng người.",
            "thoi_gian_thuc_hien.tu_ngay": f"{CURRENT}-04-01",
            "thoi_gian_thuc_hien.den_ngay": f"{CURRENT}-10-31",
            "nguoi_phu_trach.ho_ten": "Đặng Thị Ánh Tuyết",
            "nguoi_phu_trach.chuc_vu": "Giao vien truong tieu hoc",
            "ket_qua_du_kien": "100 người làm được thủ tục trực tuyến.",
            "ngay_van_ban": f"{CURRENT}-02-25",
        },
    )
    submit(page)
    path, text = result(page)
    # Typed without diacritics: a warning under the field and in the result, the file is made.
    warning = page.locator('[data-path="nguoi_phu_trach.chuc_vu"] > .bm-canh-bao')
    assert warning.inner_text().startswith("Chữ này không có dấu tiếng Việt nào")
    assert "1 mục có vẻ gõ thiếu dấu" in page.locator(".bm-ket-qua .bm-canh-bao").inner_text()
    assert path == f"submissions/{CURRENT}/{UNREGISTERED}/ca-nhan/dang-thi-anh-tuyet/dang-ky.yaml"
    data = check_in_repository(tmp_path, path, text)
    assert data["ca_nhan"] == {
        "ma": "dang-thi-anh-tuyet",
        "ho_ten": "Đặng Thị Ánh Tuyết",
        "chuc_vu": "Giáo viên, đảng viên chi bộ trường",
    }
    assert "nguoi_ky" not in data and "so_van_ban" not in data
    assert data["nguoi_phu_trach"]["chuc_vu"] == "Giao vien truong tieu hoc"
    assert_forge_link(page, path, text)


def _registered_period() -> tuple[dt.date, dt.date]:
    period = REGISTRATION["thoi_gian_thuc_hien"]
    return dt.date.fromisoformat(period["tu_ngay"]), dt.date.fromisoformat(period["den_ngay"])


def test_progress_form_makes_a_file_that_passes_the_check(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "tien-do")
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date().isoformat()
    assert date_value(page, "ngay") == today
    page.select_option('[name="don_vi"]', REGISTERED)
    assert REGISTRATION["ten_mo_hinh"] in page.locator(".bm-thong-tin").inner_text()
    start, end = _registered_period()
    difficulties = ["no: thiếu xi măng, giá tăng 010%", 'Hai hộ "chưa" đồng ý\nở thôn 4']
    typed = {
        "phan_tram": "40",
        "da_lam": "Đã họp dân ở 3 thôn:\n- thôn 1: xong\n- thôn 2: 1:20",
        "de_xuat": "Dân vận: khéo — đề nghị hỗ trợ 20 tấn xi măng",
        "nguoi_bao_cao.ho_ten": "K' Sang",
        "nguoi_bao_cao.chuc_vu": "Bí thư Đoàn Thanh niên xã",
    }
    fill(page, typed)
    field(page, "kho_khan.0").fill(difficulties[0])
    add_row(page, "kho_khan")
    field(page, "kho_khan.1").fill(difficulties[1])

    fill(page, {"ngay": (end + dt.timedelta(days=1)).isoformat()})
    submit(page)
    assert problem_of(page, "ngay").startswith(
        "Ngày báo cáo phải trong thời gian thực hiện đã đăng ký"
    )
    assert page.locator(".bm-ket-qua").is_hidden()

    day = (start + dt.timedelta(days=10)).isoformat()
    fill(page, {"ngay": day})
    submit(page)
    path, text = result(page)
    assert path == f"submissions/{CURRENT}/{REGISTERED}/tien-do/{day}.yaml"
    registration = f"submissions/{CURRENT}/{REGISTERED}/dang-ky.yaml"
    data = check_in_repository(tmp_path, path, text, registration)
    assert data == nfc(
        {
            "don_vi": REGISTERED,
            "nam": CURRENT,
            "ngay": day,
            "phan_tram": 40,
            "da_lam": typed["da_lam"],
            "kho_khan": difficulties,
            "de_xuat": typed["de_xuat"],
            "nguoi_bao_cao": {"ho_ten": "K' Sang", "chuc_vu": "Bí thư Đoàn Thanh niên xã"},
        }
    )
    assert top_level_keys(text) == [k for k in schema_order("tien-do") if k in data]
    assert_forge_link(page, path, text)


def test_report_form_makes_a_file_that_passes_the_check(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "bao-cao")
    # The choice of a person's model sits with the unit, in the first step.
    assert page.locator('.bm-buoc[data-buoc="1"]').get_by_label("Mô hình của cá nhân").count() == 1
    page.select_option('[name="don_vi"]', REGISTERED)
    # The model's name comes from its registration.
    assert field(page, "ten_mo_hinh").input_value() == REGISTRATION["ten_mo_hinh"]
    typed = {
        "qua_trinh_thuc_hien": 'Tháng 3: tập huấn.\nTháng 4: mở gian hàng; "người bán hàng số".',
        "ket_qua.0.chi_tieu": "Đường bê tông: 010 tuyến",
        "ket_qua.0.don_vi_tinh": "km",
        "ket_qua.0.truoc": "2",
        "ket_qua.0.sau": "7,5",
        "hieu_qua.xa_hoi": "no — đi lại thuận tiện",
        "kha_nang_nhan_rong": "Áp dụng được ở mọi xã có cà phê.",
        "han_che": "Còn một thôn chưa làm.",
        "bai_hoc": "- Đảng viên phải đi trước.",
        "minh_chung.0.tieu_de": "Biên bản nghiệm thu: thôn 3",
        "minh_chung.0.lien_ket": "https://baolam.lamdong.gov.vn/tin-tuc/mo-hinh?a=1&b=2",
        "minh_chung.0.tep": "bien-ban.pdf",
        "ngay_van_ban": f"{CURRENT}-11-20",
        "so_van_ban": "45-BC/ĐU",
    }
    step_two = [k for k in typed if k.startswith(("qua_trinh", "ket_qua"))]
    fill(page, {k: typed[k] for k in step_two})
    add_row(page, "ket_qua")
    add_row(page, "ket_qua")
    field(page, "ket_qua.1.chi_tieu").fill("mục tạm, sẽ xóa")
    groups = page.locator('fieldset[data-path="ket_qua"] .bm-mot-dong')
    groups.nth(1).get_by_role("button", name="Xóa mục này").click()
    assert groups.count() == 2
    assert page.locator('[data-path="ket_qua.1"] > legend').inner_text().startswith("Mục 2")
    fill(
        page,
        {
            "ket_qua.1.chi_tieu": "Hộ đồng thuận",
            "ket_qua.1.don_vi_tinh": "%",
            "ket_qua.1.truoc": "60",
            "ket_qua.1.sau": "2.500",
            "ket_qua.1.ghi_chu": "yes",
        },
    )
    # A step's problems stop «Tiếp tục»: the step stays, its problem is shown.
    next_step(page)
    assert problem_of(page, "ket_qua.1.sau").startswith("Không rõ đây là số thập phân")
    assert page.locator(".bm-tien-trinh").inner_text() == "Bước 2/4: Quá trình và kết quả"
    field(page, "ket_qua.1.sau").fill("100")
    fill(page, {k: v for k, v in typed.items() if k not in step_two})
    page.get_by_label("Đề nghị khen thưởng").check()
    submit(page)
    assert problem_of(page, "minh_chung.0").startswith("Chỉ ghi một trong hai")
    assert page.locator(".bm-ket-qua").is_hidden()

    field(page, "minh_chung.0.tep").fill("")
    submit(page)
    path, text = result(page)
    assert path == f"submissions/{CURRENT}/{REGISTERED}/bao-cao.yaml"
    registration = f"submissions/{CURRENT}/{REGISTERED}/dang-ky.yaml"
    data = check_in_repository(tmp_path, path, text, registration)
    assert data == nfc(
        {
            "don_vi": REGISTERED,
            "nam": CURRENT,
            "ten_mo_hinh": REGISTRATION["ten_mo_hinh"],
            "qua_trinh_thuc_hien": typed["qua_trinh_thuc_hien"],
            "ket_qua": [
                {
                    "chi_tieu": "Đường bê tông: 010 tuyến",
                    "don_vi_tinh": "km",
                    "truoc": 2,
                    "sau": 7.5,
                },
                {
                    "chi_tieu": "Hộ đồng thuận",
                    "don_vi_tinh": "%",
                    "truoc": 60,
                    "sau": 100,
                    "ghi_chu": "yes",
                },
            ],
            "hieu_qua": {"xa_hoi": "no — đi lại thuận tiện"},
            "kha_nang_nhan_rong": typed["kha_nang_nhan_rong"],
            "han_che": typed["han_che"],
            "bai_hoc": typed["bai_hoc"],
            "minh_chung": [
                {
                    "tieu_de": typed["minh_chung.0.tieu_de"],
                    "lien_ket": typed["minh_chung.0.lien_ket"],
                }
            ],
            "de_nghi_khen_thuong": True,
            "ngay_van_ban": f"{CURRENT}-11-20",
            "so_van_ban": "45-BC/ĐU",
        }
    )
    assert top_level_keys(text) == [k for k in schema_order("bao-cao") if k in data]
    assert_forge_link(page, path, text)


def test_a_form_works_opened_from_a_usb_stick(chromium: Any, built_site: Path) -> None:
    """file://, no server, no network: the form still builds, checks and writes the file."""
    context, page, errors = open_from_disk(chromium, built_site / "bieu-mau/tien-do.html")
    page.select_option('[name="don_vi"]', REGISTERED)
    day = _registered_period()[0].isoformat()
    fill(
        page,
        {
            "ngay": day,
            "phan_tram": "10",
            "da_lam": "Đã họp chi bộ triển khai.",
            "nguoi_bao_cao.ho_ten": "K' Sang",
            "nguoi_bao_cao.chuc_vu": "Bí thư Đoàn",
        },
    )
    submit(page)
    path, text = result(page)
    context.close()
    assert path == f"submissions/{CURRENT}/{REGISTERED}/tien-do/{day}.yaml"
    assert load_bytes(text.encode("utf-8")).data["phan_tram"] == 10
    # The theme's own search script cannot load from file://; nothing of the form failed.
    assert [e for e in errors if "bieu-mau" in e or "BieuMau" in e] == []


# -- problems ----------------------------------------------------------------------------------


def _path_of_focus(page: Any) -> str:
    return page.evaluate("document.activeElement.closest('[data-path]').dataset.path")


@pytest.mark.parametrize("kind", ["dang-ky", "tien-do", "bao-cao"])
def test_an_empty_form_shows_an_error_summary_on_top_that_links_to_each_field(
    page: Any, site_url: str, kind: str, tmp_path: Path
) -> None:
    """GOV.UK's error summary: on top, announced, focused, one link per problem to its field."""
    open_form(page, site_url, kind)
    submit(page)
    summary = page.locator(".bm-tong-loi")
    summary.wait_for(state="visible")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.classList.contains('bm-tong-loi')")
    assert summary.locator("h2").inner_text() == "Có lỗi cần sửa"
    first_field = page.locator("#bieu-mau .bm-truong:visible").first
    assert summary.bounding_box()["y"] < first_field.bounding_box()["y"]
    shown = problems(page)
    links = summary.get_by_role("link")
    assert links.count() == len(shown) > 0
    assert summary.locator("p").inner_text().startswith(f"Còn {len(shown)} chỗ cần sửa")
    assert links.first.inner_text() == f"Đơn vị: {REQUIRED}"
    assert page.locator(".bm-ket-qua").is_hidden()
    assert page.locator(".bm-yaml").input_value() == ""
    # Each link puts the cursor into the field whose problem it names (also shown at the field).
    failed = page.evaluate(
        "[...document.querySelectorAll('.bm-loi:not([hidden])')].map(s => s.parentElement.dataset.path)"
    )
    for i, path in enumerate(failed):
        links.nth(i).click()
        focused = _path_of_focus(page)
        assert focused == path or focused.startswith(f"{path}."), (i, path, focused)
        assert links.nth(i).inner_text().endswith(problem_of(page, path))
    if kind == "tien-do":  # one step: every problem of the form
        assert problem_of(page, "ngay") == REQUIRED or "ngay" not in failed
        assert problem_of(page, "phan_tram") == REQUIRED
        # Fixed through the summary: each link, then type into the field it put the cursor in.
        answers = {
            "phan_tram": "40",
            "da_lam": "Đã họp dân ở ba thôn.",
            "nguoi_bao_cao.ho_ten": "K' Sang",
            "nguoi_bao_cao.chuc_vu": "Bí thư Đoàn Thanh niên xã",
        }
        for i in range(len(failed)):
            links.nth(i).click()
            focused = page.locator(":focus")
            name = focused.get_attribute("name")
            if name == "don_vi":
                focused.select_option(REGISTERED)
            else:
                focused.fill(answers.pop(name))
        assert answers == {}
        day = (_registered_period()[0] + dt.timedelta(days=3)).isoformat()
        fill(page, {"ngay": day})
        submit(page)
        path, text = result(page)
        registration = f"submissions/{CURRENT}/{REGISTERED}/dang-ky.yaml"
        assert check_in_repository(tmp_path, path, text, registration)["phan_tram"] == 40
    else:  # in steps: only the first step's problems, and the form stays there
        assert page.locator(".bm-tien-trinh").inner_text().startswith("Bước 1/4: ")
        assert "y_tuong" not in failed and "qua_trinh_thuc_hien" not in failed
        assert problem_of(page, "ten_mo_hinh") == REQUIRED
    if kind == "dang-ky":
        assert page.locator('[name="ca_nhan.ho_ten"]').is_hidden()  # not asked unless ticked


def test_registration_goes_step_by_step(page: Any, site_url: str, tmp_path: Path) -> None:
    """Four steps with their progress; «Tiếp tục» checks the step, «Quay lại» keeps what was typed."""
    open_form(page, site_url, "dang-ky")
    progress = page.locator(".bm-tien-trinh")
    assert progress.inner_text() == "Bước 1/4: Đơn vị và mô hình"
    assert page.locator(".bm-cac-buoc li").all_inner_texts() == [
        "Đơn vị và mô hình",
        "Nội dung",
        "Thời gian, người phụ trách",
        "Văn bản, người ký",
    ]
    assert page.locator('.bm-cac-buoc [aria-current="step"]').inner_text() == "Đơn vị và mô hình"
    assert field(page, "y_tuong").is_hidden()
    assert page.get_by_role("button", name="Kiểm tra và tạo tệp").is_hidden()
    assert page.get_by_role("button", name="Quay lại").is_hidden()

    page.select_option('[name="don_vi"]', UNREGISTERED)
    page.select_option('[name="linh_vuc"]', "dan-van")
    field(page, "ten_mo_hinh").fill("x" * 301)
    page.get_by_label("Mô hình của cá nhân").check()
    fill(
        page, {"ca_nhan.ho_ten": "Lan", "ca_nhan.ma": "Nguyễn Lan", "ca_nhan.chuc_vu": "Đảng viên"}
    )
    next_step(page)
    assert progress.inner_text() == "Bước 1/4: Đơn vị và mô hình"
    assert problems(page) == [
        "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (-), ví dụ nguyen-thi-lan.",
        "Quá dài: tối đa 300 ký tự, đang có 301. Rút gọn nội dung.",
    ]
    field(page, "ca_nhan.ma").fill("nguyen-lan")
    field(page, "ten_mo_hinh").fill("Dân vận khéo trong vận động hiến đất làm đường")
    field(page, "ten_mo_hinh").press("Enter")  # Enter in a field goes on like «Tiếp tục»
    assert progress.inner_text() == "Bước 2/4: Nội dung"
    assert page.evaluate("document.activeElement.textContent") == "Bước 2/4: Nội dung"
    assert field(page, "ten_mo_hinh").is_hidden() and field(page, "y_tuong").is_visible()
    assert page.locator(".bm-tong-loi").is_hidden()

    field(page, "y_tuong").fill("ngắn")
    next_step(page)
    assert problem_of(page, "y_tuong") == "Quá ngắn: cần ít nhất 20 ký tự, mới có 4."
    assert problem_of(page, "muc_tieu.0") == REQUIRED or problem_of(page, "muc_tieu") == (
        "Cần ít nhất một dòng."
    )
    # Fixing a field clears its problem at once.
    field(page, "y_tuong").fill("Một ý tưởng đủ dài để qua kiểm tra độ dài.")
    assert page.locator('[data-path="y_tuong"] > .bm-loi').is_hidden()

    # Back to a step already done: what was typed is still there.
    page.get_by_role("button", name="Quay lại").click()
    assert progress.inner_text() == "Bước 1/4: Đơn vị và mô hình"
    assert field(page, "ca_nhan.ma").input_value() == "nguyen-lan"
    next_step(page)
    fill(
        page,
        {
            "diem_moi": "Đảng viên nhận đỡ đầu từng đoạn đường.",
            "muc_tieu.0": "Năm km đường bê tông",
            "giai_phap": "Họp dân từng thôn, công khai đóng góp.",
        },
    )
    next_step(page)
    assert progress.inner_text() == "Bước 3/4: Thời gian, người phụ trách"
    fill(
        page,
        {
            "thoi_gian_thuc_hien.tu_ngay": f"{CURRENT}-05-01",
            "thoi_gian_thuc_hien.den_ngay": f"{CURRENT}-04-01",
            "nguoi_phu_trach.ho_ten": "Trần Văn Bình",
            "nguoi_phu_trach.chuc_vu": "Bí thư",
            "nguoi_phu_trach.dien_thoai": "gọi tôi",
            "ket_qua_du_kien": "Năm km đường bê tông, dân đồng thuận.",
        },
    )
    next_step(page)
    assert problem_of(page, "nguoi_phu_trach.dien_thoai").startswith("Viết chưa đúng dạng.")
    assert (
        problem_of(page, "thoi_gian_thuc_hien.den_ngay") == "Ngày kết thúc phải sau ngày bắt đầu."
    )
    # The step list opens a step already done; later steps only through «Tiếp tục».
    assert page.locator(".bm-cac-buoc button").all_inner_texts() == [
        "Đơn vị và mô hình",
        "Nội dung",
    ]
    fill(
        page,
        {"thoi_gian_thuc_hien.den_ngay": f"{CURRENT}-11-30", "nguoi_phu_trach.dien_thoai": ""},
    )
    next_step(page)
    assert progress.inner_text() == "Bước 4/4: Văn bản, người ký"
    assert page.get_by_role("button", name="Tiếp tục").is_hidden()
    fill(page, {"ngay_van_ban": f"{CURRENT}-02-20"})
    submit(page)
    path, text = result(page)
    assert path == f"submissions/{CURRENT}/{UNREGISTERED}/ca-nhan/nguyen-lan/dang-ky.yaml"
    data = check_in_repository(tmp_path, path, text)
    assert data["thoi_gian_thuc_hien"] == {
        "tu_ngay": f"{CURRENT}-05-01",
        "den_ngay": f"{CURRENT}-11-30",
    }


def test_dates_are_typed_day_month_year_and_wrong_ones_are_named(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "tien-do")
    date = page.locator('[data-path="ngay"]')
    assert date.locator("label").all_inner_texts() == ["Ngày", "Tháng", "Năm"]
    assert f"Ví dụ: 28 2 {CURRENT}." in date.locator(".bm-goi-y").inner_text()
    page.select_option('[name="don_vi"]', REGISTERED)
    day, month, year = date_boxes(page, "ngay")
    day.fill("30")
    month.fill("2")
    year.fill(str(CURRENT))
    submit(page)
    last = calendar.monthrange(CURRENT, 2)[1]
    assert problem_of(page, "ngay") == (
        f"Không có ngày 30/2/{CURRENT}: tháng 2 năm {CURRENT} chỉ có {last} ngày."
    )
    assert (
        day.get_attribute("aria-invalid") == "true" and month.get_attribute("aria-invalid") is None
    )
    page.locator(".bm-tong-loi a", has_text="Ngày báo cáo").click()
    assert page.evaluate("document.activeElement.name") == "ngay-ngay"
    year.fill("")
    submit(page)
    assert problem_of(page, "ngay") == (
        f"Còn thiếu năm. Ghi đủ ngày, tháng, năm, ví dụ 28 2 {CURRENT}."
    )
    year.fill("27")
    submit(page)
    assert problem_of(page, "ngay") == f"Năm ghi đủ bốn chữ số, ví dụ {CURRENT}."
    month.fill("13")
    year.fill(str(CURRENT))
    submit(page)
    assert problem_of(page, "ngay") == "Tháng phải từ 1 đến 12."
    # A real day, typed the Vietnamese way into «Ngày»: the file holds it as ISO.
    start = _registered_period()[0] + dt.timedelta(days=1)
    day.fill("")
    day.press_sequentially(f"{start.day}/{start.month}/{start.year}")
    fill(page, {"phan_tram": "10", "da_lam": "Đã họp chi bộ triển khai."})
    fill(page, {"nguoi_bao_cao.ho_ten": "K' Sang", "nguoi_bao_cao.chuc_vu": "Bí thư Đoàn"})
    submit(page)
    path, text = result(page)
    assert f'ngay: "{start.isoformat()}"' in text
    registration = f"submissions/{CURRENT}/{REGISTERED}/dang-ky.yaml"
    assert check_in_repository(tmp_path, path, text, registration)["ngay"] == start.isoformat()


def test_a_name_without_diacritics_is_a_warning_not_a_problem(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url, "dang-ky")
    title = field(page, "ten_mo_hinh")
    warning = page.locator('[data-path="ten_mo_hinh"] > .bm-canh-bao')
    title.fill("Chi bo thon 1 dan van kheo")
    title.blur()
    assert warning.is_visible()
    assert "có vẻ gõ thiếu dấu" in warning.inner_text()
    assert warning.get_attribute("id") in title.get_attribute("aria-describedby")
    title.fill("Chi bộ thôn 1 dân vận khéo")
    assert warning.is_hidden()
    title.fill("Chi bo thon 1 dan van kheo")
    page.select_option('[name="don_vi"]', UNREGISTERED)
    page.select_option('[name="linh_vuc"]', "dan-van")
    next_step(page)  # a warning never stops the clerk
    assert problems(page) == []
    assert page.locator(".bm-tien-trinh").inner_text().startswith("Bước 2/4")
    assert page.locator(".bm-tong-loi").is_hidden()
    fill(
        page,
        {
            "y_tuong": "Đảng viên đi trước, dân làm theo, công khai mọi khoản đóng góp.",
            "diem_moi": "Mỗi chi bộ nhận đỡ đầu một đoạn đường.",
            "muc_tieu.0": "Năm km đường bê tông",
            "giai_phap": "Họp dân từng thôn, công khai dự toán.",
            "thoi_gian_thuc_hien.tu_ngay": f"{CURRENT}-03-01",
            "thoi_gian_thuc_hien.den_ngay": f"{CURRENT}-11-30",
            "nguoi_phu_trach.ho_ten": "Tran Van Binh",
            "nguoi_phu_trach.chuc_vu": "Bí thư Chi bộ",
            "ket_qua_du_kien": "Năm km đường, dân đồng thuận.",
            "ngay_van_ban": f"{CURRENT}-02-20",
        },
    )
    submit(page)
    path, text = result(page)
    assert "2 mục có vẻ gõ thiếu dấu" in page.locator(".bm-ket-qua .bm-canh-bao").inner_text()
    data = check_in_repository(tmp_path, path, text)
    assert data["ten_mo_hinh"] == "Chi bo thon 1 dan van kheo"


# -- the text the forms write ------------------------------------------------------------------

HOSTILE = [
    "no", "yes", "on", "off", "~", "null", "true", "010", "0x1F", "0o17", "1:20", "1e3", "-.inf",
    ".nan", "2027-02-28", "2027-02-28T10:00:00", "- gạch", "-", "# chú thích", "a: b", "a #b",
    "'nháy đơn'", '"nháy kép"', "\\ gạch chéo \\n", "{a: 1}", "[1, 2]", "&neo", "*bí-danh",
    "!nhãn", "%YAML 1.2", "@tên", "`lệnh`", "|", ">", "---", "...", "? hỏi", ", phẩy", "",
    " đầu cách", "cuối cách ", "tab\tgiữa", "dòng 1\ndòng 2", "dòng 1\n\ndòng 3", "a\n  thụt",
    "a\n#b\n- c\n---\n...", "cuối có dấu cách \ndòng 2", "\ndòng đầu trống", "cuối xuống dòng\n",
    "LS\u2028PS\u2029", "NBSP\u00a0",
    "emoji 😀", unicodedata.normalize("NFD", "Lộc Thắng, Đắk Nông"), "Ω≈ç√∫", "key: |\n  x",
]  # fmt: skip


def test_yaml_text_reads_back_exactly(page: Any, site_url: str) -> None:
    open_form(page, site_url, "dang-ky")
    document = {
        "chuoi": {f"k{i}": s for i, s in enumerate(HOSTILE)},
        "danh_sach": HOSTILE,
        "nhom": [{"a": s, "b": [s, 1], "c": {"d": s}} for s in HOSTILE],
        "so": [0, -3, 7.5, 2027, 1.25],
        "dung_sai": [True, False],
        "rong": [],
        "trong": {},
    }
    text = page.evaluate("d => BieuMau.toYaml(d, 'chú thích: # dòng đầu')", document)
    assert text.startswith("# chú thích: # dòng đầu\n") and text.endswith("\n")
    assert load_bytes(text.encode("utf-8")).data == nfc(document)


def test_clean_drops_what_the_loader_refuses(page: Any, site_url: str) -> None:
    open_form(page, site_url, "dang-ky")
    typed = (
        "CRLF\r\ndòng NEL\u0085 DEL\x7f C1\x9b RLO\u202eX"
        " BOM\ufeff ZW\u200bSP TAG\U000e0041 VS\ufe0f"
    )
    cleaned = page.evaluate("t => BieuMau.clean(t)", typed)
    assert cleaned == "CRLF\ndòng NEL DEL C1 RLOX BOM ZWSP TAG VS"
    assert load_bytes(f"a: {json.dumps(cleaned, ensure_ascii=False)}\n".encode()).data == {
        "a": cleaned
    }


def test_person_folder_names_drop_diacritics(page: Any, site_url: str) -> None:
    open_form(page, site_url, "dang-ky")
    names = ["Nguyễn Thị Lan", "ĐẶNG  văn Đức", "K' Sang", "Y Ngọc Ê-ban", "  Lò Thị Ư  "]
    slugs = page.evaluate("ns => ns.map(BieuMau.slug)", names)
    assert slugs == ["nguyen-thi-lan", "dang-van-duc", "k-sang", "y-ngoc-e-ban", "lo-thi-u"]


def test_forge_links_fall_back_when_the_text_is_too_long(page: Any, site_url: str) -> None:
    open_form(page, site_url, "dang-ky")
    path = f"submissions/{CURRENT}/loc-thang/dang-ky.yaml"
    short, long = 'ten_mo_hinh: "Dân vận"\n', 'y_tuong: "' + "Dân vận khéo " * 800 + '"\n'
    links = page.evaluate(
        """([path, short, long]) => [
            BieuMau.forgeLink("https://git.huyen.vn/btc/sangtao/", "main", path, short),
            BieuMau.forgeLink("https://github.com/huyen/sangtao", "main", path, long),
            BieuMau.forgeLink(null, "main", path, short),
        ]""",
        [path, short, long],
    )
    gitea, github, none = links
    assert gitea["forge"] == "Gitea/Forgejo" and gitea["prefilled"]
    url = urlsplit(gitea["url"])
    assert url.path == "/btc/sangtao/_new/main/"
    assert parse_qs(url.query) == {"filename": [path], "value": [short]}
    assert github["forge"] == "GitHub" and not github["prefilled"]
    assert len(github["url"]) < 8000
    assert parse_qs(urlsplit(github["url"]).query) == {"filename": [path]}
    assert none is None


# -- the pages -----------------------------------------------------------------------------------


def test_form_pages_carry_their_schema_safely(built_site: Path) -> None:
    for kind in ("dang-ky", "tien-do", "bao-cao"):
        html = (built_site / f"bieu-mau/{kind}.html").read_text(encoding="utf-8")
        found = re.search(
            r'<script type="application/json" id="bieu-mau-du-lieu">(.*?)</script>', html
        )
        assert found is not None
        data = json.loads(found.group(1))
        schema = json.loads((PROJECT / f"schema/{kind}.schema.json").read_text(encoding="utf-8"))
        assert data["schema"] == schema
        assert data["nam"] == CURRENT
        roster = read_corpus(PROJECT).roster_for(CURRENT)
        assert roster is not None
        own = (
            {c.code for c in roster.committees} | {roster.root_code} if kind == "dang-ky" else set()
        )
        assert {u["ma"] for u in data["don_vi"]} == set(CURRENT_UNITS) | own
    assert (built_site / "bieu-mau/index.html").is_file()


def test_json_in_a_page_cannot_close_its_script() -> None:
    text = json_for_html({"ten": "</script><script>alert(1)</script><!-- x"})
    assert "<" not in text
    assert json.loads(text) == {"ten": "</script><script>alert(1)</script><!-- x"}


def test_a_unit_page_opens_the_form_with_the_unit_chosen(page: Any, site_url: str) -> None:
    """The page of a unit that has not registered links to the form, prefilled for it."""
    page.goto(f"{site_url}ho-so/{CURRENT}/{UNREGISTERED}.html")
    link = page.get_by_role("link", name="Điền biểu mẫu đăng ký cho đơn vị này")
    link.click()
    page.locator("#bieu-mau form").wait_for()
    assert page.url.endswith(f"bieu-mau/dang-ky.html?don_vi={UNREGISTERED}")
    chosen = page.locator("#bieu-mau select").first.input_value()
    assert chosen == UNREGISTERED


# -- the appraisers' score sheet ---------------------------------------------------------------

SCORED_AT = "2023-12-05T09:00:00+07:00"


@pytest.fixture(scope="module")
def appraisal_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2023 cycle with its rubric (builders.appraisal_config), three registered models, and
    its site built as of December 2023: the score-sheet form is the current cycle's."""
    root = tmp_path_factory.mktemp("tham-dinh") / "kho"
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = _site_repo(Repo(root))
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config())))
    for unit, person in (("loc-thang", None), ("loc-an", None), ("loc-an", "nguyen-thi-lan")):
        folder = f"{unit}/ca-nhan/{person}" if person else unit
        repo.write(
            f"submissions/2023/{folder}/dang-ky.yaml", dump(registration(unit, person=person))
        )
    repo.commit("Mở đợt và đăng ký", "2023-02-20T09:00:00+07:00")
    result = build(root, root / "site", now=SCORED_AT)
    assert result.returncode == 0, result.stderr
    return root


def test_the_score_sheet_form_follows_the_rubric_and_makes_a_sheet_that_passes_the_check(
    chromium: Any, appraisal_repo: Path, tmp_path: Path
) -> None:
    site = appraisal_repo / "site"
    index = (site / "bieu-mau/index.html").read_text(encoding="utf-8")
    assert 'href="phieu-cham.html"' in index and "Phiếu chấm điểm" in index
    results = next(site.glob("**/ket-qua-tham-dinh.html")).read_text(encoding="utf-8")
    assert "bieu-mau/phieu-cham.html" in results

    context, page, errors = open_from_disk(chromium, site / "bieu-mau/phieu-cham.html")
    criteria = page.locator("fieldset.bm-tieu-chi > legend").all_inner_texts()
    assert criteria == ["1. Tính mới, sáng tạo", "2. Hiệu quả"]
    assert page.get_by_label("Điểm (tối đa 60)").count() == 1
    levels = page.locator('[name="de_xuat_xep_loai"] option').all_inner_texts()
    assert levels[1:] == ["Xuất sắc (từ 90 điểm)", "Tốt (từ 75 điểm)", "Đạt (từ 50 điểm)",
                          "Không đạt (từ 0 điểm)"]  # fmt: skip

    page.select_option('[name="nguoi_cham"]', "tv-hai")  # declared a conflict with loc-an
    page.select_option('[name="don_vi"]', "loc-an")
    page.select_option('[name="ca_nhan"]', "nguyen-thi-lan")
    fill(
        page,
        {
            "diem.0.diem": "35,5",
            "diem.0.nhan_xet": "Cách làm mới ở huyện.",
            "diem.1.diem": "61",
            "diem.1.nhan_xet": "Có số liệu trước sau rõ ràng.",
            "nhan_xet_chung": "Mô hình tốt, có thể nhân rộng ra các xã.",
            "ngay": "2023-12-10",
        },
    )
    page.select_option('[name="de_xuat_xep_loai"]', "tot")
    submit(page)
    assert problem_of(page, "diem.1.diem") == "Phải từ 0 đến 60."
    assert problem_of(page, "khong_xung_dot").startswith("Cần đánh dấu cam kết")
    assert problem_of(page, "nguoi_cham").startswith(
        "Đồng chí Đỗ Văn Hai không được chấm đơn vị này"
    )
    assert page.locator(".bm-ket-qua").is_hidden()

    page.select_option('[name="nguoi_cham"]', "tt-truong")
    field(page, "diem.1.diem").fill("50")
    assert page.locator(".bm-tong-diem").inner_text() == "Tổng điểm: 85,5/100 — mức «Tốt»."
    page.get_by_label("Tôi cam kết không có xung đột lợi ích").check()
    submit(page)
    path, text = result(page)
    context.close()
    assert errors == []
    assert path == "submissions/2023/tham-dinh/loc-an/nguyen-thi-lan/tt-truong.yaml"

    copy = tmp_path / "kho"
    shutil.copytree(appraisal_repo, copy, ignore=shutil.ignore_patterns("site", ".git"))
    (copy / path).parent.mkdir(parents=True)
    (copy / path).write_text(text, encoding="utf-8")
    corpus = read_corpus(copy)
    assert [f"{p.path}:{p.line}: {p.message}" for p in corpus.problems] == []
    assert next(d for d in corpus.documents if d.rel == path).data == {
        "don_vi": "loc-an",
        "ca_nhan": "nguyen-thi-lan",
        "nam": 2023,
        "nguoi_cham": "tt-truong",
        "diem": [
            {"tieu_chi": "tinh-moi", "diem": 35.5, "nhan_xet": "Cách làm mới ở huyện."},
            {"tieu_chi": "hieu-qua", "diem": 50, "nhan_xet": "Có số liệu trước sau rõ ràng."},
        ],
        "nhan_xet_chung": "Mô hình tốt, có thể nhân rộng ra các xã.",
        "de_xuat_xep_loai": "tot",
        "de_xuat_khen_thuong": False,
        "khong_xung_dot": True,
        "ngay": "2023-12-10",
    }
