"""Status is a pure function of documents, receipts, cycle, roster and now."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sangtao.model import Cycle, Document, Roster
from sangtao.pipeline import take_snapshot
from sangtao.status import Receipt, cycle_status, judge
from sangtao.status_json import cycle_json, write_json

from builders import cycle, dump, extension, registration, roster, seed
from conftest import Repo

VN = dt.timezone(dt.timedelta(hours=7))
DEADLINE = dt.datetime(2023, 2, 28, 23, 59, 59, tzinfo=VN)


def _doc(unit: str, person: str | None = None) -> Document:
    rel = f"submissions/2023/{unit}/" + (f"ca-nhan/{person}/" if person else "") + "dang-ky.yaml"
    return Document(
        rel, "registration", 2023, unit, person, registration(unit, person=person), True
    )


@pytest.mark.parametrize(
    ("received", "state"),
    [
        (DEADLINE - dt.timedelta(minutes=1), "on_time"),
        (DEADLINE, "on_time"),
        (DEADLINE + dt.timedelta(seconds=1), "late"),
        (None, "missing"),
    ],
)
def test_judge_boundaries(received: dt.datetime | None, state: str) -> None:
    assert judge(received, DEADLINE, dt.timedelta(0), None) == state


def test_judge_grace_and_utc() -> None:
    utc_one_minute_late = dt.datetime(2023, 2, 28, 17, 0, 59, tzinfo=dt.UTC)
    assert judge(utc_one_minute_late, DEADLINE, dt.timedelta(0), None) == "late"
    assert judge(utc_one_minute_late, DEADLINE, dt.timedelta(minutes=5), None) == "on_time"


def _status(now: dt.datetime, found: dict[str, Receipt], docs: list[Document], **extra: object):  # type: ignore[no-untyped-def]
    c = Cycle.from_data(cycle(**extra))
    r = Roster.from_data(roster({"loc-thang": ["a"], "loc-an": ["b"], "loc-bac": ["c"]}))
    return cycle_status(c, r, docs, found, now)


def test_states_extension_and_overdue() -> None:
    docs = [_doc("loc-thang"), _doc("loc-an"), _doc("loc-thang", "nguyen-thi-lan")]
    found = {
        docs[0].rel: Receipt(dt.datetime(2023, 3, 2, tzinfo=VN), "git", "abc"),
        docs[1].rel: Receipt(dt.datetime(2023, 3, 8, tzinfo=VN), "book"),
        docs[2].rel: Receipt(dt.datetime(2023, 2, 1, tzinfo=VN), "git", "def"),
    }
    now = dt.datetime(2023, 4, 1, tzinfo=VN)
    status = _status(now, found, docs, gia_han=[extension()])
    by_code = {u.unit.code: u for u in status.units}
    assert by_code["loc-thang"].collective.registration.state == "late"
    assert by_code["loc-an"].collective.registration.state == "extended"
    assert by_code["loc-an"].collective.registration.extension is not None
    assert by_code["loc-bac"].collective.registration.state == "missing"
    assert by_code["loc-bac"].collective.registration.overdue
    assert [m.registration.state for m in by_code["loc-thang"].individuals] == ["on_time"]
    assert status.counts == {"on_time": 0, "extended": 1, "late": 1, "missing": 1}
    assert status.registered == 2


def test_missing_before_the_deadline_is_not_overdue() -> None:
    status = _status(dt.datetime(2023, 2, 1, tzinfo=VN), {}, [])
    assert all(u.collective.registration.state == "missing" for u in status.units)
    assert not any(u.collective.registration.overdue for u in status.units)


def test_file_not_yet_on_the_branch_is_provisional() -> None:
    docs = [_doc("loc-thang")]
    status = _status(dt.datetime(2023, 2, 10, tzinfo=VN), {}, docs)
    reg = status.units[0].collective.registration
    assert (reg.state, reg.provisional, reg.receipt) == ("on_time", True, None)


def test_adding_a_document_never_changes_another_units_status() -> None:
    now = dt.datetime(2023, 4, 1, tzinfo=VN)
    one = [_doc("loc-thang")]
    found = {one[0].rel: Receipt(dt.datetime(2023, 2, 2, tzinfo=VN), "git")}
    before = _status(now, found, one)
    extra = _doc("loc-an")
    after = _status(
        now, {**found, extra.rel: Receipt(dt.datetime(2023, 3, 2, tzinfo=VN), "git")}, [*one, extra]
    )
    assert before.units[0] == after.units[0]
    assert before.units[2] == after.units[2]


def test_receipt_book_overrides_git(repo: Repo) -> None:
    book = [
        {
            "tep": "loc-thang/dang-ky.yaml",
            "thoi_diem": "2023-02-27T10:00:00+07:00",
            "hinh_thuc": "ban-giay",
            "so_den": "125",
            "nguoi_ghi": "btc-admin",
        }
    ]
    seed(repo, so_tiep_nhan=book)
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration("loc-an")))
    repo.commit("Nhập hồ sơ giấy", "2026-11-27T09:00:00+07:00")
    snapshot = take_snapshot(repo.root, dt.datetime(2026, 11, 27, 12, tzinfo=VN))
    assert snapshot.corpus.problems == []
    units = {u.unit.code: u.collective.registration for u in snapshot.statuses[2023].units}
    assert units["loc-thang"].state == "on_time"
    assert units["loc-thang"].receipt is not None and units["loc-thang"].receipt.source == "book"
    assert units["loc-an"].state == "late"
    assert units["loc-an"].receipt is not None and units["loc-an"].receipt.source == "git"


def test_status_as_of_an_earlier_instant_ignores_later_receipts() -> None:
    docs = [_doc("loc-thang")]
    found = {docs[0].rel: Receipt(dt.datetime(2023, 3, 2, tzinfo=VN), "git", "abc")}
    earlier = _status(dt.datetime(2023, 2, 15, tzinfo=VN), found, docs)
    assert earlier.units[0].collective.registration.state == "missing"
    later = _status(dt.datetime(2023, 3, 5, tzinfo=VN), found, docs)
    assert later.units[0].collective.registration.state == "late"


def _written(value: object) -> str:
    parts: list[str] = []
    write_json(value, parts.append)
    return "".join(parts)


def test_status_json_made_unit_by_unit_is_the_same_text(repo: Repo) -> None:
    seed(repo)
    for unit in ("loc-thang", "loc-an"):
        repo.write(f"submissions/2023/{unit}/dang-ky.yaml", dump(registration(unit)))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    snapshot = take_snapshot(repo.root, dt.datetime.fromisoformat("2023-03-01T00:00:00+07:00"))
    status = snapshot.statuses[2023]
    whole = cycle_json(status)
    made = cycle_json(status, units_as_made=True)
    assert not isinstance(made["units"], list)  # made while written, never all at once
    text = _written(whole)
    assert _written(made) == text
    assert json.loads(text) == whole
    assert len(whole["units"]) == len(status.units) > 1
    assert _written({"units": iter([])}) == _written({"units": []}) == '{\n  "units": []\n}'
