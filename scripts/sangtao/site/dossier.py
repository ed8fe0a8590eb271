"""One page per unit and cycle (and per individual model): the dossier (hồ sơ).

These pages stay out of the navigation: with thousands of them in the nav every page would
carry the whole nav and the build would grow quadratically. Each section is a pure function
returning its HTML (a template in ``templates/dossier/``) and the source files it shows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sangtao.beside import EVERY_UNIT, Share
from sangtao.documents import Person, Registration, Report
from sangtao.labels import EFFECT_NAMES, KIND_WORDS, RECEIPT_FORMS, vn_date
from sangtao.layout import SCHEMA_OF, Kind, model_dir
from sangtao.site.context import SiteContext, dossier_src, evidence_src, sheet_src
from sangtao.site.form_units import prefill_query
from sangtao.site.render import Rendered, render, render_page, shown_by
from sangtao.status import (
    MISSING,
    CycleStatus,
    DocumentStatus,
    ModelStatus,
    Receipt,
    UnitStatus,
)
from sangtao.validation import Schema

# Fields shown in their own section, not in the generic list.
_SHOWN_APART = {
    *(Report.yaml_path(name)[0] for name in ("unit", "year", "results", "evidence", "effects")),
    Registration.yaml_path("person")[0],
}
_EVIDENCE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:pdf|jpg|jpeg|png)\Z")

# A field's value as the page shows it: text, or a list of such values.
Value = str | list["Value"]


# A page another process draws (decision 83): it keeps its place in the build's order.
LATER = Rendered("")


def dossier_pages(
    ctx: SiteContext, status: CycleStatus, share: Share = EVERY_UNIT
) -> dict[str, Rendered]:
    """The dossier pages of the units in ``share``; the others' pages are ``LATER``."""
    pages = {}
    for position, unit_status in enumerate(status.units):
        mine = share.owns(position)
        pages[dossier_src(unit_status.collective)] = (
            unit_page(ctx, status, unit_status) if mine else LATER
        )
        for model in unit_status.individuals:
            pages[dossier_src(model)] = (
                individual_page(ctx, status, unit_status, model) if mine else LATER
            )
    return pages


def dossiers_of(ctx: SiteContext, share: Share) -> dict[str, Rendered]:
    """Every cycle's dossier pages of the units in ``share`` (the work drawn beside)."""
    pages: dict[str, Rendered] = {}
    for status in ctx.statuses.values():
        drawn = dossier_pages(ctx, status, share)
        pages.update((src, page) for src, page in drawn.items() if page is not LATER)
    return pages


def put_back(pages: dict[str, Rendered], drawn: dict[str, Rendered]) -> dict[str, Rendered]:
    """The pages drawn beside, each in its place; a place left empty is a bug, not a page."""
    rest = dict(drawn)
    whole = {src: rest.pop(src) if page is LATER else page for src, page in pages.items()}
    if rest:
        raise AssertionError(f"dossier pages drawn twice: {sorted(rest)[:5]}")
    return whole


def status_box(ctx: SiteContext, doc: DocumentStatus) -> dict[str, Any]:
    """What the box at the head of a document's section shows: state, deadline, receipt, file."""
    receipt = doc.receipt
    commit = receipt.commit or "" if receipt is not None else ""
    return {
        "doc": doc,
        "name": KIND_WORDS.get(doc.kind, doc.kind),
        "commit_url": ctx.commit_url(commit) if commit else None,
        "source_url": ctx.source_url(doc.path) if doc.path else None,
    }


def _day(value: object) -> str:
    if isinstance(value, str):
        try:
            return vn_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return "" if value is None else str(value)


def _period(ctx: SiteContext, value: Any) -> Value | None:
    if not isinstance(value, dict):
        return None
    return f"Từ {_day(value.get('tu_ngay'))} đến {_day(value.get('den_ngay'))}"


