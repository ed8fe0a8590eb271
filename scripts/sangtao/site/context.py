"""What every page generator needs to know, gathered once per build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sangtao.history import History
from sangtao.model import Roster
from sangtao.problems import Problem
from sangtao.status import CycleStatus, ModelStatus
from sangtao.validation import Schema, SchemaSet


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
    history: History | None = None
    read_blob: Callable[[str], bytes | None] | None = None
    # Every source file a page showed: the build checks that nothing under submissions/ was
    # neither shown nor reported as a problem.
    shown: set[str] = field(default_factory=set)

    @property
    def current(self) -> int | None:
        return max(self.statuses, default=None)

    def cycle_prefix(self, year: int) -> str:
        """Pages of the current cycle live at the top; older cycles under their year."""
        return "" if year == self.current else f"{year}/"

    @property
    def blocks(self) -> dict[str, str]:
        return choices(self.schemas["don-vi"], ("don_vi", 0, "khoi"))

    @property
    def unit_kinds(self) -> dict[str, str]:
        return choices(self.schemas["don-vi"], ("don_vi", 0, "loai"))

    @property
    def fields(self) -> dict[str, str]:
        return choices(self.schemas["dang-ky"], ("linh_vuc",))

    @property
    def demo(self) -> bool:
        return self.roster.demo or any(s.cycle.demo for s in self.statuses.values())

    def commit_url(self, commit: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/commit/{commit}" if self.repo_url else None

    def source_url(self, rel: str) -> str | None:
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/blob/{self.head or 'main'}/{rel}"


def model_src(year: int, unit: str, person: str | None) -> str:
    if person is None:
        return f"ho-so/{year}/{unit}.md"
    return f"ho-so/{year}/{unit}/ca-nhan/{person}.md"


def dossier_src(model: ModelStatus) -> str:
    return model_src(model.year, model.unit, model.person)


def evidence_src_of(year: int, unit: str, person: str | None, name: str) -> str:
    """Where an evidence file is copied in the site: beside its model's dossier page."""
    return f"{model_src(year, unit, person)[:-3]}/minh-chung/{name}"


def evidence_src(model: ModelStatus, name: str) -> str:
    return evidence_src_of(model.year, model.unit, model.person, name)
