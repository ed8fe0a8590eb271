"""Status of every unit and model in a cycle: a pure function of
(documents, receipt times, cycle, roster, now). No I/O here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sangtao.appraisal import UNDECIDED, Eligibility, Outcome, eligibility, outcome, sheet_of
from sangtao.documents import Answers, Progress, Registration, Report
from sangtao.history import History
from sangtao.layout import Kind, cycle_dir
from sangtao.model import (
    TZ,
    Appraisability,
    Appraisal,
    Committee,
    Cycle,
    Document,
    Extension,
    Issuer,
    ReceiptEntry,
    Roster,
    State,
    Unit,
)

MISSING, ON_TIME, LATE, EXTENDED = State.MISSING, State.ON_TIME, State.LATE, State.EXTENDED
STATES = (ON_TIME, EXTENDED, LATE, MISSING)


@dataclass(frozen=True)
class Receipt:
    """When the board holds a file to have been received, and on whose word."""

    at: dt.datetime
    source: str  # "git" (first-parent commit) or "book" (the receipt book)
    commit: str | None = None
    merged_by: str | None = None
    entry: ReceiptEntry | None = None


def receipts(
    cycle: Cycle, history: History, admins: Callable[[str], bool] | None = None
) -> dict[str, Receipt]:
    """Receipt times of the cycle's files: the receipt book overrides git, but only its lines
    recorded by a board admin, and of two lines for one file the first (the check reports both)."""
    prefix = f"{cycle_dir(cycle.year)}/"
    found: dict[str, Receipt] = {}
    for rel, entry in history.files.items():
        if rel.startswith(prefix) and entry.received is not None:
            landing = entry.received
            found[rel] = Receipt(landing.at, "git", landing.commit, landing.author)
    booked: set[str] = set()
    for book in cycle.receipt_book:
        if (admins is not None and not admins(book.recorder)) or book.file in booked:
            continue
        booked.add(book.file)
        found[prefix + book.file] = Receipt(book.at, "book", entry=book)
    return found


@dataclass(frozen=True)
class DocumentStatus:
    kind: Kind
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
class Answer:
    """The board's word on a difficulty."""

    on: dt.date
    by: str
    body: str
    resolved: bool
    authority: str = ""


@dataclass(frozen=True)
class Difficulty:
    file: str
    number: int  # 1-based, as the board cites it
    text: str
    raised_on: dt.date
    answers: tuple[Answer, ...] = ()

    @property
    def open(self) -> bool:
        return not any(a.resolved for a in self.answers)


@dataclass(frozen=True)
class ProgressUpdate:
    rel: str
    on: dt.date
    percent: int | None
    done: str
    requests: str
    reporter: str
    difficulties: tuple[Difficulty, ...] = ()
    receipt: Receipt | None = None
    valid: bool = True


APPRAISABLE, NOT_APPRAISABLE, PENDING = tuple(Appraisability)


@dataclass(frozen=True)
class ModelStatus:
    """One model (mô hình): the unit's collective one, or an individual's."""

    year: int
    unit: str
    person: str | None
    registration: DocumentStatus
    report: DocumentStatus
    progress: tuple[ProgressUpdate, ...] = ()
    appraisal: str = PENDING
    reasons: tuple[str, ...] = ()
    title: str = ""
    sector: str = ""  # linh_vuc
    person_name: str = ""
    person_position: str = ""
    document: Document | None = None
    report_document: Document | None = None
    outcome: Outcome | None = None
    eligibility: Eligibility = field(default_factory=lambda: Eligibility(UNDECIDED))

    @property
    def key(self) -> str:
        return self.unit if self.person is None else f"{self.unit}/ca-nhan/{self.person}"

    @property
    def latest_percent(self) -> int | None:
        return self.progress[-1].percent if self.progress else None

    @property
    def last_update(self) -> dt.date | None:
        return self.progress[-1].on if self.progress else None

    def days_since_update(self, now: dt.datetime) -> int | None:
        last = self.last_update
        return None if last is None else (now.astimezone(TZ).date() - last).days

    @property
    def open_difficulties(self) -> tuple[Difficulty, ...]:
        return tuple(d for u in self.progress for d in u.difficulties if d.open)


@dataclass(frozen=True)
class UnitStatus:
    unit: Unit
    collective: ModelStatus
    individuals: tuple[ModelStatus, ...] = ()


