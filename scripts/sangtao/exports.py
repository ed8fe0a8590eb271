"""Exports for meetings and for the province: CSV (Excel-friendly), XLSX (a sheet per stage),
the published JSON, and the deadlines as an iCalendar feed. Built from the same statuses as the
pages; before the board publishes the appraisal, no score leaves through an export either."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from copy import copy
from typing import Any

import icalendar
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sangtao.appraisal import WAITING, Eligibility, public_eligibility
from sangtao.labels import APPRAISAL_LABELS, ELIGIBILITY_LABELS, deadline_name, state_label
from sangtao.layout import Kind
from sangtao.model import TZ, State
from sangtao.status import Compliance, CycleStatus, DocumentStatus, ModelStatus
from sangtao.status_json import SCHEMA_VERSION, cycle_json


def _published(status: CycleStatus) -> bool:
    return bool(status.cycle.appraisal and status.cycle.appraisal.published)


def _state(doc: DocumentStatus) -> str:
    return state_label(doc.state, doc.overdue, doc.provisional)


def _received(doc: DocumentStatus) -> dt.datetime | str:
    return doc.receipt.at if doc.receipt else ""


def _csv_value(value: Any) -> Any:
    """CSV is for machines: instants in ISO 8601 with their offset, numbers as Python writes
    them; unit text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _as_text(value)


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
    # Every field quoted: a spreadsheet opening the file with another list separator (`;` in
    # many locales) still keeps each cell whole.
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows([_csv_value(v) for v in row] for row in rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A formula character at the start of the text, or after any character a spreadsheet may split
# fields on (`,` `;` tab, a line break, `|`): `a;=1+1` is two cells where `;` separates.
_FORMULA_AFTER_SEPARATOR = re.compile(r"(^|[,;\t\r\n|])([ \t]*)(?=[=+\-@])")


def _as_text(value: Any) -> Any:
    """Unit text that a spreadsheet would read as a formula gets an apostrophe (CSV)."""
    return _FORMULA_AFTER_SEPARATOR.sub(r"\1\2'", value) if isinstance(value, str) else value


# Excel has no time zones: instants are written as Vietnam wall-clock time, and say so.
_DATE_TIME_FORMAT = "[$-42A]dd/mm/yyyy hh:mm"
_DATE_FORMAT = "[$-42A]dd/mm/yyyy"
_DECIMAL_FORMAT = "#,##0.00"
_INTEGER_FORMAT = "#,##0"
_MAX_WIDTH = 50  # characters; longer text wraps
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
PAPERSIZE_A4 = Worksheet.PAPERSIZE_A4


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(TZ).replace(tzinfo=None)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _number_format(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return _DATE_TIME_FORMAT
    if isinstance(value, dt.date):
        return _DATE_FORMAT
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return _DECIMAL_FORMAT
    if isinstance(value, int):
        return _INTEGER_FORMAT
    return None


def _shown_length(value: Any) -> int:
    """About how many characters a cell shows, for the column width."""
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if value is None or value == "":
        return 0
    return max(len(line) for line in str(value).splitlines() or [""])


def _header_text(text: str) -> str:
    """Text for a printed page header: ``&`` starts a code there."""
    return text.replace("&", "&&")


def _sheet(
    book: openpyxl.Workbook,
    title: str,
    header: list[str],
    rows: Iterable[list[Any]],
    page_title: str = "",
) -> None:
    """A sheet ready for a meeting: bold frozen header with filters, real dates and numbers,
    columns as wide as their content (long text wraps), A4 landscape one page wide with the
    header row on every page and the title in the page header.

    The book is write-only (rows stream to the file instead of living as cell objects: a
    province's workbook took seconds and hundreds of MiB), so the column widths are measured
    before the first row is written, and every cell takes its style from a prototype cell of
    its number format instead of looking each style up again."""
    sheet = book.create_sheet(title)
    table = [list(row) for row in rows]
    widths = [max((len(w) for w in name.split()), default=0) for name in header]
    for row in table:
        for column, value in enumerate(row):
            widths[column] = max(widths[column], _shown_length(value))
    for index, width in enumerate(widths, 1):
        # +2 for the filter button and a margin; Vietnamese diacritics need no extra room
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(_MAX_WIDTH, width + 3))
    wrap = Alignment(wrap_text=True, vertical="top")
    styles: dict[str | None, Any] = {}

    def style_of(number_format: str | None) -> Any:
        if number_format not in styles:
            prototype = WriteOnlyCell(sheet)
            prototype.alignment = wrap
            if number_format:
                prototype.number_format = number_format
            styles[number_format] = prototype._style  # type: ignore[attr-defined]
        return styles[number_format]

    _print_layout(sheet, page_title or title)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(table) + 1}"
    bold = Font(bold=True)
    top = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        top.append(cell)
    sheet.append(top)
    for row in table:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_cell_value(value))
            if isinstance(value, str) and value.startswith("="):
                # unit text is never a formula (and no visible apostrophe in Excel)
                cell.data_type = "s"
            cell._style = copy(style_of(_number_format(value)))  # type: ignore[attr-defined]
            cells.append(cell)
        sheet.append(cells)


def _print_layout(sheet: Any, page_title: str) -> None:
    """A4 landscape, one page wide, the header row on every page, the title on top."""
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.oddHeader.center.text = _header_text(page_title)
    sheet.oddHeader.center.font = "Times New Roman,Bold"
    sheet.oddFooter.right.text = "Trang &P/&N"
    sheet.page_margins.left = sheet.page_margins.right = 0.4


APPRAISAL_HEADER = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Cá nhân",
    "Tên mô hình",
    "Thẩm định",
    "Số phiếu",
    "Điểm tổng hợp",
    "Xếp loại",
    "Đề nghị khen thưởng",
    "Điều kiện HTXSNV",
]


