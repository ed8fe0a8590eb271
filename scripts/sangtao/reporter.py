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


def render(problems: Sequence[Problem], files: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2)
    lines = [_github(p) if fmt == "github" else p.text() for p in problems]
    lines.append(summary_line(problems, files))
    return "\n".join(lines)


def _github(problem: Problem) -> str:
    """A workflow command: GitHub (and Gitea/Forgejo) show it on the file's line."""
    props = f"file={_escape_property(problem.path)}"
    if problem.line is not None:
        props += f",line={problem.line}"
    props += f",title={_escape_property(problem.rule)}"
    body = problem.message + (f" — {problem.hint}" if problem.hint else "")
    return f"::error {props}::{_escape_data(body)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
