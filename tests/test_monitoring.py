"""Monitoring and results: progress inside the implementation period, difficulties open until
the board resolves them, reports that need a registration and meet their deadline."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sangtao import cli
from sangtao.corpus import read_corpus
from sangtao.pipeline import take_snapshot

from builders import answer, answers, dump, progress, registration, report, seed
from conftest import Repo

VN = dt.timezone(dt.timedelta(hours=7))
UNIT_DIR = "submissions/2023/loc-thang"


def _problems(repo: Repo) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.rule) for p in read_corpus(repo.root).problems]


def test_progress_outside_the_implementation_period(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.write(f"{UNIT_DIR}/tien-do/2023-12-01.yaml", dump(progress(day="2023-12-01")))
    assert _problems(repo) == [
        (f"{UNIT_DIR}/tien-do/2023-12-01.yaml", 3, "progress.outside-period")
    ]
    message = read_corpus(repo.root).problems[0].message
    assert (
        message
        == "Ngày báo cáo tiến độ 01/12/2023 nằm ngoài thời gian thực hiện đã đăng ký (01/03/2023 – 15/11/2023)"
    )


def test_progress_date_must_match_its_file_name(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.write(f"{UNIT_DIR}/tien-do/2023-05-15.yaml", dump(progress(day="2023-05-16")))
    assert [r for _, _, r in _problems(repo)] == ["progress.date-mismatch"]


def test_progress_and_report_need_a_registration(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/tien-do/2023-05-15.yaml", dump(progress()))
    repo.write(f"{UNIT_DIR}/bao-cao.yaml", dump(report()))
    problems = read_corpus(repo.root).problems
    assert [(p.path, p.rule) for p in problems] == [
        (f"{UNIT_DIR}/bao-cao.yaml", "report.no-registration"),
        (f"{UNIT_DIR}/tien-do/2023-05-15.yaml", "progress.no-registration"),
    ]
    assert problems[0].text() == (
        f"{UNIT_DIR}/bao-cao.yaml:1: Báo cáo kết quả cho một mô hình chưa có bản đăng ký cùng năm — "
        f"Nộp {UNIT_DIR}/dang-ky.yaml trước, hoặc đặt tệp vào đúng thư mục của mô hình đã đăng ký"
    )


def test_evidence_must_exist_and_be_cited(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    cited = report(
        minh_chung=[
            {"tieu_de": "Biên bản", "tep": "bien-ban.pdf"},
            {"tieu_de": "Bài báo", "lien_ket": "https://x.invalid/a"},
        ]
    )
    repo.write(f"{UNIT_DIR}/bao-cao.yaml", dump(cited))
    repo.write(f"{UNIT_DIR}/minh-chung/anh.png", "không phải ảnh thật")
    assert sorted(r for _, _, r in _problems(repo)) == [
        "evidence.unused",
        "report.evidence-missing",
    ]


def test_evidence_needs_one_of_link_or_file(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.write(
        f"{UNIT_DIR}/bao-cao.yaml", dump(report(minh_chung=[{"tieu_de": "Biên bản nghiệm thu"}]))
    )
    problems = read_corpus(repo.root).problems
    assert len(problems) == 1
    assert problems[0].message == "«minh_chung → dòng 1» cần đúng một trong các mục: lien_ket, tep"


def test_answers_must_point_at_a_real_difficulty(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.write(f"{UNIT_DIR}/tien-do/2023-05-15.yaml", dump(progress()))
    repo.write(
        "submissions/2023/giai-dap.yaml",
        dump(
            answers(
                answer(kho_khan=3),
                answer(tep="loc-an/tien-do/2023-05-15.yaml"),
                answer(nguoi_tra_loi="vp-loc-thang"),
            )
        ),
    )
    assert [r for _, _, r in _problems(repo)] == [
        "answers.unknown-difficulty",
        "answers.unknown-file",
        "answers.not-admin",
    ]


def test_a_difficulty_stays_open_until_resolved(repo: Repo) -> None:
    seed(repo)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.write(f"{UNIT_DIR}/tien-do/2023-05-15.yaml", dump(progress()))
    repo.commit("Tiến độ", "2023-05-15T09:00:00+07:00")
    now = dt.datetime(2023, 6, 1, tzinfo=VN)

    def open_ones() -> list[int]:
        status = take_snapshot(repo.root, now).statuses[2023]
        return [d.number for _, d in status.open_difficulties()]

    assert open_ones() == [1, 2]
    repo.write("submissions/2023/giai-dap.yaml", dump(answers(answer(kho_khan=1, resolved=False))))
    assert open_ones() == [1, 2]  # "đang xử lý" is an answer, not a resolution
    repo.write(
        "submissions/2023/giai-dap.yaml",
        dump(answers(answer(kho_khan=1, resolved=False), answer(kho_khan=1, ngay="2023-05-25"))),
    )
    assert open_ones() == [2]
    model = take_snapshot(repo.root, now).statuses[2023].units[0].collective
    assert (model.latest_percent, model.last_update, model.days_since_update(now)) == (
        40,
        dt.date(2023, 5, 15),
        17,
    )


@pytest.mark.parametrize(
    ("now", "extension", "code"),
    [
        ("2023-11-30T16:58:59Z", None, 0),  # one minute before, the runner's clock in UTC
        ("2023-11-30T17:00:59Z", None, 1),  # one minute after
        ("2023-12-05T09:00:00+07:00", "2023-12-10T23:59:59+07:00", 0),
    ],
)
def test_report_deadline_through_the_gate(
    repo: Repo, capsys: pytest.CaptureFixture[str], now: str, extension: str | None, code: int
) -> None:
    extra = {}
    if extension:
        extra["gia_han"] = [
            {
                "don_vi": "loc-thang",
                "van_ban": "bao-cao",
                "han_moi": extension,
                "co_quan": "Ban Tổ chức Huyện ủy",
                "ngay": "2023-11-28",
                "ly_do": "Lũ quét",
            }
        ]
    seed(repo, **extra)
    repo.write(f"{UNIT_DIR}/dang-ky.yaml", dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    repo.write(f"{UNIT_DIR}/bao-cao.yaml", dump(report()))
    repo.commit("Báo cáo", "2023-11-29T09:00:00+07:00")
    result = cli.main(
        [
            "--root",
            str(repo.root),
            "check",
            "--base",
            "main",
            "--actor",
            "vp-loc-thang",
            "--now",
            now,
            "--format",
            "json",
        ]
    )
    problems = json.loads(capsys.readouterr().out)
    assert result == code, problems
    if code:
        assert [p["rule"] for p in problems] == ["gate.late"]


def test_report_states_and_appraisability(repo: Repo) -> None:
    seed(repo)
    for unit in ("loc-thang", "loc-an"):
        repo.write(f"submissions/2023/{unit}/dang-ky.yaml", dump(registration(unit)))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.write(f"{UNIT_DIR}/bao-cao.yaml", dump(report()))
    repo.commit("Báo cáo", "2023-11-25T09:00:00+07:00")
    before = take_snapshot(repo.root, dt.datetime(2023, 11, 28, tzinfo=VN)).statuses[2023]
    units = {u.unit.code: u.collective for u in before.units}
    assert (units["loc-thang"].report.state, units["loc-thang"].appraisal) == (
        "on_time",
        "appraisable",
    )
    assert (units["loc-an"].report.state, units["loc-an"].appraisal) == ("missing", "pending")
    after = take_snapshot(repo.root, dt.datetime(2023, 12, 5, tzinfo=VN)).statuses[2023]
    loc_an = {u.unit.code: u.collective for u in after.units}["loc-an"]
    assert loc_an.appraisal == "not_appraisable"
    assert loc_an.reasons == (
        "Đăng ký nhưng không báo cáo kết quả (Công văn 833-CV/HU: không thẩm định)",
    )
    assert after.reported == 1
