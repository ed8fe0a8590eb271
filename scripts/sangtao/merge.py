"""Beyond one repository: a province keeps one repository per district and merges their
published status JSON (`sangtao status --format json`, or the site's xuat/du-lieu.json)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sangtao.model import State
from sangtao.problems import FatalError
from sangtao.status_json import SCHEMA_VERSION

STATES = tuple(State)


def _cycles(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FatalError(f"Không đọc được {path}: {error}") from None
    cycles = data.get("cycles", data) if isinstance(data, dict) else data
    cycles = [cycles] if isinstance(cycles, dict) else cycles
    for cycle in cycles:
        if not isinstance(cycle, dict) or cycle.get("schema_version") != SCHEMA_VERSION:
            raise FatalError(
                f"{path}: không phải dữ liệu trạng thái phiên bản {SCHEMA_VERSION} của sangtao "
                "(tạo bằng `sangtao status --format json`)"
            )
    return cycles


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
