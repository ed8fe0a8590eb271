"""`sangtao --help`, every subcommand's help and argparse's own words are Vietnamese."""

from __future__ import annotations

import argparse

import pytest

from sangtao import cli
from sangtao.cli_words import vietnamese

ENGLISH = (
    "ROOT",
    "usage:",
    "options:",
    "show this help",
    "positional arguments",
    "error:",
    "show program",
)


def _commands() -> list[str]:
    with vietnamese():
        parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_main_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys)
    assert out.startswith("cách dùng: sangtao")
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out
    assert "receive" in out and "nhận hồ sơ giấy" in out
    assert not [word for word in ENGLISH if word in out]


@pytest.mark.parametrize("command", _commands())
def test_every_subcommand_help_is_vietnamese_and_complete(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    out = _help(capsys, command)
    assert out.startswith(f"cách dùng: sangtao {command}")
    assert not [word for word in ENGLISH if word in out]
    with vietnamese():
        parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    undocumented = [
        a.dest for a in sub.choices[command]._actions if not a.help and a.dest != "help"
    ]
    assert undocumented == []  # every option says what it is for


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["new"], "sangtao new: lỗi: thiếu tham số bắt buộc: LOẠI, --unit"),
        (["check", "--format", "xml"], "không có lựa chọn 'xml' (chọn một trong: 'text'"),
        (["khong-co"], "sangtao: lỗi: tham số LỆNH: không có lựa chọn 'khong-co'"),
        (["status", "--cycle", "hai-nghin"], "tham số --cycle: «hai-nghin» không phải một năm"),
        (["--khong-co", "status"], "sangtao: lỗi: tham số không hiểu được: --khong-co"),
        (["status", "--cycle"], "tham số --cycle: cần một giá trị ngay sau tùy chọn này"),
    ],
)
def test_argparse_errors_are_vietnamese(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert err.startswith("cách dùng: sangtao")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # put back after
