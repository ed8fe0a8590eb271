"""The documents a unit, an appraiser or a committee submits, as typed values: the one place
(with the schemas) that knows their Vietnamese YAML keys.

Each class names its fields in English and keeps, in ``KEYS``, the YAML key of each; ``at``
turns a path of English field names into the path of YAML keys that the loader records lines
by, so that a rule can point at a line without writing a key. The values are built forgivingly
(a field of the wrong type reads as empty), because status and the site also show a document
that failed its schema; the rules read only documents that passed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, Self

from sangtao.layout import Kind
from sangtao.loader import JsonPath


class Fields:
    """A typed document or a part of one: its fields' YAML keys, and the parts its items are."""

    __slots__ = ()
    KEYS: ClassVar[Mapping[str, str]] = {}
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {}

    @classmethod
    def yaml_path(cls, *path: str | int) -> JsonPath:
        """The YAML path of a field: ``Registration.yaml_path("period", "end")`` →
        ``("thoi_gian_thuc_hien", "den_ngay")``; an int is an item's index, kept as it is."""
        found: list[str | int] = []
        here: type[Fields] = cls
        for step in path:
            if isinstance(step, int):
                found.append(step)
                continue
            found.append(here.KEYS[step])
            here = here.PARTS.get(step, here)
        return tuple(found)


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True, slots=True)
class Person(Fields):
    """Who a model belongs to, who reported, who signed: code (when a folder is named for
    them), full name, position."""

    KEYS: ClassVar[Mapping[str, str]] = {"code": "ma", "name": "ho_ten", "position": "chuc_vu"}

    code: str | None
    name: str
    position: str

    @classmethod
    def from_data(cls, data: object) -> Person | None:
        if not isinstance(data, dict):
            return None
        get, k = _mapping(data).get, cls.KEYS
        code = get(k["code"])
        return cls(
            code if isinstance(code, str) else None,
            _text(get(k["name"])),
            _text(get(k["position"])),
        )


@dataclass(frozen=True, slots=True)
class Period(Fields):
    """The registered time of a model, as written (ISO dates once the schema passed)."""

    KEYS: ClassVar[Mapping[str, str]] = {"start": "tu_ngay", "end": "den_ngay"}

    start: str | None
    end: str | None

    @classmethod
    def from_data(cls, data: object) -> Period:
        get, k = _mapping(data).get, cls.KEYS
        return cls(get(k["start"]), get(k["end"]))


# The fields every model document has: the unit and year it is written for.
_MODEL_KEYS = {"unit": "don_vi", "year": "nam"}
_LETTER_KEYS = {"signed_on": "ngay_van_ban", "number": "so_van_ban", "signer": "nguoi_ky"}


def year_written(data: object) -> object:
    """The year a document says it is for (``nam``: every document of a model, and a cycle),
    whether or not it passed its schema."""
    return _mapping(data).get(_MODEL_KEYS["year"])


class _Body(Protocol):
    @property
    def body(self) -> object: ...


class TypedDocument(Fields):
    """A whole document of one kind, read from a file (``Document.body``)."""

    __slots__ = ()

    @classmethod
    def of(cls, document: _Body) -> Self:
        """The typed body of a loaded document of this class's kind."""
        body = document.body
        if not isinstance(body, cls):
            raise TypeError(f"not a {cls.__name__}: {body!r}")
        return body