@dataclass(frozen=True)
class Compliance:
    """The counts of a set of organisations: the whole cycle, or one committee's subtree."""

    units: tuple[UnitStatus, ...]

    def counts_of(self, kind: Kind) -> dict[str, int]:
        """Units by state of their collective model's document of this kind."""
        counts = Counter(getattr(u.collective, kind).state for u in self.units)
        return {s: counts.get(s, 0) for s in STATES}

    @property
    def counts(self) -> dict[str, int]:
        return self.counts_of(Kind.REGISTRATION)

    def by_block_of(self, kind: Kind) -> dict[str, dict[str, int]]:
        blocks: dict[str, Counter[str]] = {}
        for u in self.units:
            blocks.setdefault(u.unit.block, Counter())[getattr(u.collective, kind).state] += 1
        return {b: {s: c.get(s, 0) for s in STATES} for b, c in blocks.items()}

    @property
    def registered(self) -> int:
        return sum(1 for u in self.units if u.collective.registration.state != MISSING)

    @property
    def reported(self) -> int:
        return sum(1 for u in self.units if u.collective.report.state != MISSING)

    def models(self) -> Iterable[ModelStatus]:
        for unit in self.units:
            yield unit.collective
            yield from unit.individuals

    def open_difficulties(self) -> list[tuple[ModelStatus, Difficulty]]:
        """Every open difficulty, oldest first: the board's (or the committee's) queue."""
        found = [(m, d) for m in self.models() for d in m.open_difficulties]
        return sorted(found, key=lambda pair: (pair[1].raised_on, pair[1].file, pair[1].number))


@dataclass(frozen=True)
class CommitteeStatus(Compliance):
    """An intermediate committee: its subtree's compliance and its own model."""

    committee: Committee
    own: ModelStatus | None = None


@dataclass(frozen=True)
class CycleStatus(Compliance):
    cycle: Cycle
    now: dt.datetime
    roster: Roster | None = None
    district: ModelStatus | None = None  # the root committee's own model (2023: the district's)
    committees: tuple[CommitteeStatus, ...] = ()

    @property
    def issuer(self) -> Issuer:
        return self.cycle.issuer(self.roster)


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
    kind: Kind,
    cycle: Cycle,
    unit: str,
    person: str | None,
    document: Document | None,
    receipt: Receipt | None,
    now: dt.datetime,
    deadline: dt.datetime | None = None,
) -> DocumentStatus:
    """The state of one dated document (registration or report) of one model."""
    if receipt is not None and receipt.at > now:
        # Status "as of" an earlier instant: a document received later did not exist yet.
        document, receipt = None, None
    deadline = deadline or cycle.deadline(kind)
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


def _late(what: str, document: DocumentStatus) -> str:
    if document.extension:
        return f"{what} trễ hạn (kể cả thời gian gia hạn)"
    return f"{what} trễ hạn, không được gia hạn"


def appraisability(
    registration: DocumentStatus, report: DocumentStatus, letter: str
) -> tuple[str, tuple[str, ...]]:
    """The letter's rule: no registration, or a registration without a report → not appraised.
    ``letter`` is how the reasons cite the cycle's letter, e.g. «Công văn 833-CV/HU»."""
    reasons: list[str] = []
    if registration.state == MISSING and registration.overdue:
        reasons.append(f"Không đăng ký mô hình ({letter}: không thẩm định)")
    elif registration.state == LATE:
        reasons.append(_late("Đăng ký", registration))
    if report.state == MISSING and report.overdue:
        if registration.state != MISSING:
            reasons.append(f"Đăng ký nhưng không báo cáo kết quả ({letter}: không thẩm định)")
    elif report.state == LATE:
        reasons.append(_late("Báo cáo kết quả", report))
    if reasons:
        return NOT_APPRAISABLE, tuple(reasons)
    if report.state in (ON_TIME, EXTENDED) and registration.state in (ON_TIME, EXTENDED):
        return APPRAISABLE, ()
    return PENDING, ()


@dataclass
class _Files:
    """The cycle's documents, indexed by model."""

    registration: dict[tuple[str, str | None], Document] = field(default_factory=dict)
    report: dict[tuple[str, str | None], Document] = field(default_factory=dict)
    progress: dict[tuple[str, str | None], list[Document]] = field(default_factory=dict)
    scores: dict[tuple[str, str | None], list[Document]] = field(default_factory=dict)
    answers: dict[tuple[str, int], list[Answer]] = field(default_factory=dict)


def _index(cycle: Cycle, documents: Iterable[Document]) -> _Files:
    files = _Files()
    prefix = f"{cycle_dir(cycle.year)}/"
    by_kind = {
        Kind.REGISTRATION: files.registration,
        Kind.REPORT: files.report,
    }
    listed = {Kind.PROGRESS: files.progress, Kind.SCORE: files.scores}
    for d in documents:
        if d.year != cycle.year:
            continue
        if d.kind == Kind.ANSWERS and d.valid:
            for reply in Answers.of(d).replies:
                files.answers.setdefault((prefix + reply.file, reply.difficulty), []).append(
                    Answer(
                        on=dt.date.fromisoformat(reply.day),
                        by=reply.by,
                        body=reply.body,
                        resolved=reply.resolved,
                        authority=reply.authority,
                    )
                )
        if d.unit is None:
            continue
        key = (d.unit, d.person)
        if d.kind in by_kind:
            by_kind[d.kind][key] = d
        elif d.kind in listed:
            listed[d.kind].setdefault(key, []).append(d)
    return files


