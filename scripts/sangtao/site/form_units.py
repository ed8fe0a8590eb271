"""The units a form picks from, and where they travel (decision 77).

A short list goes into the form page as it always did. A long list goes into one data file per
committee (per block in a flat roster: ``bieu-mau/du-lieu/<year>/<group>.js``), which the form
loads with a ``<script>`` element once the clerk has chosen his committee or block: a script loads from
``file://`` (the offline copy), ``fetch`` does not. The page keeps only the committees. Pure: a
``SiteContext`` in, entries and file texts out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from sangtao.documents import Registration
from sangtao.site.context import SiteContext
from sangtao.site.parts import Group, by_block, by_committee, committee_group
from sangtao.site.render import json_for_html
from sangtao.status import CycleStatus, ModelStatus, UnitStatus

DATA_DIR = "bieu-mau/du-lieu"
GLOBAL = "SangtaoDonVi"  # the object the data files fill, one key per group


def registered(model: ModelStatus) -> dict[str, Any] | None:
    """What a form needs to know about a model already registered in this cycle."""
    document = model.document
    if document is None or not document.valid or not isinstance(document.data, dict):
        return None
    period = Registration.of(document).period
    return {
        "ca_nhan": model.person,
        "ho_ten": model.person_name or None,
        "ten_mo_hinh": model.title,
        "tu_ngay": period.start if period else None,
        "den_ngay": period.end if period else None,
    }


def unit_entry(unit_status: UnitStatus) -> dict[str, Any]:
    models = [
        found
        for model in (unit_status.collective, *unit_status.individuals)
        if (found := registered(model)) is not None
    ]
    return {"ma": unit_status.unit.code, "ten": unit_status.unit.name, "mo_hinh": models}


def split(ctx: SiteContext, status: CycleStatus) -> bool:
    """Units in files of their own when the list has more rows (a unit and each of its
    models) than a list page holds (decision 69's limit): at 3,000 dossiers a flat
    district's page would carry 680 KB of them."""
    rows = sum(2 + len(u.individuals) for u in status.units)  # the unit, its collective model
    return rows > ctx.rows_per_page


def grouping(ctx: SiteContext, status: CycleStatus) -> Callable[[UnitStatus], Group]:
    """By committee in a hierarchical cycle, else by block: as the lists are split."""
    roster = ctx.roster_of(status.cycle.year)
    if roster.hierarchical:
        return by_committee(roster, status.issuer.name)
    return by_block(ctx.blocks)


def groups(ctx: SiteContext, status: CycleStatus) -> list[tuple[Group, list[dict[str, Any]]]]:
    """Each committee's own organisations (or each block's), in the lists' order; every unit
    once."""
    group_of = grouping(ctx, status)
    found: dict[Group, list[dict[str, Any]]] = {}
    for unit_status in status.units:
        found.setdefault(group_of(unit_status), []).append(unit_entry(unit_status))
    return sorted(found.items(), key=lambda item: item[0].rank)


def data_src(year: int, group: str) -> str:
    return f"{DATA_DIR}/{year}/{group}.js"


def data_script(group: str, units: list[dict[str, Any]]) -> str:
    """A script that files a group's units under its code; the JSON is escaped as in the pages
    (no ``<``, no line separators), so a unit's name stays text."""
    key = json_for_html(group)
    return f"window.{GLOBAL}=window.{GLOBAL}||{{}};window.{GLOBAL}[{key}]={json_for_html(units)};\n"


def data_files(ctx: SiteContext) -> dict[str, str]:
    """The current cycle's data files (none when its forms carry the units in the page)."""
    status = ctx.statuses.get(ctx.current) if ctx.current is not None else None
    if status is None or not split(ctx, status):
        return {}
    year = status.cycle.year
    return {data_src(year, g.code): data_script(g.code, units) for g, units in groups(ctx, status)}


def unit_groups(ctx: SiteContext) -> dict[str, str]:
    """Each unit of the current cycle's roster → the group whose data file holds it; empty
    when the forms carry their units in the page. Drawn once per build (``SiteContext``
    keeps it): every dossier page links to the forms."""
    status = ctx.statuses.get(ctx.current) if ctx.current is not None else None
    if status is None or not split(ctx, status):
        return {}
    roster = ctx.roster_of(status.cycle.year)
    if roster.hierarchical:
        group_of = committee_group(roster, status.issuer.name)
        return {code: group_of(unit.committee).code for code, unit in roster.by_code.items()}
    # A block's group is coded by the block (by_block).
    return {code: unit.block for code, unit in roster.by_code.items() if unit.block}


def prefill_query(ctx: SiteContext, unit: str) -> str:
    """``?don_vi=<code>`` for a form link from a unit's page; with ``&cap_uy=<group>`` when the
    form loads units by committee, so that it knows which file holds the unit."""
    group = ctx.form_groups.get(unit)
    return "?" + urlencode({"don_vi": unit} | ({"cap_uy": group} if group else {}))
