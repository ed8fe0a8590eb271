"""Exports agree with `sangtao status --format json`, open in Excel, and keep unpublished
scores private."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar
import openpyxl
import pytest

from sangtao import cli
from sangtao.exports import calendar_bytes, csv_bytes, site_json, xlsx_bytes
from sangtao.pipeline import take_snapshot

from builders import appraisal_config, cycle, dump, registration, report, roster, sheet
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
