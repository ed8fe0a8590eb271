"""One page per unit and cycle (and per individual model): the dossier (hồ sơ).

These pages stay out of the navigation: with thousands of them in the nav every page would
carry the whole nav and the build would grow quadratically.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sangtao.changes import revisions
from sangtao.labels import state_label, vn_date, vn_datetime
from sangtao.model import Document
from sangtao.site.context import SiteContext, dossier_src, evidence_src
from sangtao.site.html import attr, esc, link, page, table
from sangtao.status import (
    APPRAISABLE,
    MISSING,
    NOT_APPRAISABLE,
    CycleStatus,
    DocumentStatus,
    ModelStatus,
    ProgressUpdate,
    UnitStatus,
)
from sangtao.validation import Schema

# Fields shown in their own section, not in the generic list.
_SHOWN_APART = {"don_vi", "nam", "ca_nhan", "ket_qua", "minh_chung", "hieu_qua"}
_EVIDENCE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:pdf|jpg|jpeg|png)\Z")
_KIND_NAMES = {"registration": "đăng ký", "report": "báo cáo kết quả"}
APPRAISAL_LABELS = {
    APPRAISABLE: "Đủ điều kiện thẩm định",
    NOT_APPRAISABLE: "Không thẩm định",
    "pending": "Chưa đủ hồ sơ",
}


def state_badge(
    state: str, overdue: bool = False, valid: bool = True, provisional: bool = False
) -> str:
    label = esc(state_label(state, overdue, provisional))
    badge = f'<span class="sangtao-state sangtao-state-{attr(state)}">{label}</span>'
    if not valid:
        badge += ' <span class="sangtao-state sangtao-state-invalid">Có lỗi</span>'
    return badge


def doc_badge(status: DocumentStatus) -> str:
    return state_badge(status.state, status.overdue, status.valid, status.provisional)


def appraisal_badge(model: ModelStatus) -> str:
    css = {APPRAISABLE: "on_time", NOT_APPRAISABLE: "missing"}.get(model.appraisal, "extended")
    return f'<span class="sangtao-state sangtao-state-{css}">{esc(APPRAISAL_LABELS[model.appraisal])}</span>'


def dossier_pages(ctx: SiteContext, status: CycleStatus) -> dict[str, str]:
    pages = {}
    for unit_status in status.units:
        pages[dossier_src(unit_status.collective)] = unit_page(ctx, status, unit_status)
        for model in unit_status.individuals:
            pages[dossier_src(model)] = individual_page(ctx, status, unit_status, model)
    return pages


def receipt_html(ctx: SiteContext, doc: DocumentStatus) -> str:
    receipt = doc.receipt
    if receipt is None:
        if doc.provisional:
            return "Có trong thư mục nhưng chưa được hợp nhất vào nhánh chính"
        return "—"
    when = esc(vn_datetime(receipt.at))
    if receipt.source == "book" and receipt.entry is not None:
        entry = receipt.entry
        forms = {"ban-giay": "bản giấy", "thu-dien-tu": "thư điện tử", "dinh-chinh": "đính chính"}
        detail = f"theo sổ tiếp nhận ({esc(forms.get(entry.form, entry.form))}"
        if entry.number:
            detail += f", số đến {esc(entry.number)}"
        return f"{when}, {detail})"
    commit = receipt.commit or ""
    url = ctx.commit_url(commit)
    short = esc(commit[:8])
    ref = f'<a href="{attr(url)}">{short}</a>' if url else f"<code>{short}</code>"
    who = f", người gộp theo Git: {esc(receipt.merged_by)}" if receipt.merged_by else ""
    return f"{when}, theo lịch sử nhánh chính (commit {ref}{who})"


def status_box(ctx: SiteContext, doc: DocumentStatus) -> str:
    name = _KIND_NAMES.get(doc.kind, doc.kind)
    rows = [
        ("Trạng thái", doc_badge(doc)),
        (f"Hạn {name}", esc(vn_datetime(doc.deadline))),
    ]
    if doc.extension is not None:
        e = doc.extension
        granted = esc(e.authority) + (f", văn bản {esc(e.number)}" if e.number else "")
        rows.append(
            ("Gia hạn đến", f"{esc(vn_datetime(e.until))} ({granted}; lý do: {esc(e.reason)})")
        )
    rows.append(("Thời điểm nhận", receipt_html(ctx, doc)))
    if doc.path:
        source = ctx.source_url(doc.path)
        path = esc(doc.path)
        rows.append(
            ("Tệp", f'<a href="{attr(source)}">{path}</a>' if source else f"<code>{path}</code>")
        )
    if not doc.valid:
        rows.append(("Lỗi", f"{doc.problems} lỗi — xem trang Hồ sơ có lỗi"))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="sangtao-status"><tbody>{body}</tbody></table>'


def fields_html(ctx: SiteContext, schema: Schema, data: dict[str, Any]) -> str:
    """A document's fields in the schema's order, labelled by the schema's titles."""
    rows = []
    for key in schema.document["properties"]:
        if key in _SHOWN_APART or key not in data:
            continue
        title = schema.at((key,)).get("title", key)
        rows.append(f"<tr><th>{esc(title)}</th><td>{_value_html(ctx, key, data[key])}</td></tr>")
    return f'<table class="sangtao-fields"><tbody>{"".join(rows)}</tbody></table>'


