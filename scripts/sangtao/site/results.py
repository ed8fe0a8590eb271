"""Appraisal pages: results and commendations, the eligibility list for the annual rating, and
printable official documents (score sheets, the team's summary minutes, the district's own
registration to the province). Until the board publishes, no score leaves the repository's
pages: only how many sheets are in."""

from __future__ import annotations

import datetime as dt

from sangtao.appraisal import ELIGIBLE, NOT_ELIGIBLE, WAITING, Sheet, public_eligibility
from sangtao.labels import vn_date, vn_long_date
from sangtao.model import Appraisal
from sangtao.site.charts import score_distribution
from sangtao.site.context import SiteContext, dossier_src
from sangtao.site.dossier import (
    fields_html,
    history_section,
    progress_section,
    registration_section,
)
from sangtao.site.html import esc, link, page, table
from sangtao.status import APPRAISABLE, CycleStatus, ModelStatus

ELIGIBILITY_LABELS = {
    ELIGIBLE: ("Đủ điều kiện", "on_time"),
    NOT_ELIGIBLE: ("Không đủ điều kiện", "missing"),
    "undecided": ("Chưa xác định", "extended"),
    "waiting": ("Chờ công bố kết quả thẩm định", "extended"),
}


def results_pages(ctx: SiteContext) -> dict[str, str]:
    pages: dict[str, str] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        appraisal = status.cycle.appraisal
        # Sheets are shown as counts before publication, in full after it.
        ctx.shown.update(s.rel for m in status.models() if m.outcome for s in m.outcome.sheets)
        pages[f"{prefix}xep-loai.md"] = eligibility_page(ctx, status, f"{prefix}xep-loai.md")
        if appraisal is None:
            title = f"Kết quả thẩm định năm {year}"
            pages[f"{prefix}ket-qua-tham-dinh.md"] = page(
                title,
                f"<h1>{esc(title)}</h1>",
                "<p>Ban Tổ chức chưa lập Tổ thẩm định và tiêu chí chấm điểm cho đợt này "
                f"(mục <code>tham_dinh</code> trong <code>submissions/{year}/dot.yaml</code>).</p>",
            )
        else:
            pages[f"{prefix}ket-qua-tham-dinh.md"] = results_page(
                ctx, status, appraisal, f"{prefix}ket-qua-tham-dinh.md"
            )
            if appraisal.published:
                pages[minutes_src(year)] = minutes_page(ctx, status, appraisal)
                for model in status.models():
                    if model.outcome is not None:
                        for sheet in model.outcome.sheets:
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
    who = model.unit + (f"-{model.person}" if model.person else "")
    return f"in/{model.year}/phieu-cham/{who}-{sheet.account.lower()}.md"


def district_letter_src(year: int) -> str:
    return f"in/{year}/dang-ky-cua-huyen-uy.md"


def _published(status: CycleStatus) -> bool:
    return bool(status.cycle.appraisal and status.cycle.appraisal.published)


def _who(ctx: SiteContext, model: ModelStatus) -> str:
    names = ctx.roster.by_code
    unit = names[model.unit].name if model.unit in names else model.unit
    return f"{model.person_name or model.person} ({unit})" if model.person else unit


def _badge(key: str) -> str:
    label, css = ELIGIBILITY_LABELS[key]
    return f'<span class="sangtao-state sangtao-state-{css}">{esc(label)}</span>'


