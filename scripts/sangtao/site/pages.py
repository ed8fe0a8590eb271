"""The cycle's pages: home, units table, missing lists, open difficulties, deadlines, legal
documents, problems. Pure functions: a ``SiteContext`` in, ``{source path: Markdown}`` out.
"""

from __future__ import annotations

import datetime as dt

from sangtao.labels import days_left, state_label, vn_date, vn_datetime
from sangtao.layout import ANSWERS_FILE, CYCLE_FILE, ROSTER_FILE
from sangtao.site.charts import compliance_by_block, progress_over_time
from sangtao.site.context import SiteContext, dossier_src
from sangtao.site.dossier import appraisal_badge, doc_badge, dossier_pages
from sangtao.site.forms import form_pages
from sangtao.site.html import esc, link, page, table
from sangtao.site.results import results_pages
from sangtao.status import EXTENDED, LATE, MISSING, ON_TIME, STATES, CycleStatus, DocumentStatus

DEADLINE_NAMES = {
    "dang_ky": "Đăng ký mô hình",
    "bao_cao": "Báo cáo kết quả",
    "tham_dinh": "Thẩm định",
}
KIND_WORDS = {
    "registration": ("đăng ký", "chua-dang-ky"),
    "report": ("báo cáo kết quả", "chua-bao-cao"),
}


def build_pages(ctx: SiteContext) -> dict[str, str]:
    pages: dict[str, str] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        pages[f"{prefix}index.md"] = home_page(ctx, status, f"{prefix}index.md")
        pages[f"{prefix}don-vi.md"] = units_page(ctx, status, f"{prefix}don-vi.md")
        for kind, (_, slug) in KIND_WORDS.items():
            pages[f"{prefix}{slug}.md"] = missing_page(ctx, status, kind, f"{prefix}{slug}.md")
        pages[f"{prefix}kho-khan.md"] = difficulties_page(ctx, status, f"{prefix}kho-khan.md")
        pages.update(dossier_pages(ctx, status))
    if not ctx.statuses:
        pages["index.md"] = page(
            "Trang chủ", "<p>Chưa có đợt nào (thiếu submissions/&lt;năm&gt;/dot.yaml).</p>"
        )
    pages["thoi-han.md"] = deadlines_page(ctx)
    pages["van-ban.md"] = legal_page(ctx, "van-ban.md")
    pages["loi.md"] = problems_page(ctx)
    pages.update(form_pages(ctx))
    pages.update(results_pages(ctx))
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


def _deadlines_table(status: CycleStatus) -> str:
    return table(
        ["Việc", "Hạn cuối", "Còn lại"],
        [
            [esc(DEADLINE_NAMES.get(k, k)), esc(vn_datetime(v)), esc(days_left(v, status.now))]
            for k, v in status.cycle.deadlines.items()
        ],
    )


def compliance(ctx: SiteContext, status: CycleStatus, kind: str) -> str:
    """X of Y, a bar, the counts by state and the table by block, for one kind of document."""
    counts = status.counts_of(kind)
    total = len(status.units)
    done = total - counts[MISSING]
    word = KIND_WORDS[kind][0]
    bar = "".join(
        f'<span class="sangtao-bar-{s}" style="width:{_percent(counts[s], total)}"></span>'
        for s in (ON_TIME, EXTENDED, LATE)
    )
    badges = " · ".join(
        f'<span class="sangtao-state sangtao-state-{s}">{esc(state_label(s))}: {counts[s]}</span>'
        for s in STATES
    )
    blocks = ctx.blocks
    order = list(blocks)
    rows = [
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
            status.by_block_of(kind).items(),
            key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order),
        )
    ]
    return "\n\n".join(
        [
            f'<p class="sangtao-lead">Đã {esc(word)}: <strong>{done}/{total}</strong> tổ chức cơ sở đảng '
            f"({_percent(done, total)}).</p>",
            f'<div class="sangtao-bar" role="img" aria-label="Tỉ lệ {esc(word)}">{bar}</div>',
            f"<p>{badges}</p>",
            compliance_by_block(status, kind, blocks, f"Tỉ lệ {word} theo khối"),
            table(
                [
                    "Khối",
                    "Số đơn vị",
                    f"Đã {word}",
                    "Đúng hạn",
                    "Được gia hạn",
                    "Trễ hạn",
                    "Chưa nộp",
                ],
                rows,
            ),
        ]
    )