def _value_html(ctx: SiteContext, key: str, value: Any) -> str:
    if key == "linh_vuc" and isinstance(value, str):
        return esc(ctx.fields.get(value, value))
    if key == "thoi_gian_thuc_hien" and isinstance(value, dict):
        return f"Từ {esc(_day(value.get('tu_ngay')))} đến {esc(_day(value.get('den_ngay')))}"
    if key == "ngay_van_ban":
        return esc(_day(value))
    if key == "de_nghi_khen_thuong" and isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_value_html(ctx, '', v)}</li>" for v in value) + "</ul>"
    if isinstance(value, dict):
        return ", ".join(esc(v) for v in value.values() if not isinstance(v, dict | list))
    return esc(value)


def _day(value: object) -> str:
    if isinstance(value, str):
        try:
            return vn_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return "" if value is None else str(value)


def _data(document: object) -> dict[str, Any]:
    data = getattr(document, "data", None)
    return data if isinstance(data, dict) else {}


def registration_section(ctx: SiteContext, model: ModelStatus, missing_path: str) -> str:
    if model.document is not None:
        ctx.shown.add(model.document.rel)
    parts = ["<h2>Đăng ký</h2>", status_box(ctx, model.registration)]
    if model.registration.state == MISSING:
        parts.append(f"<p>Chưa có bản đăng ký. Tệp cần nộp: <code>{esc(missing_path)}</code>.</p>")
    else:
        parts.append(f"<h3>{esc(model.title)}</h3>")
        parts.append(fields_html(ctx, ctx.schemas["dang-ky"], _data(model.document)))
    return "\n".join(parts)


def _update_html(update: ProgressUpdate) -> str:
    percent = f"{update.percent}%" if update.percent is not None else "—"
    parts = [
        f'<div class="sangtao-update"><h3>{esc(vn_date(update.on))} — hoàn thành {esc(percent)}</h3>',
        f"<p>{esc(update.done)}</p>",
    ]
    if update.difficulties:
        items = []
        for difficulty in update.difficulties:
            state = (
                '<span class="sangtao-state sangtao-state-on_time">Đã giải quyết</span>'
                if not difficulty.open
                else '<span class="sangtao-state sangtao-state-late">Chưa giải quyết</span>'
            )
            answers = "".join(
                f"<li>{esc(vn_date(a.on))}, {esc(a.authority or a.by)}: {esc(a.body)}"
                f" ({'đã giải quyết' if a.resolved else 'đang xử lý'})</li>"
                for a in difficulty.answers
            )
            reply = f"<ul>{answers}</ul>" if answers else "<p><em>Chưa có trả lời.</em></p>"
            items.append(f"<li>{state} {esc(difficulty.text)}{reply}</li>")
        parts.append(f"<p><strong>Khó khăn, vướng mắc</strong></p><ol>{''.join(items)}</ol>")
    if update.requests:
        parts.append(f"<p><strong>Đề xuất:</strong> {esc(update.requests)}</p>")
    if update.reporter:
        parts.append(f'<p class="sangtao-muted">Người báo cáo: {esc(update.reporter)}</p>')
    parts.append("</div>")
    return "".join(parts)


