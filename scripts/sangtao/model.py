"""The domain: units, cycles, deadlines, extensions, receipts and documents, as plain values.

Built from documents that passed their schema, so the constructors here may index freely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Document kinds that a unit submits against a deadline, and the cycle key of that deadline.
DEADLINE_KEY = {"registration": "dang_ky", "report": "bao_cao", "score": "tham_dinh"}
DOCUMENT_SLUG = {"registration": "dang-ky", "report": "bao-cao"}


def parse_instant(text: str) -> dt.datetime:
    """An ISO 8601 instant with its offset; a naive one is taken as Vietnam time."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=TZ)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    block: str
    accounts: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Admin:
    account: str
    name: str
    position: str = ""


@dataclass(frozen=True)
class Roster:
    district: dict[str, Any]
    admins: tuple[Admin, ...]
    units: tuple[Unit, ...]
    demo: bool = False

    @property
    def district_code(self) -> str | None:
        """The folder of the district committee's own model, registered with the province."""
        return self.district.get("ma")

    @cached_property
    def by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    def units_of(self, account: str) -> set[str]:
        """The units an account submits for."""
        wanted = account.casefold()
        return {u.code for u in self.units if wanted in {a.casefold() for a in u.accounts}}

    def is_admin(self, account: str) -> bool:
        return account.casefold() in {a.account.casefold() for a in self.admins}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Roster:
        return cls(
            district=dict(data["huyen"]),
            admins=tuple(
                Admin(a["tai_khoan"], a["ho_ten"], a.get("chuc_vu", "")) for a in data["quan_tri"]
            ),
            units=tuple(
                Unit(
                    code=u["ma"],
                    name=u["ten"],
                    kind=u["loai"],
                    block=u["khoi"],
                    accounts=tuple(u["tai_khoan"]),
                    note=u.get("ghi_chu", ""),
                )
                for u in data["don_vi"]
            ),
            demo=bool(data.get("du_lieu_mau", False)),
        )


@dataclass(frozen=True)
class Extension:
    unit: str
    person: str | None
    document: str  # "dang-ky" | "bao-cao"
    until: dt.datetime
    authority: str
    number: str
    granted_on: str
    reason: str


@dataclass(frozen=True)
class ReceiptEntry:
    """A line of the receipt book: the board's word on when a file was received."""

    file: str  # relative to the cycle folder
    at: dt.datetime
    form: str
    recorder: str
    number: str = ""
    note: str = ""


@dataclass(frozen=True)
class Appraiser:
    account: str
    name: str
    position: str
    leader: bool
    home_unit: str | None = None
    conflicts: tuple[str, ...] = ()

    def conflicted(self, unit: str) -> bool:
        return unit == self.home_unit or unit in self.conflicts


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    maximum: int
    guidance: str = ""


@dataclass(frozen=True)
class Level:
    """A classification or commendation level: reached from ``threshold`` points up."""

    code: str
    name: str
    threshold: float


@dataclass(frozen=True)
class Appraisal:
    team: tuple[Appraiser, ...]
    criteria: tuple[Criterion, ...]
    classification: tuple[Level, ...]  # highest threshold first
    published: bool = False
    sample_rubric: bool = False
    min_sheets: int = 2
    method: str = "trung-binh"
    spread_warning: float = 15
    excellence_minimum: str | None = None
    commendations: tuple[Level, ...] = ()  # highest threshold first
    minutes_number: str = ""
    minutes_date: str | None = None

    @property
    def maximum(self) -> int:
        return sum(c.maximum for c in self.criteria)

    def member(self, account: str) -> Appraiser | None:
        wanted = account.casefold()
        return next((a for a in self.team if a.account.casefold() == wanted), None)

    def classify(self, score: float) -> Level | None:
        return next((level for level in self.classification if score >= level.threshold), None)

    def commendation(self, score: float) -> Level | None:
        return next((level for level in self.commendations if score >= level.threshold), None)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Appraisal:
        def levels(items: list[dict[str, Any]]) -> tuple[Level, ...]:
            found = (Level(i["ma"], i["ten"], float(i["tu_diem"])) for i in items)
            return tuple(sorted(found, key=lambda level: -level.threshold))

        return cls(
            team=tuple(
                Appraiser(
                    account=m["tai_khoan"],
                    name=m["ho_ten"],
                    position=m["chuc_vu"],
                    leader=m["vai_tro"] == "to-truong",
                    home_unit=m.get("don_vi"),
                    conflicts=tuple(m.get("xung_dot", ())),
                )
                for m in data["to_tham_dinh"]
            ),
            criteria=tuple(
                Criterion(c["ma"], c["ten"], int(c["diem_toi_da"]), c.get("huong_dan", ""))
                for c in data["tieu_chi"]
            ),
            classification=levels(data["xep_loai"]),
            published=bool(data["cong_bo"]),
            sample_rubric=bool(data.get("tieu_chi_mau", False)),
            min_sheets=int(data.get("so_phieu_toi_thieu", 2)),
            method=data.get("cach_tinh", "trung-binh"),
            spread_warning=float(data.get("chenh_lech_canh_bao", 15)),
            excellence_minimum=data.get("xep_loai_toi_thieu_xuat_sac"),
            commendations=levels(data.get("khen_thuong", [])),
            minutes_number=str(data.get("so_bien_ban", "")),
            minutes_date=data.get("ngay_bien_ban"),
        )


