"""Exports for meetings and for the province: CSV (Excel-friendly), XLSX (a sheet per stage),
the published JSON, and the deadlines as an iCalendar feed. Built from the same statuses as the
pages; before the board publishes the appraisal, no score leaves through an export either."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

import icalendar
import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from sangtao.appraisal import WAITING, Eligibility, public_eligibility
from sangtao.labels import APPRAISAL_LABELS, ELIGIBILITY_LABELS, state_label
from sangtao.model import Issuer
from sangtao.status import Compliance, CycleStatus, DocumentStatus, ModelStatus
from sangtao.status_json import SCHEMA_VERSION, cycle_json

DEADLINE_WORDS = {
    "dang_ky": "Hạn đăng ký mô hình",
    "bao_cao": "Hạn báo cáo kết quả",
    "tham_dinh": "Hạn thẩm định",
    "dang_ky_cap_uy": "Hạn cấp ủy trực thuộc đăng ký mô hình của mình",
}
OWN_DEADLINE_KEYS = ("dang_ky_cap_tren", "dang_ky_cap_huyen")  # the root's own, with its superior


def deadline_word(key: str, issuer: Issuer) -> str:
    """A deadline's name, in the cycle's words for its issuer."""
    if key in OWN_DEADLINE_KEYS:
        return f"Hạn {issuer.short} đăng ký mô hình của mình với {issuer.superior_board}"
    return DEADLINE_WORDS.get(key, key)


def _published(status: CycleStatus) -> bool:
    return bool(status.cycle.appraisal and status.cycle.appraisal.published)


def _state(doc: DocumentStatus) -> str:
    return state_label(doc.state, doc.overdue, doc.provisional)


def _received(doc: DocumentStatus) -> str:
    return doc.receipt.at.isoformat(timespec="minutes") if doc.receipt else ""


def unit_rows(
    status: CycleStatus, blocks: dict[str, str], units: Compliance | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The per-unit status table: one row per unit (of ``units``: a committee's subtree, or
    the whole cycle), its collective model. A hierarchical cycle adds each unit's committee,
    so a spreadsheet filters by it."""
    published = _published(status)
    roster = status.roster
    committees = roster.committee_by_code if roster is not None and roster.hierarchical else None
    header = [
        "Mã đơn vị",
        "Tên đơn vị",
        *(["Cấp ủy trực thuộc"] if committees is not None else []),
        "Khối",
        "Tên mô hình",
        "Đăng ký",
        "Thời điểm nhận đăng ký",
        "Tiến độ (%)",
        "Số lần báo cáo tiến độ",
        "Khó khăn chưa giải quyết",
        "Báo cáo kết quả",
        "Thời điểm nhận báo cáo",
        "Thẩm định",
        "Điểm tổng hợp",
        "Xếp loại",
        "Điều kiện «Hoàn thành xuất sắc nhiệm vụ»",
    ]
    rows = []
    for u in (units or status).units:
        m = u.collective
        above = committees.get(u.unit.committee or "") if committees is not None else None
        rows.append(
            [
                u.unit.code,
                u.unit.name,
                *([above.name if above else ""] if committees is not None else []),
                blocks.get(u.unit.block, u.unit.block),
                m.title,
                _state(m.registration),
                _received(m.registration),
                m.latest_percent if m.latest_percent is not None else "",
                len(m.progress),
                len(m.open_difficulties),
                _state(m.report),
                _received(m.report),
                APPRAISAL_LABELS[m.appraisal],
                *_scores(m, published),
                _eligibility(m, published),
            ]
        )
    return header, rows


def _scores(model: ModelStatus, published: bool) -> list[Any]:
    result = model.outcome
    if not published or result is None or not result.complete:
        return ["", ""]
    return [result.combined, result.level.name if result.level else ""]


def _eligibility(model: ModelStatus, published: bool) -> str:
    shown = public_eligibility(model.eligibility, published)
    return WAITING if WAITING in shown.reasons else ELIGIBILITY_LABELS[shown.state]


def csv_bytes(
    status: CycleStatus, blocks: dict[str, str], units: Compliance | None = None
) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Windows shows Vietnamese correctly."""
    header, rows = unit_rows(status, blocks, units)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_as_text(v) for v in row] for row in rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: Any) -> Any:
    """Unit text that Excel would read as a formula gets a leading apostrophe (CSV)."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _sheet(
    book: openpyxl.Workbook, title: str, header: list[str], rows: Iterable[list[Any]]
) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for column, value in enumerate(row, 1):
            if isinstance(value, str) and value.startswith("="):
                # unit text is never a formula (and no visible apostrophe in Excel)
                sheet.cell(row=count + 2, column=column).data_type = "s"
        count += 1
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    for index, name in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(name) + 2))


