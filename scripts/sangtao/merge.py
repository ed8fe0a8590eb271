"""Beyond one repository: a province keeps one repository per district and merges their
published status JSON (`sangtao status --format json`, or the site's xuat/du-lieu.json)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sangtao.model import State
from sangtao.problems import FatalError, Problem
from sangtao.status_json import SCHEMA_VERSION

STATES = tuple(State)


class MalformedInput(Exception):
    """An input that is not the status JSON of sangtao: a problem of the data (exit 1)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_MALFORMED_HINT = (
    "Dùng đúng tệp do `sangtao status --format json` hoặc trang web (xuat/du-lieu.json) tạo ra, "
    "không sửa tay"
)


def _cycles(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FatalError(f"Không đọc được {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise MalformedInput(
            Problem(str(path), None, "merge.malformed", "Tệp không phải UTF-8", _MALFORMED_HINT)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedInput(
            Problem(
                str(path),
                None,  # the line is in the message: the tool reads the file, not the clerk
                "merge.malformed",
                f"JSON sai cú pháp ở dòng {error.lineno}, cột {error.colno}",
                _MALFORMED_HINT,
            )
        ) from None
    cycles = data.get("cycles", data) if isinstance(data, dict) else data
    cycles = [cycles] if isinstance(cycles, dict) else cycles
    if not isinstance(cycles, list) or not all(
        isinstance(c, dict) and c.get("schema_version") == SCHEMA_VERSION for c in cycles
    ):
        raise MalformedInput(
            Problem(
                str(path),
                None,
                "merge.malformed",
                f"Không phải dữ liệu trạng thái phiên bản {SCHEMA_VERSION} của sangtao",
                _MALFORMED_HINT,
            )
        )
    for cycle in cycles:
        if not _whole_summary(cycle.get("summary")):
            raise MalformedInput(
                Problem(
                    str(path),
                    None,
                    "merge.malformed",
                    f"Đợt {cycle.get('cycle')!r} thiếu hoặc sai mục «summary»",
                    _MALFORMED_HINT,
                )
            )
    return cycles


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _whole_summary(summary: object) -> bool:
    """The counts a merge adds up, all present and whole."""
    if not isinstance(summary, dict):
        return False
    if not all(_count(summary.get(key)) for key in ("units", "registered", "reported")):
        return False
    return all(
        isinstance(summary.get(kind), dict) and all(_count(summary[kind].get(s)) for s in STATES)
        for kind in ("registration", "report")
    )


def merge(paths: list[Path], year: int) -> dict[str, Any]:
    """One cycle across districts: each district's summary, and the province's totals."""
    districts = []
    totals: Counter[str] = Counter()
    for path in paths:
        found = [c for c in _cycles(path) if c.get("cycle") == year]
        if not found:
            raise FatalError(f"{path}: không có đợt năm {year}")
        cycle = found[0]
        summary = cycle["summary"]
        districts.append(
            {
                "source": path.name,
                "name": cycle.get("name"),
                "units": summary["units"],
                "registered": summary["registered"],
                "reported": summary["reported"],
                "registration": summary["registration"],
                "report": summary["report"],
            }
        )
        totals["units"] += summary["units"]
        totals["registered"] += summary["registered"]
        totals["reported"] += summary["reported"]
        for state in STATES:
            totals[f"registration.{state}"] += summary["registration"][state]
            totals[f"report.{state}"] += summary["report"][state]
    return {
        "schema_version": SCHEMA_VERSION,
        "cycle": year,
        "districts": districts,
        "total": {
            "units": totals["units"],
            "registered": totals["registered"],
            "reported": totals["reported"],
            "registration": {s: totals[f"registration.{s}"] for s in STATES},
            "report": {s: totals[f"report.{s}"] for s in STATES},
        },
    }