@dataclass(frozen=True)
class Cycle:
    year: int
    name: str
    legal_basis: tuple[dict[str, Any], ...]
    deadlines: dict[str, dt.datetime]
    grace: dt.timedelta
    window: tuple[dt.date, dt.date]
    extensions: tuple[Extension, ...] = ()
    receipt_book: tuple[ReceiptEntry, ...] = ()
    demo: bool = False
    appraisal: Appraisal | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Cycle:
        year = int(data["nam"])
        window = data.get("khung_thoi_gian") or {}
        return cls(
            year=year,
            name=data["ten"],
            legal_basis=tuple(data["can_cu"]),
            deadlines={k: parse_instant(v) for k, v in data["han"].items()},
            grace=dt.timedelta(minutes=int(data.get("an_han_phut", 0))),
            window=(
                dt.date.fromisoformat(window.get("tu_ngay", f"{year}-01-01")),
                dt.date.fromisoformat(window.get("den_ngay", f"{year}-12-31")),
            ),
            extensions=tuple(
                Extension(
                    unit=e["don_vi"],
                    person=e.get("ca_nhan"),
                    document=e["van_ban"],
                    until=parse_instant(e["han_moi"]),
                    authority=e["co_quan"],
                    number=str(e.get("so_van_ban", "")),
                    granted_on=e["ngay"],
                    reason=e["ly_do"],
                )
                for e in data.get("gia_han", ())
            ),
            receipt_book=tuple(
                ReceiptEntry(
                    file=r["tep"],
                    at=parse_instant(r["thoi_diem"]),
                    form=r["hinh_thuc"],
                    recorder=r["nguoi_ghi"],
                    number=str(r.get("so_den", "")),
                    note=r.get("ghi_chu", ""),
                )
                for r in data.get("so_tiep_nhan", ())
            ),
            demo=bool(data.get("du_lieu_mau", False)),
            appraisal=Appraisal.from_data(data["tham_dinh"]) if "tham_dinh" in data else None,
        )

    def deadline(self, kind: str) -> dt.datetime:
        return self.deadlines[DEADLINE_KEY[kind]]

    def extension_for(self, kind: str, unit: str, person: str | None) -> Extension | None:
        """The latest extension granted to this model for this kind of document."""
        slug = DOCUMENT_SLUG[kind]
        granted = [
            e
            for e in self.extensions
            if e.document == slug and e.unit == unit and e.person == person
        ]
        return max(granted, key=lambda e: e.until, default=None)


@dataclass(frozen=True)
class Document:
    """A file under ``submissions/``: its data when it loaded, and whether it is sound."""

    rel: str
    kind: str
    year: int | None
    unit: str | None
    person: str | None
    data: Any = None
    valid: bool = False
    problems: int = 0
    name: str | None = None  # the date of a progress update, the file name of evidence

    @property
    def model_key(self) -> tuple[int, str, str | None]:
        assert self.year is not None and self.unit is not None
        return (self.year, self.unit, self.person)