def xlsx_bytes(status: CycleStatus, blocks: dict[str, str]) -> bytes:
    """One sheet per stage, header row frozen, filters on."""
    published = _published(status)
    book = openpyxl.Workbook()
    for sheet in book.worksheets:  # the default empty sheet
        book.remove(sheet)
    header, rows = unit_rows(status, blocks)
    _sheet(book, "Tổng hợp", header, rows)
    _document_sheet(book, "Đăng ký", status, "registration", status.models())
    _sheet(
        book,
        "Tiến độ",
        [
            "Mã đơn vị",
            "Cá nhân",
            "Ngày",
            "Hoàn thành (%)",
            "Việc đã làm",
            "Khó khăn",
            "Đã giải quyết",
        ],
        _progress_rows(status),
    )
    _document_sheet(
        book,
        "Báo cáo",
        status,
        "report",
        (m for m in status.models() if m.registration.state != "missing"),
    )
    _sheet(
        book,
        "Thẩm định",
        [
            "Mã đơn vị",
            "Cá nhân",
            "Thẩm định",
            "Số phiếu",
            "Điểm tổng hợp",
            "Xếp loại",
            "Đề nghị khen thưởng",
            "Điều kiện HTXSNV",
        ],
        (
            [
                m.unit,
                m.person_name or "",
                APPRAISAL_LABELS[m.appraisal],
                m.outcome.votes if m.outcome else 0,
                *_scores(m, published),
                (
                    m.outcome.commendation.name
                    if published and m.outcome and m.outcome.commendation
                    else ""
                ),
                _eligibility(m, published),
            ]
            for m in status.models()
        ),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _document_sheet(
    book: openpyxl.Workbook,
    title: str,
    status: CycleStatus,
    kind: str,
    models: Iterable[ModelStatus],
) -> None:
    """One stage's sheet: each model's document of that kind, its state and receipt."""
    header = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Cá nhân",
        "Tên mô hình",
        "Trạng thái",
        "Thời điểm nhận",
        "Hạn (kể cả gia hạn)",
    ]
    names = {u.unit.code: u.unit.name for u in status.units}  # once, not a scan per model
    rows = []
    for m in models:
        doc: DocumentStatus = getattr(m, kind)
        deadline = doc.effective_deadline.isoformat(timespec="minutes")
        name = names.get(m.unit, m.unit)
        rows.append(
            [m.unit, name, m.person_name or "", m.title, _state(doc), _received(doc), deadline]
        )
    _sheet(book, title, header, rows)


def _progress_rows(status: CycleStatus) -> Iterable[list[Any]]:
    for m in status.models():
        for u in m.progress:
            base = [m.unit, m.person_name or "", u.on.isoformat(), u.percent, u.done]
            if not u.difficulties:
                yield [*base, "", ""]
            for d in u.difficulties:
                yield [*base, d.text, "Chưa" if d.open else "Có"]


def published_json(status: CycleStatus) -> dict[str, Any]:
    """`sangtao status --format json`, minus the scores the board has not published yet."""
    data = cycle_json(status)
    if not _published(status):
        for model in _models_json(data):
            if model.get("outcome"):
                model["outcome"] = {
                    "sheets": model["outcome"]["sheets"],
                    "complete": model["outcome"]["complete"],
                }
            found = Eligibility(
                model["eligibility"]["state"], tuple(model["eligibility"]["reasons"])
            )
            shown = public_eligibility(found, published=False)
            model["eligibility"] = {"state": shown.state, "reasons": list(shown.reasons)}
    return data


def _models_json(data: dict[str, Any]) -> Iterable[dict[str, Any]]:
    if data.get("district"):
        yield data["district"]
    for committee in data.get("committees", ()):
        if committee.get("own_model"):
            yield committee["own_model"]
    for unit in data["units"]:
        yield unit["collective"]
        yield from unit["individuals"]


def site_json(statuses: dict[int, CycleStatus], generated: dt.datetime) -> bytes:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated.isoformat(timespec="seconds"),
        "cycles": [published_json(statuses[year]) for year in sorted(statuses, reverse=True)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def calendar_bytes(statuses: dict[int, CycleStatus], issuer: str) -> bytes:
    """Every deadline as an all-day event on its date, with the exact instant in the text."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//sangtao//Mo hinh moi, cach lam sang tao//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Thời hạn mô hình mới, cách làm sáng tạo — {issuer}")
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for year in sorted(statuses):
        cycle = statuses[year].cycle
        words = statuses[year].issuer
        for key, instant in cycle.deadlines.items():
            event = icalendar.Event()
            local = instant.astimezone(dt.timezone(dt.timedelta(hours=7)))
            event.add("uid", f"{year}-{key}@sangtao")
            event.add("summary", f"{deadline_word(key, words)} năm {year}")
            event.add("dtstart", local.date())
            event.add("dtend", local.date() + dt.timedelta(days=1))
            event.add("dtstamp", dt.datetime(year, 1, 1, tzinfo=dt.UTC))
            event.add(
                "description",
                f"{cycle.name}: hạn cuối {local:%H:%M} ngày {local:%d/%m/%Y} (giờ Việt Nam).",
            )
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Còn 3 ngày: {deadline_word(key, words)}")
            alarm.add("trigger", dt.timedelta(days=-3))
            event.add_component(alarm)
            calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def committee_csv_src(year: int, code: str) -> str:
    return f"xuat/tinh-hinh-{year}-{code}.csv"


def export_files(
    statuses: dict[int, CycleStatus], blocks: dict[str, str], issuer: str, generated: dt.datetime
) -> dict[str, bytes]:
    """Site path → content of every export; a hierarchical cycle adds one CSV per committee
    (its subtree's rows), for the committee that follows only its own organisations."""
    files = {
        "xuat/du-lieu.json": site_json(statuses, generated),
        "xuat/thoi-han.ics": calendar_bytes(statuses, issuer),
    }
    for year, status in statuses.items():
        files[f"xuat/tinh-hinh-{year}.csv"] = csv_bytes(status, blocks)
        files[f"xuat/tinh-hinh-{year}.xlsx"] = xlsx_bytes(status, blocks)
        for committee in status.committees:
            files[committee_csv_src(year, committee.committee.code)] = csv_bytes(
                status, blocks, committee
            )
    return files