def progress_section(ctx: SiteContext, model: ModelStatus) -> str:
    if model.registration.state == MISSING and not model.progress:
        return ""
    ctx.shown.update(u.rel for u in model.progress)
    head = "<h2>Theo dõi thực hiện</h2>"
    if not model.progress:
        return head + "<p>Chưa có báo cáo tiến độ.</p>"
    days = model.days_since_update(ctx.now)
    summary = (
        f"<p>{len(model.progress)} lần báo cáo tiến độ; gần nhất {esc(vn_date(model.progress[-1].on))}"
        + (f" ({days} ngày trước)" if days is not None and days >= 0 else "")
        + f"; {len(model.open_difficulties)} khó khăn chưa giải quyết.</p>"
    )
    timeline = "".join(_update_html(u) for u in reversed(model.progress))
    return head + summary + f'<div class="sangtao-timeline">{timeline}</div>'


def report_section(ctx: SiteContext, model: ModelStatus, here: str, missing_path: str) -> str:
    if model.registration.state == MISSING and model.report.state == MISSING:
        return ""
    parts = ["<h2>Báo cáo kết quả</h2>", status_box(ctx, model.report)]
    if model.report_document is not None:
        ctx.shown.add(model.report_document.rel)
    data = _data(model.report_document)
    if model.report.state == MISSING:
        parts.append(
            f"<p>Chưa có báo cáo kết quả. Tệp cần nộp: <code>{esc(missing_path)}</code>.</p>"
        )
        return "\n".join(parts)
    results = data.get("ket_qua")
    if isinstance(results, list) and results:
        rows = []
        for item in results:
            if not isinstance(item, dict):
                continue
            before, after = item.get("truoc"), item.get("sau")
            change = ""
            if isinstance(before, int | float) and isinstance(after, int | float):
                change = f"{after - before:+g}"
            rows.append(
                [
                    esc(item.get("chi_tieu")),
                    esc(item.get("don_vi_tinh")),
                    esc(before),
                    esc(after),
                    esc(change),
                    esc(item.get("ghi_chu", "")),
                ]
            )
        parts.append("<h3>Kết quả đạt được</h3>")
        parts.append(
            table(["Chỉ tiêu", "Đơn vị tính", "Trước", "Sau", "Thay đổi", "Ghi chú"], rows)
        )
    effects = data.get("hieu_qua")
    if isinstance(effects, dict) and effects:
        names = {"chinh_tri": "Về chính trị", "kinh_te": "Về kinh tế", "xa_hoi": "Về xã hội"}
        items = "".join(
            f"<tr><th>{esc(names.get(k, k))}</th><td>{esc(v)}</td></tr>" for k, v in effects.items()
        )
        parts.append(
            f'<h3>Hiệu quả</h3><table class="sangtao-fields"><tbody>{items}</tbody></table>'
        )
    parts.append(fields_html(ctx, ctx.schemas["bao-cao"], data))
    evidence = data.get("minh_chung")
    if isinstance(evidence, list) and evidence:
        links = []
        for item in evidence:
            if not isinstance(item, dict):
                continue
            title = esc(item.get("tieu_de"))
            if isinstance(item.get("lien_ket"), str) and item["lien_ket"].startswith("https://"):
                url = item["lien_ket"]
                links.append(
                    f'<li><a href="{attr(url)}" rel="nofollow noopener">{title}</a> <small>{esc(url)}</small></li>'
                )
            elif isinstance(item.get("tep"), str) and _EVIDENCE_NAME.match(item["tep"]):
                links.append(f"<li>{link(here, evidence_src(model, item['tep']), title)}</li>")
            elif isinstance(item.get("tep"), str):
                links.append(f"<li>{title} <small>({esc(item['tep'])})</small></li>")
        parts.append(f"<h3>Minh chứng</h3><ul>{''.join(links)}</ul>")
    return "\n".join(parts)