def results_page(ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, here: str) -> str:
    year = status.cycle.year
    models = [
        m for m in status.models() if m.appraisal == APPRAISABLE or (m.outcome and m.outcome.sheets)
    ]
    rubric = table(
        ["Mã", "Tiêu chí", "Điểm tối đa", "Hướng dẫn chấm"],
        [[esc(c.code), esc(c.name), str(c.maximum), esc(c.guidance)] for c in appraisal.criteria],
    )
    sample = (
        '<div class="admonition note"><p class="admonition-title">Tiêu chí mẫu</p><p>Bộ tiêu chí '
        "này chỉ là ví dụ, không phải tiêu chí chính thức của Hướng dẫn 09-HD/BTCTU.</p></div>"
        if appraisal.sample_rubric
        else ""
    )
    team = table(
        ["Họ và tên", "Chức vụ", "Vai trò"],
        [
            [esc(m.name), esc(m.position), "Tổ trưởng" if m.leader else "Thành viên"]
            for m in appraisal.team
        ],
    )
    if not appraisal.published:
        rows = [
            [
                link(here, dossier_src(m), esc(_who(ctx, m))),
                esc(m.title),
                f"{m.outcome.votes if m.outcome else 0}/{appraisal.min_sheets}",
            ]
            for m in models
        ]
        body = [
            "<p><strong>Kết quả chưa được công bố.</strong> Trang chỉ hiện số phiếu chấm đã nộp "
            "cho từng mô hình; điểm và xếp loại hiện khi Ban Tổ chức công bố.</p>",
            table(["Mô hình của", "Tên mô hình", "Số phiếu / tối thiểu"], rows),
        ]
    else:
        ranked = sorted(
            (m for m in models if m.outcome and m.outcome.complete),
            key=lambda m: -(m.outcome.combined or 0) if m.outcome else 0,
        )
        rows = []
        for rank, m in enumerate(ranked, 1):
            o = m.outcome
            assert o is not None
            flag = " ⚠" if o.disagreement else ""
            rows.append(
                [
                    str(rank),
                    link(here, dossier_src(m), esc(_who(ctx, m))),
                    esc(m.title),
                    f"{o.combined:g}",
                    esc(o.level.name if o.level else "—"),
                    f"{o.spread:g}{flag}",
                    esc(o.commendation.name if o.commendation else "—"),
                ]
            )
        pending = [m for m in models if not (m.outcome and m.outcome.complete)]
        commended = [m for m in ranked if m.outcome and m.outcome.commendation]
        body = [
            f"<p>Điểm tổng hợp là {'trung vị' if appraisal.method == 'trung-vi' else 'trung bình cộng'} "
            f"tổng điểm của các phiếu (tối đa {appraisal.maximum}). ⚠: điểm các phiếu chênh nhau quá "
            f"{appraisal.spread_warning:g} điểm, Tổ cần xem lại. "
            f"{link(here, minutes_src(year), 'Biên bản tổng hợp (bản in)')}.</p>",
            table(
                [
                    "Hạng",
                    "Mô hình của",
                    "Tên mô hình",
                    "Điểm",
                    "Xếp loại",
                    "Chênh lệch",
                    "Đề nghị khen thưởng",
                ],
                rows,
                "sangtao-sortable",
            ),
            score_distribution(
                [
                    m.outcome.combined
                    for m in ranked
                    if m.outcome and m.outcome.combined is not None
                ],
                appraisal.maximum,
                [(level.name, level.threshold) for level in appraisal.classification],
            ),
            "<h2>Danh sách đề nghị khen thưởng</h2>",
            table(
                ["Mô hình của", "Hình thức", "Điểm"],
                [
                    [esc(_who(ctx, m)), esc(m.outcome.commendation.name), f"{m.outcome.combined:g}"]
                    for m in commended
                    if m.outcome and m.outcome.commendation
                ],
            )
            if commended
            else "<p>Không có mô hình nào được đề nghị khen thưởng.</p>",
        ]
        if pending:
            body.append("<h2>Chưa đủ phiếu chấm</h2>")
            body.append(
                table(
                    ["Mô hình của", "Số phiếu / tối thiểu"],
                    [
                        [
                            esc(_who(ctx, m)),
                            f"{m.outcome.votes if m.outcome else 0}/{appraisal.min_sheets}",
                        ]
                        for m in pending
                    ],
                )
            )
    return page(
        f"Kết quả thẩm định năm {year}",
        f"<h1>Kết quả thẩm định năm {year}</h1>",
        *body,
        "<h2>Tiêu chí chấm điểm</h2>",
        sample,
        rubric,
        "<h2>Tổ thẩm định</h2>",
        team,
    )


