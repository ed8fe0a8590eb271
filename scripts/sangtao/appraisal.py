"""Appraisal: score sheets combined into an outcome per model, and each unit's eligibility for
the rating "Hoàn thành xuất sắc nhiệm vụ" under the letter's rule. Pure functions."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from sangtao.documents import ScoreSheet
from sangtao.model import Appraisal, Document, EligibilityState, Level

ELIGIBLE, NOT_ELIGIBLE, UNDECIDED = tuple(EligibilityState)


@dataclass(frozen=True)
class Sheet:
    """One appraiser's score sheet for one model."""

    rel: str
    account: str
    appraiser: str
    scores: dict[str, float]
    comments: dict[str, str]
    overall: str
    proposed_level: str
    proposed_commendation: bool
    day: str
    valid: bool = True

    @property
    def total(self) -> float:
        return sum(self.scores.values())


def sheet_of(document: Document, appraisal: Appraisal | None) -> Sheet:
    body = ScoreSheet.of(document)
    member = appraisal.member(document.name or "") if appraisal else None
    return Sheet(
        rel=document.rel,
        account=document.name or "",
        appraiser=member.name if member else (document.name or ""),
        scores={s.criterion: s.points for s in body.scores if s.points is not None},
        comments={s.criterion: s.comment for s in body.scores},
        overall=body.overall,
        proposed_level=body.proposed_level,
        proposed_commendation=body.proposed_commendation,
        day=body.day,
        valid=document.valid,
    )


@dataclass(frozen=True)
class Outcome:
    sheets: tuple[Sheet, ...]
    complete: bool  # enough valid sheets
    votes: int = 0  # valid sheets, one per appraiser: what counts towards the minimum
    combined: float | None = None
    spread: float | None = None
    disagreement: bool = False
    level: Level | None = None
    commendation: Level | None = None
    by_criterion: tuple[tuple[str, float], ...] = ()


def combine(totals: list[float], method: str) -> float:
    return statistics.median(totals) if method == "trung-vi" else statistics.fmean(totals)


def outcome(appraisal: Appraisal, sheets: Iterable[Sheet], commendation_requested: bool) -> Outcome:
    """Totals per appraiser → combined score (mean or median), spread, level, commendation."""
    ordered = tuple(sorted(sheets, key=lambda s: s.account.casefold()))
    counted: list[Sheet] = []
    seen: set[str] = set()
    for sheet in ordered:  # one vote per appraiser, whatever the case of the file name
        if sheet.valid and sheet.account.casefold() not in seen:
            seen.add(sheet.account.casefold())
            counted.append(sheet)
    if len(counted) < appraisal.min_sheets:
        return Outcome(ordered, False, len(counted))
    totals = [s.total for s in counted]
    combined = round(combine(totals, appraisal.method), 2)
    spread = max(totals) - min(totals)
    per_criterion = tuple(
        (c.code, round(combine([s.scores.get(c.code, 0.0) for s in counted], appraisal.method), 2))
        for c in appraisal.criteria
    )
    return Outcome(
        sheets=ordered,
        complete=True,
        votes=len(counted),
        combined=combined,
        spread=spread,
        disagreement=spread > appraisal.spread_warning,
        level=appraisal.classify(combined),
        commendation=appraisal.commendation(combined) if commendation_requested else None,
        by_criterion=per_criterion,
    )


@dataclass(frozen=True)
class Eligibility:
    """Whether a unit may be rated "Hoàn thành xuất sắc nhiệm vụ", and why not."""

    state: str
    reasons: tuple[str, ...] = ()


LEVEL_REASON = "Mô hình xếp loại"
WAITING = "Chờ công bố kết quả thẩm định"


def public_eligibility(found: Eligibility, published: bool) -> Eligibility:
    """What may be shown before the board publishes: nothing that depends on the scores."""
    if published:
        return found
    if found.state == ELIGIBLE or any(r.startswith(LEVEL_REASON) for r in found.reasons):
        return Eligibility(UNDECIDED, (WAITING,))
    return found


def eligibility(
    reasons: tuple[str, ...],
    result: Outcome | None,
    appraisal: Appraisal | None,
    appraisal_deadline: dt.datetime,
    now: dt.datetime,
    decided: bool,
) -> Eligibility:
    """The letter's rule, then the cycle's own threshold if it sets one.

    ``reasons`` are why the model is not appraisable (no registration, late, no report);
    ``decided`` is false while a document may still arrive on time.
    """
    if reasons:
        return Eligibility(NOT_ELIGIBLE, reasons)
    if not decided:
        return Eligibility(UNDECIDED)
    if result is None or not result.complete:
        if now > appraisal_deadline:
            return Eligibility(
                NOT_ELIGIBLE, ("Chưa được thẩm định (chưa đủ phiếu chấm khi hết hạn thẩm định)",)
            )
        return Eligibility(UNDECIDED, ("Đang thẩm định",))
    minimum = appraisal.excellence_minimum if appraisal else None
    if minimum and appraisal is not None:
        order = [level.code for level in appraisal.classification]
        reached = result.level.code if result.level else None
        if minimum in order and (reached is None or order.index(reached) > order.index(minimum)):
            names = {level.code: level.name for level in appraisal.classification}
            got = names.get(reached or "", "không xếp loại")
            return Eligibility(
                NOT_ELIGIBLE,
                (f"{LEVEL_REASON} «{got}», thấp hơn mức tối thiểu «{names[minimum]}» của đợt",),
            )
    return Eligibility(ELIGIBLE)