def appraisal_section(model: ModelStatus) -> str:
    reasons = "".join(f"<li>{esc(r)}</li>" for r in model.reasons)
    return f"<p><strong>Thẩm định:</strong> {appraisal_badge(model)}</p>" + (
        f"<ul>{reasons}</ul>" if reasons else ""
    )


def outcome_section(ctx: SiteContext, model: ModelStatus) -> str:
    """Scores by criterion: only once the board has published the results."""
    status = ctx.statuses.get(model.year)
    appraisal = status.cycle.appraisal if status else None
    result = model.outcome
    if appraisal is None or result is None or not result.sheets:
        return ""
    head = "<h2>Kết quả thẩm định</h2>"
    if not appraisal.published:
        return head + f"<p>Đã có {result.votes} phiếu chấm; kết quả chưa được công bố.</p>"
    if not result.complete:
        return head + f"<p>Chưa đủ phiếu chấm ({result.votes}/{appraisal.min_sheets}).</p>"
    combined = dict(result.by_criterion)
    counted = [s for s in result.sheets if s.valid]
    rows = [
        [
            esc(c.name),
            str(c.maximum),
            *(f"{s.scores.get(c.code, 0):g}" for s in counted),
            f"{combined.get(c.code, 0):g}",
        ]
        for c in appraisal.criteria
    ]
    rows.append(
        [
            "<strong>Tổng</strong>",
            str(appraisal.maximum),
            *(f"{s.total:g}" for s in counted),
            f"<strong>{result.combined:g}</strong>",
        ]
    )
    level = result.level.name if result.level else "—"
    summary = f"<p>Điểm tổng hợp <strong>{result.combined:g}</strong>/{appraisal.maximum}, xếp loại <strong>{esc(level)}</strong>"
    if result.commendation:
        summary += f"; đề nghị {esc(result.commendation.name)}"
    if result.disagreement:
        summary += f". Điểm các phiếu chênh nhau {result.spread:g} điểm: Tổ thẩm định cần xem lại"
    summary += ".</p>"
    headers = ["Tiêu chí", "Tối đa", *(esc(s.appraiser) for s in counted), "Tổng hợp"]
    return head + summary + table(headers, rows)


_REVISION_WORDS = {"added": "Nộp", "modified": "Sửa", "deleted": "Xóa"}
_SCHEMA_OF_KIND = {"registration": "dang-ky", "report": "bao-cao", "progress": "tien-do"}


