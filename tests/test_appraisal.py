"""Appraisal: who may score what, how scores combine, and who may be rated "Hoàn thành xuất
sắc nhiệm vụ"."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

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


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (100, "xuat-sac"),
        (90, "xuat-sac"),
        (89.5, "tot"),
        (75, "tot"),
        (74.99, "dat"),
        (50, "dat"),
        (49.5, "khong-dat"),
        (0, "khong-dat"),
    ],
)
def test_classification_at_the_exact_thresholds(score: float, level: str) -> None:
    from sangtao.model import Appraisal

    appraisal = Appraisal.from_data(appraisal_config())
    found = appraisal.classify(score)
    assert found is not None and found.code == level


def test_combined_score_on_a_threshold(appraised: Repo) -> None:
    # 38 + 52 = 90 and 36 + 54 = 90: the mean is exactly the "Xuất sắc" threshold
    appraised.write(
        f"{SHEETS}/loc-an/tt-truong.yaml", dump(sheet("tt-truong", "loc-an", scores=(38, 52)))
    )
    appraised.write(
        f"{SHEETS}/loc-an/tv-mot.yaml", dump(sheet("tv-mot", "loc-an", scores=(36, 54)))
    )
    appraised.commit("Chấm", "2023-12-10T09:00:00+07:00")
    model = {
        u.unit.code: u.collective
        for u in take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023].units
    }["loc-an"]
    assert model.outcome is not None and model.outcome.combined == 90.0
    assert model.outcome.level is not None and model.outcome.level.code == "xuat-sac"
    assert model.outcome.commendation is not None  # 90 ≥ 85 and the report asked for it


def test_every_eligibility_reason(repo: Repo) -> None:
    units = {
        u: [f"vp-{u}"]
        for u in ("dung-han", "khong-dang-ky", "dang-ky-tre", "khong-bao-cao", "bao-cao-tre")
    }
    repo.write("submissions/don-vi.yaml", dump(roster(units)))
    repo.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config())))
    for unit in ("dung-han", "khong-bao-cao", "bao-cao-tre"):
        repo.write(f"submissions/2023/{unit}/dang-ky.yaml", dump(registration(unit)))
    repo.commit("Đăng ký đúng hạn", "2023-02-20T09:00:00+07:00")
    repo.write("submissions/2023/dang-ky-tre/dang-ky.yaml", dump(registration("dang-ky-tre")))
    repo.commit("Đăng ký trễ", "2023-03-05T09:00:00+07:00")
    for unit in ("dung-han", "dang-ky-tre"):
        repo.write(f"submissions/2023/{unit}/bao-cao.yaml", dump(report(unit)))
    repo.commit("Báo cáo", "2023-11-25T09:00:00+07:00")
    repo.write("submissions/2023/bao-cao-tre/bao-cao.yaml", dump(report("bao-cao-tre")))
    repo.commit("Báo cáo trễ", "2023-12-03T09:00:00+07:00")
    status = take_snapshot(repo.root, AFTER_APPRAISAL).statuses[2023]
    reasons = {u.unit.code: u.collective.eligibility.reasons for u in status.units}
    assert reasons == {
        "dung-han": ("Chưa được thẩm định (chưa đủ phiếu chấm khi hết hạn thẩm định)",),
        "khong-dang-ky": ("Không đăng ký mô hình (Công văn 833-CV/HU: không thẩm định)",),
        "dang-ky-tre": ("Đăng ký trễ hạn, không được gia hạn",),
        "khong-bao-cao": (
            "Đăng ký nhưng không báo cáo kết quả (Công văn 833-CV/HU: không thẩm định)",
        ),
        "bao-cao-tre": ("Báo cáo kết quả trễ hạn, không được gia hạn",),
    }


def test_unpublished_results_are_absent_from_the_built_site(
    appraised: Repo, tmp_path: Path
) -> None:
    import shutil
    import subprocess
    import sys

    from conftest import PROJECT

    shutil.copy(PROJECT / "mkdocs.yml", appraised.root / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", appraised.root / "docs")
    # totals 93 and 83.5 → combined 88.25; none of these numbers may leave before publication
    appraised.write(
        f"{SHEETS}/loc-an/tt-truong.yaml", dump(sheet("tt-truong", "loc-an", scores=(39.5, 53.5)))
    )
    appraised.write(
        f"{SHEETS}/loc-an/tv-mot.yaml", dump(sheet("tv-mot", "loc-an", scores=(31, 52.5)))
    )
    appraised.commit("Chấm", "2023-12-10T09:00:00+07:00")

    def build(out: Path) -> str:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SANGTAO_NOW="2023-12-25T09:00:00+07:00")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=appraised.root,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        texts = []
        for path in out.rglob("*"):
            if path.suffix in (".html", ".json", ".csv", ".ics", ".js"):
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
            elif path.suffix == ".xlsx":
                import zipfile

                with zipfile.ZipFile(path) as book:
                    texts.extend(
                        book.read(n).decode("utf-8", "replace")
                        for n in book.namelist()
                        if n.endswith(".xml")
                    )
        return "\n".join(texts)

    hidden = build(tmp_path / "an")
    for secret in ("88.25", "39.5", "53.5", "52.5"):
        assert not re.search(rf"(?<![\d.]){re.escape(secret)}(?![\d])", hidden), secret
    assert "2/2" in hidden  # the progress of the appraisal is public: sheets in / minimum
    config = appraisal_config(published=True)
    appraised.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=config)))
    appraised.commit("Công bố", "2023-12-21T09:00:00+07:00")
    shown = build(tmp_path / "cong-bo")
    assert "88.25" in shown and "39.5" in shown


def test_one_vote_per_appraiser_whatever_the_case_of_the_file_name(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    appraised.git("checkout", "--quiet", "-b", "cham")
    appraised.write(f"{SHEETS}/loc-an/tt-truong.yaml", dump(sheet("tt-truong", "loc-an")))
    appraised.write(
        f"{SHEETS}/loc-an/TT-Truong.yaml", dump(sheet("TT-Truong", "loc-an", scores=(40, 60)))
    )
    appraised.commit("Hai phiếu", "2023-12-10T09:00:00+07:00")
    rules = _gate(appraised, "tt-truong", "2023-12-10T09:00:00+07:00", capsys)
    assert rules == ["gate.not-own-sheet", "score.file-name"]
    model = {
        u.unit.code: u.collective
        for u in take_snapshot(appraised.root, AFTER_APPRAISAL).statuses[2023].units
    }["loc-an"]
    assert model.outcome is not None and not model.outcome.complete  # still one vote


def test_a_leader_cannot_rewrite_a_members_sheet_after_the_deadline(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    appraised.write(f"{SHEETS}/loc-thang/tv-hai.yaml", dump(sheet("tv-hai")))
    appraised.commit("Phiếu", "2023-12-10T09:00:00+07:00")
    appraised.git("checkout", "--quiet", "-b", "sua")
    appraised.write(f"{SHEETS}/loc-thang/tv-hai.yaml", dump(sheet("tv-hai", scores=(1, 1))))
    appraised.commit("Sửa điểm người khác", "2023-12-21T09:00:00+07:00")
    assert _gate(appraised, "tt-truong", "2023-12-21T09:00:00+07:00", capsys) == [
        "gate.not-own-sheet"
    ]


# An empty value a clerk fills in; the list head `diem:` at the left margin stays a list.
_BLANK = re.compile(
    r"^(?:(?P<lead>\s+)(?P<key>diem|nhan_xet)|(?P<top>nhan_xet_chung|de_xuat_xep_loai|khong_xung_dot|ngay)):$"
)


def test_new_score_template_from_the_rubric_filled_passes(
    appraised: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--root", str(appraised.root), "new", "score", "--cycle", "2023"]
    assert cli.main([*base, "--unit", "loc-thang", "--nguoi-cham", "tv-mot"]) == 2
    assert "không chấm loc-thang" in capsys.readouterr().err
    assert cli.main([*base, "--unit", "loc-thang", "--nguoi-cham", "ai-do"]) == 2
    assert "tt-truong, tv-mot, tv-hai" in capsys.readouterr().err
    assert cli.main([*base, "--unit", "loc-thang", "--nguoi-cham", "tt-truong"]) == 0
    rel = f"{SHEETS}/loc-thang/tt-truong.yaml"
    assert capsys.readouterr().out.startswith(f"Đã tạo {rel}.")
    template = (appraised.root / rel).read_text(encoding="utf-8")
    # The rubric of dot.yaml: each criterion with its maximum, the levels with thresholds.
    assert "# Tính mới, sáng tạo: từ 0 đến 40 điểm, chấm lẻ 0,5 điểm" in template
    assert "  - tieu_chi: hieu-qua\n    diem:\n    nhan_xet:\n" in template
    assert "xuat-sac = Xuất sắc (từ 90 điểm)" in template
    assert "Tổng điểm tối đa: 100" in template
    assert '"2023-12-10"' in template  # the example in the cycle's year
    code, found = check(appraised, capsys)
    assert code == 1 and found and {path for path, _ in found} == {rel}

    values = {
        "diem": "30",
        "nhan_xet": '"Có điểm mới so với cách làm cũ."',
        "nhan_xet_chung": '"Mô hình thiết thực, có số liệu."',
        "de_xuat_xep_loai": "tot",
        "khong_xung_dot": "true",
        "ngay": "2023-12-09",
    }
    filled = [
        f"{line} {values[m['key'] or m['top']]}" if (m := _BLANK.match(line)) else line
        for line in template.splitlines()
    ]
    (appraised.root / rel).write_text("\n".join(filled) + "\n", encoding="utf-8")
    assert check(appraised, capsys) == (0, [])
    assert cli.main([*base, "--unit", "loc-thang", "--nguoi-cham", "tt-truong"]) == 2
