"""Appraisal pages: results and commendations, the eligibility list for the annual rating, and
printable official documents (score sheets, the team's summary minutes, the district's own
registration to the province). Until the board publishes, no score leaves the repository's
pages: only how many sheets are in. Pure functions, like the other page builders: each page's
HTML comes from its template (``templates/results/``, ``templates/print/``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sangtao.appraisal import WAITING, Sheet, public_eligibility
from sangtao.model import Appraisal
from sangtao.site.charts import score_distribution
from sangtao.site.context import SiteContext, chrome, district_letter_src, dossier_src
from sangtao.site.context import sheet_src as model_sheet_src
from sangtao.site.dossier import fields, history_section, progress_section, registration_section
from sangtao.site.render import Rendered, render_page, shown_by
from sangtao.status import APPRAISABLE, CycleStatus, ModelStatus


def results_pages(ctx: SiteContext) -> dict[str, Rendered]:
    pages: dict[str, Rendered] = {}
    for year, status in ctx.statuses.items():
        pages.update(_cycle_results(ctx, status, ctx.cycle_prefix(year)))
    return pages


def _cycle_results(ctx: SiteContext, status: CycleStatus, prefix: str) -> dict[str, Rendered]:
    year = status.cycle.year
    appraisal = status.cycle.appraisal
    pages = {f"{prefix}xep-loai.md": eligibility_page(ctx, status, f"{prefix}xep-loai.md")}
    results = f"{prefix}ket-qua-tham-dinh.md"
    if appraisal is None:
        pages[results] = render_page(
            "results/no-appraisal.html",
            f"Kết quả thẩm định năm {year}",
            year=year,
            here=results,
            **chrome(ctx, year),
        )
    else:
        pages[results] = results_page(ctx, status, appraisal, results)
        if appraisal.published:
            pages[minutes_src(year)] = minutes_page(ctx, status, appraisal)
            for model in status.models():
                for sheet in model.outcome.sheets if model.outcome else ():
                    pages[sheet_src(model, sheet)] = sheet_page(
                        ctx, status, appraisal, model, sheet
                    )
    if status.district is not None:
        pages[dossier_src(status.district)] = district_page(ctx, status, status.district)
        pages[district_letter_src(year)] = district_letter(ctx, status, status.district)
    return pages


def minutes_src(year: int) -> str:
    return f"in/{year}/bien-ban-tham-dinh.md"


def sheet_src(model: ModelStatus, sheet: Sheet) -> str:
    return model_sheet_src(model.year, model.unit, model.person, sheet.account)


def _published(status: CycleStatus) -> bool:
    return bool(status.cycle.appraisal and status.cycle.appraisal.published)


def _who(ctx: SiteContext, model: ModelStatus) -> str:
    names = ctx.roster.by_code
    unit = names[model.unit].name if model.unit in names else model.unit
    return f"{model.person_name or model.person} ({unit})" if model.person else unit


def _sheets_shown(status: CycleStatus) -> frozenset[str]:
    """Sheets are shown as counts before publication, in full after it."""
    return frozenset(s.rel for m in status.models() if m.outcome for s in m.outcome.sheets)


def results_page(
    ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, here: str
) -> Rendered:
    models = [
        m for m in status.models() if m.appraisal == APPRAISABLE or (m.outcome and m.outcome.sheets)
    ]
    ranked = sorted(
        (m for m in models if m.outcome and m.outcome.complete),
        key=lambda m: -(m.outcome.combined or 0) if m.outcome else 0,
    )
    scores = [m.outcome.combined for m in ranked if m.outcome and m.outcome.combined is not None]
    chart = score_distribution(
        scores, appraisal.maximum, [(lv.name, lv.threshold) for lv in appraisal.classification]
    )
    return render_page(
        "results/results.html",
        f"Kết quả thẩm định năm {status.cycle.year}",
        shown=_sheets_shown(status),
        here=here,
        appraisal=appraisal,
        models=[(m, _who(ctx, m)) for m in models],
        ranked=[(m, _who(ctx, m)) for m in ranked],
        pending=[(m, _who(ctx, m)) for m in models if not (m.outcome and m.outcome.complete)],
        chart=chart,
        minutes=minutes_src(status.cycle.year),
        dossier_src=dossier_src,
        **chrome(ctx, status.cycle.year),
    )


def eligibility_page(ctx: SiteContext, status: CycleStatus, here: str) -> Rendered:
    """The page the Standing Committee uses: who may be rated "Hoàn thành xuất sắc nhiệm vụ"."""
    published = _published(status)

    def row(model: ModelStatus, name: str) -> dict[str, Any]:
        found = public_eligibility(model.eligibility, published)
        waiting = WAITING in found.reasons
        return {
            "src": dossier_src(model),
            "name": name,
            "state": "waiting" if waiting else found.state,
            "reasons": "; ".join(() if waiting else found.reasons),
        }

    collective = [row(u.collective, u.unit.name) for u in status.units]
    counts: dict[str, int] = {}
    for item in collective:
        counts[item["state"]] = counts.get(item["state"], 0) + 1
    appraisal = status.cycle.appraisal
    return render_page(
        "results/eligibility.html",
        f"Điều kiện xếp loại «Hoàn thành xuất sắc nhiệm vụ» năm {status.cycle.year}",
        here=here,
        minimum=bool(appraisal and appraisal.excellence_minimum),
        counts=counts,
        collective=collective,
        individual=[row(m, _who(ctx, m)) for u in status.units for m in u.individuals],
        **chrome(ctx, status.cycle.year),
    )


# -- printable official documents ------------------------------------------------------------


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _document(ctx: SiteContext, **values: Any) -> dict[str, Any]:
    """What the header of every printable document needs: the district's names and place."""
    district = ctx.roster.district
    return {
        "superior": district.get("cap_tren", ""),
        "district": district.get("ten", ""),
        "place": district.get("dia_danh", ""),
        **values,
    }