def eligibility_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    """The page the Standing Committee uses: who may be rated "Hoàn thành xuất sắc nhiệm vụ"."""
    published = _published(status)

    def shown(model: ModelStatus) -> tuple[str, tuple[str, ...]]:
        found = public_eligibility(model.eligibility, published)
        return ("waiting", ()) if WAITING in found.reasons else (found.state, found.reasons)

    def row(model: ModelStatus, name: str) -> list[str]:
        state, reasons = shown(model)
        return [
            link(here, dossier_src(model), esc(name)),
            _badge(state),
            esc("; ".join(reasons)) or "—",
        ]

    collective = [row(u.collective, u.unit.name) for u in status.units]
    individual = [row(m, _who(ctx, m)) for u in status.units for m in u.individuals]
    counts: dict[str, int] = {}
    for u in status.units:
        state = shown(u.collective)[0]
        counts[state] = counts.get(state, 0) + 1
    lead = (
        "<p>Theo Công văn 833-CV/HU, tập thể, cá nhân không đăng ký hoặc đăng ký nhưng không báo cáo "
        "kết quả thực hiện mô hình mới, cách làm sáng tạo thì không thẩm định và không đánh giá, "
        "xếp loại ở mức «Hoàn thành xuất sắc nhiệm vụ». Danh sách dưới đây áp dụng quy định đó"
        + (
            " và mức xếp loại tối thiểu của đợt"
            if status.cycle.appraisal and status.cycle.appraisal.excellence_minimum
            else ""
        )
        + ".</p>"
        f"<p>Tập thể: {counts.get(ELIGIBLE, 0)} đủ điều kiện, "
        f"{counts.get(NOT_ELIGIBLE, 0)} không đủ điều kiện, "
        f"{counts.get('undecided', 0) + counts.get('waiting', 0)} chưa xác định hoặc chờ công bố.</p>"
    )
    return page(
        f"Điều kiện xếp loại «Hoàn thành xuất sắc nhiệm vụ» năm {status.cycle.year}",
        f"<h1>Điều kiện xếp loại «Hoàn thành xuất sắc nhiệm vụ» năm {status.cycle.year}</h1>",
        lead,
        "<h2>Tập thể</h2>",
        table(
            ["Tổ chức cơ sở đảng", "Điều kiện", "Lý do"],
            collective,
            "sangtao-eligibility sangtao-sortable",
        ),
        "<h2>Cá nhân có mô hình</h2>",
        table(["Cá nhân", "Điều kiện", "Lý do"], individual) if individual else "<p>Không có.</p>",
    )


# -- printable official documents ------------------------------------------------------------


def _header(ctx: SiteContext, issuer: str, number: str, day: dt.date | None) -> str:
    district = ctx.roster.district
    place = district.get("dia_danh", "")
    when = vn_long_date(day) if day else "ngày … tháng … năm …"
    return (
        '<table class="sangtao-doc-header"><tbody><tr>'
        f"<td><strong>{esc(district.get('cap_tren', '').upper())}</strong><br>"
        f"<strong>{esc(district.get('ten', '').upper())}</strong><br>{esc(issuer)}<br>*<br>"
        f"Số {esc(number) if number else '……'}</td>"
        "<td><strong><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></strong><br><br>"
        f"<em>{esc(place)}, {esc(when)}</em></td>"
        "</tr></tbody></table>"
    )


def _signature(role: str, name: str, position: str = "") -> str:
    title = f"<strong>{esc(role)}</strong>" + (
        f"<br><strong>{esc(position.upper())}</strong>" if position else ""
    )
    return (
        '<div class="sangtao-doc-signature">'
        f"<p>{title}</p><p><em>(Ký, ghi rõ họ tên)</em></p>"
        f'<p class="sangtao-doc-name"><strong>{esc(name)}</strong></p></div>'
    )


