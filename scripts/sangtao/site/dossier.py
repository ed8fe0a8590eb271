"""One page per unit and cycle (and per individual model): the dossier (hồ sơ).

These pages stay out of the navigation: with thousands of them in the nav every page would
carry the whole nav and the build would grow quadratically.
"""

from __future__ import annotations

from typing import Any

from sangtao.labels import state_label, vn_date, vn_datetime
from sangtao.site.context import SiteContext, data_of, dossier_src
from sangtao.site.html import attr, esc, link, page
from sangtao.status import MISSING, CycleStatus, DocumentStatus, ModelStatus, UnitStatus

# Fields shown in their own section, not in the generic list.
_SHOWN_APART = {"don_vi", "nam", "ca_nhan"}


def state_badge(
    state: str, overdue: bool = False, valid: bool = True, provisional: bool = False
) -> str:
    label = esc(state_label(state, overdue, provisional))
    badge = f'<span class="sangtao-state sangtao-state-{attr(state)}">{label}</span>'
    if not valid:
        badge += ' <span class="sangtao-state sangtao-state-invalid">Có lỗi</span>'
    return badge


def dossier_pages(ctx: SiteContext, status: CycleStatus) -> dict[str, str]:
    pages = {}
    for unit_status in status.units:
        pages[dossier_src(unit_status.collective)] = unit_page(ctx, status, unit_status)
        for model in unit_status.individuals:
            pages[dossier_src(model)] = individual_page(ctx, status, unit_status, model)
    return pages


def receipt_html(ctx: SiteContext, reg: DocumentStatus) -> str:
    receipt = reg.receipt
    if receipt is None:
        if reg.provisional:
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
    who = f", hợp nhất bởi {esc(receipt.merged_by)}" if receipt.merged_by else ""
    return f"{when}, theo lịch sử nhánh chính (commit {ref}{who})"


def status_box(ctx: SiteContext, reg: DocumentStatus) -> str:
    rows = [
        ("Trạng thái", state_badge(reg.state, reg.overdue, reg.valid, reg.provisional)),
        ("Hạn đăng ký", esc(vn_datetime(reg.deadline))),
    ]
    if reg.extension is not None:
        e = reg.extension
        granted = esc(e.authority) + (f", văn bản {esc(e.number)}" if e.number else "")
        rows.append(
            ("Gia hạn đến", f"{esc(vn_datetime(e.until))} ({granted}; lý do: {esc(e.reason)})")
        )
    rows.append(("Thời điểm nhận", receipt_html(ctx, reg)))
    if reg.path:
        source = ctx.source_url(reg.path)
        path = esc(reg.path)
        rows.append(
            ("Tệp", f'<a href="{attr(source)}">{path}</a>' if source else f"<code>{path}</code>")
        )
    if not reg.valid:
        rows.append(("Lỗi", f"{reg.problems} lỗi — xem trang Hồ sơ có lỗi"))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="sangtao-status"><tbody>{body}</tbody></table>'


def registration_html(ctx: SiteContext, model: ModelStatus) -> str:
    data = data_of(model)
    if not data:
        return ""
    schema = ctx.schemas["dang-ky"]
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
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_value_html(ctx, '', v)}</li>" for v in value) + "</ul>"
    if isinstance(value, dict):
        return ", ".join(esc(v) for v in value.values() if not isinstance(v, dict | list))
    return esc(value)


def _day(value: object) -> str:
    import datetime as dt

    if isinstance(value, str):
        try:
            return vn_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return "" if value is None else str(value)


def unit_page(ctx: SiteContext, status: CycleStatus, unit_status: UnitStatus) -> str:
    unit, model = unit_status.unit, unit_status.collective
    here = dossier_src(model)
    prefix = ctx.cycle_prefix(status.cycle.year)
    back = link(here, f"{prefix}don-vi.md", f"← Tình hình đăng ký năm {status.cycle.year}")
    heading = f"<h1>{esc(unit.name)}</h1>"
    meta = (
        f"<p>{esc(ctx.unit_kinds.get(unit.kind, unit.kind))} · Khối "
        f"{esc(ctx.blocks.get(unit.block, unit.block))} · Mã <code>{esc(unit.code)}</code> · "
        f"Năm {status.cycle.year}</p>"
    )
    if model.registration.state == MISSING:
        content = (
            "<h2>Mô hình của tập thể</h2><p>Đơn vị chưa gửi bản đăng ký mô hình của tập thể. "
            f"Tệp cần nộp: <code>submissions/{status.cycle.year}/{esc(unit.code)}/dang-ky.yaml</code>.</p>"
        )
    else:
        content = f"<h2>Mô hình của tập thể: {esc(model.title)}</h2>" + registration_html(
            ctx, model
        )
    individuals = ""
    if unit_status.individuals:
        items = "".join(
            f"<li>{link(here, dossier_src(m), esc(m.person_name or m.person))}"
            f" — {esc(m.title)} ({state_badge(m.registration.state, m.registration.overdue, m.registration.valid)})</li>"
            for m in unit_status.individuals
        )
        individuals = f"<h2>Mô hình của cá nhân</h2><ul>{items}</ul>"
    return page(
        f"{unit.name} — năm {status.cycle.year}",
        heading,
        f"<p>{back}</p>",
        meta,
        "<h2>Đăng ký</h2>",
        status_box(ctx, model.registration),
        content,
        individuals,
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
        "<h2>Đăng ký</h2>",
        status_box(ctx, model.registration),
        f"<h2>{esc(model.title)}</h2>",
        registration_html(ctx, model),
    )
