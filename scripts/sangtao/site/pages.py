"""The cycle's pages: home, units table, missing lists, open difficulties, deadlines, legal
documents, problems. Pure functions: a ``SiteContext`` in, ``{source path: Rendered}`` out
(each page's HTML from its template in ``templates/``, and the source files it shows).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sangtao.beside import EVERY_UNIT, Share
from sangtao.labels import KIND_WORDS
from sangtao.layout import LEGAL_TEXTS_DIR, Kind, cycle_dir, path_of
from sangtao.site.charts import compliance_by_block, progress_over_time
from sangtao.site.committees import committee_pages
from sangtao.site.context import SiteContext, chrome, committee_src, dossier_src, own_letter_src
from sangtao.site.dossier import dossier_pages
from sangtao.site.forms import form_pages
from sangtao.site.parts import Paging, kept, list_pages, paging_values, titled
from sangtao.site.render import Rendered, render_page
from sangtao.site.results import results_pages
from sangtao.status import LATE, MISSING, CycleStatus

# Where the list of units missing each kind of document lives.
MISSING_SLUGS = {Kind.REGISTRATION: "chua-dang-ky", Kind.REPORT: "chua-bao-cao"}


def build_pages(ctx: SiteContext, share: Share = EVERY_UNIT) -> dict[str, Rendered]:
    """Every generated page; the dossier pages of units outside ``share`` are drawn by
    another process and left ``LATER`` (decision 83)."""
    pages: dict[str, Rendered] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        pages[f"{prefix}index.md"] = home_page(ctx, status, f"{prefix}index.md")
        pages.update(units_pages(ctx, status, f"{prefix}don-vi.md"))
        for kind, slug in MISSING_SLUGS.items():
            pages.update(missing_pages(ctx, status, kind, f"{prefix}{slug}.md"))
        pages.update(difficulties_pages(ctx, status, f"{prefix}kho-khan.md"))
        pages.update(dossier_pages(ctx, status, share))
    if not ctx.statuses:
        pages["index.md"] = render_page("no-cycle.html", "Trang chủ")
    pages["thoi-han.md"] = deadlines_page(ctx)
    pages["van-ban.md"] = legal_page(ctx, "van-ban.md")
    pages["loi.md"] = problems_page(ctx)
    pages.update(form_pages(ctx))
    pages.update(results_pages(ctx))
    pages.update(committee_pages(ctx))
    return pages


def _percent(part: int, whole: int) -> str:
    return f"{(100 * part / whole):.0f}%" if whole else "0%"


def compliance(ctx: SiteContext, status: CycleStatus, kind: Kind) -> dict[str, Any]:
    """X of Y, a bar, the counts by state and the table by block, for one kind of document."""
    counts = status.counts_of(kind)
    total = len(status.units)
    blocks = ctx.blocks
    order = list(blocks)
    by_block = sorted(
        status.by_block_of(kind).items(),
        key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order),
    )
    word = KIND_WORDS[kind]
    return {
        "word": word,
        "counts": counts,
        "total": total,
        "done": total - counts[MISSING],
        "percent": {s: _percent(n, total) for s, n in counts.items()},
        "done_percent": _percent(total - counts[MISSING], total),
        "rows": [(blocks.get(block, block), c) for block, c in by_block],
        "chart": compliance_by_block(status, kind, blocks, f"Tỉ lệ {word} theo khối"),
    }


def home_page(ctx: SiteContext, status: CycleStatus, here: str) -> Rendered:
    chart, rows = progress_over_time(status)
    return render_page(
        "home.html",
        status.cycle.name,
        here=here,
        status=status,
        prefix=ctx.cycle_prefix(status.cycle.year),
        individuals=sum(len(u.individuals) for u in status.units),
        open_difficulties=len(status.open_difficulties()),
        unregistered=status.counts_of(Kind.REGISTRATION)[MISSING],
        unreported=status.counts_of(Kind.REPORT)[MISSING],
        registration=compliance(ctx, status, Kind.REGISTRATION),
        report=compliance(ctx, status, Kind.REPORT),
        progress_chart=chart,
        progress_rows=rows,
        own=_own_model_links(status),
        committee_src=committee_src,
        **chrome(ctx, status.cycle.year),
    )


def _own_model_links(status: CycleStatus) -> list[tuple[str, str]]:
    """The issuing committee's own model: its dossier and the printable registration."""
    if status.district is None:
        return []
    short = status.issuer.short
    return [
        (dossier_src(status.district), f"Mô hình của {short}"),
        (own_letter_src(status.district), f"Bản đăng ký mô hình của {short} (bản in)"),
    ]


