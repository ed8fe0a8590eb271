"""Receipt times from real repositories with fixed dates: merges, forged branch dates, shallow clones."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from sangtao.history import read_history
from sangtao.problems import FatalError

from builders import dump, registration, seed
from conftest import Repo

REG = "submissions/2023/loc-thang/dang-ky.yaml"


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_direct_commit_dates_the_file(repo: Repo) -> None:
    seed(repo)
    repo.write(REG, dump(registration()))
    commit = repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    history = read_history(repo.root)
    landing = history.received(REG)
    assert landing is not None
    assert landing.commit == commit
    assert landing.at == _at("2023-02-20T09:00:00+07:00")
    assert history.commits == 2


def test_merge_time_not_branch_time(repo: Repo) -> None:
    """A unit's branch commits carry dates the unit chose; only the merge on main counts."""
    seed(repo)
    repo.git("checkout", "--quiet", "-b", "don-vi/loc-thang")
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký (ngày giả)", "2023-02-01T08:00:00+07:00")  # forged: "on time"
    repo.git("checkout", "--quiet", "main")
    repo.write("README.md", "khác\n")
    repo.commit("Việc khác trên main", "2023-03-01T08:00:00+07:00")
    repo.git(
        "merge",
        "--no-ff",
        "--quiet",
        "-m",
        "Hợp nhất",
        "don-vi/loc-thang",
        date="2023-03-05T10:00:00+07:00",
    )
    landing = read_history(repo.root).received(REG)
    assert landing is not None
    assert landing.at == _at("2023-03-05T10:00:00+07:00")
    assert landing.subject == "Hợp nhất"


def test_later_changes_keep_the_first_receipt(repo: Repo) -> None:
    seed(repo)
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.write(REG, dump(registration(ten_mo_hinh="Tên mới của mô hình dân vận")))
    repo.commit("Sửa", "2023-04-01T09:00:00+07:00")
    history = read_history(repo.root)
    assert history.received(REG).at == _at("2023-02-20T09:00:00+07:00")  # type: ignore[union-attr]
    assert [landing.status for landing in history.files[REG].landings] == ["A", "M"]


def test_deleted_then_added_again_is_received_again(repo: Repo) -> None:
    seed(repo)
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.git("rm", "--quiet", REG)
    repo.commit("Xóa", "2023-02-21T09:00:00+07:00")
    repo.write(REG, dump(registration()))
    repo.commit("Nộp lại", "2023-03-02T09:00:00+07:00")
    assert read_history(repo.root).received(REG).at == _at("2023-03-02T09:00:00+07:00")  # type: ignore[union-attr]


def test_backdated_commit_on_main_cannot_go_back_in_time(repo: Repo) -> None:
    seed(repo)
    repo.write("README.md", "x\n")
    repo.commit("Việc khác", "2023-03-10T08:00:00+07:00")
    repo.write(REG, dump(registration()))
    repo.commit(
        "Đăng ký ghi lùi ngày", "2023-02-01T08:00:00+07:00"
    )  # committed after, dated before
    landing = read_history(repo.root).received(REG)
    assert landing is not None
    assert landing.clamped
    assert landing.at == _at("2023-03-10T08:00:00+07:00")


def test_one_git_log_pass(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(repo)
    for unit in ("loc-thang", "loc-an"):
        repo.write(f"submissions/2023/{unit}/dang-ky.yaml", dump(registration(unit)))
        repo.commit(unit, "2023-02-20T09:00:00+07:00")
    calls: list[tuple[str, ...]] = []
    original = subprocess.run

    def spy(command, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(tuple(command))
        return original(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    history = read_history(repo.root)
    assert len(history.files) == 4
    assert sum(1 for c in calls if "log" in c) == 1
    assert all(c[0] == "git" for c in calls) and len(calls) == 3


def test_shallow_clone_is_refused(repo: Repo, tmp_path: Path) -> None:
    seed(repo)
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    clone = tmp_path / "nong"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth=1", f"file://{repo.root}", str(clone)], check=True
    )
    with pytest.raises(FatalError, match="shallow clone"):
        read_history(clone)


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="không phải một kho Git"):
        read_history(tmp_path)


def test_empty_repository(repo: Repo) -> None:
    assert read_history(repo.root).files == {}


def test_revisions_name_the_changed_fields(repo: Repo) -> None:
    from sangtao.changes import blob_reader, revisions

    seed(repo)
    repo.write(REG, dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.write(
        REG,
        dump(
            registration(ten_mo_hinh="Tên mới của mô hình dân vận", muc_tieu=["Mục tiêu mới hơn"])
        ),
    )
    repo.commit("Sửa tên", "2023-02-22T09:00:00+07:00")
    repo.git("rm", "--quiet", REG)
    repo.commit("Rút", "2023-02-23T09:00:00+07:00")
    found = revisions(read_history(repo.root).files[REG], blob_reader(repo.root))
    assert [(r.kind, r.fields) for r in found] == [
        ("added", ()),
        ("modified", ("ten_mo_hinh", "muc_tieu")),
        ("deleted", ()),
    ]
    assert found[1].landing.at == _at("2023-02-22T09:00:00+07:00")
