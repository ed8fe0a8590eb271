"""`layout` owns every path in both directions: ``locate(path_of(x)) == x``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sangtao.layout import EVIDENCE_TYPES, RESERVED_CODES, Location, locate, path_of

Fields = tuple[str, int | None, str | None, str | None, str | None]

# Codes as the roster and the folders write them; the system's own folder names are reserved.
codes = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True).filter(
    lambda code: code not in RESERVED_CODES
)
years = st.integers(1900, 2199)
days = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)).map(dt.date.isoformat)
accounts = st.from_regex(r"[A-Za-z0-9](-?[A-Za-z0-9]){0,10}", fullmatch=True)
evidence = st.tuples(codes, st.sampled_from(EVIDENCE_TYPES)).map("".join)
MODEL_KINDS = ["registration", "report", "progress", "evidence", "score"]


@st.composite
def documents(draw: st.DrawFn) -> Fields:
    """The fields of any document the layout knows."""
    kind = draw(st.sampled_from(["roster", "roster-part", "cycle", "answers", *MODEL_KINDS]))
    if kind in ("roster", "roster-part"):
        committee = draw(codes) if kind == "roster-part" else None
        return kind, draw(st.none() | years), committee, None, None
    year = draw(years)
    if kind == "cycle":
        return kind, year, None, None, None
    if kind == "answers":
        return kind, year, draw(st.none() | codes), None, None
    unit, person = draw(codes), draw(st.none() | codes)
    name = {"progress": days, "evidence": evidence, "score": accounts}.get(kind, st.none())
    return kind, year, unit, person, draw(name)


# Drawing from regexes is slow on a busy 2-core machine (a first draw took 1 s once in CI):
# that is the machine, not the property; the examples are still all checked.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents())
def test_locate_reads_back_what_path_of_wrote(fields: Fields) -> None:
    path = path_of(*fields)
    assert locate(path) == Location(path, *fields)


# Drawing from regexes is slow on a busy 2-core machine (a first draw took 1 s once in CI):
# that is the machine, not the property; the examples are still all checked.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents())
def test_path_of_writes_the_path_locate_read(fields: Fields) -> None:
    found = locate(path_of(*fields))
    assert isinstance(found, Location)
    assert path_of(found.kind, found.year, found.unit, found.person, found.name) == found.rel


def test_the_usual_paths() -> None:
    assert path_of("cycle", 2023) == "submissions/2023/dot.yaml"
    assert path_of("registration", 2023, "loc-thang") == "submissions/2023/loc-thang/dang-ky.yaml"
    assert (
        path_of("progress", 2023, "loc-thang", "nguyen-thi-lan", "2023-05-15")
        == "submissions/2023/loc-thang/ca-nhan/nguyen-thi-lan/tien-do/2023-05-15.yaml"
    )
    assert path_of("score", 2023, "loc-thang", None, "tv-a") == (
        "submissions/2023/tham-dinh/loc-thang/tv-a.yaml"
    )


@pytest.mark.parametrize(
    ("code", "person"), [("tham-dinh", "nguyen-thi-lan"), ("don-vi", None), ("giai-dap", None)]
)
def test_a_unit_coded_like_a_system_folder_would_be_misread(code: str, person: str | None) -> None:
    """Why the codes are reserved: with one of them a unit's own file reads as another kind."""
    assert code in RESERVED_CODES
    path = path_of("registration", 2023, code, person)
    assert locate(path) != Location(path, "registration", 2023, code, person)


def test_path_of_refuses_what_has_no_path() -> None:
    with pytest.raises(ValueError):
        path_of("registration", 2023)
    with pytest.raises(ValueError):
        path_of("cycle")
    with pytest.raises(ValueError):
        path_of("minutes", 2023, "loc-thang")
