"""Long lists in parts (decision 69): a list page whose rows exceed a limit becomes an index,
and its rows go to parts of at most that many rows, grouped by committee (a hierarchical
cycle) or by block, a group longer than the limit in numbered pages.

Pure: units and how many rows each shows in, parts out. A unit's rows never straddle two
parts, so each unit is on exactly one part of a list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sangtao.model import Roster
from sangtao.site.context import SiteContext
from sangtao.site.render import Rendered
from sangtao.status import CycleStatus, UnitStatus


@dataclass(frozen=True)
class Group:
    """What a part holds: one committee's own organisations, or one block's."""

    code: str
    label: str
    rank: int  # the group's place in the index


@dataclass(frozen=True)
class Part:
    src: str
    group: Group
    number: int  # this page of the group, from 1
    pages: int  # how many pages the group takes
    units: frozenset[str]  # the codes of the units whose rows this part shows
    rows: int

    @property
    def label(self) -> str:
        if self.pages == 1:
            return self.group.label
        return f"{self.group.label} (trang {self.number}/{self.pages})"


@dataclass(frozen=True)
class Paging:
    """Where a page of a split list stands: the index (``part`` None) or one of the parts."""

    index: str
    parts: tuple[Part, ...]
    part: Part | None = None
    by: str = "khối"  # what the groups are, as the index's heading says: «cấp ủy», «khối»

    @property
    def position(self) -> int:
        """1-based place of this part among all parts (0 for the index)."""
        return 0 if self.part is None else self.parts.index(self.part) + 1

    @property
    def previous(self) -> Part | None:
        at = self.position
        return self.parts[at - 2] if at >= 2 else None

    @property
    def next(self) -> Part | None:
        at = self.position
        return self.parts[at] if at < len(self.parts) else None

    @property
    def rows(self) -> int:
        return sum(p.rows for p in self.parts)


def plan(
    base: str,
    units: Sequence[UnitStatus],
    weight: Callable[[UnitStatus], int],
    group_of: Callable[[UnitStatus], Group],
    limit: int,
) -> tuple[Part, ...]:
    """The parts of the list at ``base`` (``x.md`` → ``x/<group>.md``, ``x/<group>/2.md``), or
    none when all its rows fit one page. Units keep their order within a group."""
    weights = {u.unit.code: weight(u) for u in units}
    if sum(weights.values()) <= limit:
        return ()
    groups: dict[Group, list[str]] = {}
    for unit in units:
        if weights[unit.unit.code]:
            groups.setdefault(group_of(unit), []).append(unit.unit.code)
    stem = base.removesuffix(".md")
    parts: list[Part] = []
    for group in sorted(groups, key=lambda g: g.rank):
        chunks = _chunks(groups[group], weights, limit)
        for number, chunk in enumerate(chunks, 1):
            src = f"{stem}/{group.code}.md" if number == 1 else f"{stem}/{group.code}/{number}.md"
            rows = sum(weights[code] for code in chunk)
            parts.append(Part(src, group, number, len(chunks), frozenset(chunk), rows))
    return tuple(parts)


def _chunks(codes: list[str], weights: Mapping[str, int], limit: int) -> list[list[str]]:
    """Consecutive runs of at most ``limit`` rows; a unit with more rows than that (hundreds of
    individual models) is a run of its own rather than cut in two."""
    chunks: list[list[str]] = [[]]
    filled = 0
    for code in codes:
        if chunks[-1] and filled + weights[code] > limit:
            chunks.append([])
            filled = 0
        chunks[-1].append(code)
        filled += weights[code]
    return chunks


# Draws one page of a list: where it is, its place among the parts (None: the list is one
# page), the units whose rows it shows (None: all).
Draw = Callable[[str, "Paging | None", "frozenset[str] | None"], Rendered]


def split_pages(
    base: str, parts: tuple[Part, ...], draw: Draw, by: str = "khối"
) -> dict[str, Rendered]:
    """The list as one page when it has no parts; else its index (no rows) and its parts."""
    if not parts:
        return {base: draw(base, None, None)}
    pages = {base: draw(base, Paging(base, parts, None, by), frozenset())}
    for part in parts:
        pages[part.src] = draw(part.src, Paging(base, parts, part, by), part.units)
    return pages


def list_pages(
    ctx: SiteContext,
    status: CycleStatus,
    base: str,
    weight: Callable[[UnitStatus], int],
    draw: Draw,
) -> dict[str, Rendered]:
    """A cycle's list: split by committee in a hierarchical cycle, else by block."""
    roster = ctx.roster_of(status.cycle.year)
    if roster.hierarchical:
        group_of, by = by_committee(roster, status.issuer.name), "cấp ủy"
    else:
        group_of, by = by_block(ctx.blocks), "khối"
    parts = plan(base, status.units, weight, group_of, ctx.rows_per_page)
    return split_pages(base, parts, draw, by)


def titled(title: str, paging: Paging | None) -> str:
    """A part's title names its group, so each part is found on its own by search."""
    return title if paging is None or paging.part is None else f"{title} — {paging.part.label}"


def paging_values(paging: Paging | None) -> dict[str, Any]:
    """What a list template needs to know of its page: ``top`` (the introduction, charts:
    the whole list or its index) and ``listed`` (the rows: the whole list or a part)."""
    return {
        "paging": paging,
        "top": paging is None or paging.part is None,
        "listed": paging is None or paging.part is not None,
    }


def kept(code: str, keep: frozenset[str] | None) -> bool:
    return keep is None or code in keep


def by_committee(roster: Roster, root: str) -> Callable[[UnitStatus], Group]:
    """Each organisation under the committee it belongs to directly (``committee_group``)."""
    of = committee_group(roster, root)
    return lambda unit: of(unit.unit.committee)


def committee_group(roster: Roster, root: str) -> Callable[[str | None], Group]:
    """The group of an organisation's committee code; the root's own in the first group, coded
    by the root's folder code (no committee shares it) or, without one, a word no committee of
    this roster is coded by."""
    rank = {c.code: i for i, c in enumerate(roster.committees, 1)}
    names = roster.committee_by_code
    code = roster.root_code or "truc-thuoc"
    while code in names:
        code += "-goc"
    own = Group(code, f"Trực thuộc {root}", 0)

    def group_of(code: str | None) -> Group:
        if code is None or code not in names:
            return own
        return Group(code, names[code].name, rank[code])

    return group_of


def by_block(blocks: Mapping[str, str]) -> Callable[[UnitStatus], Group]:
    """Each organisation under its block (xã, trường học …), in the schema's order."""
    rank = {code: i for i, code in enumerate(blocks)}

    def group_of(unit: UnitStatus) -> Group:
        block = unit.unit.block
        name = blocks.get(block, block)
        return Group(block, f"Khối {name[:1].lower()}{name[1:]}", rank.get(block, len(rank)))

    return group_of
