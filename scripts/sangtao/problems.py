"""Problems found in submissions: the one currency of every check."""

from __future__ import annotations

from dataclasses import dataclass


class FatalError(Exception):
    """An expected failure that stops a command (bad usage, shallow clone …): exit 2, no traceback."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, said so that a clerk can fix it.

    ``message`` says what is wrong, ``hint`` what to write instead; both in Vietnamese.
    ``line`` is 1-based, ``None`` only when the file has no lines to point at (a missing file).
    """

    path: str
    line: int | None
    rule: str
    message: str
    hint: str = ""

    def text(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        tail = f" — {self.hint}" if self.hint else ""
        return f"{where}: {self.message}{tail}"

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
        }


def sort_key(problem: Problem) -> tuple[str, int, str]:
    """The order every report uses: by file, line, rule."""
    return (problem.path, problem.line or 0, problem.rule)
