"""The domain: units, cycles, deadlines, extensions, receipts and documents, as plain values.

Built from documents that passed their schema, so the constructors here may index freely.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sangtao.documents import Fields, TypedDocument, read_body
from sangtao.layout import Kind

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class State(StrEnum):
    """A dated document (registration, report) against its deadline."""

    ON_TIME = "on_time"
    EXTENDED = "extended"
    LATE = "late"
    MISSING = "missing"


class Appraisability(StrEnum):
    """Whether a model is appraised: the letter's rule on registration and report."""

    APPRAISABLE = "appraisable"
    NOT_APPRAISABLE = "not_appraisable"
    PENDING = "pending"


class EligibilityState(StrEnum):
    """Whether a model may be rated «Hoàn thành xuất sắc nhiệm vụ»."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNDECIDED = "undecided"


# Document kinds that a unit submits against a deadline, and the cycle key of that deadline.
DEADLINE_KEY = {Kind.REGISTRATION: "dang_ky", Kind.REPORT: "bao_cao", Kind.SCORE: "tham_dinh"}
DOCUMENT_SLUG = {Kind.REGISTRATION: "dang-ky", Kind.REPORT: "bao-cao"}


def parse_instant(text: str) -> dt.datetime:
    """An ISO 8601 instant with its offset; a naive one is taken as Vietnam time."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=TZ)


@dataclass(frozen=True)
class Unit(Fields):
    """A grassroots organisation that must register: a leaf of the roster's tree."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "code": "ma",
        "name": "ten",
        "kind": "loai",
        "block": "khoi",
        "accounts": "tai_khoan",
        "note": "ghi_chu",
        "committee": "truc_thuoc",
        "parent": "truc_thuoc",  # the same field, named as a committee's parent is
    }

    code: str
    name: str
    kind: str
    block: str
    accounts: tuple[str, ...]
    note: str = ""
    committee: str | None = None  # the committee it belongs to; None: directly under the root


@dataclass(frozen=True)
class Committee(Fields):
    """An intermediate committee (commune, ward, bloc): follows its subtree, has its own model."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "code": "ma",
        "name": "ten",
        "kind": "loai",
        "parent": "truc_thuoc",
        "accounts": "tai_khoan",
    }

    code: str
    name: str
    kind: str
    parent: str | None  # None: directly under the roster's root committee
    accounts: tuple[str, ...] = ()


# Document symbols of Party documents (Hướng dẫn 36-HD/VPTW): the letters before the slash of
# a number such as 833-CV/HU name the kind of document.
_DOCUMENT_KINDS = {
    "CV": "Công văn",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "QĐi": "Quy định",
}


@dataclass(frozen=True, slots=True)
class LegalBasis(Fields):
    """A letter a cycle rests on (``can_cu``): the first one started the cycle."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "number": "so",
        "kind": "loai",
        "day": "ngay",
        "issuer": "co_quan",
        "summary": "trich_yeu",
        "full_text": "toan_van",
    }

    number: str
    kind: str | None
    day: str
    issuer: str
    summary: str
    full_text: str | None  # a file in docs/van-ban/

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LegalBasis:
        return cls(
            number=str(data.get("so", "")),
            kind=data.get("loai"),
            day=data["ngay"],
            issuer=data["co_quan"],
            summary=data["trich_yeu"],
            full_text=data.get("toan_van"),
        )


def citation(basis: LegalBasis) -> str:
    """How a page cites a legal basis letter: its kind and number, e.g. «Công văn 833-CV/HU»."""
    number = basis.number
    kind = basis.kind
    if not kind:
        symbol = number.split("/")[0].rsplit("-", 1)[-1] if "-" in number else ""
        kind = _DOCUMENT_KINDS.get(symbol, "Văn bản")
    return f"{kind} {number}".strip()


@dataclass(frozen=True)
class Issuer:
    """The words for the committee that issues a cycle, from data; neutral when none are given.

    ``board`` runs the campaign for it (Ban Tổ chức …, Văn phòng Đảng ủy …); ``superior`` is the
    committee above it (the header of printable documents); ``superior_board`` receives the
    issuer's own model."""

    name: str = "Cấp ủy"
    short: str = "cấp ủy"
    standing: str = "Ban Thường vụ cấp ủy"
    board: str = "cơ quan tham mưu"
    superior: str = ""
    superior_board: str = "cấp trên"
    place: str = ""
    party: str = (
        "Cấp ủy"  # its Party organisation, the first heading line of its committees' letters
    )
    named: bool = False  # False: nothing was given, every word above is neutral

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Issuer:
        """From a cycle's ``ban_hanh`` block, or the legacy ``huyen`` block of a roster."""
        if not data:
            return cls()
        name = data["ten"]
        short = data.get("ten_ngan") or name
        return cls(
            name=name,
            short=short,
            standing=data.get("ban_thuong_vu") or f"Ban Thường vụ {short}",
            board=data.get("co_quan_tham_muu") or data.get("co_quan_tiep_nhan") or cls.board,
            superior=data.get("cap_tren", ""),
            superior_board=data.get("co_quan_cap_tren") or cls.superior_board,
            place=data.get("dia_danh", ""),
            party=data.get("dang_bo") or name,
            named=True,
        )


