"""Exports agree with `sangtao status --format json`, open in Excel, and keep unpublished
scores private."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import openpyxl
import pytest

from sangtao import cli
from sangtao.exports import calendar_bytes, csv_bytes, site_json, xlsx_bytes
from sangtao.pipeline import take_snapshot

from builders import appraisal_config, cycle, dump, progress, registration, report, roster, sheet
from conftest import Repo

VN = dt.timezone(dt.timedelta(hours=7))
NOW = "2023-12-25T09:00:00+07:00"
BLOCKS = {"xa-thi-tran": "Xã, thị trấn"}


@pytest.fixture
def cycle_repo(repo: Repo) -> Repo:
    repo.write(
        "submissions/don-vi.yaml",
        dump(roster({"loc-thang": ["vp-lt"], "loc-an": ["vp-la"], "loc-bac": ["vp-lb"]})),
    )
    repo.write(
        "submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config(published=False)))
    )
    for unit in ("loc-thang", "loc-an"):
        repo.write(
            f"submissions/2023/{unit}/dang-ky.yaml",
            dump(registration(unit, ten_mo_hinh='=HYPERLINK("x") mô hình')),
        )
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.write("submissions/2023/loc-thang/bao-cao.yaml", dump(report()))
    repo.commit("Báo cáo", "2023-11-25T09:00:00+07:00")
    for account, scores in (("tt-truong", (38, 57)), ("tv-hai", (36, 50))):
        repo.write(
            f"submissions/2023/tham-dinh/loc-thang/{account}.yaml",
            dump(sheet(account, scores=scores)),
        )
    repo.commit("Chấm", "2023-12-10T09:00:00+07:00")
    return repo


def _status_json(repo: Repo, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert (
        cli.main(
            [
                "--root",
                str(repo.root),
                "status",
                "--cycle",
                "2023",
                "--now",
                NOW,
                "--format",
                "json",
            ]
        )
        == 0
    )
    return json.loads(capsys.readouterr().out)


def test_csv_and_xlsx_agree_with_status_json(
    cycle_repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _status_json(cycle_repo, capsys)
    status = take_snapshot(cycle_repo.root, dt.datetime.fromisoformat(NOW)).statuses[2023]
    raw = csv_bytes(status, BLOCKS)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    words = {
        "on_time": "Đúng hạn",
        "late": "Trễ hạn",
        "extended": "Được gia hạn",
        "missing": "Quá hạn, chưa nộp",
    }
    assert [r["Mã đơn vị"] for r in rows] == [u["code"] for u in expected["units"]]
    for row, unit in zip(rows, expected["units"], strict=True):
        assert row["Đăng ký"] == words[unit["collective"]["registration"]["state"]]
        assert row["Báo cáo kết quả"] == words[unit["collective"]["report"]["state"]]
        received = unit["collective"]["registration"]["received_at"]
        assert row["Thời điểm nhận đăng ký"] == (received[:16] + received[19:] if received else "")

    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(status, BLOCKS)))
    assert book.sheetnames == ["Tổng hợp", "Đăng ký", "Tiến độ", "Báo cáo", "Thẩm định"]
    for name in book.sheetnames:
        assert book[name].freeze_panes == "A2"
        assert book[name].auto_filter.ref is not None
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert [r[0] for r in summary[1:]] == [u["code"] for u in expected["units"]]
    cell = book["Tổng hợp"]["D2"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"  # text, never a formula


def test_unpublished_scores_stay_out_of_every_export(
    cycle_repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _status_json(cycle_repo, capsys)
    assert full["units"][0]["collective"]["outcome"]["combined"] == 90.5  # the board's own view
    status = take_snapshot(cycle_repo.root, dt.datetime.fromisoformat(NOW)).statuses[2023]
    published = json.loads(site_json({2023: status}, dt.datetime(2023, 12, 25, tzinfo=VN)))
    outcome = published["cycles"][0]["units"][0]["collective"]["outcome"]
    assert outcome == {"sheets": 2, "complete": True}
    assert b"90.5" not in csv_bytes(status, BLOCKS)
    assert b"90.5" not in xlsx_bytes(status, BLOCKS)


def test_calendar_has_every_deadline(cycle_repo: Repo) -> None:
    status = take_snapshot(cycle_repo.root, dt.datetime.fromisoformat(NOW)).statuses[2023]
    calendar = icalendar.Calendar.from_ical(calendar_bytes({2023: status}, "Huyện ủy Bảo Lâm"))
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"2023-dang_ky@sangtao", "2023-bao_cao@sangtao", "2023-tham_dinh@sangtao"}
    assert events["2023-dang_ky@sangtao"].decoded("dtstart") == dt.date(2023, 2, 28)
    assert "23:59 ngày 28/02/2023" in str(events["2023-dang_ky@sangtao"]["description"])


def test_unpublished_level_reasons_stay_out_of_the_exports(cycle_repo: Repo) -> None:
    config = appraisal_config(
        published=False, xep_loai_toi_thieu_xuat_sac="xuat-sac", so_phieu_toi_thieu=2
    )
    config["xep_loai"][0]["tu_diem"] = 95  # 90.5 is then "Tốt", below the minimum
    cycle_repo.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=config)))
    cycle_repo.commit("Ngưỡng", "2023-12-11T09:00:00+07:00")
    status = take_snapshot(cycle_repo.root, dt.datetime.fromisoformat(NOW)).statuses[2023]
    assert (
        status.units[0].collective.eligibility.reasons[0].startswith("Mô hình xếp loại")
    )  # the board's view
    published = json.loads(site_json({2023: status}, dt.datetime(2023, 12, 25, tzinfo=VN)))
    reasons = published["cycles"][0]["units"][0]["collective"]["eligibility"]["reasons"]
    assert reasons == ["Chờ công bố kết quả thẩm định"]
    assert "xếp loại «" not in csv_bytes(status, BLOCKS).decode("utf-8-sig")


def _published_status(cycle_repo: Repo):  # type: ignore[no-untyped-def]
    cycle_repo.write(
        "submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config(published=True)))
    )
    cycle_repo.write("submissions/2023/loc-thang/tien-do/2023-05-15.yaml", dump(progress()))
    cycle_repo.commit("Công bố", "2023-12-21T09:00:00+07:00")
    return take_snapshot(cycle_repo.root, dt.datetime.fromisoformat(NOW)).statuses[2023]


def test_xlsx_is_meeting_ready(cycle_repo: Repo) -> None:
    """Real dates and numbers, names on every page, widths fitted, bold frozen header with
    filters, A4 landscape one page wide with the header repeated and the title on top."""
    status = _published_status(cycle_repo)
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(status, BLOCKS)))
    for page in book.worksheets:
        header = [c.value for c in page[1]]
        assert "Tên đơn vị" in header, page.title
        assert all(c.font.b for c in page[1]) and page.freeze_panes == "A2"
        assert page.auto_filter.ref.startswith("A1:")
        assert page.page_setup.orientation == "landscape"
        assert page.page_setup.paperSize == 9  # A4
        assert page.page_setup.fitToWidth == 1 and page.page_setup.fitToHeight == 0
        assert page.sheet_properties.pageSetUpPr.fitToPage
        assert page.print_title_rows == "$1:$1"
        assert "Mô hình mới, cách làm sáng tạo năm 2023" in page.oddHeader.center.text
        assert "Huyện ủy Bảo Lâm" in page.oddHeader.center.text
        name_column = header.index("Tên đơn vị") + 1
        letter = openpyxl.utils.get_column_letter(name_column)
        names = [r[name_column - 1].value for r in page.iter_rows(min_row=2)]
        assert names and all(n.startswith("Đảng bộ ") for n in names), page.title
        width = page.column_dimensions[letter].width
        assert width >= max(len(n) for n in names)  # the whole name on one line
        for row in page.iter_rows(min_row=2):
            assert all(c.alignment.wrap_text for c in row)

    summary = book["Tổng hợp"]
    header = [c.value for c in summary[1]]
    row = {h: c for h, c in zip(header, summary[2], strict=True)}
    assert row["Mã đơn vị"].value == "loc-thang"
    received = row["Thời điểm nhận đăng ký"]
    assert received.value == dt.datetime(2023, 2, 20, 9, 0)  # Vietnam wall-clock time
    assert received.is_date and "dd/mm/yyyy hh:mm" in received.number_format
    score = row["Điểm tổng hợp"]
    assert score.value == 90.5 and score.number_format == "#,##0.00"
    assert row["Tiến độ (%)"].value in (None, "") or isinstance(row["Tiến độ (%)"].value, int)
    deadline = book["Đăng ký"]["G2"]
    assert deadline.value == dt.datetime(2023, 2, 28, 23, 59, 59) and deadline.is_date
    day = book["Tiến độ"]["D2"]
    assert day.value == dt.datetime(2023, 5, 15) and day.number_format.endswith("dd/mm/yyyy")
    # A long model name wraps inside its capped column instead of widening it to the text.
    assert summary.column_dimensions["E"].width <= 50


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_xlsx_converted_by_libreoffice(cycle_repo: Repo, tmp_path: Path) -> None:
    """What a meeting gets: LibreOffice reads dates as dates and prints A4 landscape."""
    status = _published_status(cycle_repo)
    source = tmp_path / "tinh-hinh.xlsx"
    source.write_bytes(xlsx_bytes(status, BLOCKS))
    env = dict(os.environ, HOME=str(tmp_path))  # a fresh LibreOffice profile
    # CSV filter options: comma, double quote, UTF-8 (76); cells as shown is the default.
    for target in ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=240,
            env=env,
        )
    shown = (tmp_path / "tinh-hinh.csv").read_text(encoding="utf-8")
    assert "20/02/2023 09:00" in shown  # shown as a date, in day/month/year order
    assert "Đảng bộ loc-thang" in shown
    pdf = (tmp_path / "tinh-hinh.pdf").read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
    assert boxes and all(float(w) > float(h) for w, h in boxes)  # landscape pages