def units_pages(ctx: SiteContext, status: CycleStatus, base: str) -> dict[str, Rendered]:
    """Every organisation's row, numbered in roster order on every part."""
    title = f"Tình hình các đơn vị năm {status.cycle.year}"
    numbered = list(enumerate(status.units, 1))

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "units.html",
            titled(title, paging),
            shown=ctx.roster_files(status.cycle.year),
            here=here,
            status=status,
            units=[(n, u) for n, u in numbered if kept(u.unit.code, keep)],
            blocks=ctx.blocks,
            dossier_src=dossier_src,
            **paging_values(paging),
            **chrome(ctx, status.cycle.year),
        )

    return list_pages(ctx, status, base, lambda u: 1, draw)


def missing_pages(
    ctx: SiteContext, status: CycleStatus, kind: Kind, base: str
) -> dict[str, Rendered]:
    """The units the board must chase for one kind of document, and those that came late."""
    missing = [u for u in status.units if getattr(u.collective, kind).state == MISSING]
    if kind == Kind.REPORT:
        # A unit that never registered is chased on the registration list.
        missing = [u for u in missing if u.collective.registration.state != MISSING]
    late = [u for u in status.units if getattr(u.collective, kind).state == LATE]
    listed = {u.unit.code for u in (*missing, *late)}
    word = KIND_WORDS[kind]
    title = f"Đơn vị chưa {word} năm {status.cycle.year}"

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "missing.html",
            titled(title, paging),
            here=here,
            status=status,
            kind=kind,
            word=word,
            letter=status.cycle.letter,
            deadline=status.cycle.deadline(kind),
            count=len(missing),
            missing=[(u, getattr(u.collective, kind)) for u in missing if kept(u.unit.code, keep)],
            late=[(u, getattr(u.collective, kind)) for u in late if kept(u.unit.code, keep)],
            blocks=ctx.blocks,
            dossier_src=dossier_src,
            **paging_values(paging),
            **chrome(ctx, status.cycle.year),
        )

    return list_pages(ctx, status, base, lambda u: int(u.unit.code in listed), draw)


def difficulties_pages(ctx: SiteContext, status: CycleStatus, base: str) -> dict[str, Rendered]:
    """The board's queue: every difficulty not yet resolved, oldest first."""
    year = status.cycle.year
    names = ctx.roster_of(year).by_code
    queue = status.open_difficulties()
    rows = [
        {
            "model": model,
            "difficulty": difficulty,
            "days": (status.now.date() - difficulty.raised_on).days,
            "unit": names[model.unit].name if model.unit in names else model.unit,
            "last": difficulty.answers[-1] if difficulty.answers else None,
            "file": difficulty.file.removeprefix(f"{cycle_dir(year)}/"),
        }
        for model, difficulty in queue
    ]
    owners = [model.unit for model, _ in queue]  # each row's unit
    per_unit = Counter(owners)
    title = f"Khó khăn, vướng mắc chưa giải quyết năm {year}"

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "difficulties.html",
            titled(title, paging),
            shown=(path_of(Kind.ANSWERS, year), *ctx.board_files.get((Kind.ANSWERS, year), ())),
            here=here,
            year=year,
            rows=[r for r, unit in zip(rows, owners, strict=True) if kept(unit, keep)],
            dossier_src=dossier_src,
            **paging_values(paging),
            **chrome(ctx, year),
        )

    return list_pages(ctx, status, base, lambda u: per_unit.get(u.unit.code, 0), draw)


def deadlines_page(ctx: SiteContext) -> Rendered:
    years = sorted(ctx.statuses, reverse=True)
    return render_page(
        "deadlines.html",
        "Thời hạn",
        shown=(path_of(Kind.CYCLE, year) for year in years),
        statuses=[ctx.statuses[year] for year in years],
        names={code: unit for year in years for code, unit in ctx.roster_of(year).by_code.items()},
    )


def legal_page(ctx: SiteContext, here: str) -> Rendered:
    cycles = []
    for year in sorted(ctx.statuses, reverse=True):
        cycle = ctx.statuses[year].cycle
        documents = [
            {
                "number": doc.number,
                "full_text": f"{LEGAL_TEXTS_DIR}/{doc.full_text}" if doc.full_text else None,
                "day": dt.date.fromisoformat(doc.day),
                "issuer": doc.issuer,
                "summary": doc.summary,
            }
            for doc in cycle.legal_basis
        ]
        cycles.append((cycle, documents))
    return render_page("legal.html", "Văn bản căn cứ", here=here, cycles=cycles)


def problems_page(ctx: SiteContext) -> Rendered:
    return render_page("problems.html", "Hồ sơ có lỗi", problems=ctx.problems, files=ctx.files)