@dataclass(frozen=True)
class Admin(Fields):
    KEYS: ClassVar[Mapping[str, str]] = {
        "account": "tai_khoan",
        "name": "ho_ten",
        "position": "chuc_vu",
    }

    account: str
    name: str
    position: str = ""


ROOT_KEYS = ("cap_uy", "huyen")  # the roster's own committee; ``huyen`` is the 2023 name


def root_block(data: dict[str, Any]) -> dict[str, Any]:
    return next((dict(data[k]) for k in ROOT_KEYS if k in data), {})


def _unit(data: dict[str, Any], committee: str | None = None) -> Unit:
    return Unit(
        code=data["ma"],
        name=data["ten"],
        kind=data["loai"],
        block=data["khoi"],
        accounts=tuple(data["tai_khoan"]),
        note=data.get("ghi_chu", ""),
        committee=data.get("truc_thuoc", committee),
    )


@dataclass(frozen=True, slots=True)
class RosterFile(TypedDocument):
    """One roster file as written: the main one (``don-vi.yaml``: root committee, admins,
    intermediate committees, organisations) or one committee's part (``don-vi/<code>.yaml``:
    organisations). A unit's ``committee`` is its ``truc_thuoc`` as written (None: not written).
    Read only from a file that passed its schema: unlike ``sangtao.documents``, nothing shows a
    broken roster's entries."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "admins": "quan_tri",
        "committees": "cap_uy_truc_thuoc",
        "units": "don_vi",
        "demo": "du_lieu_mau",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {
        "admins": Admin,
        "committees": Committee,
        "units": Unit,
    }

    root: dict[str, Any]
    admins: tuple[Admin, ...]
    committees: tuple[Committee, ...]
    units: tuple[Unit, ...]
    demo: bool

    @property
    def root_code(self) -> str | None:
        return self.root.get("ma")

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RosterFile:
        return cls(
            root=root_block(data),
            admins=tuple(
                Admin(a["tai_khoan"], a["ho_ten"], a.get("chuc_vu", ""))
                for a in data.get("quan_tri", ())
            ),
            committees=tuple(
                Committee(
                    code=c["ma"],
                    name=c["ten"],
                    kind=c["loai"],
                    parent=c.get("truc_thuoc"),
                    accounts=tuple(c.get("tai_khoan", ())),
                )
                for c in data.get("cap_uy_truc_thuoc", ())
            ),
            units=tuple(_unit(u) for u in data.get("don_vi", ())),
            demo=bool(data.get("du_lieu_mau", False)),
        )


@dataclass(frozen=True)
class Roster:
    """The tree of a campaign: its root committee, intermediate committees, organisations.

    A flat roster (no ``cap_uy_truc_thuoc``) is the tree of depth one that a district used."""

    root: dict[str, Any]
    admins: tuple[Admin, ...]
    units: tuple[Unit, ...]
    demo: bool = False
    committees: tuple[Committee, ...] = ()

    @property
    def root_code(self) -> str | None:
        """The folder of the root committee's own model, registered with its superior."""
        return self.root.get("ma")

    @property
    def repo_url(self) -> str | None:
        """The forge repository the site links each file to (``kho_ma_nguon``)."""
        return self.root.get("kho_ma_nguon")

    @property
    def hierarchical(self) -> bool:
        return bool(self.committees)

    @cached_property
    def by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    @cached_property
    def committee_by_code(self) -> dict[str, Committee]:
        return {c.code: c for c in self.committees}

    def chain(self, code: str | None) -> tuple[str, ...]:
        """Committees from ``code`` up to (not including) the root; stops at a loop or an
        unknown parent, which the roster rules report."""
        found: list[str] = []
        while code is not None and code in self.committee_by_code and code not in found:
            found.append(code)
            code = self.committee_by_code[code].parent
        return tuple(found)

    def committees_above(self, unit: str) -> tuple[str, ...]:
        """The committees an organisation belongs to, nearest first."""
        known = self.by_code.get(unit)
        return self.chain(known.committee) if known else ()

    @cached_property
    def subtrees(self) -> dict[str, tuple[str, ...]]:
        """Each committee's organisations, at every depth below it, in roster order."""
        found: dict[str, list[str]] = {c.code: [] for c in self.committees}
        for unit in self.units:
            for code in self.committees_above(unit.code):
                found[code].append(unit.code)
        return {code: tuple(units) for code, units in found.items()}

    @cached_property
    def _accounts(self) -> dict[str, set[str]]:
        units: dict[str, set[str]] = {}
        for u in self.units:
            for a in u.accounts:
                units.setdefault(a.casefold(), set()).add(u.code)
        return units

    def units_of(self, account: str) -> set[str]:
        """The units an account submits for."""
        return set(self._accounts.get(account.casefold(), ()))

    def committees_of(self, account: str) -> set[str]:
        """The committees an account acts for."""
        wanted = account.casefold()
        return {c.code for c in self.committees if wanted in {a.casefold() for a in c.accounts}}

    def follows(self, account: str, unit: str) -> bool:
        """Whether ``account`` acts for a committee above organisation ``unit``."""
        return bool(self.committees_of(account) & set(self.committees_above(unit)))

    def is_admin(self, account: str) -> bool:
        return account.casefold() in {a.account.casefold() for a in self.admins}

    @classmethod
    def from_data(
        cls, data: dict[str, Any], parts: Iterable[tuple[str, dict[str, Any]]] = ()
    ) -> Roster:
        """The main roster file, and the part files (one per committee, named by its code)
        whose organisations belong to that committee."""
        return cls.from_files(
            RosterFile.from_data(data), ((code, RosterFile.from_data(p)) for code, p in parts)
        )

    @classmethod
    def from_files(cls, main: RosterFile, parts: Iterable[tuple[str, RosterFile]] = ()) -> Roster:
        units = list(main.units)
        # Parts in the order the main file lists their committees: the tree's reading order.
        order = {c.code: i for i, c in enumerate(main.committees)}
        for code, part in sorted(parts, key=lambda p: (order.get(p[0], len(order)), p[0])):
            units.extend(
                u if u.committee is not None else dataclasses.replace(u, committee=code)
                for u in part.units
            )
        return cls(
            root=main.root,
            admins=main.admins,
            units=tuple(units),
            demo=main.demo,
            committees=main.committees,
        )


