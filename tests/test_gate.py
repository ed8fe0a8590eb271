"""The pull-request gate on real repositories: lateness by the CI clock, ownership from the
base branch's roster, and the shape of the change."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sangtao import cli

from builders import cycle, dump, registration, roster
from conftest import PROJECT, Repo, time_limit

REG = "submissions/2023/loc-thang/dang-ky.yaml"
UNIT = "vp-loc-thang"
ADMIN = "btc-admin"
# The deadline is 2023-02-28T23:59:59+07:00 = 16:59:59 UTC; CI runners keep UTC.
ONE_MINUTE_BEFORE = "2023-02-28T16:58:59Z"
ONE_MINUTE_AFTER = "2023-02-28T17:00:59Z"


@pytest.fixture
def base(repo: Repo) -> Repo:
    """main: the roster and the 2023 cycle; then a branch `pr` for the unit's change."""
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle()))
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Mở đợt 2023", "2023-01-10T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    return repo


def gate(
    repo: Repo, actor: str | None, now: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, object]]]:
    args = ["--root", str(repo.root), "check", "--base", "main", "--format", "json", "--now", now]
    if actor:
        args += ["--actor", actor]
    code = cli.main(args)
    # problems already on main are listed too, marked "blocking": false
    return code, [p for p in json.loads(capsys.readouterr().out) if p.get("blocking", True)]


def rules(problems: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(p["path"], p["rule"]) for p in problems]