def _sector(ctx: SiteContext, value: Any) -> Value | None:
    return ctx.fields.get(value, value) if isinstance(value, str) else None


def _yes_no(ctx: SiteContext, value: Any) -> Value | None:
    return ("Có" if value else "Không") if isinstance(value, bool) else None


# Fields shown in a way of their own; any other value is shown as text (see ``_value``).
_FORMATS: dict[str, Callable[[SiteContext, Any], Value | None]] = {
    "linh_vuc": _sector,
    "thoi_gian_thuc_hien": _period,
    "ngay_van_ban": lambda ctx, value: _day(value),
    "de_nghi_khen_thuong": _yes_no,
}


def _value(ctx: SiteContext, key: str, value: Any) -> Value:
    special = _FORMATS.get(key)
    shown = special(ctx, value) if special else None
    if shown is not None:
        return shown
    if isinstance(value, list):
        return [_value(ctx, "", v) for v in value]
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if not isinstance(v, dict | list))
    return "" if value is None else str(value)


def fields(ctx: SiteContext, schema: Schema, data: dict[str, Any]) -> list[tuple[str, Value]]:
    """A document's fields in the schema's order, labelled by the schema's titles."""
    return [
        (title, _value(ctx, key, data[key]))
        for key, title in schema.titles.items()
        if key not in _SHOWN_APART and key in data
    ]


def fields_html(ctx: SiteContext, schema: Schema, data: dict[str, Any]) -> str:
    return render("dossier/fields.html", fields=fields(ctx, schema, data))


def _data(document: object) -> dict[str, Any]:
    data = getattr(document, "data", None)
    return data if isinstance(data, dict) else {}


def form_for(ctx: SiteContext, model: ModelStatus, schema: str) -> str | None:
    """The web form that writes a missing document, for a model of the current cycle (the
    forms serve that cycle only), with the unit already chosen."""
    if model.year != ctx.current or model.person is not None:
        return None
    return f"bieu-mau/{schema}.md"


def registration_section(
    ctx: SiteContext, model: ModelStatus, missing_path: str, here: str = ""
) -> Rendered:
    return Rendered(
        render(
            "dossier/registration.html",
            here=here,
            form=form_for(ctx, model, SCHEMA_OF[Kind.REGISTRATION]) if here else None,
            prefill=prefill_query(ctx, model.unit),
            model=model,
            box=status_box(ctx, model.registration),
            missing=model.registration.state == MISSING,
            missing_path=missing_path,
            fields=fields(ctx, ctx.schemas[SCHEMA_OF[Kind.REGISTRATION]], _data(model.document)),
        ),
        frozenset({model.document.rel} if model.document is not None else ()),
    )


def progress_section(ctx: SiteContext, model: ModelStatus) -> Rendered:
    if model.registration.state == MISSING and not model.progress:
        return Rendered("")
    return Rendered(
        render(
            "dossier/progress.html",
            model=model,
            days=model.days_since_update(ctx.now),
            updates=list(reversed(model.progress)),
        ),
        frozenset(u.rel for u in model.progress),
    )


def _results(report: Report) -> list[list[object]]:
    """The rows of "Kết quả đạt được": before, after and the change between them."""
    rows = []
    for item in report.results:
        before, after = item.before, item.after
        change = ""
        if isinstance(before, int | float) and isinstance(after, int | float):
            change = f"{after - before:+g}"
        cells = (item.measure, item.unit, before, after)
        rows.append([*("" if c is None else str(c) for c in cells), change, item.note])
    return rows


def _evidence(model: ModelStatus, report: Report) -> list[dict[str, Any]]:
    """Evidence items: an https link, a file copied beside the page, or a name that is wrong."""
    items = []
    for item in report.evidence:
        link, name = item.link, item.file
        entry: dict[str, Any] = {"title": item.title, "url": None, "src": None}
        if isinstance(link, str) and link.startswith("https://"):
            items.append({**entry, "url": link})
        elif isinstance(name, str) and _EVIDENCE_NAME.match(name):
            items.append({**entry, "src": evidence_src(model, name)})
        elif isinstance(name, str):
            items.append({**entry, "name": name})
    return items


