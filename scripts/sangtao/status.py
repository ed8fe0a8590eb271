"""Status of every unit and model in a cycle: a pure function of
(documents, receipt times, cycle, roster, now). No I/O here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sangtao.history import History
from sangtao.model import Cycle, Document, Extension, ReceiptEntry, Roster, Unit

MISSING, ON_TIME, LATE, EXTENDED = "missing", "on_time", "late", "extended"
STATES = (ON_TIME, EXTENDED, LATE, MISSING)


@dataclass(frozen=True)
class Receipt:
    """When the board holds a file to have been received, and on whose word."""

    at: dt.datetime
    source: str  # "git" (first-parent commit) or "book" (the receipt book)
    commit: str | None = None
    merged_by: str | None = None
    entry: ReceiptEntry | None = None


def receipts(cycle: Cycle, history: History) -> dict[str, Receipt]:
    """Receipt times of the cycle's files: the receipt book overrides git."""
    prefix = f"submissions/{cycle.year}/"
    found: dict[str, Receipt] = {}
    for rel, entry in history.files.items():
        if rel.startswith(prefix) and entry.received is not None:
            landing = entry.received
            found[rel] = Receipt(landing.at, "git", landing.commit, landing.author)
    for book in cycle.receipt_book:
        found[prefix + book.file] = Receipt(book.at, "book", entry=book)
    return found


@dataclass(frozen=True)
class DocumentStatus:
    kind: str
    state: str
    deadline: dt.datetime
    effective_deadline: dt.datetime
    path: str | None = None
    receipt: Receipt | None = None
    extension: Extension | None = None
    overdue: bool = False  # missing and its (extended) deadline has passed
    provisional: bool = False  # present in the tree but not yet on the branch
    valid: bool = True
    problems: int = 0


@dataclass(frozen=True)
class ModelStatus:
    """One model (mô hình): the unit's collective one, or an individual's."""

    year: int
    unit: str
    person: str | None
    registration: DocumentStatus
    title: str = ""
    field: str = ""
    person_name: str = ""
    person_position: str = ""
    document: Document | None = None

    @property
    def key(self) -> str:
        return self.unit if self.person is None else f"{self.unit}/ca-nhan/{self.person}"


@dataclass(frozen=True)
class UnitStatus:
    unit: Unit
    collective: ModelStatus
    individuals: tuple[ModelStatus, ...] = ()


@dataclass(frozen=True)
class CycleStatus:
    cycle: Cycle
    now: dt.datetime
    units: tuple[UnitStatus, ...]
    counts: Mapping[str, int] = field(default_factory=dict)
    by_block: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def registered(self) -> int:
        return sum(1 for u in self.units if u.collective.registration.state != MISSING)

    def models(self) -> Iterable[ModelStatus]:
        for unit in self.units:
            yield unit.collective
            yield from unit.individuals


def judge(
    received: dt.datetime | None,
    deadline: dt.datetime,
    grace: dt.timedelta,
    extension: Extension | None,
) -> str:
    """on_time, extended, late or missing: the letter's rule, with the cycle's grace period."""
    if received is None:
        return MISSING
    if received <= deadline + grace:
        return ON_TIME
    if extension is not None and received <= extension.until + grace:
        return EXTENDED
    return LATE


def document_status(
    kind: str,
    cycle: Cycle,
    unit: str,
    person: str | None,
    document: Document | None,
    receipt: Receipt | None,
    now: dt.datetime,
) -> DocumentStatus:
    deadline = cycle.deadline(kind)
    extension = cycle.extension_for(kind, unit, person)
    effective = max(deadline, extension.until) if extension else deadline
    provisional = document is not None and receipt is None
    at = receipt.at if receipt else (now if document is not None else None)
    state = judge(at, deadline, cycle.grace, extension)
    return DocumentStatus(
        kind=kind,
        state=state,
        deadline=deadline,
        effective_deadline=effective,
        path=document.rel if document else None,
        receipt=receipt,
        extension=extension,
        overdue=state == MISSING and now > effective + cycle.grace,
        provisional=provisional,
        valid=document.valid if document else True,
        problems=document.problems if document else 0,
    )


def _model(
    cycle: Cycle,
    unit: str,
    person: str | None,
    document: Document | None,
    found: Mapping[str, Receipt],
    now: dt.datetime,
) -> ModelStatus:
    receipt = found.get(document.rel) if document else None
    data: dict[str, Any] = document.data if document and isinstance(document.data, dict) else {}
    who = data.get("ca_nhan") if isinstance(data.get("ca_nhan"), dict) else {}
    return ModelStatus(
        year=cycle.year,
        unit=unit,
        person=person,
        registration=document_status("registration", cycle, unit, person, document, receipt, now),
        title=_text(data.get("ten_mo_hinh")),
        field=_text(data.get("linh_vuc")),
        person_name=_text(who.get("ho_ten")),
        person_position=_text(who.get("chuc_vu")),
        document=document,
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def cycle_status(
    cycle: Cycle,
    roster: Roster,
    documents: Iterable[Document],
    found: Mapping[str, Receipt],
    now: dt.datetime,
) -> CycleStatus:
    """Registration status of every unit in the roster and every individual model."""
    collective: dict[str, Document] = {}
    individual: dict[str, list[Document]] = {}
    for document in documents:
        if document.kind != "registration" or document.year != cycle.year or document.unit is None:
            continue
        if document.person is None:
            collective[document.unit] = document
        else:
            individual.setdefault(document.unit, []).append(document)
    units = []
    for unit in roster.units:
        units.append(
            UnitStatus(
                unit=unit,
                collective=_model(cycle, unit.code, None, collective.get(unit.code), found, now),
                individuals=tuple(
                    _model(cycle, unit.code, d.person, d, found, now)
                    for d in sorted(individual.get(unit.code, []), key=lambda d: d.person or "")
                ),
            )
        )
    counts = Counter(u.collective.registration.state for u in units)
    by_block: dict[str, Counter[str]] = {}
    for u in units:
        by_block.setdefault(u.unit.block, Counter())[u.collective.registration.state] += 1
    return CycleStatus(
        cycle=cycle,
        now=now,
        units=tuple(units),
        counts={s: counts.get(s, 0) for s in STATES},
        by_block={b: {s: c.get(s, 0) for s in STATES} for b, c in by_block.items()},
    )