def _print_page(title: str, *blocks: str) -> str:
    return page(title, '<div class="sangtao-doc">', *blocks, "</div>")


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def sheet_page(
    ctx: SiteContext, status: CycleStatus, appraisal: Appraisal, model: ModelStatus, sheet: Sheet
) -> str:
    rows = [
        [
            str(i),
            esc(c.name),
            str(c.maximum),
            f"{sheet.scores.get(c.code, 0):g}",
            esc(sheet.comments.get(c.code, "")),
        ]
        for i, c in enumerate(appraisal.criteria, 1)
    ]
    rows.append(
        [
            "",
            "<strong>Tổng cộng</strong>",
            str(appraisal.maximum),
            f"<strong>{sheet.total:g}</strong>",
            "",
        ]
    )
    levels = {level.code: level.name for level in appraisal.classification}
    return _print_page(
        f"Phiếu chấm điểm — {_who(ctx, model)} — {sheet.appraiser}",
        _header(ctx, "TỔ THẨM ĐỊNH", "", _day(sheet.day)),
        '<h1 class="sangtao-doc-title">PHIẾU CHẤM ĐIỂM<br>mô hình mới, cách làm sáng tạo '
        f"năm {status.cycle.year}</h1>",
        f"<p>Người chấm: <strong>{esc(sheet.appraiser)}</strong>. Mô hình: <strong>{esc(model.title)}</strong> "
        f"của {esc(_who(ctx, model))}.</p>",
        table(
            ["TT", "Tiêu chí", "Điểm tối đa", "Điểm chấm", "Nhận xét"], rows, "sangtao-doc-table"
        ),
        f"<p><strong>Nhận xét chung:</strong> {esc(sheet.overall)}</p>",
        f"<p><strong>Đề xuất xếp loại:</strong> {esc(levels.get(sheet.proposed_level, sheet.proposed_level))}. "
        f"<strong>Đề xuất khen thưởng:</strong> {'Có' if sheet.proposed_commendation else 'Không'}.</p>",
        "<p>Tôi cam kết không có xung đột lợi ích với tập thể, cá nhân có mô hình được chấm.</p>",
        _signature("NGƯỜI CHẤM", sheet.appraiser),
    )


def minutes_page(ctx: SiteContext, status: CycleStatus, appraisal: Appraisal) -> str:
    models = [m for m in status.models() if m.outcome and m.outcome.complete]
    models.sort(key=lambda m: -(m.outcome.combined or 0) if m.outcome else 0)
    rows = []
    for i, m in enumerate(models, 1):
        o = m.outcome
        assert o is not None
        rows.append(
            [
                str(i),
                esc(_who(ctx, m)),
                esc(m.title),
                str(o.votes),
                f"{o.combined:g}",
                esc(o.level.name if o.level else "—"),
                esc(o.commendation.name if o.commendation else ""),
            ]
        )
    leader = next((a for a in appraisal.team if a.leader), None)
    not_appraised = [
        m
        for m in status.models()
        if m.appraisal != APPRAISABLE and m.registration.state != "missing"
    ]
    return _print_page(
        f"Biên bản tổng hợp kết quả thẩm định năm {status.cycle.year}",
        _header(ctx, "TỔ THẨM ĐỊNH", appraisal.minutes_number, _day(appraisal.minutes_date)),
        '<h1 class="sangtao-doc-title">BIÊN BẢN<br>tổng hợp kết quả thẩm định mô hình mới, cách làm '
        f"sáng tạo năm {status.cycle.year}</h1>",
        f"<p>Căn cứ Công văn 833-CV/HU và Hướng dẫn 09-HD/BTCTU, Tổ thẩm định gồm {len(appraisal.team)} "
        f"thành viên đã chấm điểm {len(models)} mô hình đủ điều kiện thẩm định theo "
        f"{len(appraisal.criteria)} tiêu chí (tổng {appraisal.maximum} điểm). Kết quả tổng hợp như sau:</p>",
        table(
            [
                "TT",
                "Tập thể, cá nhân",
                "Tên mô hình",
                "Số phiếu",
                "Điểm",
                "Xếp loại",
                "Đề nghị khen thưởng",
            ],
            rows,
            "sangtao-doc-table",
        ),
        f"<p>Không thẩm định {len(not_appraised)} mô hình do không báo cáo kết quả hoặc nộp trễ hạn.</p>"
        if not_appraised
        else "",
        _minutes_notes(ctx, status, appraisal),
        "<p>Biên bản được lập thành 02 bản, gửi Ban Thường vụ Huyện ủy (qua Ban Tổ chức Huyện ủy) và lưu Tổ thẩm định./.</p>",
        _signature("TỔ TRƯỞNG TỔ THẨM ĐỊNH", leader.name if leader else ""),
    )