def _progress(
    documents: list[Document], files: _Files, found: Mapping[str, Receipt]
) -> tuple[ProgressUpdate, ...]:
    updates = []
    for d in sorted(documents, key=lambda d: d.name or ""):
        body = Progress.of(d)
        day = dt.date.fromisoformat(d.name) if d.name else dt.date.min
        who = body.reporter
        updates.append(
            ProgressUpdate(
                rel=d.rel,
                on=day,
                percent=body.percent,
                done=body.done,
                requests=body.requests,
                reporter=", ".join(t for t in (who.name, who.position) if t) if who else "",
                difficulties=tuple(
                    Difficulty(
                        d.rel,
                        n,
                        text,
                        day,
                        tuple(sorted(files.answers.get((d.rel, n), []), key=lambda a: a.on)),
                    )
                    for n, text in enumerate(body.difficulties, 1)
                ),
                receipt=found.get(d.rel),
                valid=d.valid,
            )
        )
    return tuple(updates)


def _model(
    cycle: Cycle,
    unit: str,
    person: str | None,
    files: _Files,
    found: Mapping[str, Receipt],
    now: dt.datetime,
    own: dt.datetime | None = None,
) -> ModelStatus:
    """One model's status. A committee's own model (``own``: its registration deadline) is
    registered with the level above, and is neither reported to nor appraised in this cycle."""
    key = (unit, person)
    document = files.registration.get(key)
    report = files.report.get(key)
    body = Registration.of(document) if document else None
    who = body.person if body else None
    registration_status = document_status(
        Kind.REGISTRATION,
        cycle,
        unit,
        person,
        document,
        found.get(document.rel) if document else None,
        now,
        own,
    )
    report_status = document_status(
        Kind.REPORT, cycle, unit, person, report, found.get(report.rel) if report else None, now
    )
    appraisal, reasons = appraisability(registration_status, report_status, cycle.letter)
    if own is not None:
        appraisal, reasons = PENDING, ()
    config = cycle.appraisal
    result = _outcome(config, files.scores.get(key, []), report)
    return ModelStatus(
        year=cycle.year,
        unit=unit,
        person=person,
        registration=registration_status,
        report=report_status,
        progress=_progress(files.progress.get(key, []), files, found),
        appraisal=appraisal,
        reasons=reasons,
        title=body.title if body else "",
        sector=body.sector if body else "",
        person_name=who.name if who else "",
        person_position=who.position if who else "",
        document=document,
        report_document=report,
        outcome=result,
        eligibility=eligibility(
            reasons,
            result,
            config,
            cycle.deadline(Kind.SCORE),
            now,
            decided=appraisal != PENDING,
        ),
    )


def _outcome(
    config: Appraisal | None, scores: list[Document], report: Document | None
) -> Outcome | None:
    """The team's combined result for a model, when the cycle has an appraisal team."""
    if config is None:
        return None
    requested = report is not None and Report.of(report).commendation_requested
    return outcome(config, [sheet_of(d, config) for d in scores], requested)


def cycle_status(
    cycle: Cycle,
    roster: Roster,
    documents: Iterable[Document],
    found: Mapping[str, Receipt],
    now: dt.datetime,
) -> CycleStatus:
    """Status of every unit in the roster and of every individual model that has a file."""
    files = _index(cycle, documents)
    people: dict[str, set[str]] = {}
    for code, person in (*files.registration, *files.report, *files.progress, *files.scores):
        if person is not None:
            people.setdefault(code, set()).add(person)
    units = []
    for unit in roster.units:
        units.append(
            UnitStatus(
                unit=unit,
                collective=_model(cycle, unit.code, None, files, found, now),
                individuals=tuple(
                    _model(cycle, unit.code, person, files, found, now)
                    for person in sorted(people.get(unit.code, ()))
                ),
            )
        )
    root = None
    if roster.root_code is not None:
        root = _model(cycle, roster.root_code, None, files, found, now, cycle.own_deadline(True))
    by_code = {u.unit.code: u for u in units}
    committees = tuple(
        CommitteeStatus(
            units=tuple(by_code[code] for code in roster.subtrees[c.code]),
            committee=c,
            own=_model(cycle, c.code, None, files, found, now, cycle.own_deadline(False)),
        )
        for c in roster.committees
    )
    return CycleStatus(
        units=tuple(units),
        cycle=cycle,
        now=now,
        roster=roster,
        district=root,
        committees=committees,
    )
