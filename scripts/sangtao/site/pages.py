"""The cycle's pages: home, units table, missing list, deadlines, legal documents, problems.

Pure functions: a ``SiteContext`` in, ``{source path: Markdown}`` out.
"""

from __future__ import annotations

from sangtao.labels import days_left, state_label, vn_date, vn_datetime
from sangtao.site.context import SiteContext, dossier_src
from sangtao.site.dossier import dossier_pages, state_badge
from sangtao.site.html import esc, link, page, table
from sangtao.status import EXTENDED, LATE, MISSING, ON_TIME, STATES, CycleStatus

DEADLINE_NAMES = {
    "dang_ky": "Đăng ký mô hình",
    "bao_cao": "Báo cáo kết quả",
    "tham_dinh": "Thẩm định",
}


def build_pages(ctx: SiteContext) -> dict[str, str]:
    pages: dict[str, str] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        pages[f"{prefix}index.md"] = home_page(ctx, status, f"{prefix}index.md")
        pages[f"{prefix}don-vi.md"] = units_page(ctx, status, f"{prefix}don-vi.md")
        pages[f"{prefix}chua-dang-ky.md"] = missing_page(ctx, status, f"{prefix}chua-dang-ky.md")
        pages.update(dossier_pages(ctx, status))
    if not ctx.statuses:
        pages["index.md"] = page(
            "Trang chủ", "<p>Chưa có đợt nào (thiếu submissions/&lt;năm&gt;/dot.yaml).</p>"
        )
    pages["thoi-han.md"] = deadlines_page(ctx, "thoi-han.md")
    pages["van-ban.md"] = legal_page(ctx, "van-ban.md")
    pages["loi.md"] = problems_page(ctx)
    return pages


def demo_notice(ctx: SiteContext) -> str:
    if not ctx.demo:
        return ""
    return (
        '<div class="admonition warning"><p class="admonition-title">Dữ liệu mẫu</p>'
        "<p>Các đơn vị có thật, nhưng người, tài khoản và nội dung hồ sơ là hư cấu, "
        "chỉ để minh họa cách hệ thống hoạt động.</p></div>"
    )


def cycle_switcher(ctx: SiteContext, here: str, year: int) -> str:
    if len(ctx.statuses) < 2:
        return ""
    items = []
    for other in sorted(ctx.statuses, reverse=True):
        label = f"Năm {other}" + (" (hiện tại)" if other == ctx.current else "")
        if other == year:
            items.append(f"<strong>{esc(label)}</strong>")
        else:
            items.append(link(here, f"{ctx.cycle_prefix(other)}index.md", esc(label)))
    return '<p class="sangtao-cycles">Các đợt: ' + " · ".join(items) + "</p>"


def _percent(part: int, whole: int) -> str:
    return f"{(100 * part / whole):.0f}%" if whole else "0%"


