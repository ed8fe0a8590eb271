"""`sangtao receive`: a paper submission placed and booked in one step, on a real repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sangtao import cli
from sangtao.loader import load_bytes
from sangtao.receive import append_receipt

from builders import dump, registration, report, roster
from conftest import Repo

NOW = "2023-03-20T10:00:00+07:00"
BOOK_HEAD = """\
# Đợt mẫu: chú thích của Ban Tổ chức phải còn nguyên.
nam: 2023
ten: "Mô hình mới, cách làm sáng tạo năm 2023"
can_cu:
  - so: 833-CV/HU
    ngay: 2023-02-13
    co_quan: Ban Thường vụ Huyện ủy
    trich_yeu: Đăng ký mô hình mới
han:
  dang_ky: 2023-02-28T23:59:59+07:00
  bao_cao: 2023-11-30T23:59:59+07:00
  tham_dinh: 2023-12-20T23:59:59+07:00

# Sổ tiếp nhận: bản giấy nhận trước khi dùng kho.
so_tiep_nhan:
    -   tep: loc-an/dang-ky.yaml
        thoi_diem: 2023-02-14T10:20:00+07:00
        hinh_thuc: ban-giay
        nguoi_ghi: btc-admin
        ghi_chu: |
          Nhận tại văn thư.

# Phần sau sổ: gia hạn (chú thích này thuộc mục sau, phải đứng sau dòng sổ mới).
gia_han: []
"""


@pytest.fixture
def board(repo: Repo) -> Repo:
    """A cycle with a receipt book followed by comments and another key; loc-an received."""
    repo.write("submissions/don-vi.yaml", dump(roster(admins=("btc-admin", "btc-hai"))))
    repo.write("submissions/2023/dot.yaml", BOOK_HEAD)
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Mở đợt 2023", "2023-01-10T08:00:00+07:00")
    return repo


def run(repo: Repo, source: Path, *extra: str) -> int:
    return cli.main(["--root", str(repo.root), "receive", str(source), "--now", NOW, *extra])


def paper(tmp_path: Path, data: dict[str, object], name: str = "dang-ky.yaml") -> Path:
    path = tmp_path / "ban-giay" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(dump(data), encoding="utf-8")
    return path


def test_paper_registration_placed_booked_and_counted(
    board: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = paper(tmp_path, registration("loc-thang", so_van_ban="05-ĐK/ĐU"))
    code = run(
        board,
        source,
        *("--unit", "loc-thang", "--at", "2023-02-20T09:30", "--form", "giay"),
        *("--so-den", "158", "--so-van-ban", "05-ĐK/ĐU", "--nguoi-ghi", "btc-hai"),
    )
    out = capsys.readouterr().out
    assert code == 0, out
    rel = "submissions/2023/loc-thang/dang-ky.yaml"
    assert (board.root / rel).read_bytes() == source.read_bytes()
    assert "Trạng thái khi nhận: Đúng hạn." in out
    text = (board.root / "submissions/2023/dot.yaml").read_text(encoding="utf-8")
    added = [
        "    -   tep: loc-thang/dang-ky.yaml\n",
        "        thoi_diem: 2023-02-20T09:30:00+07:00\n",
        "        hinh_thuc: ban-giay\n",
        '        so_den: "158"\n',
        "        nguoi_ghi: btc-hai\n",
    ]
    # Every old line kept, in order; the new item right after the book's last item.
    lines = text.splitlines(keepends=True)
    start = lines.index(added[0])
    assert lines[start : start + len(added)] == added
    assert lines[:start] + lines[start + len(added) :] == BOOK_HEAD.splitlines(keepends=True)
    assert lines[start - 1] == "          Nhận tại văn thư.\n"
    assert f"dòng {start + 1} của submissions/2023/dot.yaml" in out

    # Merged after the deadline: the book, not git, gives the receipt time.
    board.commit("Nhận bản giấy của loc-thang", "2023-03-15T08:00:00+07:00")
    assert cli.main(["--root", str(board.root), "check", "--now", NOW]) == 0
    capsys.readouterr()
    assert cli.main(["--root", str(board.root), "status", "--format", "json", "--now", NOW]) == 0
    status = json.loads(capsys.readouterr().out)[0]
    unit = next(u for u in status["units"] if u["code"] == "loc-thang")
    got = unit["collective"]["registration"]
    assert got["state"] == "on_time"
    assert got["receipt_source"] == "book"
    assert got["received_at"].startswith("2023-02-20T09:30:00")


def _unchanged(repo: Repo) -> None:
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.parametrize(
    ("data", "args", "message"),
    [
        (
            registration("loc-an"),
            ("--unit", "loc-thang"),
            'Tệp ghi don_vi: "loc-an" nhưng lệnh ghi --unit loc-thang',
        ),
        (registration("loc-thangg"), ("--unit", "loc-thangg"), "Có phải là «loc-thang»?"),
        (registration(year=2024), ("--unit", "loc-thang"), "Không có đợt năm 2024"),
        (registration(), ("--unit", "loc-thang", "--at", "2023-03-21T08:00"), "ở tương lai"),
        (
            registration(),
            ("--unit", "loc-thang", "--at", "2023-02-19T08:00"),
            "Văn bản ghi ngày 20/02/2023 mà nhận lúc 08:00 ngày 19/02/2023",
        ),
        (registration(), ("--unit", "loc-thang", "--at", "2023-02-21"), "thiếu giờ nhận"),
        (
            registration(),
            ("--unit", "loc-thang", "--at", "21/2/2023 9:30"),
            "sai dạng: viết NĂM-THÁNG-NGÀY và giờ, ví dụ 2023-02-21T09:30",
        ),
        (
            registration("loc-an"),
            ("--unit", "loc-an"),
            "Tệp submissions/2023/loc-an/dang-ky.yaml đã có",
        ),
        (
            registration(),
            ("--unit", "loc-thang", "--nguoi-ghi", "vp-loc-thang"),
            "«vp-loc-thang» không phải tài khoản quản trị",
        ),
        (registration(), ("--unit", "loc-thang"), "--nguoi-ghi, một trong btc-admin, btc-hai"),
        (
            registration(so_van_ban="05-ĐK/ĐU"),
            ("--unit", "loc-thang", "--so-van-ban", "06-ĐK/ĐU"),
            "khác số văn bản trong tệp",
        ),
        (
            registration(person="nguyen-thi-lan"),
            ("--unit", "loc-thang", "--person", "ka-hoa"),
            "--person ka-hoa nhưng tệp ghi ca_nhan.ma",
        ),
    ],
)
def test_refuses_when_the_two_would_disagree(
    board: Repo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: dict[str, object],
    args: tuple[str, ...],
    message: str,
) -> None:
    defaults = {"--at": "2023-02-21T09:30", "--form": "giay", "--nguoi-ghi": "btc-admin"}
    given = dict(zip(args[::2], args[1::2], strict=True))
    if message.startswith("--nguoi-ghi"):
        del defaults["--nguoi-ghi"]
    flat = [x for pair in {**defaults, **given}.items() for x in pair]
    assert run(board, paper(tmp_path, data), *flat) == 2
    assert message in capsys.readouterr().err
    _unchanged(board)


def test_receipt_line_already_in_the_book(
    board: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file was deleted but its line stayed: the book already speaks for that path."""
    board.git("rm", "--quiet", "submissions/2023/loc-an/dang-ky.yaml")
    board.commit("Rút", "2023-02-15T08:00:00+07:00")
    args = ("--unit", "loc-an", "--at", "2023-02-21T09:30", "--form", "email")
    assert (
        run(board, paper(tmp_path, registration("loc-an")), *args, "--nguoi-ghi", "btc-admin") == 2
    )
    assert "đã có dòng cho loc-an/dang-ky.yaml (dòng sổ thứ 1" in capsys.readouterr().err
    _unchanged(board)


