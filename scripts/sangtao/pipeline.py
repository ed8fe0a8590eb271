"""Wiring: from a working tree to the status of every cycle. The one place that does I/O for it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sangtao.beside import FILE_SHARES, Beside, Share, can_fork
from sangtao.corpus import Corpus, assemble, finding_problems, read_corpus, read_files, scan
from sangtao.history import History, read_history
from sangtao.layout import Kind
from sangtao.loader import Loaded
from sangtao.model import TZ, parse_instant
from sangtao.problems import FatalError, Problem
from sangtao.rules import clock_rules
from sangtao.status import APPRAISABLE, CycleStatus, ModelStatus, cycle_status, receipts
from sangtao.validation import SchemaSet

NOW_VARIABLE = "SANGTAO_NOW"
EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def parse_now(text: str | None) -> dt.datetime:
    """``--now`` (or $SANGTAO_NOW) as an aware instant; the real clock when absent."""
    text = text or os.environ.get(NOW_VARIABLE)
    if not text:
        return dt.datetime.now(TZ)
    try:
        value = parse_instant(text)
    except ValueError:
        value = None
    # Years outside 1970–2100 are typing mistakes, and overflow the clock's arithmetic.
    if value is None or not EARLIEST <= value <= LATEST:
        raise FatalError(
            f"Thời điểm «{text}» phải là một thời điểm ISO 8601 từ năm 1970 đến năm 2100, "
            "ví dụ 2023-02-28T23:59:59+07:00"
        )
    return value


@dataclass
class Snapshot:
    corpus: Corpus
    history: History
    statuses: dict[int, CycleStatus]
    now: dt.datetime


def take_snapshot(
    root: Path,
    now: dt.datetime,
    ref: str = "HEAD",
    corpus: Corpus | None = None,
    parallel: bool = False,
) -> Snapshot:
    """The repository read and its statuses; with ``parallel``, a forked process reads the
    history and a share of the files (decision 83) where the system can."""
    if corpus is None and parallel and can_fork():
        corpus, history = read_beside(root.resolve(), ref)
    else:
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


def read_beside(root: Path, ref: str) -> tuple[Corpus, History]:
    """``read_corpus`` and ``read_history`` on two cores: the forked process reads the history
    and one file in ``FILE_SHARES``; the files come back in their order, the same corpus."""
    schemas = SchemaSet(root / "schema")
    files, problems = scan(root)
    here = Share(FILE_SHARES)
    loaded: dict[str, Loaded] = {}
    with Beside(
        lambda: (read_history(root, ref), read_files(root, files, schemas, {}, here.other())),
        forked=True,
    ) as beside:
        reads = read_files(root, files, schemas, loaded, here)
        history, theirs = beside.result()
    return assemble(root, files, problems, [*reads, *theirs], loaded), history


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


def clock_problems(corpus: Corpus, now: dt.datetime) -> list[Problem]:
    """Rules that need the check's clock: dates that cannot be true yet."""
    return finding_problems(corpus.root, clock_rules(corpus.documents, now))


def unshown_problems(corpus: Corpus, now: dt.datetime) -> list[Problem]:
    """The site's invariant, enforced by the check before any build: every valid document of a
    model belongs to a model a page shows (what the pages of site/ list, see ``model_files``)."""
    placed: set[str] = set()
    for year, cycle in corpus.cycles.items():
        roster = corpus.roster_for(year)
        if roster is None:
            return []  # a broken roster: its problems are reported, not ours to add
        # No receipts: whether a page has a place for a file does not depend on when it came.
        status = cycle_status(cycle, roster, corpus.documents, {}, now)
        for model in status.models():
            placed |= model_files(model)
        # Committees' own models: the root's page (site/results.district_page) shows its
        # registration and progress; the intermediate committees' own are counted the same.
        for own in (status.district, *(c.own for c in status.committees)):
            if own is not None:
                placed |= model_files(own, district=True)
    return [
        Problem(
            d.rel,
            1,
            "layout.not-shown",
            "Tệp đúng mẫu nhưng không thuộc mô hình nào mà trang web hiện",
            "Đặt tệp vào thư mục của một đơn vị có trong danh sách đơn vị; "
            "cần thì hỏi cơ quan tham mưu",
        )
        for d in corpus.documents
        if d.valid and d.kind in MODEL_DOCUMENTS and d.rel not in placed
    ]


# Documents of a model folder that a dossier page lists (evidence travels with the site whole).
MODEL_DOCUMENTS = frozenset({Kind.REGISTRATION, Kind.REPORT, Kind.PROGRESS, Kind.SCORE})


def model_files(model: ModelStatus, district: bool = False) -> set[str]:
    """The files a model's pages show: the district's own page shows only its registration and
    progress (site/results.district_page), a unit's dossier everything, its sheets on results."""
    files = {u.rel for u in model.progress}
    if model.document is not None:
        files.add(model.document.rel)
    if not district:
        if model.report_document is not None:
            files.add(model.report_document.rel)
        if model.outcome is not None:
            files |= {s.rel for s in model.outcome.sheets}
    return files


def received_after(snapshot: Snapshot) -> set[str]:
    """Files received after the snapshot's instant: in the "as of" view of an earlier time they
    did not exist yet, so no page shows them and none has to."""
    later: set[str] = set()
    for year, cycle in snapshot.corpus.cycles.items():
        roster = snapshot.corpus.roster_for(year)
        if roster is None:
            continue
        found = receipts(cycle, snapshot.history, roster.is_admin)
        later |= {rel for rel, receipt in found.items() if receipt.at > snapshot.now}
    return later