@dataclass(frozen=True)
class Extension(Fields):
    KEYS: ClassVar[Mapping[str, str]] = {
        "unit": "don_vi",
        "person": "ca_nhan",
        "document": "van_ban",
        "until": "han_moi",
        "authority": "co_quan",
        "number": "so_van_ban",
        "granted_on": "ngay",
        "reason": "ly_do",
    }

    unit: str
    person: str | None
    document: str  # "dang-ky" | "bao-cao"
    until: dt.datetime
    authority: str
    number: str
    granted_on: str
    reason: str

    @property
    def kind(self) -> Kind:
        """The kind of document whose deadline it moves."""
        return (
            Kind.REGISTRATION if self.document == DOCUMENT_SLUG[Kind.REGISTRATION] else Kind.REPORT
        )


@dataclass(frozen=True)
class ReceiptEntry(Fields):
    """A line of the receipt book: the board's word on when a file was received."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "file": "tep",
        "at": "thoi_diem",
        "form": "hinh_thuc",
        "recorder": "nguoi_ghi",
        "number": "so_den",
        "note": "ghi_chu",
    }

    file: str  # relative to the cycle folder
    at: dt.datetime
    form: str
    recorder: str
    number: str = ""
    note: str = ""
    written: str = ""  # ``at`` as the book writes it

    def to_data(self) -> dict[str, str]:
        """The line as the book writes it: the fields that are set, in the book's order."""
        values = {
            "file": self.file,
            "at": self.written or self.at.isoformat(),
            "form": self.form,
            "number": self.number,
            "recorder": self.recorder,
            "note": self.note,
        }
        return {self.KEYS[name]: value for name, value in values.items() if value}