def test_document_problems_shown_like_check_and_nothing_written(
    board: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = registration()
    del broken["ten_mo_hinh"]
    args = ("--unit", "loc-thang", "--at", "2023-02-21T09:30", "--form", "giay")
    source = paper(tmp_path, broken)
    assert run(board, source, *args, "--nguoi-ghi", "btc-admin") == 1
    err = capsys.readouterr().err
    assert f"{source}:" in err and "ten_mo_hinh" in err and "Chưa ghi gì" in err
    _unchanged(board)

    # A cross-file rule (the period outside the cycle's year) refuses the same way.
    outside = registration(thoi_gian_thuc_hien={"tu_ngay": "2022-03-01", "den_ngay": "2023-11-15"})
    assert run(board, paper(tmp_path, outside), *args, "--nguoi-ghi", "btc-admin") == 1
    assert "Thời gian thực hiện phải nằm trong khung của đợt" in capsys.readouterr().err
    _unchanged(board)


def test_late_report_warns_and_hand_delivery(
    board: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    board.commit("Đăng ký", "2023-02-20T08:00:00+07:00")
    source = paper(tmp_path, report(), "bao-cao-loc-thang.yaml")
    args = ("--unit", "loc-thang", "--at", "2023-12-02T08:00", "--form", "truc-tiep")
    code = cli.main(
        [
            *("--root", str(board.root), "receive", str(source)),
            *("--now", "2023-12-05T08:00:00+07:00", *args, "--nguoi-ghi", "btc-admin"),
            *("--ghi-chu", "Đồng chí Bí thư mang đến"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Trạng thái khi nhận: Trễ hạn." in out and "Lưu ý: Nhận sau hạn" in out
    book = load_bytes((board.root / "submissions/2023/dot.yaml").read_bytes()).data["so_tiep_nhan"]
    assert book[-1] == {
        "tep": "loc-thang/bao-cao.yaml",
        "thoi_diem": "2023-12-02T08:00:00+07:00",
        "hinh_thuc": "truc-tiep",
        "nguoi_ghi": "btc-admin",
        "ghi_chu": "Đồng chí Bí thư mang đến",
    }
    assert (board.root / "submissions/2023/loc-thang/bao-cao.yaml").is_file()


ENTRY = {"tep": "loc-an/dang-ky.yaml", "thoi_diem": "2023-02-20T09:30:00+07:00",
         "hinh_thuc": "ban-giay", "nguoi_ghi": "btc-admin", "ghi_chu": "Có dấu: «# và \"»"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "nam: 2023\nten: Đợt",  # no book yet, no final newline
        "nam: 2023\nso_tiep_nhan: []  # rỗng\nten: Đợt\n",
        "so_tiep_nhan:\n- tep: a/dang-ky.yaml\n  ghi_chu: >-\n    gấp\n\n\n# cuối\nnam: 2023\n",
    ],
)
def test_append_receipt_keeps_everything_else(text: str) -> None:
    new, line = append_receipt(text, ENTRY)
    data = load_bytes(new.encode()).data
    assert data["so_tiep_nhan"][-1] == ENTRY
    assert new.splitlines()[line - 1].lstrip(" -").startswith("tep: loc-an/dang-ky.yaml")
    for old in text.splitlines():
        if old.startswith("#") or "ten:" in old:
            assert old in new.splitlines()
