"""The build's second core (decision 83): shares of units, work drawn beside, pages put back."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from bench.synthetic import Shape, generate
from sangtao.beside import EVERY_UNIT, Beside, Share, can_fork
from sangtao.corpus import read_corpus
from sangtao.history import read_history
from sangtao.pipeline import read_beside
from sangtao.problems import FatalError
from sangtao.site.dossier import LATER, put_back
from sangtao.site.generated import nav_sources
from sangtao.site.render import Rendered

from conftest import IDENTITY


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_a_share_and_the_other_draw_every_unit_once(count: int) -> None:
    here = Share(count)
    owners = [(here.owns(p), here.other().owns(p)) for p in range(50)]
    assert all(mine != theirs for mine, theirs in owners)
    if count > 1:
        assert sum(theirs for _, theirs in owners) == -(-50 // count)  # the first of each count
    assert all(EVERY_UNIT.owns(p) and not EVERY_UNIT.other().owns(p) for p in range(10))


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


@pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")
def test_work_beside_runs_in_another_process_and_comes_back() -> None:
    beside = Beside(lambda: _pid_and(21), forked=True)
    pid, value = beside.result()
    assert value == 42 and pid != os.getpid()


def test_work_not_forked_runs_here_when_asked() -> None:
    assert Beside(lambda: _pid_and(1), forked=False).result() == (os.getpid(), 2)


def _fails() -> None:
    raise ValueError("hỏng")


@pytest.mark.parametrize("forked", [False, True])
def test_an_error_beside_reaches_the_build(forked: bool) -> None:
    with pytest.raises(ValueError, match="hỏng"):
        Beside(_fails, forked=forked and can_fork()).result()


def test_pages_drawn_beside_take_their_places_in_order() -> None:
    pages = {"a.md": Rendered("a"), "b.md": LATER, "c.md": Rendered("c"), "d.md": LATER}
    drawn = {"d.md": Rendered("d"), "b.md": Rendered("b")}
    whole = put_back(pages, drawn)
    assert list(whole) == ["a.md", "b.md", "c.md", "d.md"]
    assert [r.html for r in whole.values()] == ["a", "b", "c", "d"]
    with pytest.raises(KeyError):
        put_back(pages, {"b.md": Rendered("b")})  # a page nobody drew
    with pytest.raises(AssertionError):
        put_back(pages, drawn | {"e.md": Rendered("e")})  # a page drawn twice


def test_files_and_history_read_on_two_cores_are_read_as_on_one(tmp_path: Path) -> None:
    """A synthetic repository with a misplaced file and a broken one: the same documents in
    the same order, the same problems, the same history."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in IDENTITY.items():
            env.setenv(name, value)
        root = generate(tmp_path / "kho", Shape(200, per_unit=4)).root
    (root / "submissions" / "lac-cho.yaml").write_text("a: 1\n", encoding="utf-8")
    broken = next((root / "submissions" / "2023").rglob("dang-ky.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8") + "linh_vuc: [\n", encoding="utf-8")
    one = read_corpus(root), read_history(root.resolve(), "HEAD")
    two = read_beside(root.resolve(), "HEAD")
    assert [(d.rel, d.data, d.valid) for d in two[0].documents] == [
        (d.rel, d.data, d.valid) for d in one[0].documents
    ]
    assert two[0].problems == one[0].problems and len(one[0].problems) >= 2
    assert two[0].files == one[0].files and two[1] == one[1]


def _slow() -> None:
    time.sleep(30)


@pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")
def test_a_failure_beside_the_forked_work_stops_it() -> None:
    """The build's own share fails: the forked process is stopped, not left writing."""
    with pytest.raises(ValueError, match="hỏng"), Beside(_slow, forked=True):
        assert multiprocessing.active_children()
        _fails()
    assert multiprocessing.active_children() == []
    assert threading.active_count() == 1  # the next build may fork again


class _Unrebuildable(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"{line}: {message}")


def _fails_oddly() -> None:
    raise _Unrebuildable(3, "lỗi lạ")


def _dies() -> None:
    os._exit(9)


@pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")
def test_errors_beside_arrive_with_their_message() -> None:
    with pytest.raises(RuntimeError, match="3: lỗi lạ"):
        Beside(_fails_oddly, forked=True).result()  # its class cannot be rebuilt from a pickle
    with pytest.raises(FatalError, match="parallel: false"):
        Beside(_dies, forked=True).result()  # a killed process, said in Vietnamese


def test_a_page_the_navigation_lists_is_found_however_it_is_written() -> None:
    nav = [{"Trang chủ": "./index.md"}, {"Mục": ["a//b.md", "/c.md", {"D": "d/e.md"}]}]
    assert nav_sources(nav) == {"index.md", "a/b.md", "c.md", "d/e.md"}
