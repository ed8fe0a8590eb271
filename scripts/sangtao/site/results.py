"""Appraisal pages: results and commendations, the eligibility list for the annual rating, and
printable official documents (score sheets, the team's summary minutes, each committee's
registration of its own model with the level above). Until the board publishes, no score leaves the repository's
pages: only how many sheets are in. Pure functions, like the other page builders: each page's
HTML comes from its template (``templates/results/``, ``templates/print/``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sangtao.appraisal import WAITING, Sheet, public_eligibility
from sangtao.documents import Registration
from sangtao.layout import SCHEMA_OF, Kind, path_of
from sangtao.model import Appraisal, State, citation
from sangtao.site.charts import score_distribution
from sangtao.site.context import SCORE_FORM_SRC, SiteContext, chrome, dossier_src, own_letter_src
from sangtao.site.context import sheet_src as model_sheet_src
from sangtao.site.dossier import fields, history_section, progress_section, registration_section
from sangtao.site.parts import Paging, kept, list_pages, paging_values, titled
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
    pages = eligibility_pages(ctx, status, f"{prefix}xep-loai.md")
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
        pages.update(appraisal_results_pages(ctx, status, appraisal, results))
        if appraisal.published:
            pages[minutes_src(year)] = minutes_page(ctx, status, appraisal)
            for model in status.models():
                for sheet in model.outcome.sheets if model.outcome else ():
                    pages[sheet_src(model, sheet)] = sheet_page(
                        ctx, status, appraisal, model, sheet
                    )
    for model, own in own_model_words(status):
        pages[dossier_src(model)] = own_model_page(ctx, status, model, own)
        pages[own_letter_src(model)] = own_model_letter(ctx, status, model, own)
    return pages


def minutes_src(year: int) -> str:
    return f"in/{year}/bien-ban-tham-dinh.md"


def sheet_src(model: ModelStatus, sheet: Sheet) -> str:
    return model_sheet_src(model.year, model.unit, model.person, sheet.account)


@dataclass(frozen=True)
class OwnModel:
    """Who registers a committee's own model, with whom, by when, under which heading."""

    name: str  # the committee
    short: str  # how a sentence names it
    superior: str  # the first line of the printed letter's heading
    upper: str  # the body it registers with
    deadline: dt.datetime


def own_model_words(status: CycleStatus) -> list[tuple[ModelStatus, OwnModel]]:
    """The root committee's own model (registered with its superior) and each intermediate
    committee's (registered with the committee above it, or with the root's board)."""
    words = status.issuer
    found = []
    if status.district is not None:
        own = OwnModel(
            words.name,
            words.short,
            words.superior,
            words.superior_board,
            status.cycle.own_deadline(True),
        )
        found.append((status.district, own))
    roster = status.roster
    above = roster.committee_by_code if roster is not None else {}
    for committee in status.committees:
        if committee.own is None:
            continue
        parent = above.get(committee.committee.parent or "")
        upper = parent.name if parent else words.board
        own = OwnModel(
            committee.committee.name,
            committee.committee.name,
            parent.name if parent else words.party,
            upper,
            status.cycle.own_deadline(False),
        )
        found.append((committee.own, own))
    return found


def _published(status: CycleStatus) -> bool:
    return bool(status.cycle.appraisal and status.cycle.appraisal.published)


def _who(ctx: SiteContext, model: ModelStatus) -> str:
    names = ctx.roster_of(model.year).by_code
    unit = names[model.unit].name if model.unit in names else model.unit
    return f"{model.person_name or model.person} ({unit})" if model.person else unit


def _sheets_shown(status: CycleStatus) -> frozenset[str]:
    """Sheets are shown as counts before publication, in full after it."""
    return frozenset(s.rel for m in status.models() if m.outcome for s in m.outcome.sheets)


def appraisal_results_pages(
    ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, base: str
) -> dict[str, Rendered]:
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
    pending = [m for m in models if not (m.outcome and m.outcome.complete)]
    commended = [m for m in ranked if m.outcome and m.outcome.commendation]
    # The rows a unit has on this page: before publication one per model, after it its ranked
    # (and commended) and its pending models.
    shown = [*ranked, *commended, *pending] if appraisal.published else models
    per_unit = Counter(m.unit for m in shown)
    title = f"Kết quả thẩm định năm {status.cycle.year}"

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "results/results.html",
            titled(title, paging),
            shown=_sheets_shown(status),
            here=here,
            year=status.cycle.year,
            appraisal=appraisal,
            models=[(m, _who(ctx, m)) for m in models if kept(m.unit, keep)],
            # The rank is the whole cycle's, on every part.
            ranked=[
                (rank, m, _who(ctx, m)) for rank, m in enumerate(ranked, 1) if kept(m.unit, keep)
            ],
            pending=[(m, _who(ctx, m)) for m in pending if kept(m.unit, keep)],
            chart=chart,
            minutes=minutes_src(status.cycle.year),
            dossier_src=dossier_src,
            score_form=SCORE_FORM_SRC if status.cycle.year == ctx.current else None,
            **paging_values(paging),
            **chrome(ctx, status.cycle.year),
        )

    return list_pages(ctx, status, base, lambda u: per_unit.get(u.unit.code, 0), draw)


