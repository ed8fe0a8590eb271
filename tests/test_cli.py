"""The command line: output formats and exit codes, in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sangtao import cli, review

from builders import dump, registration, report, seed
from conftest import Repo

BAD = "submissions/2023/loc-thang/dang-ky.yaml"


@pytest.fixture
def broken(repo: Repo) -> Repo:
    seed(repo)
    data = registration()
    del data["ten_mo_hinh"]
    repo.write(BAD, dump(data))
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    return repo


def test_check_clean(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    assert cli.main(["--root", str(repo.root), "check"]) == 0
    assert capsys.readouterr().out == "Đã kiểm tra 2 tệp: không có lỗi.\n"


def test_check_text(broken: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(broken.root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"{BAD}:1: Thiếu mục «ten_mo_hinh» (Tên mô hình) — Thêm dòng `ten_mo_hinh: …`"
    )
    assert out[-1] == "Đã kiểm tra 4 tệp: 1 lỗi ở 1 tệp."


def test_check_github(broken: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(broken.root), "check", "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(
        f"::error file={BAD},line=1,title=schema.required::Thiếu mục «ten_mo_hinh»"
    )


def test_check_json(broken: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(broken.root), "check", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [(p["path"], p["line"], p["rule"]) for p in problems] == [(BAD, 1, "schema.required")]
    assert set(problems[0]) == {"path", "line", "rule", "message", "hint"}


def test_check_only_given_paths(
    broken: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.root)
    assert cli.main(["check", "submissions/2023/loc-an/dang-ky.yaml"]) == 0
    assert cli.main(["check", BAD]) == 1
    capsys.readouterr()


def test_status_json(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Đăng ký", "2023-03-01T09:00:00+07:00")
    code = cli.main(
        [
            "--root",
            str(repo.root),
            "status",
            "--cycle",
            "2023",
            "--now",
            "2023-03-02T00:00:00+07:00",
            "--format",
            "json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cycle"] == 2023
    assert data["summary"]["registration"] == {"on_time": 0, "extended": 0, "late": 1, "missing": 1}
    units = {u["code"]: u for u in data["units"]}
    assert (
        units["loc-an"]["collective"]["registration"]["received_at"] == "2023-03-01T09:00:00+07:00"
    )
    assert units["loc-thang"]["collective"]["registration"]["overdue"] is True


def test_status_text(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    assert cli.main(["--root", str(repo.root), "status", "--now", "2023-02-01T00:00:00+07:00"]) == 0
    out = capsys.readouterr().out
    assert "còn 27 ngày" in out
    assert "Đã đăng ký 0/2 đơn vị" in out


def test_usage_errors_exit_2(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    with pytest.raises(SystemExit) as caught:
        cli.main(["check", "--format", "xml"])
    assert caught.value.code == 2
    assert cli.main(["--root", str(repo.root), "status", "--now", "hôm qua"]) == 2
    assert cli.main(["--root", str(repo.root), "status", "--cycle", "2019"]) == 2
    err = capsys.readouterr().err
    assert "Lỗi: Thời điểm «hôm qua» phải là một thời điểm ISO 8601" in err
    assert "Lỗi: Không có đợt năm 2019" in err


def test_internal_bug_exits_3_with_a_saved_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], repo: Repo
) -> None:
    seed(repo)

    def boom(*_: object) -> None:
        raise RuntimeError("lỗi lập trình")

    monkeypatch.setattr(review, "read_corpus", boom)
    assert cli.main(["--root", str(repo.root), "check"]) == 3
    err = capsys.readouterr().err
    assert "Lỗi nội bộ của sangtao (không phải lỗi của hồ sơ)" in err
    log = Path(err.split("Chi tiết: ")[1].split(". ")[0])
    assert "RuntimeError: lỗi lập trình" in log.read_text(encoding="utf-8")


def test_module_and_console_script(broken: Repo) -> None:
    for command in (
        [sys.executable, "-m", "sangtao"],
        [str(Path(sys.executable).parent / "sangtao")],
    ):
        result = subprocess.run(
            [*command, "check"], cwd=broken.root, capture_output=True, text=True
        )
        assert result.returncode == 1
        assert result.stdout.endswith("Đã kiểm tra 4 tệp: 1 lỗi ở 1 tệp.\n")
        assert result.stderr == ""


# What `sangtao check` leaves unloaded on a repository whose files are all valid (decision 80):
# the reference validator, GitPython (no score sheet, no forge folder), the site's and the
# exports' libraries, and what only a crash report needs.
NOT_FOR_A_CLEAN_CHECK = frozenset(
    {"jsonschema", "referencing", "git", "jinja2", "mkdocs", "openpyxl", "icalendar", "tempfile"}
)
LOADED_BY = """
import sys
from sangtao.cli import main
code = main(sys.argv[1:])
print(code, " ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def modules_after_check(root: Path, *command: str) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED_BY, *(command or ["check"])],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.stderr == ""
    code, names = result.stdout.splitlines()[-1].split(" ", 1)
    return int(code), set(names.split())


def test_a_clean_check_does_not_load_what_it_does_not_use(repo: Repo) -> None:
    seed(repo)
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    # A whole float where a number is asked for: the compiled test confirms it alone.
    result = [{"chi_tieu": "Đường bê tông", "don_vi_tinh": "km", "truoc": 2, "sau": 8.0}]
    repo.write("submissions/2023/loc-thang/bao-cao.yaml", dump(report(ket_qua=result)))
    code, loaded = modules_after_check(repo.root)
    assert code == 0
    assert loaded & NOT_FOR_A_CLEAN_CHECK == set()


def test_status_reads_the_history_without_gitpython(repo: Repo) -> None:
    seed(repo)
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    code, loaded = modules_after_check(
        repo.root, "status", "--format", "json", "--now", "2023-03-01T00:00:00+07:00"
    )
    assert code == 0
    assert loaded & NOT_FOR_A_CLEAN_CHECK == set()


def test_a_file_with_a_problem_loads_the_reference_validator(broken: Repo) -> None:
    code, loaded = modules_after_check(broken.root)
    assert code == 1
    assert {"jsonschema", "yaml", "sangtao"} <= loaded


def test_merge_district_status_files(
    repo: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seed(repo)
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Đăng ký", "2023-02-01T09:00:00+07:00")
    assert (
        cli.main(
            [
                "--root",
                str(repo.root),
                "status",
                "--now",
                "2023-03-01T00:00:00+07:00",
                "--format",
                "json",
            ]
        )
        == 0
    )
    one = tmp_path / "huyen-a.json"
    one.write_text(capsys.readouterr().out, encoding="utf-8")
    two = tmp_path / "huyen-b.json"
    two.write_text(one.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli.main(["merge", str(one), str(two), "--cycle", "2023"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in merged["districts"]] == ["huyen-a.json", "huyen-b.json"]
    assert merged["total"]["registration"] == {"on_time": 2, "extended": 0, "late": 0, "missing": 2}
    bad = tmp_path / "sai.json"
    bad.write_text("{}", encoding="utf-8")
    assert cli.main(["merge", str(bad), "--cycle", "2023"]) == 1  # malformed input: a problem
    assert "Không phải dữ liệu trạng thái" in capsys.readouterr().err


def test_status_refuses_a_broken_roster(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    repo.write("submissions/don-vi.yaml", "don_vi: [\n")
    assert cli.main(["--root", str(repo.root), "status"]) == 2
    assert "submissions/don-vi.yaml có lỗi" in capsys.readouterr().err
