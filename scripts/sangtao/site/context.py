"""What every page generator needs to know, gathered once per build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sangtao.changes import Revision
from sangtao.documents import Registration
from sangtao.layout import SCHEMA_OF, Kind
from sangtao.model import Roster, RosterFile
from sangtao.problems import Problem
from sangtao.status import CycleStatus, ModelStatus
from sangtao.validation import Schema, SchemaSet

# Rows on one list page: a 200-row table is about 60 KB of HTML; a part of the longest list
# (eligibility, 5 rows per organisation) is about 40 organisations, one commune's committee.
ROWS_PER_PAGE = 200


def choices(schema: Schema, path: tuple[str | int, ...]) -> dict[str, str]:
    """const → Vietnamese title of a closed vocabulary in a schema."""
    node = schema.at(path)
    return {b["const"]: b.get("title", b["const"]) for b in node.get("oneOf", []) if "const" in b}


@dataclass(frozen=True)
class SiteContext:
    statuses: dict[int, CycleStatus]
    roster: Roster
    schemas: SchemaSet
    problems: tuple[Problem, ...] = ()
    files: int = 0
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    repo_url: str | None = None
    head: str | None = None
    # Every landed change of each document a dossier shows, read from git before rendering.
    revisions: Mapping[str, tuple[Revision, ...]] = field(default_factory=dict)
    # The board's files by (kind, scope year; None for every cycle): rosters and answers.
    board_files: Mapping[tuple[str, int | None], tuple[str, ...]] = field(default_factory=dict)
    # A list longer than this is split into parts (decision 69; the plugin's rows_per_page).
    rows_per_page: int = ROWS_PER_PAGE

    def roster_of(self, year: int) -> Roster:
        """The roster that governs a cycle (its own, or the common one)."""
        status = self.statuses.get(year)
        return status.roster if status is not None and status.roster is not None else self.roster

    def roster_files(self, year: int) -> tuple[str, ...]:
        """The files of the roster a cycle's units page shows: the cycle's own roster, and the
        common one on the current cycle's page (so it is shown even when no cycle uses it)."""
        own = self.board_files.get((Kind.ROSTER, year), ())
        common = self.board_files.get((Kind.ROSTER, None), ())
        if not own:
            return common
        return own + (common if year == self.current else ())

    @property
    def current(self) -> int | None:
        return max(self.statuses, default=None)

    def cycle_prefix(self, year: int) -> str:
        """Pages of the current cycle live at the top; older cycles under their year."""
        return "" if year == self.current else f"{year}/"

    @cached_property
    def blocks(self) -> dict[str, str]:
        return choices(
            self.schemas[SCHEMA_OF[Kind.ROSTER]], RosterFile.yaml_path("units", 0, "block")
        )

    @cached_property
    def unit_kinds(self) -> dict[str, str]:
        return choices(
            self.schemas[SCHEMA_OF[Kind.ROSTER]], RosterFile.yaml_path("units", 0, "kind")
        )

    @cached_property
    def fields(self) -> dict[str, str]:
        return choices(self.schemas[SCHEMA_OF[Kind.REGISTRATION]], Registration.yaml_path("sector"))

    @cached_property
    def form_groups(self) -> Mapping[str, str]:
        """Unit → the forms' data file that holds it (decision 77), once per build: every
        dossier page links to the forms."""
        from sangtao.site.form_units import unit_groups  # form_units reads this class

        return unit_groups(self)

    @property
    def demo(self) -> bool:
        return self.roster.demo or any(s.cycle.demo for s in self.statuses.values())

    def commit_url(self, commit: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/commit/{commit}" if self.repo_url else None

    def source_url(self, rel: str) -> str | None:
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/blob/{self.head or 'main'}/{rel}"


# The appraisers' score-sheet form (site/forms.py), linked from the results page it feeds.
SCORE_FORM_SRC = "bieu-mau/phieu-cham.md"


def model_src(year: int, unit: str, person: str | None) -> str:
    if person is None:
        return f"ho-so/{year}/{unit}.md"
    return f"ho-so/{year}/{unit}/ca-nhan/{person}.md"


def dossier_src(model: ModelStatus) -> str:
    return model_src(model.year, model.unit, model.person)


def chrome(ctx: SiteContext, year: int) -> dict[str, Any]:
    """What the top of every cycle page needs: the demo notice and the other cycles."""
    cycles = []
    if len(ctx.statuses) >= 2:
        for other in sorted(ctx.statuses, reverse=True):
            label = f"Năm {other}" + (" (hiện tại)" if other == ctx.current else "")
            cycles.append((label, None if other == year else f"{ctx.cycle_prefix(other)}index.md"))
    return {"demo": ctx.demo, "cycles": cycles}


def sheet_src(year: int, unit: str, person: str | None, account: str) -> str:
    """The printable copy of one appraiser's score sheet."""
    who = unit + (f"-{person}" if person else "")
    return f"in/{year}/phieu-cham/{who}-{account.lower()}.md"


def own_letter_src(model: ModelStatus) -> str:
    """The printable registration of a committee's own model with the level above."""
    return f"in/{model.year}/dang-ky-{model.unit}.md"


def evidence_src_of(year: int, unit: str, person: str | None, name: str) -> str:
    """Where an evidence file is copied in the site: beside its model's dossier page."""
    return f"{model_src(year, unit, person)[:-3]}/minh-chung/{name}"


def evidence_src(model: ModelStatus, name: str) -> str:
    return evidence_src_of(model.year, model.unit, model.person, name)


def own_models(status: CycleStatus) -> list[ModelStatus]:
    """The committees' own models of a cycle: the root's, then each intermediate committee's."""
    found = [status.district] if status.district else []
    return found + [c.own for c in status.committees if c.own is not None]


def committee_src(prefix: str, code: str) -> str:
    return f"{prefix}cap-uy/{code}.md"


def dossier_files(statuses: Mapping[int, CycleStatus]) -> list[str]:
    """The documents whose history a dossier page shows: registration, report, progress."""
    files = []
    for status in statuses.values():
        models = [*status.models(), *own_models(status)]
        for model in models:
            files += [d.rel for d in (model.document, model.report_document) if d is not None]
            files += [u.rel for u in model.progress]
    return files