def eligibility_pages(ctx: SiteContext, status: CycleStatus, base: str) -> dict[str, Rendered]:
    """The page the Standing Committee uses: who may be rated "Hoàn thành xuất sắc nhiệm vụ"."""
    published = _published(status)

    def row(model: ModelStatus, name: str) -> dict[str, Any]:
        found = public_eligibility(model.eligibility, published)
        waiting = WAITING in found.reasons
        return {
            "unit": model.unit,
            "src": dossier_src(model),
            "name": name,
            "state": "waiting" if waiting else found.state,
            "reasons": "; ".join(() if waiting else found.reasons),
        }

    collective = [row(u.collective, u.unit.name) for u in status.units]
    individual = [row(m, _who(ctx, m)) for u in status.units for m in u.individuals]
    counts: dict[str, int] = {}
    for item in collective:
        counts[item["state"]] = counts.get(item["state"], 0) + 1
    appraisal = status.cycle.appraisal
    title = f"Điều kiện xếp loại «Hoàn thành xuất sắc nhiệm vụ» năm {status.cycle.year}"

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "results/eligibility.html",
            titled(title, paging),
            here=here,
            year=status.cycle.year,
            letter=status.cycle.letter,
            minimum=bool(appraisal and appraisal.excellence_minimum),
            counts=counts,
            collective=[r for r in collective if kept(r["unit"], keep)],
            individual=[r for r in individual if kept(r["unit"], keep)],
            **paging_values(paging),
            **chrome(ctx, status.cycle.year),
        )

    return list_pages(ctx, status, base, lambda u: 1 + len(u.individuals), draw)


# -- printable official documents ------------------------------------------------------------


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _document(status: CycleStatus, **values: Any) -> dict[str, Any]:
    """What the header of every printable document needs: the issuer's names and place."""
    words = status.issuer
    return {
        "superior": words.superior,
        "committee": words.name,
        "place": words.place,
        **values,
    }


def sheet_page(
    ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, model: ModelStatus, sheet: Sheet
) -> Rendered:
    levels = {level.code: level.name for level in appraisal.classification}
    return render_page(
        "print/sheet.html",
        f"Phiếu chấm điểm — {_who(ctx, model)} — {sheet.appraiser}",
        **_document(status, number="", day=_day(sheet.day)),
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
            status,
            number=appraisal.minutes_number,
            day=_day(appraisal.minutes_date),
        ),
        year=status.cycle.year,
        appraisal=appraisal,
        words=status.issuer,
        bases=citations(status),
        models=[(m, _who(ctx, m)) for m in models],
        leader=next((a for a in appraisal.team if a.leader), None),
        not_appraised=sum(
            1
            for m in status.models()
            if m.appraisal != APPRAISABLE and m.registration.state != State.MISSING
        ),
        unfinished=[(m, _who(ctx, m)) for m in unfinished],
        split=[(m, _who(ctx, m)) for m in split],
    )


def citations(status: CycleStatus) -> str:
    """The cycle's legal basis as a sentence cites it: «Kế hoạch 12-KH/TU và Hướng dẫn …»."""
    cited = [citation(basis) for basis in status.cycle.legal_basis]
    return " và ".join(filter(None, [", ".join(cited[:-1]), cited[-1]])) if cited else ""


def own_model_page(
    ctx: SiteContext, status: CycleStatus, model: ModelStatus, own: OwnModel
) -> Rendered:
    here = dossier_src(model)
    sections = [
        registration_section(ctx, model, path_of(Kind.REGISTRATION, model.year, model.unit)),
        progress_section(ctx, model),
        history_section(ctx, model),
    ]
    return render_page(
        "results/own-model.html",
        f"Mô hình của {own.name} — năm {status.cycle.year}",
        shown=shown_by(sections),
        here=here,
        own=own,
        letter=status.cycle.letter,
        print_src=own_letter_src(model),
        sections=[s.html for s in sections],
    )


def own_model_letter(
    ctx: SiteContext, status: CycleStatus, model: ModelStatus, own: OwnModel
) -> Rendered:
    document = model.document
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    registration = Registration.from_data(data)
    signer = registration.signer
    return render_page(
        "print/own-model-letter.html",
        f"Đăng ký mô hình của {own.name} năm {status.cycle.year}",
        superior=own.superior,
        committee=own.name,
        place=status.issuer.place,
        number=registration.number,
        day=_day(registration.signed_on),
        year=status.cycle.year,
        own=own,
        fields=fields(ctx, ctx.schemas[SCHEMA_OF[Kind.REGISTRATION]], data) if data else None,
        signer_name=signer.name if signer else "",
        signer_position=signer.position if signer else "",
    )