def home_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    cycle = status.cycle
    total = len(status.units)
    prefix = ctx.cycle_prefix(cycle.year)
    deadlines = table(
        ["Việc", "Hạn cuối", "Còn lại"],
        [
            [esc(DEADLINE_NAMES.get(k, k)), esc(vn_datetime(v)), esc(days_left(v, status.now))]
            for k, v in cycle.deadlines.items()
        ],
    )
    bar = "".join(
        f'<span class="sangtao-bar-{s}" style="width:{_percent(status.counts[s], total)}"></span>'
        for s in (ON_TIME, EXTENDED, LATE)
    )
    counts = " · ".join(
        f'<span class="sangtao-state sangtao-state-{s}">{esc(state_label(s))}: {status.counts[s]}</span>'
        for s in STATES
    )
    blocks = ctx.blocks
    by_block = table(
        ["Khối", "Số đơn vị", "Đã đăng ký", "Đúng hạn", "Được gia hạn", "Trễ hạn", "Chưa nộp"],
        [
            [
                esc(blocks.get(block, block)),
                str(sum(c.values())),
                str(sum(c.values()) - c[MISSING]),
                str(c[ON_TIME]),
                str(c[EXTENDED]),
                str(c[LATE]),
                str(c[MISSING]),
            ]
            for block, c in sorted(
                status.by_block.items(),
                key=lambda kv: list(blocks).index(kv[0]) if kv[0] in blocks else 99,
            )
        ],
    )
    individuals = sum(len(u.individuals) for u in status.units)
    links = (
        "<ul>"
        f"<li>{link(here, f'{prefix}don-vi.md', 'Bảng tình hình từng đơn vị')}</li>"
        f"<li>{link(here, f'{prefix}chua-dang-ky.md', f'Đơn vị chưa đăng ký ({status.counts[MISSING]})')}</li>"
        f"<li>{link(here, 'thoi-han.md', 'Các thời hạn và gia hạn')}</li>"
        f"<li>{link(here, 'van-ban.md', 'Văn bản căn cứ')}</li>"
        "</ul>"
    )
    return page(
        cycle.name,
        f"<h1>{esc(cycle.name)}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, cycle.year),
        f'<p class="sangtao-lead">Đã đăng ký <strong>{status.registered}/{total}</strong> '
        f"tổ chức cơ sở đảng ({_percent(status.registered, total)}), "
        f"và {individuals} mô hình của cá nhân. Số liệu tính đến {esc(vn_datetime(status.now))}.</p>",
        f'<div class="sangtao-bar" role="img" aria-label="Tỉ lệ đăng ký">{bar}</div>',
        f"<p>{counts}</p>",
        "<h2>Thời hạn</h2>",
        deadlines,
        "<h2>Theo khối</h2>",
        by_block,
        "<h2>Xem thêm</h2>",
        links,
    )


def _received(status_doc) -> str:  # type: ignore[no-untyped-def]
    if status_doc.receipt is not None:
        return esc(vn_datetime(status_doc.receipt.at))
    if status_doc.provisional:
        return "chưa vào nhánh chính"
    return "—"


def units_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    blocks, kinds = ctx.blocks, ctx.unit_kinds
    rows = []
    for number, unit_status in enumerate(status.units, 1):
        unit, model = unit_status.unit, unit_status.collective
        reg = model.registration
        rows.append(
            [
                str(number),
                link(here, dossier_src(model), esc(unit.name)),
                esc(blocks.get(unit.block, unit.block)),
                esc(kinds.get(unit.kind, unit.kind)),
                esc(model.title) if model.title else "—",
                state_badge(reg.state, reg.overdue, reg.valid, reg.provisional),
                _received(reg),
                str(len(unit_status.individuals)) if unit_status.individuals else "—",
            ]
        )
    return page(
        f"Tình hình đăng ký năm {status.cycle.year}",
        f"<h1>Tình hình đăng ký năm {status.cycle.year}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, status.cycle.year),
        f"<p>{len(status.units)} tổ chức cơ sở đảng. Bấm tên đơn vị để xem hồ sơ.</p>",
        table(
            [
                "STT",
                "Đơn vị",
                "Khối",
                "Loại",
                "Mô hình tập thể",
                "Đăng ký",
                "Thời điểm nhận",
                "Cá nhân",
            ],
            rows,
            "sangtao-units",
        ),
    )


def missing_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    deadline = status.cycle.deadline("registration")
    missing = [u for u in status.units if u.collective.registration.state == MISSING]
    late = [u for u in status.units if u.collective.registration.state == LATE]
    rows = [
        [
            link(here, dossier_src(u.collective), esc(u.unit.name)),
            esc(ctx.blocks.get(u.unit.block, u.unit.block)),
            esc(vn_datetime(u.collective.registration.effective_deadline)),
            esc(days_left(u.collective.registration.effective_deadline, status.now)),
            esc(", ".join(u.unit.accounts)) or "—",
        ]
        for u in missing
    ]
    lead = (
        f"<p>Hạn đăng ký: {esc(vn_datetime(deadline))} ({esc(days_left(deadline, status.now))}). "
        f"{len(missing)} đơn vị chưa có bản đăng ký.</p>"
        "<p>Theo Công văn 833-CV/HU, tập thể không đăng ký thì không được thẩm định và không "
        "được đánh giá, xếp loại ở mức «Hoàn thành xuất sắc nhiệm vụ».</p>"
    )
    body = (
        table(["Đơn vị", "Khối", "Hạn (kể cả gia hạn)", "Còn lại", "Tài khoản nộp"], rows)
        if rows
        else "<p><strong>Tất cả đơn vị đã đăng ký.</strong></p>"
    )
    late_block = ""
    if late:
        late_rows = [
            [
                link(here, dossier_src(u.collective), esc(u.unit.name)),
                _received(u.collective.registration),
            ]
            for u in late
        ]
        late_block = "<h2>Đăng ký trễ hạn</h2>" + table(["Đơn vị", "Thời điểm nhận"], late_rows)
    return page(
        f"Đơn vị chưa đăng ký năm {status.cycle.year}",
        f"<h1>Đơn vị chưa đăng ký năm {status.cycle.year}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, status.cycle.year),
        lead,
        body,
        late_block,
    )