def _minutes_notes(ctx: SiteContext, status: CycleStatus, appraisal: Appraisal) -> str:
    """What the minutes must not leave out: unfinished appraisals, disagreements, the rubric's status."""
    notes = []
    unfinished = [
        m
        for m in status.models()
        if m.appraisal == APPRAISABLE and not (m.outcome and m.outcome.complete)
    ]
    if unfinished:
        names = "; ".join(
            f"{_who(ctx, m)} ({m.outcome.votes if m.outcome else 0}/{appraisal.min_sheets} phiếu)"
            for m in unfinished
        )
        notes.append(f"Chưa đủ phiếu chấm: {esc(names)}.")
    split = [
        m for m in status.models() if m.outcome and m.outcome.complete and m.outcome.disagreement
    ]
    if split:
        names = "; ".join(
            f"{_who(ctx, m)} (chênh {m.outcome.spread:g} điểm)" for m in split if m.outcome
        )
        notes.append(f"Điểm các phiếu chênh lệch lớn, Tổ đã xem lại: {esc(names)}.")
    if appraisal.sample_rubric:
        notes.append(
            "Bộ tiêu chí dùng trong biên bản này là tiêu chí mẫu, không phải tiêu chí chính thức của Hướng dẫn 09-HD/BTCTU."
        )
    return "".join(f"<p>{n}</p>" for n in notes)


def district_page(ctx: SiteContext, status: CycleStatus, model: ModelStatus) -> str:
    here = dossier_src(model)
    name = ctx.roster.district.get("ten", "Huyện ủy")
    upper = ctx.roster.district.get("co_quan_cap_tren", "Ban Tổ chức Tỉnh ủy")
    return page(
        f"Mô hình của {name} — năm {status.cycle.year}",
        f"<h1>Mô hình của {esc(name)}</h1>",
        f"<p>Huyện ủy đăng ký mô hình của mình với {esc(upper)} (điểm 3 Công văn 833-CV/HU). "
        f"{link(here, district_letter_src(status.cycle.year), 'Bản đăng ký để in')}.</p>",
        registration_section(ctx, model, f"submissions/{model.year}/{model.unit}/dang-ky.yaml"),
        progress_section(ctx, model),
        history_section(ctx, model),
    )


def district_letter(ctx: SiteContext, status: CycleStatus, model: ModelStatus) -> str:
    district = ctx.roster.district
    data = (
        model.document.data
        if model.document is not None and isinstance(model.document.data, dict)
        else {}
    )
    signer = data.get("nguoi_ky") if isinstance(data.get("nguoi_ky"), dict) else {}
    upper = district.get("co_quan_cap_tren", "Ban Tổ chức Tỉnh ủy")
    body = (
        fields_html(ctx, ctx.schemas["dang-ky"], data)
        if data
        else "<p><em>Huyện ủy chưa lập bản đăng ký (tệp dang-ky.yaml trong thư mục của Huyện ủy).</em></p>"
    )
    return _print_page(
        f"Đăng ký mô hình của {district.get('ten', '')} năm {status.cycle.year}",
        _header(ctx, "", str(data.get("so_van_ban", "")), _day(data.get("ngay_van_ban"))),
        '<h1 class="sangtao-doc-title">ĐĂNG KÝ<br>xây dựng mô hình mới, cách làm sáng tạo '
        f"năm {status.cycle.year}</h1>",
        f'<p class="sangtao-doc-to">Kính gửi: {esc(upper)}.</p>',
        body,
        _signature(
            f"T/M {district.get('ten', '').upper()}",
            signer.get("ho_ten", "") if signer else "",
            signer.get("chuc_vu", "") if signer else "",
        ),
        f'<p class="sangtao-muted">Hạn gửi: {esc(vn_date(status.cycle.deadlines.get("dang_ky_cap_huyen", status.cycle.deadlines["dang_ky"])))}.</p>',
    )
