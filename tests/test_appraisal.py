"""Appraisal: who may score what, how scores combine, and who may be rated "Hoàn thành xuất
sắc nhiệm vụ"."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sangtao import cli
from sangtao.pipeline import take_snapshot

from builders import appraisal_config, cycle, dump, registration, report, roster, sheet
from conftest import Repo

VN = dt.timezone(dt.timedelta(hours=7))
SHEETS = "submissions/2023/tham-dinh"
AFTER_APPRAISAL = dt.datetime(2023, 12, 25, tzinfo=VN)


@pytest.fixture
def appraised(repo: Repo) -> Repo:
    """loc-thang and loc-an registered and reported on time; loc-bac registered, never reported."""
    repo.write(
        "submissions/don-vi.yaml",
        dump(
            roster(
                {"loc-thang": ["vp-lt"], "loc-an": ["vp-la"], "loc-bac": ["vp-lb"]},
                admins=("btc-admin",),
            )
        ),
    )
    repo.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config())))
    for unit in ("loc-thang", "loc-an", "loc-bac"):
        repo.write(f"submissions/2023/{unit}/dang-ky.yaml", dump(registration(unit)))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    for unit in ("loc-thang", "loc-an"):
        repo.write(
            f"submissions/2023/{unit}/bao-cao.yaml",
            dump(report(unit, de_nghi_khen_thuong=unit == "loc-an")),
        )
    repo.commit("Báo cáo", "2023-11-25T09:00:00+07:00")
    return repo


def check(
    repo: Repo, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, list[tuple[str, str]]]:
    code = cli.main(
        [
            "--root",
            str(repo.root),
            "check",
            "--format",
            "json",
            "--now",
            "2023-12-10T09:00:00+07:00",
            *extra,
        ]
    )
    return code, [(p["path"], p["rule"]) for p in json.loads(capsys.readouterr().out)]


def test_conflicts_of_interest_are_refused(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    appraised.write(f"{SHEETS}/loc-thang/tv-mot.yaml", dump(sheet("tv-mot")))  # own unit
    appraised.write(f"{SHEETS}/loc-an/tv-hai.yaml", dump(sheet("tv-hai", "loc-an")))  # declared
    code, problems = check(appraised, capsys)
    assert code == 1
    assert problems == [
        (f"{SHEETS}/loc-an/tv-hai.yaml", "score.conflict"),
        (f"{SHEETS}/loc-thang/tv-mot.yaml", "score.conflict"),
    ]


def test_a_sheet_for_a_model_that_did_not_report(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    appraised.write(f"{SHEETS}/loc-bac/tt-truong.yaml", dump(sheet("tt-truong", "loc-bac")))
    code, problems = check(appraised, capsys)
    assert (code, problems) == (1, [(f"{SHEETS}/loc-bac/tt-truong.yaml", "score.not-appraisable")])


def test_scores_within_bounds_all_criteria_known_member(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = sheet("tt-truong", scores=(45, 50))
    bad["diem"].append({"tieu_chi": "khac", "diem": 1, "nhan_xet": "Tiêu chí lạ."})
    appraised.write(f"{SHEETS}/loc-thang/tt-truong.yaml", dump(bad))
    appraised.write(f"{SHEETS}/loc-an/nguoi-la.yaml", dump(sheet("nguoi-la", "loc-an")))
    code, problems = check(appraised, capsys)
    assert code == 1
    assert problems == [
        (f"{SHEETS}/loc-an/nguoi-la.yaml", "score.not-member"),
        (f"{SHEETS}/loc-thang/tt-truong.yaml", "score.out-of-bounds"),
        (f"{SHEETS}/loc-thang/tt-truong.yaml", "score.unknown-criterion"),
    ]


def test_outcome_combines_and_flags_disagreement(appraised: Repo) -> None:
    appraised.write(
        f"{SHEETS}/loc-an/tt-truong.yaml", dump(sheet("tt-truong", "loc-an", scores=(38, 57)))
    )  # 95
    appraised.write(
        f"{SHEETS}/loc-an/tv-mot.yaml", dump(sheet("tv-mot", "loc-an", scores=(30, 45)))
    )  # 75
    appraised.write(
        f"{SHEETS}/loc-thang/tt-truong.yaml", dump(sheet("tt-truong", scores=(30, 50)))
    )  # only one
    appraised.commit("Chấm", "2023-12-10T09:00:00+07:00")
    status = take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023]
    models = {u.unit.code: u.collective for u in status.units}
    result = models["loc-an"].outcome
    assert result is not None and result.complete
    assert (result.combined, result.spread, result.disagreement) == (85.0, 20.0, True)
    assert result.level is not None and result.level.code == "tot"
    assert (
        result.commendation is not None and result.commendation.code == "giay-khen"
    )  # requested in the report
    assert dict(result.by_criterion) == {"tinh-moi": 34.0, "hieu-qua": 51.0}
    assert models["loc-an"].eligibility.state == "eligible"
    # one sheet is not enough: loc-thang was not appraised by the deadline
    assert models["loc-thang"].outcome is not None and not models["loc-thang"].outcome.complete
    assert models["loc-thang"].eligibility.state == "not_eligible"
    assert models["loc-thang"].eligibility.reasons == (
        "Chưa được thẩm định (chưa đủ phiếu chấm khi hết hạn thẩm định)",
    )
    assert models["loc-bac"].eligibility.reasons == (
        "Đăng ký nhưng không báo cáo kết quả (Công văn 833-CV/HU: không thẩm định)",
    )


def test_median_and_minimum_level_rule(appraised: Repo) -> None:
    config = appraisal_config(
        cach_tinh="trung-vi", xep_loai_toi_thieu_xuat_sac="xuat-sac", so_phieu_toi_thieu=3
    )
    appraised.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=config)))
    for account, scores in (("tt-truong", (40, 55)), ("tv-hai", (36, 50))):
        appraised.write(f"{SHEETS}/loc-thang/{account}.yaml", dump(sheet(account, scores=scores)))
    appraised.commit("Chấm", "2023-12-10T09:00:00+07:00")
    model = {
        u.unit.code: u.collective
        for u in take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023].units
    }["loc-thang"]
    assert model.outcome is not None and not model.outcome.complete  # 2 of 3 sheets
    config["so_phieu_toi_thieu"] = 2
    appraised.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=config)))
    model = {
        u.unit.code: u.collective
        for u in take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023].units
    }["loc-thang"]
    assert model.outcome is not None and model.outcome.combined == 90.5  # median of 95 and 86
    assert model.eligibility.state == "eligible"
    config["xep_loai"][0]["tu_diem"] = 92
    appraised.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=config)))
    model = {
        u.unit.code: u.collective
        for u in take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023].units
    }["loc-thang"]
    assert model.eligibility.reasons == (
        "Mô hình xếp loại «Tốt», thấp hơn mức tối thiểu «Xuất sắc» của đợt",
    )


def _gate(repo: Repo, actor: str, now: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    cli.main(
        [
            "--root",
            str(repo.root),
            "check",
            "--base",
            "main",
            "--actor",
            actor,
            "--now",
            now,
            "--format",
            "json",
        ]
    )
    return [p["rule"] for p in json.loads(capsys.readouterr().out)]


def test_gate_appraisers_own_sheets_and_the_deadline(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    appraised.git("checkout", "--quiet", "-b", "cham")
    appraised.write(f"{SHEETS}/loc-an/tt-truong.yaml", dump(sheet("tt-truong", "loc-an")))
    appraised.commit("Phiếu", "2023-12-10T09:00:00+07:00")
    before, after = "2023-12-10T09:00:00+07:00", "2023-12-21T09:00:00+07:00"
    assert _gate(appraised, "tt-truong", before, capsys) == []
    assert _gate(appraised, "tv-hai", before, capsys) == ["gate.not-own-sheet"]
    assert _gate(appraised, "vp-la", before, capsys) == ["gate.not-appraiser"]
    assert _gate(appraised, "tt-truong", after, capsys) == []  # the leader closes the appraisal
    appraised.write(f"{SHEETS}/loc-thang/tv-hai.yaml", dump(sheet("tv-hai")))
    appraised.commit("Phiếu muộn", "2023-12-21T09:00:00+07:00")
    assert "gate.appraisal-closed" in _gate(appraised, "tv-hai", after, capsys)
    assert _gate(appraised, "btc-admin", after, capsys) == []
