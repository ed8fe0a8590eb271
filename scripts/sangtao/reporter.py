"""Formatting problems for people and machines: text, GitHub annotations, JSON. Nothing else."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sangtao.problems import Problem

FORMATS = ("text", "github", "json")


def summary_line(problems: Sequence[Problem], files: int) -> str:
    if not problems:
        return f"Đã kiểm tra {files} tệp: không có lỗi."
    broken = len({p.path for p in problems})
    return f"Đã kiểm tra {files} tệp: {len(problems)} lỗi ở {broken} tệp."


# C0 and C1 controls, DEL, and the bidirectional controls: shown as \uXXXX, never sent to a
# terminal or a log as they are (a file name could erase its own error line, or reorder it).
_CONTROLS = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x20),
        *range(0x7F, 0xA0),
        0x61C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def inert(text: str) -> str:
    """``text`` with every control character written out, so that it prints as it reads."""
    return text.translate(_CONTROLS)


def render(
    problems: Sequence[Problem], files: int, fmt: str, notices: Sequence[Problem] = ()
) -> str:
    """``notices``: problems already on the base of a pull request, shown but never blocking."""
    if fmt == "json":
        if not notices and not problems:
            return "[]"
        items = [p.as_json() for p in problems]
        if notices:  # a pull request's check: say which problems decide it
            items = [dict(item, blocking=True) for item in items]
            items += [dict(p.as_json(), blocking=False) for p in notices]
        return json.dumps(items, ensure_ascii=False, indent=2)
    github = fmt == "github"
    lines = [_github(p) if github else inert(p.text()) for p in problems]
    lines.append(summary_line(problems, files))
    if notices:
        if not github:
            lines.append(f"\n{notice_heading(len(notices))}:")
        lines += [_github(p, "notice") if github else inert(p.text()) for p in notices]
    return "\n".join(lines)


def notice_heading(count: int) -> str:
    return f"{count} lỗi có sẵn trên nhánh gốc, không do thay đổi này gây ra (không chặn)"


def _github(problem: Problem, level: str = "error") -> str:
    """A workflow command: GitHub (and Gitea/Forgejo) show it on the file's line."""
    props = f"file={_escape_property(problem.path)}"
    if problem.line is not None:
        props += f",line={problem.line}"
    props += f",title={_escape_property(problem.rule)}"
    body = problem.message + (f" — {problem.hint}" if problem.hint else "")
    return f"::{level} {props}::{_escape_data(body)}"


def _escape_data(text: str) -> str:
    return inert(text.replace("%", "%25"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