def home_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    cycle = status.cycle
    prefix = ctx.cycle_prefix(cycle.year)
    individuals = sum(len(u.individuals) for u in status.units)
    open_difficulties = len(status.open_difficulties())
    unregistered = status.counts_of("registration")[MISSING]
    unreported = status.counts_of("report")[MISSING]
    links = (
        "<ul>"
        f"<li>{link(here, f'{prefix}don-vi.md', 'Bảng tình hình từng đơn vị')}</li>"
        f"<li>{link(here, f'{prefix}chua-dang-ky.md', f'Đơn vị chưa đăng ký ({unregistered})')}</li>"
        f"<li>{link(here, f'{prefix}chua-bao-cao.md', f'Đơn vị chưa báo cáo kết quả ({unreported})')}</li>"
        f"<li>{link(here, f'{prefix}kho-khan.md', f'Khó khăn, vướng mắc chưa giải quyết ({open_difficulties})')}</li>"
        f"<li>{link(here, 'thoi-han.md', 'Các thời hạn và gia hạn')}</li>"
        f"<li>{link(here, 'van-ban.md', 'Văn bản căn cứ')}</li>"
        "</ul>" + downloads(here, cycle.year)
    )
    return page(
        cycle.name,
        f"<h1>{esc(cycle.name)}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, cycle.year),
        f"<p>Số liệu tính đến {esc(vn_datetime(status.now))}. Ngoài mô hình của tập thể còn "
        f"{individuals} mô hình của cá nhân.</p>",
        "<h2>Thời hạn</h2>",
        _deadlines_table(status),
        "<h2>Đăng ký mô hình</h2>",
        compliance(ctx, status, "registration"),
        "<h2>Báo cáo kết quả</h2>",
        compliance(ctx, status, "report"),
        progress_block(status),
        "<h2>Xem thêm</h2>",
        links,
    )


def downloads(here: str, year: int) -> str:
    """Links to the exports of a cycle: for meetings, Excel and phones."""
    items = [
        link(here, f"xuat/tinh-hinh-{year}.xlsx", "Excel (.xlsx)"),
        link(here, f"xuat/tinh-hinh-{year}.csv", "CSV"),
        link(here, "xuat/du-lieu.json", "JSON (toàn bộ dữ liệu công bố)"),
        link(here, "xuat/thoi-han.ics", "Lịch thời hạn (.ics, thêm vào điện thoại)"),
    ]
    return '<p class="sangtao-downloads">Tải về: ' + " · ".join(items) + "</p>"


def progress_block(status: CycleStatus) -> str:
    chart, rows = progress_over_time(status)
    if not rows:
        return ""
    return (
        "<h2>Theo dõi thực hiện</h2>"
        + chart
        + table(
            ["Tháng", "Số báo cáo tiến độ", "Hoàn thành trung bình"],
            [[esc(m[5:] + "/" + m[:4]), str(n), f"{mean:.0f}%"] for m, n, mean in rows],
        )
    )


def received_cell(doc: DocumentStatus) -> str:
    if doc.receipt is not None:
        return esc(vn_datetime(doc.receipt.at))
    if doc.provisional:
        return "chưa vào nhánh chính"
    return "—"


def units_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    ctx.shown.add(ROSTER_FILE)
    blocks = ctx.blocks
    rows = []
    for number, unit_status in enumerate(status.units, 1):
        unit, model = unit_status.unit, unit_status.collective
        percent = f"{model.latest_percent}%" if model.latest_percent is not None else "—"
        rows.append(
            [
                str(number),
                link(here, dossier_src(model), esc(unit.name)),
                esc(blocks.get(unit.block, unit.block)),
                esc(model.title) if model.title else "—",
                doc_badge(model.registration),
                esc(percent),
                doc_badge(model.report),
                appraisal_badge(model),
                str(len(unit_status.individuals)) if unit_status.individuals else "—",
            ]
        )
    return page(
        f"Tình hình các đơn vị năm {status.cycle.year}",
        f"<h1>Tình hình các đơn vị năm {status.cycle.year}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, status.cycle.year),
        f"<p>{len(status.units)} tổ chức cơ sở đảng. Bấm tên đơn vị để xem hồ sơ.</p>",
        downloads(here, status.cycle.year),
        table(
            [
                "STT",
                "Đơn vị",
                "Khối",
                "Mô hình tập thể",
                "Đăng ký",
                "Tiến độ",
                "Báo cáo",
                "Thẩm định",
                "Cá nhân",
            ],
            rows,
            "sangtao-units sangtao-sortable",
        ),
    )