def history_section(ctx: SiteContext, model: ModelStatus) -> str:
    """Every landed change of the model's documents: when, what, which fields, merged by whom."""
    if ctx.history is None or ctx.read_blob is None:
        return ""
    documents: list[tuple[Document | _Named, str]] = []
    documents += [(d, "registration") for d in (model.document,) if d is not None]
    documents += [(d, "report") for d in (model.report_document,) if d is not None]
    documents += [(_Named(u.rel), "progress") for u in model.progress]
    rows = []
    for document, kind in documents:
        found = ctx.history.files.get(document.rel)
        if found is None:
            continue
        schema = ctx.schemas[_SCHEMA_OF_KIND[kind]]
        for revision in revisions(found, ctx.read_blob):
            landing = revision.landing
            titles = ", ".join(schema.at((k,)).get("title", k) for k in revision.fields)
            url = ctx.commit_url(landing.commit)
            short = esc(landing.commit[:8])
            commit = f'<a href="{attr(url)}">{short}</a>' if url else f"<code>{short}</code>"
            rows.append(
                (
                    landing.at,
                    [
                        esc(vn_datetime(landing.at)),
                        esc(document.rel.rsplit("/", 1)[-1]),
                        esc(_REVISION_WORDS[revision.kind])
                        + (f": {esc(titles)}" if titles else ""),
                        esc(landing.author),
                        commit,
                    ],
                )
            )
    if not rows:
        return ""
    rows.sort(key=lambda row: row[0])
    return "<h2>Lịch sử hồ sơ</h2>" + table(
        ["Thời điểm (nhánh chính)", "Tệp", "Thay đổi", "Người gộp (theo Git)", "Commit"],
        [r for _, r in rows],
    )


@dataclass(frozen=True)
class _Named:
    rel: str


def model_sections(ctx: SiteContext, model: ModelStatus, here: str) -> list[str]:
    folder = f"submissions/{model.year}/{model.unit}" + (
        f"/ca-nhan/{model.person}" if model.person else ""
    )
    sections = [
        appraisal_section(model),
        registration_section(ctx, model, f"{folder}/dang-ky.yaml"),
        progress_section(ctx, model),
        report_section(ctx, model, here, f"{folder}/bao-cao.yaml"),
        outcome_section(ctx, model),
        history_section(ctx, model),
    ]
    # Search finds a dossier by its title and keywords (unit, model, person, without
    # diacritics too); its long body stays out of the index every visitor downloads.
    return ["<div data-search-exclude>", *sections, "</div>"]


def unit_page(ctx: SiteContext, status: CycleStatus, unit_status: UnitStatus) -> str:
    unit, model = unit_status.unit, unit_status.collective
    here = dossier_src(model)
    prefix = ctx.cycle_prefix(status.cycle.year)
    back = link(here, f"{prefix}don-vi.md", f"← Tình hình năm {status.cycle.year}")
    meta = (
        f"<p>{esc(ctx.unit_kinds.get(unit.kind, unit.kind))} · Khối "
        f"{esc(ctx.blocks.get(unit.block, unit.block))} · Mã <code>{esc(unit.code)}</code> · "
        f"Năm {status.cycle.year}</p>"
    )
    individuals = ""
    if unit_status.individuals:
        items = "".join(
            f"<li>{link(here, dossier_src(m), esc(m.person_name or m.person))}"
            f" — {esc(m.title)} ({doc_badge(m.registration)})</li>"
            for m in unit_status.individuals
        )
        individuals = f"<h2>Mô hình của cá nhân</h2><ul>{items}</ul>"
    return page(
        f"{unit.name} — năm {status.cycle.year}",
        f"<h1>{esc(unit.name)}</h1>",
        f"<p>{back}</p>",
        meta,
        *model_sections(ctx, model, here),
        individuals,
        keywords=(model.title, *(f"{m.person_name} {m.title}" for m in unit_status.individuals)),
    )


def individual_page(
    ctx: SiteContext, status: CycleStatus, unit_status: UnitStatus, model: ModelStatus
) -> str:
    here = dossier_src(model)
    name = model.person_name or model.person or ""
    back = link(here, dossier_src(unit_status.collective), f"← {esc(unit_status.unit.name)}")
    return page(
        f"{name} — {unit_status.unit.name} — năm {status.cycle.year}",
        f"<h1>{esc(name)}</h1>",
        f"<p>{back}</p>",
        f"<p>Mô hình của cá nhân · {esc(model.person_position)} · {esc(unit_status.unit.name)} · "
        f"Năm {status.cycle.year}</p>",
        *model_sections(ctx, model, here),
        keywords=(model.title,),
    )
