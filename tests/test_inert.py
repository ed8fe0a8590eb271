"""Output is inert: what a unit writes never acts on a terminal, a CI log or a spreadsheet, and
what a reader cannot see is refused with its position; line numbers are the editor's."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from sangtao import cli
from sangtao.exports import csv_bytes
from sangtao.loader import LoadError, load_bytes
from sangtao.pipeline import take_snapshot

from builders import dump, progress, registration, seed
from conftest import Repo

NOW = "2023-12-25T09:00:00+07:00"
# Erase the line, go up one, print a verdict: what a hostile file name would do to a terminal.
ESCAPES = "\x1b[2K\x1b[1A\rkhông có lỗi\u202e\x9b"


@pytest.fixture
def seeded(repo: Repo) -> Repo:
    seed(repo)
    return repo


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_terminal_escapes_in_a_file_name_never_reach_the_terminal(
    seeded: Repo, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    seeded.write(f"submissions/2023/loc-thang/{ESCAPES}.yaml", "a: 1\n")
    code = cli.main(["--root", str(seeded.root), "check", "--format", fmt, "--now", NOW])
    out = capsys.readouterr().out
    assert code == 1
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert "\\u001b[2K\\u001b[1A\\u000dkhông có lỗi\\u202e\\u009b" in out


def test_csv_quotes_every_field_and_guards_formulas_after_any_separator(
    seeded: Repo,
) -> None:
    title = 'Mô hình;=HYPERLINK("http://x.invalid");, -1+2|@SUM(A1)'
    seeded.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration(ten_mo_hinh=title)))
    seeded.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    status = take_snapshot(seeded.root, dt.datetime.fromisoformat(NOW)).statuses[2023]
    text = csv_bytes(status, {}).decode("utf-8-sig")
    field = r'"(?:[^"]|"")*"'
    for line in text.splitlines():
        assert re.fullmatch(f"{field}(?:,{field})*", line), line
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "Mô hình;'=HYPERLINK(\"http://x.invalid\");, '-1+2|'@SUM(A1)" in cells
    for cell in cells:  # no piece between separators starts a formula
        for piece in re.split(r"[,;\t\r\n|]", cell):
            assert not piece.lstrip(" \t").startswith(("=", "+", "-", "@")), cell


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",  # zero width space (Cf)
        "\u00ad",  # soft hyphen (Cf)
        "\u2060",  # word joiner (Cf)
        "\U000e0041",  # tag letter A (Cf)
        "\ue000",  # private use (Co)
        "\u0378",  # unassigned (Cn)
        "\ufdd0",  # noncharacter (Cn)
        "\u034f",  # combining grapheme joiner (default ignorable, Mn)
        "\ufe0f",  # variation selector 16 (default ignorable, Mn)
        "\u3164",  # Hangul filler (default ignorable, Lo)
    ],
)
@pytest.mark.parametrize("where", ["value", "key"])
def test_invisible_and_unassigned_code_points_are_refused_with_their_position(
    char: str, where: str
) -> None:
    text = f"a: 1\nb:\n  c: |\n    dòng một\n    dòng h{char}ai\n"
    if where == "key":
        text = f"a: 1\nb:\n  c{char}: 2\n"
    with pytest.raises(LoadError) as caught:
        load_bytes(text.encode())
    error = caught.value
    assert error.rule == "yaml.invisible-character"
    assert error.line == (5 if where == "value" else 3)
    code = f"U+{ord(char):04X}"
    position = "ký tự thứ 16" if where == "value" else "ký tự thứ 2"
    assert f"({code}, {position} của giá trị)" in error.message


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"a: 1\rb: 2\rc: [\r", 3),  # classic Mac line ends
        (b"a: 1\r\nb: 2\r\nc: [\r\n", 3),
        (b"a: 1\nb: 2\na: 3\n", 3),
        ('a: "x\u2028y"\nb: 2\na: 3\n'.encode(), 3),  # LS is not a line break in YAML 1.2
        ('a: "x\u2029y"\nb: 2\nc: [\n'.encode(), 3),  # nor PS
        (b"a: 1\rb:\r\tc: 2\r", 3),
    ],
)
def test_line_numbers_count_yaml_1_2_line_breaks(raw: bytes, line: int) -> None:
    with pytest.raises(LoadError) as caught:
        load_bytes(raw)
    assert caught.value.line == line


def test_positions_count_yaml_1_2_line_breaks() -> None:
    loaded = load_bytes('a: "x\u2028y\u2029z"\nb: 2\nc: 3\n'.encode(), positions=True)
    assert loaded.lines[("c",)] == 3


def test_a_whole_number_written_with_a_decimal_point_is_refused(
    seeded: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    rel = "submissions/2023/loc-thang/tien-do/2023-05-15.yaml"
    seeded.write(rel, dump(progress(phan_tram=75.0)))
    seeded.commit("Tiến độ", "2023-05-15T09:00:00+07:00")
    assert cli.main(["--root", str(seeded.root), "check", "--now", NOW]) == 1
    out = capsys.readouterr().out
    assert f"{rel}:" in out
    assert "«phan_tram» (Mức độ hoàn thành (%)) phải là số nguyên, đang là số 75.0" in out


def test_fatal_messages_are_inert(seeded: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(seeded.root), "check", "--base", f"x{ESCAPES}"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\u001b" in err
