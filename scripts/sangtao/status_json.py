"""The status as JSON with English keys: the documented, versioned data of `sangtao status`.

The shape is described in docs/tai-lieu/du-lieu-json.md; bump SCHEMA_VERSION when it changes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

from sangtao.appraisal import Outcome
from sangtao.layout import Kind
from sangtao.model import Extension
from sangtao.status import (
    CommitteeStatus,
    Compliance,
    CycleStatus,
    DocumentStatus,
    ModelStatus,
    UnitStatus,
)

SCHEMA_VERSION = 3
# Levels laid out one item a line (a cycle's keys, its units); deeper values stay compact, each
# on the line of its item.
OUTLINE_DEPTH = 2


# One encoder for every piece: ``json.dumps`` with an option builds a new one at each call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_NONE = object()


def write_json(
    value: Any, write: Callable[[str], object], depth: int = OUTLINE_DEPTH, indent: str = ""
) -> None:
    """JSON laid out for people down to ``depth`` (a cycle's keys, then one unit a line), and
    compact below, written piece by piece: each piece by the C encoder (``json.dumps(indent=…)``
    would take Python's pure encoder for every byte), and no copy of the whole text, which at
    30,000 dossiers is some 40 MB (decision 81)."""
    if isinstance(value, Iterator):  # a list made as it is written (laid out like one)
        first = next(value, _NONE)
        if first is _NONE:
            write("[]")
            return
        value = itertools.chain((first,), value)
    elif depth == 0 or not isinstance(value, dict | list) or not value:
        write(_ENCODE(value))
        return
    inner = indent + "  "
    separator = "\n"
    if isinstance(value, dict):
        write("{")
        for key, child in value.items():
            write(f"{separator}{inner}{_ENCODE(str(key))}: ")
            write_json(child, write, depth - 1, inner)
            separator = ",\n"
        write(f"\n{indent}}}")
        return
    write("[")
    for child in value:
        write(separator + inner)
        write_json(child, write, depth - 1, inner)
        separator = ",\n"
    write(f"\n{indent}]")


def _instant(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _extension(extension: Extension | None) -> dict[str, Any] | None:
    if extension is None:
        return None
    return {
        "until": _instant(extension.until),
        "authority": extension.authority,
        "number": extension.number,
        "granted_on": extension.granted_on,
        "reason": extension.reason,
    }


def document_json(status: DocumentStatus) -> dict[str, Any]:
    receipt = status.receipt
    return {
        "state": status.state,
        "path": status.path,
        "received_at": _instant(receipt.at) if receipt else None,
        "receipt_source": receipt.source if receipt else None,
        "commit": receipt.commit if receipt else None,
        "deadline": _instant(status.deadline),
        "effective_deadline": _instant(status.effective_deadline),
        "extension": _extension(status.extension),
        "overdue": status.overdue,
        "provisional": status.provisional,
        "valid": status.valid,
        "problems": status.problems,
    }


def model_json(model: ModelStatus, now: dt.datetime) -> dict[str, Any]:
    return {
        "unit": model.unit,
        "person": model.person,
        "person_name": model.person_name or None,
        "title": model.title or None,
        "field": model.sector or None,
        "registration": document_json(model.registration),
        "report": document_json(model.report),
        "progress": {
            "updates": len(model.progress),
            "latest_percent": model.latest_percent,
            "last_update": model.last_update.isoformat() if model.last_update else None,
            "days_since_update": model.days_since_update(now),
            "open_difficulties": len(model.open_difficulties),
            "difficulties": sum(len(u.difficulties) for u in model.progress),
        },
        "appraisal": {"state": model.appraisal, "reasons": list(model.reasons)},
        "outcome": outcome_json(model.outcome),
        "eligibility": {
            "state": model.eligibility.state,
            "reasons": list(model.eligibility.reasons),
        },
    }


def outcome_json(result: Outcome | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "sheets": len(result.sheets),
        "votes": result.votes,
        "complete": result.complete,
        "combined": result.combined,
        "spread": result.spread,
        "disagreement": result.disagreement,
        "level": result.level.code if result.level else None,
        "commendation": result.commendation.code if result.commendation else None,
        "by_criterion": dict(result.by_criterion),
        "appraisers": [
            {
                "account": s.account,
                "total": s.total,
                "proposed_level": s.proposed_level,
                "valid": s.valid,
            }
            for s in result.sheets
        ],
    }


def summary_json(compliance: Compliance) -> dict[str, Any]:
    """The counts of a set of organisations: the cycle's, or one committee's subtree."""
    report_blocks = compliance.by_block_of(Kind.REPORT)
    return {
        "units": len(compliance.units),
        "registered": compliance.registered,
        "reported": compliance.reported,
        "registration": compliance.counts_of(Kind.REGISTRATION),
        "report": compliance.counts_of(Kind.REPORT),
        "by_block": {
            block: {"registration": counts, "report": report_blocks[block]}
            for block, counts in compliance.by_block_of(Kind.REGISTRATION).items()
        },
        "open_difficulties": len(compliance.open_difficulties()),
    }


def committee_json(status: CommitteeStatus, now: dt.datetime) -> dict[str, Any]:
    committee = status.committee
    return {
        "code": committee.code,
        "name": committee.name,
        "type": committee.kind,
        "parent": committee.parent,
        "units": len(status.units),
        "summary": summary_json(status),
        "own_model": model_json(status.own, now) if status.own else None,
    }


def cycle_json(status: CycleStatus, *, units_as_made: bool = False) -> dict[str, Any]:
    """The cycle's JSON; with ``units_as_made`` its units come as an iterator that makes each
    unit's JSON when ``write_json`` writes it, so that they are never all in memory at once."""
    cycle = status.cycle
    hierarchical = bool(status.committees)
    found: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "cycle": cycle.year,
        "name": cycle.name,
        "demo": cycle.demo,
        "now": _instant(status.now),
        "deadlines": {k: _instant(v) for k, v in cycle.deadlines.items()},
        "summary": summary_json(status),
        "appraisal_published": bool(cycle.appraisal and cycle.appraisal.published),
        # The root committee's own model; the key keeps its 2023 name for existing readers.
        "district": model_json(status.district, status.now) if status.district else None,
    }
    if hierarchical:
        found["committees"] = [committee_json(c, status.now) for c in status.committees]
    units = (unit_json(u, status.now, hierarchical) for u in status.units)
    found["units"] = units if units_as_made else list(units)
    return found


def unit_json(status: UnitStatus, now: dt.datetime, hierarchical: bool) -> dict[str, Any]:
    unit = status.unit
    return {
        "code": unit.code,
        "name": unit.name,
        "type": unit.kind,
        "block": unit.block,
        **({"committee": unit.committee} if hierarchical else {}),
        "collective": model_json(status.collective, now),
        "individuals": [model_json(m, now) for m in status.individuals],
    }