def deadlines_page(ctx: SiteContext, here: str) -> str:
    blocks = []
    names = ctx.roster.by_code
    for year in sorted(ctx.statuses, reverse=True):
        status = ctx.statuses[year]
        cycle = status.cycle
        blocks.append(f"<h2>{esc(cycle.name)}</h2>")
        blocks.append(
            table(
                ["Việc", "Hạn cuối", "Còn lại"],
                [
                    [esc(DEADLINE_NAMES.get(k, k)), esc(vn_datetime(v)), esc(days_left(v, ctx.now))]
                    for k, v in cycle.deadlines.items()
                ],
            )
        )
        if cycle.grace:
            minutes = int(cycle.grace.total_seconds() // 60)
            blocks.append(f"<p>Thời gian châm chước sau mỗi hạn: {minutes} phút.</p>")
        if cycle.extensions:
            rows = [
                [
                    esc(names[e.unit].name if e.unit in names else e.unit)
                    + (f" — {esc(e.person)}" if e.person else ""),
                    esc("Đăng ký" if e.document == "dang-ky" else "Báo cáo kết quả"),
                    esc(vn_datetime(e.until)),
                    esc(e.authority) + (f" ({esc(e.number)})" if e.number else ""),
                    esc(e.reason),
                ]
                for e in cycle.extensions
            ]
            blocks.append("<h3>Gia hạn</h3>")
            blocks.append(table(["Đơn vị", "Văn bản", "Hạn mới", "Cho phép", "Lý do"], rows))
    return page(
        "Thời hạn",
        "<h1>Thời hạn</h1>",
        "<p>Hồ sơ nhận đến hết thời điểm ghi ở đây là đúng hạn. Thời điểm nhận là lúc hồ sơ "
        "được hợp nhất vào nhánh chính, hoặc thời điểm Ban Tổ chức ghi trong sổ tiếp nhận.</p>",
        *blocks,
    )


def legal_page(ctx: SiteContext, here: str) -> str:
    blocks = []
    for year in sorted(ctx.statuses, reverse=True):
        cycle = ctx.statuses[year].cycle
        rows = []
        for doc in cycle.legal_basis:
            number = esc(doc["so"])
            if doc.get("toan_van"):
                number = link(here, f"van-ban/{doc['toan_van']}", number)
            rows.append(
                [
                    number,
                    esc(vn_date(_date(doc["ngay"]))),
                    esc(doc["co_quan"]),
                    esc(doc["trich_yeu"]),
                ]
            )
        blocks.append(f"<h2>{esc(cycle.name)}</h2>")
        blocks.append(table(["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu"], rows))
    return page("Văn bản căn cứ", "<h1>Văn bản căn cứ</h1>", *blocks)


def _date(text: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(text)


def problems_page(ctx: SiteContext) -> str:
    if not ctx.problems:
        body = f"<p>Đã kiểm tra {ctx.files} tệp: không có lỗi.</p>"
    else:
        rows = [[esc(p.path), esc(p.line or ""), esc(p.message), esc(p.hint)] for p in ctx.problems]
        body = (
            f"<p>Đã kiểm tra {ctx.files} tệp: {len(ctx.problems)} lỗi. Tệp có lỗi vẫn được "
            "ghi nhận và hiện ở đây cho đến khi được sửa.</p>"
            + table(["Tệp", "Dòng", "Lỗi", "Cách sửa"], rows)
        )
    return page("Hồ sơ có lỗi", "<h1>Hồ sơ có lỗi</h1>", body)
