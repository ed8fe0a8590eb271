"""The command line's edges: a clock that cannot be, and inputs of `merge` that are not ours."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from sangtao import cli

from builders import seed
from conftest import Repo


@pytest.mark.parametrize(
    "now",
    ["nan", "inf", "-inf", "hôm nay", "9999-12-31T23:59:59+07:00", "1969-12-31T23:59:59Z",
     "2101-01-02T00:00:00+07:00", "0001-01-01"],
)  # fmt: skip
@pytest.mark.parametrize("command", ["check", "status"])
def test_now_must_be_a_finite_instant_between_1970_and_2100(
    repo: Repo, capsys: pytest.CaptureFixture[str], now: str, command: str
) -> None:
    seed(repo)
    assert cli.main(["--root", str(repo.root), command, f"--now={now}"]) == 2
    err = capsys.readouterr().err
    assert "phải là một thời điểm ISO 8601 từ năm 1970 đến năm 2100" in err
    assert "Traceback" not in err


def test_the_edges_of_the_range_are_accepted(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(repo)
    for now in ("1970-01-01T00:00:00Z", "2100-12-31T23:59:59Z"):
        assert cli.main(["--root", str(repo.root), "status", "--now", now]) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "JSON sai cú pháp ở dòng 1, cột 2"),
        ('{"cycles": 5}', "Không phải dữ liệu trạng thái phiên bản"),
        ("[1, 2]", "Không phải dữ liệu trạng thái phiên bản"),
        ('{"schema_version": 3, "cycle": 2023}', "Đợt 2023 thiếu hoặc sai mục «summary»"),
        (
            '{"schema_version": 3, "cycle": 2023, "summary": {"units": "mười"}}',
            "Đợt 2023 thiếu hoặc sai mục «summary»",
        ),
    ],
)
def test_merge_reports_malformed_input_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "huyen.json"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["merge", str(path), "--cycle", "2023"]) == 1
    err = capsys.readouterr().err
    assert f"{path}: {message}" in err
    assert "Lỗi nội bộ" not in err


def test_merge_of_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["merge", str(tmp_path / "khong-co.json"), "--cycle", "2023"]) == 2
    assert json.dumps("Không đọc được")[1:-1] in json.dumps(capsys.readouterr().err)


def test_a_command_runs_with_the_cycle_collector_paused_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Decision 76: the collector's passes find nothing in a batch run's trees; it is paused
    for the command and given back as it was, so an embedding program keeps its own setting."""
    seen: list[bool] = []
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    args = parser.parse_args(["status"])
    monkeypatch.setattr(parser, "parse_args", lambda argv=None: args)
    args.func = lambda _args: seen.append(gc.isenabled()) or 0
    assert gc.isenabled()
    assert cli.main([]) == 0
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        assert cli.main([]) == 0
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()
