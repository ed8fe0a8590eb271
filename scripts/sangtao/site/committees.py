"""One page per intermediate committee and cycle: its subtree's compliance, its own model, its
sub-committees and its organisations, for the committee that follows only its own. Pure, like
the other page builders: the HTML comes from ``templates/committee.html``."""

from __future__ import annotations

from sangtao.exports import committee_csv_src
from sangtao.site.context import SiteContext, chrome, committee_src, dossier_src
from sangtao.site.render import Rendered, render_page
from sangtao.status import CommitteeStatus, CycleStatus


def committee_pages(ctx: SiteContext) -> dict[str, Rendered]:
    pages: dict[str, Rendered] = {}
    for year, status in ctx.statuses.items():
        prefix = ctx.cycle_prefix(year)
        for committee in status.committees:
            here = committee_src(prefix, committee.committee.code)
            pages[here] = committee_page(ctx, status, committee, prefix, here)
    return pages


def committee_page(
    ctx: SiteContext, status: CycleStatus, c: CommitteeStatus, prefix: str, here: str
) -> Rendered:
    roster = status.roster
    parents = roster.committee_by_code if roster is not None else {}
    committee = c.committee
    return render_page(
        "committee.html",
        f"{committee.name} — năm {status.cycle.year}",
        here=here,
        status=status,
        c=c,
        committee=committee,
        parent=parents.get(committee.parent or ""),
        issuer=status.issuer,
        children=[o for o in status.committees if o.committee.parent == committee.code],
        prefix=prefix,
        csv=committee_csv_src(status.cycle.year, committee.code),
        committee_src=committee_src,
        dossier_src=dossier_src,
        **chrome(ctx, status.cycle.year),
    )