@dataclass(frozen=True, slots=True)
class Registration(TypedDocument):
    """dang-ky.yaml: a model registered by a unit, or by one person in it."""

    KEYS: ClassVar[Mapping[str, str]] = {
        **_MODEL_KEYS,
        **_LETTER_KEYS,
        "person": "ca_nhan",
        "title": "ten_mo_hinh",
        "sector": "linh_vuc",
        "period": "thoi_gian_thuc_hien",
        "responsible": "nguoi_phu_trach",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {
        "person": Person,
        "period": Period,
        "signer": Person,
        "responsible": Person,
    }

    unit: object
    year: object
    person: Person | None
    title: str
    sector: str
    period: Period | None
    signed_on: str | None  # an ISO date once the schema passed
    number: str
    signer: Person | None
    responsible: Person | None  # who leads the model (nguoi_phu_trach)

    @classmethod
    def from_data(cls, data: object) -> Registration:
        get, k = _mapping(data).get, cls.KEYS
        period = get(k["period"])
        return cls(
            unit=get(k["unit"]),
            year=get(k["year"]),
            person=Person.from_data(get(k["person"])),
            title=_text(get(k["title"])),
            sector=_text(get(k["sector"])),
            period=Period.from_data(period) if isinstance(period, dict) else None,
            signed_on=_text(get(k["signed_on"])) or None,
            number=str(get(k["number"], "")),
            signer=Person.from_data(get(k["signer"])),
            responsible=Person.from_data(get(k["responsible"])),
        )


@dataclass(frozen=True, slots=True)
class Progress(TypedDocument):
    """tien-do/<date>.yaml: what a model has done so far, and the difficulties it raises."""

    KEYS: ClassVar[Mapping[str, str]] = {
        **_MODEL_KEYS,
        "day": "ngay",
        "percent": "phan_tram",
        "done": "da_lam",
        "requests": "de_xuat",
        "reporter": "nguoi_bao_cao",
        "difficulties": "kho_khan",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {"reporter": Person}

    unit: object
    year: object
    day: object
    percent: int | None
    done: str
    requests: str
    reporter: Person | None
    difficulties: tuple[str, ...]

    @classmethod
    def from_data(cls, data: object) -> Progress:
        get, k = _mapping(data).get, cls.KEYS
        raised = _list(get(k["difficulties"]))
        return cls(
            unit=get(k["unit"]),
            year=get(k["year"]),
            day=get(k["day"]),
            percent=_integer(get(k["percent"])),
            done=_text(get(k["done"])),
            requests=_text(get(k["requests"])),
            reporter=Person.from_data(get(k["reporter"])),
            difficulties=tuple(text if isinstance(text, str) else "" for text in raised),
        )


@dataclass(frozen=True, slots=True)
class Evidence(Fields):
    """An item of a report's evidence: a file beside it, or an https link."""

    KEYS: ClassVar[Mapping[str, str]] = {"file": "tep", "link": "lien_ket", "title": "tieu_de"}

    file: object
    link: object
    title: object


@dataclass(frozen=True, slots=True)
class Result(Fields):
    """A row of a report's results: a measure before and after."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "measure": "chi_tieu",
        "unit": "don_vi_tinh",
        "before": "truoc",
        "after": "sau",
        "note": "ghi_chu",
    }

    measure: object
    unit: object
    before: object
    after: object
    note: object


def _evidence(item: dict[str, Any]) -> Evidence:
    get, k = _mapping(item).get, Evidence.KEYS
    return Evidence(get(k["file"]), get(k["link"]), get(k["title"]))


def _result(item: dict[str, Any]) -> Result:
    get, k = _mapping(item).get, Result.KEYS
    return Result(
        get(k["measure"]),
        get(k["unit"]),
        get(k["before"]),
        get(k["after"]),
        get(k["note"], ""),
    )


@dataclass(frozen=True, slots=True)
class Report(TypedDocument):
    """bao-cao.yaml: the model's results, their evidence, and whether it asks for a
    commendation."""

    KEYS: ClassVar[Mapping[str, str]] = {
        **_MODEL_KEYS,
        **_LETTER_KEYS,
        "commendation_requested": "de_nghi_khen_thuong",
        "evidence": "minh_chung",
        "results": "ket_qua",
        "effects": "hieu_qua",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {
        "evidence": Evidence,
        "results": Result,
        "signer": Person,
    }

    unit: object
    year: object
    commendation_requested: bool
    evidence: tuple[Evidence, ...]  # the items that are mappings
    listed_evidence: int  # items written, mappings or not
    results: tuple[Result, ...]
    listed_results: int
    effects: dict[str, Any] | None
    signed_on: str | None
    number: str
    signer: Person | None

    @classmethod
    def from_data(cls, data: object) -> Report:
        get, k = _mapping(data).get, cls.KEYS
        evidence, results = _list(get(k["evidence"])), _list(get(k["results"]))
        return cls(
            unit=get(k["unit"]),
            year=get(k["year"]),
            commendation_requested=get(k["commendation_requested"]) is True,
            evidence=tuple(_evidence(i) for i in evidence or () if isinstance(i, dict)),
            listed_evidence=len(evidence or ()),
            results=tuple(_result(i) for i in results or () if isinstance(i, dict)),
            listed_results=len(results or ()),
            effects=effects if isinstance(effects := get(k["effects"]), dict) else None,
            signed_on=_text(get(k["signed_on"])) or None,
            number=str(get(k["number"], "")),
            signer=Person.from_data(get(k["signer"])),
        )


@dataclass(frozen=True, slots=True)
class Score(Fields):
    """One criterion on a score sheet."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "criterion": "tieu_chi",
        "points": "diem",
        "comment": "nhan_xet",
    }

    criterion: str
    points: float | None  # None: not a number
    comment: str


@dataclass(frozen=True, slots=True)
class ScoreSheet(TypedDocument):
    """tham-dinh/<unit>[/<person>]/<account>.yaml: one appraiser's scores for one model."""

    KEYS: ClassVar[Mapping[str, str]] = {
        **_MODEL_KEYS,
        "person": "ca_nhan",
        "appraiser": "nguoi_cham",
        "scores": "diem",
        "overall": "nhan_xet_chung",
        "proposed_level": "de_xuat_xep_loai",
        "proposed_commendation": "de_xuat_khen_thuong",
        "day": "ngay",
    }
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {"scores": Score}

    unit: object
    year: object
    person: object
    appraiser: object
    scores: tuple[Score, ...]
    overall: str
    proposed_level: str
    proposed_commendation: bool
    day: str

    @classmethod
    def from_data(cls, data: object) -> ScoreSheet:
        get, k = _mapping(data).get, cls.KEYS
        return cls(
            unit=get(k["unit"]),
            year=get(k["year"]),
            person=get(k["person"]),
            appraiser=get(k["appraiser"]),
            scores=tuple(
                _score(item) for item in _list(get(k["scores"])) if isinstance(item, dict)
            ),
            overall=str(get(k["overall"], "")),
            proposed_level=str(get(k["proposed_level"], "")),
            proposed_commendation=get(k["proposed_commendation"]) is True,
            day=str(get(k["day"], "")),
        )


def _score(item: dict[str, Any]) -> Score:
    get, k = _mapping(item).get, Score.KEYS
    points = get(k["points"])
    return Score(
        criterion=str(get(k["criterion"])),
        points=float(points) if isinstance(points, int | float) else None,
        comment=str(get(k["comment"], "")),
    )


RESOLVED = "da-giai-quyet"  # the state of an answer that settles its difficulty


@dataclass(frozen=True, slots=True)
class Reply(Fields):
    """The board's, or a committee's, answer to one difficulty of a progress update."""

    KEYS: ClassVar[Mapping[str, str]] = {
        "file": "tep",
        "difficulty": "kho_khan",
        "day": "ngay",
        "by": "nguoi_tra_loi",
        "body": "noi_dung",
        "state": "trang_thai",
        "authority": "co_quan",
    }

    file: str
    difficulty: int
    day: str
    by: str
    body: str
    resolved: bool
    authority: str


@dataclass(frozen=True, slots=True)
class Answers(TypedDocument):
    """giai-dap.yaml (the board's) or giai-dap/<committee>.yaml: answers to difficulties."""

    KEYS: ClassVar[Mapping[str, str]] = {"replies": "tra_loi"}
    PARTS: ClassVar[Mapping[str, type[Fields]]] = {"replies": Reply}

    replies: tuple[Reply, ...]

    @classmethod
    def from_data(cls, data: object) -> Answers:
        get, k = _mapping(data).get, cls.KEYS
        return cls(
            tuple(_reply(item) for item in _list(get(k["replies"])) if isinstance(item, dict))
        )


def _reply(item: dict[str, Any]) -> Reply:
    get, k = _mapping(item).get, Reply.KEYS
    return Reply(
        file=_text(get(k["file"])),
        difficulty=_integer(get(k["difficulty"])) or 0,
        day=_text(get(k["day"])),
        by=_text(get(k["by"])),
        body=_text(get(k["body"])),
        resolved=get(k["state"]) == RESOLVED,
        authority=_text(get(k["authority"])),
    )


Body = Registration | Progress | Report | ScoreSheet | Answers

# Fields that only one kind of document has, in the order they are looked for: how `sangtao
# receive` tells what a file typed in by the board is.
_TELLTALES = {
    Kind.SCORE: ("nguoi_cham", "khong_xung_dot"),
    Kind.PROGRESS: ("phan_tram", "da_lam"),
    Kind.REPORT: ("qua_trinh_thuc_hien", "kha_nang_nhan_rong"),
    Kind.REGISTRATION: ("y_tuong", "diem_moi"),
}


def kind_by_fields(data: dict[str, Any]) -> Kind | None:
    """The kind of a document by the fields it has; None when none tells."""
    return next((kind for kind, keys in _TELLTALES.items() if any(k in data for k in keys)), None)


_BUILDERS: dict[Kind, Any] = {
    Kind.REGISTRATION: Registration.from_data,
    Kind.PROGRESS: Progress.from_data,
    Kind.REPORT: Report.from_data,
    Kind.SCORE: ScoreSheet.from_data,
    Kind.ANSWERS: Answers.from_data,
}


def read_body(kind: Kind, data: object) -> Body | None:
    """The typed body of a document of ``kind``; None for a kind read elsewhere (the roster
    and the cycle in ``model``) or not read at all (evidence)."""
    build = _BUILDERS.get(kind)
    return None if build is None else build(data)