def report_section(ctx: SiteContext, model: ModelStatus, here: str, missing_path: str) -> Rendered:
    if model.registration.state == MISSING and model.report.state == MISSING:
        return Rendered("")
    document = model.report_document
    report = Report.of(document) if document is not None else Report.from_data(None)
    effects = report.effects
    return Rendered(
        render(
            "dossier/report.html",
            here=here,
            form=form_for(ctx, model, SCHEMA_OF[Kind.REPORT]),
            prefill=prefill_query(ctx, model.unit),
            model=model,
            box=status_box(ctx, model.report),
            missing=model.report.state == MISSING,
            missing_path=missing_path,
            results=_results(report) if report.listed_results else None,
            effects=[(EFFECT_NAMES.get(k, k), v) for k, v in effects.items()]
            if effects is not None
            else [],
            fields=fields(ctx, ctx.schemas[SCHEMA_OF[Kind.REPORT]], _data(document)),
            evidence=_evidence(model, report) if report.listed_evidence else None,
        ),
        frozenset({document.rel} if document is not None else ()),
    )


def appraisal_section(model: ModelStatus) -> Rendered:
    return Rendered(render("dossier/appraisal.html", model=model))


def outcome_section(ctx: SiteContext, model: ModelStatus, here: str) -> Rendered:
    """Scores by criterion, the printable sheets and the cycle's results: only once the board
    has published the results."""
    status = ctx.statuses.get(model.year)
    appraisal = status.cycle.appraisal if status else None
    result = model.outcome
    if appraisal is None or result is None or not result.sheets:
        return Rendered("")
    return Rendered(
        render(
            "dossier/outcome.html",
            here=here,
            appraisal=appraisal,
            result=result,
            combined=dict(result.by_criterion),
            counted=[s for s in result.sheets if s.valid],
            printable=[
                (sheet_src(model.year, model.unit, model.person, s.account), s.appraiser)
                for s in result.sheets
            ],
            results=f"{ctx.cycle_prefix(model.year)}ket-qua-tham-dinh.md",
        )
    )


def _person(who: Person | None) -> str:
    """«Họ tên, chức vụ» as the document writes them (decision 64)."""
    return ", ".join(x for x in (who.name, who.position) if x) if who is not None else ""


def _receipt_how(receipt: Receipt) -> str:
    entry = receipt.entry
    if receipt.source == "book" and entry is not None:
        number = f", số đến {entry.number}" if entry.number else ""
        form = RECEIPT_FORMS.get(entry.form, entry.form)
        return f"{form}{number}, theo sổ tiếp nhận ({entry.recorder} ghi)"
    return "qua kho Git" + (f", commit của: {receipt.merged_by}" if receipt.merged_by else "")


def _document_rows(
    ctx: SiteContext, folder: str, rel: str, kind: Kind, who: str, receipt: Receipt | None
) -> list[dict[str, Any]]:
    """A document's receipt, then its corrections: landings that changed what it says. A
    landing that changed no value (comments, layout, a board-wide tidy-up) is maintenance and
    stays out; so does the commit that typed a paper submission in (the book dates it)."""
    schema = ctx.schemas[SCHEMA_OF[kind]]
    file = rel.removeprefix(folder + "/")
    rows: list[dict[str, Any]] = []
    if receipt is not None:
        rows.append(
            {"at": receipt.at, "file": file, "what": "Nhận hồ sơ", "who": who or "—",
             "how": _receipt_how(receipt)}
        )  # fmt: skip
    first_added = True
    for revision in ctx.revisions.get(rel, ()):
        landing = revision.landing
        if revision.kind == "added":
            if first_added or (receipt is not None and landing.commit == receipt.commit):
                first_added = False
                continue
            what = "Nộp lại"
        elif revision.kind == "deleted":
            what = "Rút hồ sơ (xóa tệp)"
        elif revision.fields:
            titles = ", ".join(schema.at((k,)).get("title", k) for k in revision.fields)
            what = f"Sửa đổi: {titles}"
        else:
            continue  # maintenance: the document says the same thing
        first_added = False
        rows.append(
            {
                "at": landing.at,
                "file": file,
                "what": what,
                "who": landing.author,
                "how": "qua kho Git",
            }
        )
    return rows