def sheet_page(
    ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, model: ModelStatus, sheet: Sheet
) -> Rendered:
    levels = {level.code: level.name for level in appraisal.classification}
    return render_page(
        "print/sheet.html",
        f"Phiếu chấm điểm — {_who(ctx, model)} — {sheet.appraiser}",
        **_document(ctx, number="", day=_day(sheet.day)),
        year=status.cycle.year,
        appraisal=appraisal,
        model=model,
        who=_who(ctx, model),
        sheet=sheet,
        level=levels.get(sheet.proposed_level, sheet.proposed_level),
    )


def minutes_page(ctx: SiteContext, status: CycleStatus, appraisal: Appraisal) -> Rendered:
    models = [m for m in status.models() if m.outcome and m.outcome.complete]
    models.sort(key=lambda m: -(m.outcome.combined or 0) if m.outcome else 0)
    unfinished = [
        m
        for m in status.models()
        if m.appraisal == APPRAISABLE and not (m.outcome and m.outcome.complete)
    ]
    split = [
        m for m in status.models() if m.outcome and m.outcome.complete and m.outcome.disagreement
    ]
    return render_page(
        "print/minutes.html",
        f"Biên bản tổng hợp kết quả thẩm định năm {status.cycle.year}",
        **_document(
            ctx,
            number=appraisal.minutes_number,
            day=_day(appraisal.minutes_date),
        ),
        year=status.cycle.year,
        appraisal=appraisal,
        models=[(m, _who(ctx, m)) for m in models],
        leader=next((a for a in appraisal.team if a.leader), None),
        not_appraised=sum(
            1
            for m in status.models()
            if m.appraisal != APPRAISABLE and m.registration.state != "missing"
        ),
        unfinished=[(m, _who(ctx, m)) for m in unfinished],
        split=[(m, _who(ctx, m)) for m in split],
    )


def district_page(ctx: SiteContext, status: CycleStatus, model: ModelStatus) -> Rendered:
    here = dossier_src(model)
    name = ctx.roster.district.get("ten", "")
    sections = [
        registration_section(ctx, model, f"submissions/{model.year}/{model.unit}/dang-ky.yaml"),
        progress_section(ctx, model),
        history_section(ctx, model),
    ]
    return render_page(
        "results/district.html",
        f"Mô hình của {name} — năm {status.cycle.year}",
        shown=shown_by(sections),
        here=here,
        name=name,
        upper=ctx.roster.district.get("co_quan_cap_tren", ""),
        letter=district_letter_src(status.cycle.year),
        sections=[s.html for s in sections],
    )


def district_letter(ctx: SiteContext, status: CycleStatus, model: ModelStatus) -> Rendered:
    district = ctx.roster.district
    document = model.document
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    signer = data.get("nguoi_ky") if isinstance(data.get("nguoi_ky"), dict) else {}
    deadlines = status.cycle.deadlines
    return render_page(
        "print/district-letter.html",
        f"Đăng ký mô hình của {district.get('ten', '')} năm {status.cycle.year}",
        **_document(
            ctx,
            issuer="",
            number=str(data.get("so_van_ban", "")),
            day=_day(data.get("ngay_van_ban")),
        ),
        year=status.cycle.year,
        upper=district.get("co_quan_cap_tren", ""),
        fields=fields(ctx, ctx.schemas["dang-ky"], data) if data else None,
        signer=signer or {},
        deadline=deadlines.get("dang_ky_cap_huyen", deadlines["dang_ky"]),
    )
