"""The status as JSON with English keys: the documented, versioned data of `sangtao status`.

The shape is described in docs/tai-lieu/du-lieu-json.md; bump SCHEMA_VERSION when it changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sangtao.appraisal import Outcome
from sangtao.model import Extension
from sangtao.status import CycleStatus, DocumentStatus, ModelStatus

SCHEMA_VERSION = 3


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


def cycle_json(status: CycleStatus) -> dict[str, Any]:
    cycle = status.cycle
    return {
        "schema_version": SCHEMA_VERSION,
        "cycle": cycle.year,
        "name": cycle.name,
        "demo": cycle.demo,
        "now": _instant(status.now),
        "deadlines": {k: _instant(v) for k, v in cycle.deadlines.items()},
        "summary": {
            "units": len(status.units),
            "registered": status.registered,
            "reported": status.reported,
            "registration": status.counts_of("registration"),
            "report": status.counts_of("report"),
            "by_block": {
                block: {"registration": counts, "report": status.by_block_of("report")[block]}
                for block, counts in status.by_block_of("registration").items()
            },
            "open_difficulties": len(status.open_difficulties()),
        },
        "appraisal_published": bool(cycle.appraisal and cycle.appraisal.published),
        "district": model_json(status.district, status.now) if status.district else None,
        "units": [
            {
                "code": u.unit.code,
                "name": u.unit.name,
                "type": u.unit.kind,
                "block": u.unit.block,
                "collective": model_json(u.collective, status.now),
                "individuals": [model_json(m, status.now) for m in u.individuals],
            }
            for u in status.units
        ],
    }