def history_rows(ctx: SiteContext, model: ModelStatus) -> list[dict[str, Any]]:
    """Per document of the model: who submitted it and when it was received, then its
    corrections with their dates, oldest first (decision 64)."""
    folder = model_dir(model.year, model.unit, model.person)
    documents: list[tuple[str, Kind, str, Receipt | None]] = []
    if model.document is not None:
        # Who submitted: the signer, else the person whose model it is, else who leads it.
        reg = Registration.of(model.document)
        who = _person(reg.signer or reg.person or reg.responsible)
        documents.append((model.document.rel, Kind.REGISTRATION, who, model.registration.receipt))
    if model.report_document is not None:
        who = _person(Report.of(model.report_document).signer)
        documents.append((model.report_document.rel, Kind.REPORT, who, model.report.receipt))
    documents += [(u.rel, Kind.PROGRESS, u.reporter, u.receipt) for u in model.progress]
    rows: list[dict[str, Any]] = []
    for rel, kind, who, receipt in documents:
        rows += _document_rows(ctx, folder, rel, kind, who, receipt)
    rows.sort(key=lambda row: row["at"])
    return rows


def history_section(ctx: SiteContext, model: ModelStatus) -> Rendered:
    """Each document: who submitted it, when it was received, how; then its corrections."""
    rows = history_rows(ctx, model)
    return Rendered(render("dossier/history.html", rows=rows) if rows else "")


def model_sections(ctx: SiteContext, model: ModelStatus, here: str) -> list[Rendered]:
    folder = model_dir(model.year, model.unit, model.person)
    return [
        appraisal_section(model),
        registration_section(ctx, model, f"{folder}/dang-ky.yaml", here),
        progress_section(ctx, model),
        report_section(ctx, model, here, f"{folder}/bao-cao.yaml"),
        outcome_section(ctx, model, here),
        history_section(ctx, model),
    ]


def unit_page(ctx: SiteContext, status: CycleStatus, unit_status: UnitStatus) -> Rendered:
    unit, model = unit_status.unit, unit_status.collective
    here = dossier_src(model)
    sections = model_sections(ctx, model, here)
    return render_page(
        "dossier/unit.html",
        f"{unit.name} — năm {status.cycle.year}",
        shown=shown_by(sections),
        keywords=(model.title, *(f"{m.person_name} {m.title}" for m in unit_status.individuals)),
        here=here,
        year=status.cycle.year,
        prefix=ctx.cycle_prefix(status.cycle.year),
        unit=unit,
        kind=ctx.unit_kinds.get(unit.kind, unit.kind),
        block=ctx.blocks.get(unit.block, unit.block),
        sections=[s.html for s in sections],
        individuals=[(dossier_src(m), m) for m in unit_status.individuals],
    )


def individual_page(
    ctx: SiteContext, status: CycleStatus, unit_status: UnitStatus, model: ModelStatus
) -> Rendered:
    here = dossier_src(model)
    name = model.person_name or model.person or ""
    sections = model_sections(ctx, model, here)
    return render_page(
        "dossier/individual.html",
        f"{name} — {unit_status.unit.name} — năm {status.cycle.year}",
        shown=shown_by(sections),
        keywords=(model.title,),
        here=here,
        name=name,
        year=status.cycle.year,
        model=model,
        unit=unit_status.unit,
        unit_src=dossier_src(unit_status.collective),
        sections=[s.html for s in sections],
    )