def missing_page(ctx: SiteContext, status: CycleStatus, kind: str, here: str) -> str:
    """The units the board must chase for one kind of document, and those that came late."""
    word = KIND_WORDS[kind][0]
    deadline = status.cycle.deadline(kind)
    missing = [u for u in status.units if getattr(u.collective, kind).state == MISSING]
    late = [u for u in status.units if getattr(u.collective, kind).state == LATE]
    if kind == "report":
        # A unit that never registered is chased on the registration list.
        missing = [u for u in missing if u.collective.registration.state != MISSING]
    rows = [
        [
            link(here, dossier_src(u.collective), esc(u.unit.name)),
            esc(ctx.blocks.get(u.unit.block, u.unit.block)),
            esc(vn_datetime(getattr(u.collective, kind).effective_deadline)),
            esc(days_left(getattr(u.collective, kind).effective_deadline, status.now)),
            esc(", ".join(u.unit.accounts)) or "—",
        ]
        for u in missing
    ]
    rule = (
        "<p>Theo Công văn 833-CV/HU, tập thể, cá nhân không đăng ký hoặc đăng ký nhưng không báo "
        "cáo kết quả thì không được thẩm định và không được đánh giá, xếp loại ở mức «Hoàn thành "
        "xuất sắc nhiệm vụ».</p>"
    )
    lead = (
        f"<p>Hạn {esc(word)}: {esc(vn_datetime(deadline))} ({esc(days_left(deadline, status.now))}). "
        f"{len(missing)} đơn vị chưa {esc(word)}"
        + (" (trong số đơn vị đã đăng ký)" if kind == "report" else "")
        + ".</p>"
    )
    body = (
        table(
            ["Đơn vị", "Khối", "Hạn (kể cả gia hạn)", "Còn lại", "Tài khoản nộp"],
            rows,
            "sangtao-sortable",
        )
        if rows
        else f"<p><strong>Không còn đơn vị nào chưa {esc(word)}.</strong></p>"
    )
    late_block = ""
    if late:
        late_rows = [
            [
                link(here, dossier_src(u.collective), esc(u.unit.name)),
                received_cell(getattr(u.collective, kind)),
            ]
            for u in late
        ]
        late_block = f"<h2>{esc(word.capitalize())} trễ hạn</h2>" + table(
            ["Đơn vị", "Thời điểm nhận"], late_rows
        )
    title = f"Đơn vị chưa {word} năm {status.cycle.year}"
    return page(
        title,
        f"<h1>{esc(title)}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, status.cycle.year),
        lead,
        rule,
        body,
        late_block,
    )


def difficulties_page(ctx: SiteContext, status: CycleStatus, here: str) -> str:
    """The board's queue: every difficulty not yet resolved, oldest first."""
    ctx.shown.add(f"submissions/{status.cycle.year}/{ANSWERS_FILE}")
    rows = []
    for model, difficulty in status.open_difficulties():
        names = ctx.roster.by_code
        who = esc(names[model.unit].name if model.unit in names else model.unit)
        if model.person:
            who += f" — {esc(model.person_name or model.person)}"
        last = difficulty.answers[-1] if difficulty.answers else None
        rows.append(
            [
                esc(vn_date(difficulty.raised_on)),
                str((status.now.date() - difficulty.raised_on).days),
                link(here, dossier_src(model), who),
                esc(difficulty.text),
                esc(f"{vn_date(last.on)}: {last.body}") if last else "<em>Chưa trả lời</em>",
                f"<code>{esc(difficulty.file.removeprefix(f'submissions/{status.cycle.year}/'))}</code> #{difficulty.number}",
            ]
        )
    body = (
        table(
            ["Nêu ngày", "Số ngày", "Đơn vị", "Khó khăn, vướng mắc", "Trả lời gần nhất", "Tệp, số"],
            rows,
        )
        if rows
        else "<p><strong>Không còn khó khăn nào chưa giải quyết.</strong></p>"
    )
    return page(
        f"Khó khăn, vướng mắc chưa giải quyết năm {status.cycle.year}",
        f"<h1>Khó khăn, vướng mắc chưa giải quyết năm {status.cycle.year}</h1>",
        demo_notice(ctx),
        cycle_switcher(ctx, here, status.cycle.year),
        "<p>Các khó khăn đơn vị nêu trong báo cáo tiến độ mà chưa có câu trả lời «đã giải quyết» "
        f"của Ban Tổ chức, cũ nhất lên đầu. Ban Tổ chức trả lời bằng tệp "
        f"<code>submissions/{status.cycle.year}/giai-dap.yaml</code> (cột «Tệp, số»).</p>",
        body,
    )


def deadlines_page(ctx: SiteContext) -> str:
    blocks = []
    names = ctx.roster.by_code
    for year in sorted(ctx.statuses, reverse=True):
        status = ctx.statuses[year]
        cycle = status.cycle
        ctx.shown.add(f"submissions/{year}/{CYCLE_FILE}")
        blocks.append(f"<h2>{esc(cycle.name)}</h2>")
        blocks.append(_deadlines_table(status))
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
            day = vn_date(dt.date.fromisoformat(doc["ngay"]))
            rows.append([number, esc(day), esc(doc["co_quan"]), esc(doc["trich_yeu"])])
        blocks.append(f"<h2>{esc(cycle.name)}</h2>")
        blocks.append(table(["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu"], rows))
    return page("Văn bản căn cứ", "<h1>Văn bản căn cứ</h1>", *blocks)


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