def _appraisal_rows(status: CycleStatus, names: dict[str, str]) -> Iterator[list[Any]]:
    """One row per model: appraisability, votes, and (once published) scores and level."""
    published = _published(status)
    for m in status.models():
        commendation = m.outcome.commendation if published and m.outcome else None
        yield [
            m.unit,
            names.get(m.unit, m.unit),
            m.person_name or "",
            m.title,
            APPRAISAL_LABELS[m.appraisal],
            m.outcome.votes if m.outcome else 0,
            *_scores(m, published),
            commendation.name if commendation else "",
            _eligibility(m, published),
        ]


def xlsx_bytes(status: CycleStatus, blocks: dict[str, str]) -> bytes:
    """One sheet per stage, each with unit names, ready to print for a meeting."""
    book = openpyxl.Workbook(write_only=True)  # no default sheet in a write-only book
    issuer = status.issuer.name if status.issuer.named else ""
    lead = f"{issuer} — {status.cycle.name}" if issuer else status.cycle.name

    def titled(name: str) -> str:
        return f"{lead}: {name.lower()}"

    names = {u.unit.code: u.unit.name for u in status.units}  # once, not a scan per model
    header, rows = unit_rows(status, blocks)
    _sheet(book, "Tổng hợp", header, rows, titled("Tình hình từng đơn vị"))
    _document_sheet(
        book, "Đăng ký", status, Kind.REGISTRATION, status.models(), names, titled("Đăng ký")
    )
    _sheet(
        book,
        "Tiến độ",
        [
            "Mã đơn vị",
            "Tên đơn vị",
            "Cá nhân",
            "Ngày",
            "Hoàn thành (%)",
            "Việc đã làm",
            "Khó khăn",
            "Đã giải quyết",
        ],
        _progress_rows(status, names),
        titled("Tiến độ"),
    )
    _document_sheet(
        book,
        "Báo cáo",
        status,
        Kind.REPORT,
        (m for m in status.models() if m.registration.state != State.MISSING),
        names,
        titled("Báo cáo kết quả"),
    )
    _sheet(book, "Thẩm định", APPRAISAL_HEADER, _appraisal_rows(status, names), titled("Thẩm định"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _document_sheet(
    book: openpyxl.Workbook,
    title: str,
    status: CycleStatus,
    kind: Kind,
    models: Iterable[ModelStatus],
    names: dict[str, str],
    page_title: str,
) -> None:
    """One stage's sheet: each model's document of that kind, its state and receipt."""
    header = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Cá nhân",
        "Tên mô hình",
        "Trạng thái",
        "Thời điểm nhận (giờ Việt Nam)",
        "Hạn, kể cả gia hạn (giờ Việt Nam)",
    ]
    rows = []
    for m in models:
        doc: DocumentStatus = getattr(m, kind)
        name = names.get(m.unit, m.unit)
        rows.append(
            [
                m.unit,
                name,
                m.person_name or "",
                m.title,
                _state(doc),
                _received(doc),
                doc.effective_deadline,
            ]
        )
    _sheet(book, title, header, rows, page_title)


def _progress_rows(status: CycleStatus, names: dict[str, str]) -> Iterable[list[Any]]:
    for m in status.models():
        for u in m.progress:
            base = [m.unit, names.get(m.unit, m.unit), m.person_name or "", u.on, u.percent, u.done]
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
    return "".join(site_json_text(statuses, generated)).encode("utf-8")


def site_json_text(statuses: dict[int, CycleStatus], generated: dt.datetime) -> Iterator[str]:
    """The published JSON as ``json.dumps(indent=1)`` lays it out, piece by piece: whoever
    writes it to a file never holds the whole text (some 50 MB at 30,000 dossiers) or its
    UTF-8 copy."""
    payload = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated.isoformat(timespec="seconds"),
        "cycles": [published_json(statuses[year]) for year in sorted(statuses, reverse=True)],
    }
    return json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(payload)


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
            event.add("summary", f"Hạn: {deadline_name(key, words)} năm {year}")
            event.add("dtstart", local.date())
            event.add("dtend", local.date() + dt.timedelta(days=1))
            event.add("dtstamp", dt.datetime(year, 1, 1, tzinfo=dt.UTC))
            event.add(
                "description",
                f"{cycle.name}: hạn cuối {local:%H:%M} ngày {local:%d/%m/%Y} (giờ Việt Nam).",
            )
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Còn 3 ngày: {deadline_name(key, words)}")
            alarm.add("trigger", dt.timedelta(days=-3))
            event.add_component(alarm)
            calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def committee_csv_src(year: int, code: str) -> str:
    return f"xuat/tinh-hinh-{year}-{code}.csv"


def export_files(
    statuses: dict[int, CycleStatus], blocks: dict[str, str], issuer: str, generated: dt.datetime
) -> Iterator[tuple[str, bytes | Iterator[str]]]:
    """Site path and content of every export (bytes, or text piece by piece), one after the
    other (a province's are tens of megabytes: whoever writes them holds one at a time); a
    hierarchical cycle adds one CSV per committee (its subtree's rows), for the committee that
    follows only its own organisations."""
    yield "xuat/du-lieu.json", site_json_text(statuses, generated)
    yield "xuat/thoi-han.ics", calendar_bytes(statuses, issuer)
    for year, status in statuses.items():
        yield f"xuat/tinh-hinh-{year}.csv", csv_bytes(status, blocks)
        yield f"xuat/tinh-hinh-{year}.xlsx", xlsx_bytes(status, blocks)
        for committee in status.committees:
            yield (
                committee_csv_src(year, committee.committee.code),
                csv_bytes(status, blocks, committee),
            )
