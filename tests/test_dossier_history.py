"""A dossier's history: who submitted each document and when it was received, then its real
corrections; the repository's maintenance commits stay out (decision 64). Real repositories
with fixed dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sangtao.labels import RECEIPT_FORMS
from sangtao.pipeline import take_snapshot
from sangtao.site.dossier import history_rows, history_section
from sangtao.site.plugin import site_context

from builders import cycle, dump, progress, registration, roster
from conftest import PROJECT, Repo

NOW = dt.datetime.fromisoformat("2026-12-01T09:00:00+07:00")
THANG = "submissions/2023/loc-thang/dang-ky.yaml"
AN = "submissions/2023/loc-an/dang-ky.yaml"
BOOK = [
    {
        "tep": "loc-an/dang-ky.yaml",
        "thoi_diem": "2023-02-25T10:20:00+07:00",
        "hinh_thuc": "ban-giay",
        "nguoi_ghi": "btc-admin",
        "so_den": "15",
    }
]


def _unit(author: str) -> dict[str, str]:
    return {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": f"{author}@sangtao.invalid"}


def _rows(repo: Repo, unit: str) -> tuple[list[dict[str, Any]], str]:
    snapshot = take_snapshot(repo.root, NOW)
    ctx = site_context(repo.root, snapshot)
    model = next(u.collective for u in snapshot.statuses[2023].units if u.unit.code == unit)
    return history_rows(ctx, model), str(history_section(ctx, model).html)


def _history(repo: Repo) -> None:
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle(so_tiep_nhan=BOOK)))
    repo.commit("Mở đợt 2023", "2023-01-10T08:00:00+07:00")
    signed = {"nguoi_ky": {"ho_ten": "Nguyễn Văn Thắng", "chuc_vu": "Bí thư Đảng ủy"}}
    repo.write(THANG, dump(registration(**signed)))
    repo.git("add", "--all")
    repo.git(
        "commit", "-q", "-m", "Đăng ký", date="2023-02-20T09:00:00+07:00",
        env=_unit("vp-loc-thang"),
    )  # fmt: skip
    repo.write(THANG, dump(registration(**signed, ten_mo_hinh="Dân vận khéo: làm đường")))
    repo.git("add", "--all")
    repo.git(
        "commit", "-q", "-m", "Sửa tên", date="2023-03-05T14:00:00+07:00",
        env=_unit("vp-loc-thang"),
    )  # fmt: skip
    repo.write(THANG, "# Chú thích thêm khi sắp xếp kho\n" + (repo.root / THANG).read_text())
    repo.write(AN, dump(registration("loc-an", **signed)))  # the paper, typed in years later
    repo.write(
        "submissions/2023/loc-thang/tien-do/2023-05-15.yaml",
        "# Định dạng lại\n" + dump(progress()),
    )
    repo.commit("Bảo trì: thêm chú thích, nhập bản giấy", "2026-11-02T08:00:00+07:00")


def test_history_shows_who_submitted_when_received_and_real_corrections_only(repo: Repo) -> None:
    _history(repo)
    rows, html = _rows(repo, "loc-thang")
    assert [(r["at"].isoformat(), r["file"], r["what"]) for r in rows] == [
        ("2023-02-20T09:00:00+07:00", "dang-ky.yaml", "Nhận hồ sơ"),
        ("2023-03-05T14:00:00+07:00", "dang-ky.yaml", "Sửa đổi: Tên mô hình"),
        ("2026-11-02T08:00:00+07:00", "tien-do/2023-05-15.yaml", "Nhận hồ sơ"),
    ]
    assert rows[0]["who"] == "Nguyễn Văn Thắng, Bí thư Đảng ủy"
    assert rows[0]["how"] == "qua kho Git, commit của: vp-loc-thang"
    assert rows[1]["who"] == "vp-loc-thang"
    # The maintenance commit that only added a comment to dang-ky.yaml is not a correction:
    # 2026 appears once, the progress update that commit brought (its receipt).
    assert html.count("&#47;2026<") == 1
    assert "Commit" not in html
    for heading in ("Thời điểm", "Văn bản", "Việc", "Người nộp, người sửa", "Cách nhận"):
        assert f">{heading}<" in html


def test_a_paper_submission_is_received_when_the_book_says(repo: Repo) -> None:
    _history(repo)
    rows, html = _rows(repo, "loc-an")
    assert [(r["at"].isoformat(), r["what"], r["who"], r["how"]) for r in rows] == [
        (
            "2023-02-25T10:20:00+07:00",
            "Nhận hồ sơ",
            "Nguyễn Văn Thắng, Bí thư Đảng ủy",
            "bản giấy, số đến 15, theo sổ tiếp nhận (btc-admin ghi)",
        )
    ]
    assert not re.search(r"2026", html)


def test_the_demo_dossiers_date_paper_submissions_by_the_book() -> None:
    """The demo's 2023 paper registrations: received when the book says, in 2023, whatever
    commit later typed them in; no «Commit» column."""
    snapshot = take_snapshot(PROJECT, NOW)
    ctx = site_context(PROJECT, snapshot)
    status = snapshot.statuses[2023]
    book = {e.file: e for e in status.cycle.receipt_book}
    checked = 0
    for unit in status.units:
        entry = book.get(f"{unit.unit.code}/dang-ky.yaml")
        if entry is None or unit.collective.document is None:
            continue
        rows = history_rows(ctx, unit.collective)
        received = [r for r in rows if r["file"] == "dang-ky.yaml" and r["what"] == "Nhận hồ sơ"]
        assert [r["at"] for r in received] == [entry.at]
        assert received[0]["how"].startswith(RECEIPT_FORMS[entry.form])
        assert "Commit" not in str(history_section(ctx, unit.collective).html)
        checked += 1
    assert checked >= 2