@dataclass(frozen=True)
class Appraiser(Fields):
    KEYS: ClassVar[Mapping[str, str]] = {
        "account": "tai_khoan",
        "name": "ho_ten",
        "position": "chuc_vu",
        "leader": "vai_tro",
        "home_unit": "don_vi",
        "conflicts": "xung_dot",
    }
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
class Appraisal(Fields):
    KEYS: ClassVar[Mapping[str, str]] = {
        "team": "to_tham_dinh",
        "criteria": "tieu_chi",
        "classification": "xep_loai",
        "published": "cong_bo",
        "excellence_minimum": "xep_loai_toi_thieu_xuat_sac",
        "commendations": "khen_thuong",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {"team": Appraiser}

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


class _Deadlines(Fields):
    """The cycle's ``han`` block: one deadline per kind of document."""

    __slots__ = ()
    KEYS: ClassVar[Mapping[str, str]] = {kind.value: key for kind, key in DEADLINE_KEY.items()}


@dataclass(frozen=True)
class Cycle(Fields):
    KEYS: ClassVar[Mapping[str, str]] = {
        "year": "nam",
        "legal_basis": "can_cu",
        "deadlines": "han",
        "window": "khung_thoi_gian",
        "extensions": "gia_han",
        "receipt_book": "so_tiep_nhan",
        "appraisal": "tham_dinh",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {
        "legal_basis": LegalBasis,
        "deadlines": _Deadlines,
        "extensions": Extension,
        "receipt_book": ReceiptEntry,
        "appraisal": Appraisal,
    }

    year: int
    name: str
    legal_basis: tuple[LegalBasis, ...]
    deadlines: dict[str, dt.datetime]
    grace: dt.timedelta
    window: tuple[dt.date, dt.date]
    extensions: tuple[Extension, ...] = ()
    receipt_book: tuple[ReceiptEntry, ...] = ()
    demo: bool = False
    appraisal: Appraisal | None = None
    issuer_data: dict[str, Any] | None = None  # the ``ban_hanh`` block, when the cycle names one

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Cycle:
        year = int(data["nam"])
        window = data.get("khung_thoi_gian") or {}
        return cls(
            year=year,
            name=data["ten"],
            legal_basis=tuple(LegalBasis.from_data(b) for b in data["can_cu"]),
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
                    written=r["thoi_diem"],
                )
                for r in data.get("so_tiep_nhan", ())
            ),
            demo=bool(data.get("du_lieu_mau", False)),
            appraisal=Appraisal.from_data(data["tham_dinh"]) if "tham_dinh" in data else None,
            issuer_data=dict(data["ban_hanh"]) if "ban_hanh" in data else None,
        )

    def deadline(self, kind: Kind) -> dt.datetime:
        return self.deadlines[DEADLINE_KEY[kind]]

    def issuer(self, roster: Roster | None = None) -> Issuer:
        """The cycle's own words for its issuer; else the roster's root (the 2023 layout kept
        them there); else neutral words, never a wrong name."""
        return Issuer.from_data(self.issuer_data or (roster.root if roster else None))

    @property
    def letter(self) -> str:
        """The letter that started the cycle, as pages cite it: its first legal basis."""
        return citation(self.legal_basis[0]) if self.legal_basis else "văn bản của cấp ủy"

    def own_deadline(self, root: bool) -> dt.datetime:
        """When a committee's own model must be registered with the level above: the root's
        with its superior (``dang_ky_cap_tren``, in 2023 ``dang_ky_cap_huyen``), an
        intermediate committee's with the root (``dang_ky_cap_uy``); else the common one."""
        keys = ("dang_ky_cap_tren", "dang_ky_cap_huyen") if root else ("dang_ky_cap_uy",)
        return next(
            (self.deadlines[k] for k in keys if k in self.deadlines), self.deadlines["dang_ky"]
        )

    def extension_for(self, kind: Kind, unit: str, person: str | None) -> Extension | None:
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
    kind: Kind
    year: int | None
    unit: str | None
    person: str | None
    data: Any = None
    valid: bool = False
    problems: int = 0
    name: str | None = None  # the date of a progress update, the file name of evidence

    @cached_property
    def body(self) -> TypedDocument | None:
        """The typed document (``sangtao.documents``, or a ``RosterFile``), built once, when
        first read; None for a cycle (``Cycle.from_data``) and for evidence."""
        if self.kind in (Kind.ROSTER, Kind.ROSTER_PART):
            return RosterFile.from_data(self.data)
        return read_body(self.kind, self.data)

    @property
    def model_key(self) -> tuple[int, str, str | None]:
        assert self.year is not None and self.unit is not None
        return (self.year, self.unit, self.person)
