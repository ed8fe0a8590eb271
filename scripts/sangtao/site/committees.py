"""One page per intermediate committee and cycle: its subtree's compliance, its own model, its
sub-committees and its organisations, for the committee that follows only its own. Pure, like
the other page builders: the HTML comes from ``templates/committee.html``."""

from __future__ import annotations

from sangtao.exports import committee_csv_src
from sangtao.site.context import SiteContext, chrome, committee_src, dossier_src
from sangtao.site.parts import Paging, by_block, kept, paging_values, plan, split_pages, titled
from sangtao.site.render import Rendered, render_page
from sangtao.status import CommitteeStatus, CycleStatus


def committee_pages(ctx: SiteContext) -> dict[str, Rendered]:
    pages: dict[str, Rendered] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        for committee in status.committees:
            base = committee_src(prefix, committee.committee.code)
            pages.update(committee_page(ctx, status, committee, prefix, base))
    return pages


def committee_page(
    ctx: SiteContext, status: CycleStatus, c: CommitteeStatus, prefix: str, base: str
) -> dict[str, Rendered]:
    """A committee's page; a committee with more organisations than a page holds lists them
    by block, in parts (decision 69)."""
    roster = status.roster
    parents = roster.committee_by_code if roster is not None else {}
    committee = c.committee
    title = f"{committee.name} — năm {status.cycle.year}"

    def draw(here: str, paging: Paging | None, keep: frozenset[str] | None) -> Rendered:
        return render_page(
            "committee.html",
            titled(title, paging),
            here=here,
            status=status,
            c=c,
            units=[u for u in c.units if kept(u.unit.code, keep)],
            committee=committee,
            parent=parents.get(committee.parent or ""),
            issuer=status.issuer,
            children=[o for o in status.committees if o.committee.parent == committee.code],
            prefix=prefix,
            year=status.cycle.year,
            csv=committee_csv_src(status.cycle.year, committee.code),
            committee_src=committee_src,
            dossier_src=dossier_src,
            **paging_values(paging),
            **chrome(ctx, status.cycle.year),
        )

    parts = plan(base, c.units, lambda u: 1, by_block(ctx.blocks), ctx.rows_per_page)
    return split_pages(base, parts, draw)
