"""Wiring: from a working tree to the status of every cycle. The one place that does I/O for it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sangtao.corpus import Corpus, read_corpus
from sangtao.history import History, read_history
from sangtao.model import TZ, parse_instant
from sangtao.problems import FatalError, Problem
from sangtao.status import APPRAISABLE, CycleStatus, cycle_status, receipts

NOW_VARIABLE = "SANGTAO_NOW"


def parse_now(text: str | None) -> dt.datetime:
    """``--now`` (or $SANGTAO_NOW) as an aware instant; the real clock when absent."""
    text = text or os.environ.get(NOW_VARIABLE)
    if not text:
        return dt.datetime.now(TZ)
    try:
        return parse_instant(text)
    except ValueError:
        raise FatalError(
            f"Thời điểm «{text}» không đúng dạng ISO 8601, ví dụ 2023-02-28T23:59:59+07:00"
        ) from None


@dataclass
class Snapshot:
    corpus: Corpus
    history: History
    statuses: dict[int, CycleStatus]
    now: dt.datetime


def take_snapshot(
    root: Path, now: dt.datetime, ref: str = "HEAD", corpus: Corpus | None = None
) -> Snapshot:
    corpus = corpus or read_corpus(root)
    history = read_history(corpus.root, ref)
    statuses: dict[int, CycleStatus] = {}
    for year, cycle in sorted(corpus.cycles.items()):
        roster = corpus.roster_for(year)
        if roster is not None:
            statuses[year] = cycle_status(
                cycle,
                roster,
                corpus.documents,
                receipts(cycle, history, roster.is_admin),
                now,
            )
    return Snapshot(corpus, history, statuses, now)


def status_problems(snapshot: Snapshot) -> list[Problem]:
    """Rules that need receipt times: a score sheet only for an appraisable model."""
    problems = []
    for status in snapshot.statuses.values():
        for model in status.models():
            if model.outcome is None or model.appraisal == APPRAISABLE:
                continue
            why = "; ".join(model.reasons)
            message = (
                f"Mô hình này không được thẩm định: {why}"
                if why
                else "Mô hình này chưa đủ điều kiện thẩm định (chưa có bản đăng ký và báo cáo kết quả đúng hạn)"
            )
            for sheet in model.outcome.sheets:
                problems.append(
                    Problem(
                        sheet.rel,
                        1,
                        "score.not-appraisable",
                        message,
                        "Chỉ chấm mô hình đã đăng ký và báo cáo kết quả đúng hạn (hoặc được gia hạn); "
                        "xóa phiếu này khỏi yêu cầu gộp",
                    )
                )
    return problems