def test_one_minute_before_the_deadline_passes(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    base.write(REG, dump(registration()))
    base.commit("Đăng ký", "2023-02-28T23:58:00+07:00")
    assert gate(base, UNIT, ONE_MINUTE_BEFORE, capsys) == (0, [])


def test_one_minute_after_the_deadline_is_late(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    base.write(REG, dump(registration()))
    base.commit("Đăng ký", "2023-02-28T23:58:00+07:00")
    code, problems = gate(base, UNIT, ONE_MINUTE_AFTER, capsys)
    assert code == 1
    assert rules(problems) == [(REG, "gate.late")]
    assert (
        problems[0]["message"]
        == "Nộp sau hạn: hạn là 23:59 ngày 28/02/2023, lúc này là 00:00 ngày 01/03/2023"
    )
    assert "gia hạn" in str(problems[0]["hint"])


def test_a_backdated_commit_is_still_late(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    base.write(REG, dump(registration()))
    base.commit("Đăng ký (ghi lùi ngày)", "2023-02-01T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-03-05T09:00:00+07:00", capsys)
    assert (code, rules(problems)) == (1, [(REG, "gate.late")])


def test_changing_a_landed_document_after_the_deadline_is_late(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    data = registration("loc-an", ten_mo_hinh="Tên khác hẳn của mô hình")
    base.write("submissions/2023/loc-an/dang-ky.yaml", dump(data))
    base.commit("Sửa", "2023-03-05T09:00:00+07:00")
    code, problems = gate(base, "vp-loc-an", "2023-03-05T09:00:00+07:00", capsys)
    assert code == 1
    assert str(problems[0]["message"]).startswith("Sửa sau hạn")


def test_an_extension_on_main_lets_the_unit_submit(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    extension = {
        "don_vi": "loc-thang",
        "van_ban": "dang-ky",
        "han_moi": "2023-03-10T23:59:59+07:00",
        "co_quan": "Ban Tổ chức Huyện ủy",
        "ngay": "2023-02-27",
        "ly_do": "Đại hội chi bộ",
    }
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle(gia_han=[extension])))
    repo.commit("Gia hạn", "2023-02-27T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký", "2023-03-05T08:00:00+07:00")
    assert gate(repo, UNIT, "2023-03-05T08:00:00+07:00", capsys) == (0, [])
    code, problems = gate(repo, UNIT, "2023-03-11T08:00:00+07:00", capsys)
    assert code == 1
    assert "(đã gồm gia hạn)" in str(problems[0]["message"])


def test_a_unit_cannot_grant_itself_an_extension(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    extension = {
        "don_vi": "loc-thang",
        "van_ban": "dang-ky",
        "han_moi": "2023-03-10T23:59:59+07:00",
        "co_quan": "Ban Tổ chức Huyện ủy",
        "ngay": "2023-02-27",
        "ly_do": "Tự cho mình",
    }
    base.write("submissions/2023/dot.yaml", dump(cycle(gia_han=[extension])))
    base.write(REG, dump(registration()))
    base.commit("Đăng ký kèm gia hạn tự ghi", "2023-03-05T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-03-05T08:00:00+07:00", capsys)
    assert code == 1
    assert rules(problems) == [("submissions/2023/dot.yaml", "gate.board-only"), (REG, "gate.late")]


def test_another_units_folder_the_roster_and_a_workflow(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    base.write(
        "submissions/2023/loc-an/dang-ky.yaml",
        dump(registration("loc-an", ten_mo_hinh="Sửa trộm của đơn vị khác")),
    )
    admins = roster()
    admins["quan_tri"].append({"tai_khoan": UNIT, "ho_ten": "Tự phong"})
    base.write("submissions/don-vi.yaml", dump(admins))
    base.write(".github/workflows/x.yml", "on: push\n")
    base.commit("Vượt quyền", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert rules(problems) == [
        (".github/CODEOWNERS", "codeowners.stale"),  # a repository with .github/ needs one
        (".github/workflows/x.yml", "gate.board-only"),
        ("submissions/2023/loc-an/dang-ky.yaml", "gate.not-owner"),
        ("submissions/don-vi.yaml", "gate.board-only"),
    ]
    # the roster of the change made the unit an admin; the roster of main did not
    assert "Tài khoản «vp-loc-thang» không được nộp thay đơn vị «loc-an»" in str(
        problems[2]["message"]
    )


def test_a_rename_that_hides_a_deletion(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (base.root / "submissions/2023/loc-an/ca-nhan/nguoi-moi").mkdir(parents=True)
    base.git(
        "mv",
        "submissions/2023/loc-an/dang-ky.yaml",
        "submissions/2023/loc-an/ca-nhan/nguoi-moi/dang-ky.yaml",
    )
    base.commit("Đổi tên", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, "vp-loc-an", "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert ("submissions/2023/loc-an/dang-ky.yaml", "gate.delete") in rules(problems)


def test_a_symlink(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    target = base.root / REG
    target.parent.mkdir(parents=True)
    os.symlink("/etc/passwd", target)
    base.commit("Symlink", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert (REG, "gate.mode") in rules(problems)
    assert (REG, "layout.symlink") in rules(problems)


def test_an_executable_file(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    path = base.write(REG, dump(registration()))
    path.chmod(0o755)
    base.commit("Thực thi", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert (code, rules(problems)) == (1, [(REG, "gate.mode")])
    assert problems[0]["message"] == "Không được nộp tệp có quyền thực thi"


def test_a_case_only_look_alike_folder(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    rel = "submissions/2023/Loc-Thang/dang-ky.yaml"
    base.write(rel, dump(registration()))
    base.commit("Thư mục giả", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert (rel, "layout.look-alike") in rules(problems)
    assert (rel, "gate.not-owner") in rules(problems)


def test_a_board_admin_may_do_what_a_unit_may_not(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    book = [
        {
            "tep": "loc-thang/dang-ky.yaml",
            "thoi_diem": "2023-02-27T10:00:00+07:00",
            "hinh_thuc": "ban-giay",
            "nguoi_ghi": ADMIN,
        }
    ]
    base.write("submissions/2023/dot.yaml", dump(cycle(so_tiep_nhan=book)))
    base.write(REG, dump(registration()))
    base.git("rm", "--quiet", "submissions/2023/loc-an/dang-ky.yaml")
    base.commit("Nhập hồ sơ giấy, rút hồ sơ", "2023-03-20T08:00:00+07:00")
    assert gate(base, ADMIN, "2023-03-20T08:00:00+07:00", capsys) == (0, [])
    code, problems = gate(base, UNIT, "2023-03-20T08:00:00+07:00", capsys)
    assert code == 1  # the same change from a unit account
    assert set(rules(problems)) >= {
        ("submissions/2023/dot.yaml", "gate.board-only"),
        ("submissions/2023/loc-an/dang-ky.yaml", "gate.not-owner"),
    }


def test_accounts_compare_without_case(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    base.write(REG, dump(registration()))
    base.commit("Đăng ký", "2023-02-10T08:00:00+07:00")
    assert gate(base, "VP-Loc-Thang", "2023-02-10T08:00:00+07:00", capsys) == (0, [])


def test_unknown_base_is_a_usage_error(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(base.root), "check", "--base", "khong-co"]) == 2
    assert "Không tìm thấy điểm chung" in capsys.readouterr().err


def test_github_format_writes_a_step_summary(
    base: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    base.write(
        "submissions/2023/loc-an/dang-ky.yaml",
        dump(registration("loc-an", ten_mo_hinh="[bấm](https://x.invalid) | <b>")),
    )
    base.commit("Sửa của đơn vị khác", "2023-02-10T08:00:00+07:00")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = cli.main(
        [
            "--root",
            str(base.root),
            "check",
            "--base",
            "main",
            "--actor",
            UNIT,
            "--now",
            "2023-02-10T08:00:00+07:00",
            "--format",
            "github",
        ]
    )
    assert code == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "::error file=submissions/2023/loc-an/dang-ky.yaml,line=1,title=gate.not-owner::"
    )
    text = summary.read_text(encoding="utf-8")
    assert "## Kết quả kiểm tra hồ sơ" in text
    assert "Người gửi: `vp\\-loc\\-thang` — tài khoản đơn vị" not in text  # '-' is not escaped
    assert "Người gửi: `vp-loc-thang` — tài khoản đơn vị" in text
    assert "| submissions/2023/loc\\-an/dang\\-ky.yaml |" not in text
    assert "**1 lỗi**" in text


def test_a_paper_receipt_does_not_let_a_unit_rewrite_late(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    book = [
        {
            "tep": "loc-thang/dang-ky.yaml",
            "thoi_diem": "2023-02-27T10:00:00+07:00",
            "hinh_thuc": "ban-giay",
            "nguoi_ghi": ADMIN,
        }
    ]
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle(so_tiep_nhan=book)))
    repo.write(REG, dump(registration()))
    repo.commit("Nhập hồ sơ giấy", "2023-03-01T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    repo.write(REG, dump(registration(ten_mo_hinh="Viết lại sau hạn cho đẹp hơn")))
    repo.commit("Sửa", "2023-03-05T08:00:00+07:00")
    code, problems = gate(repo, UNIT, "2023-03-05T08:00:00+07:00", capsys)
    assert (code, rules(problems)) == (1, [(REG, "gate.late")])
    assert gate(repo, ADMIN, "2023-03-05T08:00:00+07:00", capsys) == (0, [])


def test_evidence_follows_its_reports_deadline(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    base.write("submissions/2023/loc-an/minh-chung/anh.png", "ảnh mới")
    base.commit("Đổi minh chứng", "2023-12-05T08:00:00+07:00")
    code, problems = gate(base, "vp-loc-an", "2023-12-05T08:00:00+07:00", capsys)
    assert code == 1
    assert ("submissions/2023/loc-an/minh-chung/anh.png", "gate.late") in rules(problems)


def test_the_districts_own_registration_has_its_own_deadline(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    district = roster()
    district["huyen"]["ma"] = "huyen-uy"
    repo.write("submissions/don-vi.yaml", dump(district))
    han = {
        "dang_ky": "2023-02-28T23:59:59+07:00",
        "bao_cao": "2023-11-30T23:59:59+07:00",
        "tham_dinh": "2023-12-20T23:59:59+07:00",
        "dang_ky_cap_huyen": "2023-03-15T23:59:59+07:00",
    }
    repo.write("submissions/2023/dot.yaml", dump(cycle(han=han)))
    repo.commit("Mở đợt", "2023-01-10T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    repo.write("submissions/2023/huyen-uy/dang-ky.yaml", dump(registration("huyen-uy")))
    repo.commit("Mô hình của Huyện ủy", "2023-03-05T08:00:00+07:00")
    assert gate(repo, ADMIN, "2023-03-05T08:00:00+07:00", capsys) == (0, [])
    code, problems = gate(repo, ADMIN, "2023-03-16T08:00:00+07:00", capsys)
    assert code == 1
    assert rules(problems) == [("submissions/2023/huyen-uy/dang-ky.yaml", "gate.late")]


def test_a_subfolder_project_judges_every_path_of_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The forge reads workflows at the top of the repository, outside the project's folder:
    a unit's change there is refused like any change outside submissions/."""
    top = Repo(tmp_path / "lon")
    top.root.mkdir()
    top.git("init", "--quiet", "--initial-branch=main")
    project = Repo(top.root / "sangtao")
    shutil.copytree(PROJECT / "schema", project.root / "schema")
    project.write("submissions/don-vi.yaml", dump(roster()))
    project.write("submissions/2023/dot.yaml", dump(cycle()))
    top.write(".github/workflows/kiem-tra.yml", "on: pull_request\n")
    # CODEOWNERS where the forge reads it, naming the project's paths with their prefix
    assert cli.main(["--root", str(project.root), "codeowners"]) == 0
    capsys.readouterr()
    owners = (top.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "*  @btc-admin\n/sangtao/submissions/*/*/\n" in owners
    assert "/sangtao/submissions/*/dot.yaml  @btc-admin\n" in owners
    assert not (project.root / ".github").exists()
    top.commit("Mở đợt", "2023-01-10T08:00:00+07:00")
    top.git("checkout", "--quiet", "-b", "pr")
    project.write(REG, dump(registration()))
    top.write(".github/workflows/kiem-tra.yml", "on: pull_request\njobs: {}\n")
    top.commit("Đăng ký, và thay cổng kiểm tra", "2023-02-10T08:00:00+07:00")
    code, problems = gate(project, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert rules(problems) == [("../.github/workflows/kiem-tra.yml", "gate.outside")]
    assert gate(project, ADMIN, "2023-02-10T08:00:00+07:00", capsys) == (0, [])


# -- judge the change: what was broken on main blocks nobody else ---------------------------

BROKEN_A = "submissions/2023/loc-an/dang-ky.yaml"


@pytest.fixture
def broken_main(repo: Repo) -> Repo:
    """main holds a broken registration of unit A (loc-an), pushed by an admin."""
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle()))
    data = registration("loc-an")
    del data["ten_mo_hinh"]
    repo.write(BROKEN_A, dump(data))
    repo.commit("Quản trị đẩy một tệp lỗi", "2023-01-10T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    return repo


def test_a_broken_file_on_main_does_not_block_another_units_pr(
    broken_main: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_main.write(REG, dump(registration()))
    broken_main.commit("Đăng ký của B", "2023-02-10T08:00:00+07:00")
    args = ["--root", str(broken_main.root), "check", "--base", "main", "--actor", UNIT]
    args += ["--now", "2023-02-10T08:00:00+07:00"]
    assert cli.main([*args, "--format", "json"]) == 0
    problems = json.loads(capsys.readouterr().out)
    assert [(p["path"], p["rule"], p["blocking"]) for p in problems] == [
        (BROKEN_A, "schema.required", False)
    ]
    assert cli.main([*args, "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert f"\n::notice file={BROKEN_A},line=1,title=schema.required::" in out
    assert "::error" not in out
    assert cli.main(args) == 0
    text = capsys.readouterr().out
    assert "1 lỗi có sẵn trên nhánh gốc, không do thay đổi này gây ra (không chặn):" in text
    # without --base, check still reports everything
    assert cli.main(["--root", str(broken_main.root), "check"]) == 1


def test_a_units_pr_that_leaves_its_broken_file_broken_is_blocked(
    broken_main: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    data = registration("loc-an", muc_tieu=["Sửa chỗ khác, vẫn thiếu tên mô hình"])
    del data["ten_mo_hinh"]
    broken_main.write(BROKEN_A, dump(data))
    broken_main.commit("Sửa nhưng vẫn lỗi", "2023-02-10T08:00:00+07:00")
    code, problems = gate(broken_main, "vp-loc-an", "2023-02-10T08:00:00+07:00", capsys)
    assert (code, rules(problems)) == (1, [(BROKEN_A, "schema.required")])


def test_a_new_problem_the_change_causes_elsewhere_blocks(
    base: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """An admin drops loc-an from the roster: loc-an's untouched registration breaks."""
    smaller = roster()
    smaller["don_vi"] = [u for u in smaller["don_vi"] if u["ma"] != "loc-an"]
    base.write("submissions/don-vi.yaml", dump(smaller))
    base.commit("Bỏ một đơn vị", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, ADMIN, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert ("submissions/2023/loc-an/dang-ky.yaml", "layout.unknown-unit") in rules(problems)


def test_the_step_summary_lists_mains_problems_apart(
    broken_main: Repo,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    broken_main.write(REG, dump(registration()))
    broken_main.commit("Đăng ký của B", "2023-02-10T08:00:00+07:00")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    args = ["--root", str(broken_main.root), "check", "--base", "main", "--actor", UNIT]
    args += ["--now", "2023-02-10T08:00:00+07:00", "--format", "github"]
    assert cli.main(args) == 0
    text = summary.read_text(encoding="utf-8")
    assert "**Không có lỗi.**" in text
    assert "### 1 lỗi có sẵn trên nhánh gốc" in text
    assert "Thiếu mục «ten\\_mo\\_hinh»" in text


def test_the_prs_own_schemas_never_judge_it(base: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    """A catastrophic pattern and a schema that is not JSON, brought by the change itself."""
    path = base.root / "schema/dang-ky.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["ten_mo_hinh"]["pattern"] = "^(a+)+$"
    path.write_text(json.dumps(schema), encoding="utf-8")
    (base.root / "schema/dot.schema.json").write_text("{không phải JSON", encoding="utf-8")
    base.write(REG, dump(registration(ten_mo_hinh="a" * 40 + "!")))
    base.commit("Mẫu mới", "2023-02-10T08:00:00+07:00")
    with time_limit(20):
        code, problems = gate(base, ADMIN, "2023-02-10T08:00:00+07:00", capsys)
    assert (code, problems) == (0, [])
    with time_limit(20):
        code, problems = gate(base, UNIT, "2023-02-10T08:00:00+07:00", capsys)
    assert (code, sorted({r for _, r in rules(problems)})) == (1, ["gate.board-only"])


@pytest.mark.parametrize("kind", ["symlink", "file"])
def test_submissions_replaced_by_a_symlink_or_a_file_is_a_problem(
    base: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    elsewhere = tmp_path / "noi-khac"
    shutil.copytree(base.root / "submissions", elsewhere)
    base.git("rm", "-r", "--quiet", "submissions")
    if kind == "symlink":
        (base.root / "submissions").symlink_to(elsewhere)
    else:
        base.write("submissions", "không phải thư mục\n")
    base.commit("Thay thư mục hồ sơ", "2023-02-10T08:00:00+07:00")
    code, problems = gate(base, ADMIN, "2023-02-10T08:00:00+07:00", capsys)
    assert code == 1
    assert ("submissions", "layout.not-a-folder") in rules(problems)
    assert cli.main(["--root", str(base.root), "check"]) == 1
    assert "submissions phải là một thư mục thật" in capsys.readouterr().out
