"""The pull-request gate: judge a change (not only the tree) for shape, ownership and lateness.

Who may do what is read from the BASE commit — the protected branch — never from the change
itself: a pull request that adds its author to the admins, or grants itself an extension, is
judged by the rules it is trying to change. The one exception is a board admin's own change to
a cycle file, which is trusted for that change (the board may record a receipt or an extension
and the document it covers in one pull request).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import git

from sangtao.history import open_repository, tree_prefix
from sangtao.labels import vn_datetime
from sangtao.layout import (
    ANSWERS_FILE,
    CYCLE_FILE,
    ROSTER_FILE,
    ROSTER_NAME,
    ROSTER_PARTS_DIR,
    SUBMISSIONS,
    Kind,
    Location,
    Misplaced,
    locate,
    path_of,
)
from sangtao.loader import LoadError, load_bytes
from sangtao.model import DEADLINE_KEY, Cycle, Issuer, Roster, State
from sangtao.problems import FatalError, Problem
from sangtao.status import judge
from sangtao.validation import SchemaSet

REGULAR_FILE = "100644"
_MODES = {
    "120000": "liên kết tượng trưng (symlink)",
    "160000": "kho con (submodule)",
    "100755": "tệp có quyền thực thi",
    "040000": "thư mục",
}
BOARD_FILES = (f"/{CYCLE_FILE}", f"/{ANSWERS_FILE}")
BOARD_ONLY = ("schema/", "scripts/", ".github/", "mkdocs.yml", "pyproject.toml", "Makefile", ".ci/")


def _how_to_extend(board: str) -> str:
    return (
        f"Nếu có lý do chính đáng, gửi văn bản đề nghị gia hạn tới {board}; "
        f"khi được đồng ý, {board} ghi gia hạn vào dot.yaml rồi đơn vị nộp lại"
    )


@dataclass(frozen=True)
class Change:
    """One line of ``git diff --raw``: a path added, modified, deleted or retyped."""

    status: str  # A, M, D, T
    old_mode: str
    new_mode: str
    path: str


@dataclass(frozen=True)
class Verdict:
    base: str
    actor: str | None
    admin: bool
    now: dt.datetime
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...]


def parse_raw_diff(output: str) -> list[Change]:
    """Parse ``git diff --raw -z --no-renames``: ``:old new sha sha S\\0path\\0`` records."""
    changes: list[Change] = []
    fields = output.split("\0")
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        if not meta.startswith(":"):
            continue
        old_mode, new_mode, _old, _new, status = meta[1:].split(" ")
        changes.append(Change(status[:1], old_mode, new_mode, path))
    return changes


def read_change(repo: git.Repo, base: str) -> list[Change]:
    """The change of HEAD against its merge base with ``base``: one git call."""
    try:
        output = repo.git.diff("--raw", "-z", "--no-renames", "--no-abbrev", f"{base}...HEAD")
    except git.GitCommandError as error:
        raise FatalError(
            f"Không so sánh được với «{base}»: {error.stderr.strip()}. "
            "Kiểm tra tên nhánh gốc và lấy đủ lịch sử (fetch-depth: 0)"
        ) from None
    return parse_raw_diff(output)


def project_path(path: str, prefix: str) -> str:
    """A repository path named from the project folder ``prefix`` (``../`` when outside it)."""
    if path.startswith(prefix):
        return path[len(prefix) :]
    return "../" * prefix.count("/") + path


def _read_at(commit: git.Commit, path: str) -> bytes | None:
    """A file as the base commit has it (``path`` from the top of the repository)."""
    try:
        blob = commit.tree / path
    except KeyError:
        return None
    data: bytes = blob.data_stream.read()
    return data


class TrustedRosters:
    """The rosters as the base commit has them, read on demand: the common one and each
    cycle's own, with their part files (one per committee)."""

    def __init__(self, base: git.Commit, prefix: str) -> None:
        self.base = base
        self.prefix = prefix
        self._found: dict[int | None, Roster | None] = {}

    def _read(self, scope: str) -> Roster | None:
        scope = f"{SUBMISSIONS}/{scope}"
        raw = _read_at(self.base, self.prefix + scope + ROSTER_NAME)
        if raw is None:
            return None
        parts: list[tuple[str, dict[str, Any]]] = []
        try:
            folder = self.base.tree / (self.prefix + scope + ROSTER_PARTS_DIR)
        except KeyError:
            folder = None
        try:
            data = load_bytes(raw).data
            for blob in folder.blobs if folder is not None else ():
                if blob.name.endswith(".yaml"):
                    parts.append(
                        (blob.name.removesuffix(".yaml"), load_bytes(blob.data_stream.read()).data)
                    )
            return Roster.from_data(data, parts)
        except (LoadError, KeyError, TypeError, AttributeError):
            raise FatalError(
                f"{scope}{ROSTER_NAME} ở nhánh gốc (hoặc một tệp trong "
                f"{ROSTER_PARTS_DIR}/ cạnh nó) không đọc được: sửa nó trước khi kiểm tra yêu cầu gộp"
            ) from None

    def __call__(self, year: int | None) -> Roster | None:
        if year not in self._found:
            own = self._read(f"{year}/") if year is not None else None
            self._found[year] = own if own is not None else self.common
        return self._found[year]

    @cached_property
    def common(self) -> Roster | None:
        return self._read("")


def _cycle_from(raw: bytes | None, schemas: SchemaSet) -> Cycle | None:
    if raw is None:
        return None
    try:
        data = load_bytes(raw).data
    except LoadError:
        return None
    if not schemas["dot"].is_valid(data):
        return None
    return Cycle.from_data(data)


def merge_base(repo: git.Repo, base_ref: str) -> git.Commit:
    try:
        return repo.commit(repo.git.merge_base(base_ref, "HEAD").strip())
    except git.GitCommandError:
        raise FatalError(
            f"Không tìm thấy điểm chung giữa «{base_ref}» và HEAD: lấy đủ lịch sử (fetch-depth: 0)"
        ) from None


def judge_change(
    root: Path,
    base_ref: str,
    actor: str | None,
    now: dt.datetime,
    schemas: SchemaSet,
) -> Verdict:
    """``schemas`` are the base's: the change never brings its own judge."""
    repo = open_repository(root)
    base = merge_base(repo, base_ref)
    prefix = tree_prefix(repo, root)
    # Every path of the repository is judged, also outside the project's folder (where the
    # forge reads the workflows and CODEOWNERS): named from the project folder, `../…`.
    changes = [
        Change(c.status, c.old_mode, c.new_mode, project_path(c.path, prefix))
        for c in read_change(repo, base.hexsha)
    ]
    rosters = TrustedRosters(base, prefix)
    # An admin of any roster in force (the common one, or a changed cycle's own) is the board.
    years = {w.year for c in changes if isinstance(w := locate(c.path), Location)}
    admin = bool(actor) and any(
        (r := rosters(y)) is not None and r.is_admin(actor or "") for y in years | {None}
    )
    cycles: dict[int, Cycle | None] = {}

    def cycle_of(year: int) -> Cycle | None:
        if year not in cycles:
            rel = path_of(Kind.CYCLE, year)
            # An admin's own edit of the cycle counts for this change; anyone else's does not.
            raw = (
                (root / rel).read_bytes()
                if admin and (root / rel).is_file()
                else _read_at(base, prefix + rel)
            )
            cycles[year] = _cycle_from(raw, schemas)
        return cycles[year]

    problems: list[Problem] = []
    for change in changes:
        problems.extend(shape_problems(change))
        if actor is not None and not admin:
            problems.extend(ownership_problems(change, actor, rosters, cycle_of, now))
        problems.extend(deadline_problems(change, cycle_of, now, admin or actor is None, rosters))
    return Verdict(base.hexsha, actor, admin, now, tuple(changes), tuple(problems))


def _line(change: Change) -> int | None:
    return None if change.status == "D" else 1


def shape_problems(change: Change) -> Iterator[Problem]:
    """Only plain files with clean names: no symlinks, submodules, executables, odd bytes."""
    if change.status != "D" and change.new_mode != REGULAR_FILE:
        kind = _MODES.get(change.new_mode, f"mục kiểu {change.new_mode}")
        yield Problem(
            change.path,
            1 if change.new_mode == "100755" else None,  # an executable file still has lines
            "gate.mode",
            f"Không được nộp {kind}",
            "Chỉ nộp tệp văn bản thông thường (.yaml); xóa mục này khỏi yêu cầu gộp",
        )
    path = change.path
    if not unicodedata.is_normalized("NFC", path) or any(
        unicodedata.category(c).startswith("C") for c in path
    ):
        yield Problem(
            path,
            _line(change),
            "gate.path",
            "Tên tệp hoặc thư mục có ký tự ẩn hoặc dạng Unicode không chuẩn",
            "Đặt tên bằng chữ thường không dấu, số và dấu gạch ngang",
        )


def board_of(
    year: int | None,
    rosters: Callable[[int | None], Roster | None],
    cycle_of: Callable[[int], Cycle | None],
) -> str:
    """The body that runs the campaign, in the words of the cycle (or the roster)."""
    cycle = cycle_of(year) if year is not None else None
    roster = rosters(year)
    if cycle is not None:
        return cycle.issuer(roster).board
    return Issuer.from_data(roster.root if roster else None).board


def ownership_problems(
    change: Change,
    actor: str,
    rosters: Callable[[int | None], Roster | None] | Roster | None,
    cycle_of: Callable[[int], Cycle | None] = lambda _: None,
    now: dt.datetime | None = None,
) -> Iterator[Problem]:
    """What a non-admin account may touch: its own units' folders, its committee's own model
    folder and answers file, or its own score sheets."""
    path = change.path
    where = locate(path)
    roster_of = rosters if callable(rosters) else (lambda _year: rosters)
    year = where.year if isinstance(where, Location) else None
    board = board_of(year, roster_of, cycle_of)
    if isinstance(where, Location) and where.kind == Kind.SCORE and where.year is not None:
        yield from sheet_ownership(change, actor, where, cycle_of(where.year), now, board)
        return
    if _board_file(path, where):
        yield Problem(
            path,
            _line(change),
            "gate.board-only",
            f"Tài khoản «{actor}» không được sửa {path}: chỉ {board} sửa tệp này",
            f"Bỏ thay đổi này khỏi yêu cầu gộp; cần sửa thì đề nghị {board}",
        )
        return
    if not path.startswith(f"{SUBMISSIONS}/"):
        yield Problem(
            path,
            _line(change),
            "gate.outside",
            f"Tài khoản «{actor}» chỉ được nộp tệp trong thư mục submissions/",
            "Bỏ thay đổi này khỏi yêu cầu gộp",
        )
        return
    yield from _folder_ownership(change, actor, where, roster_of(year), board)


def _board_file(path: str, where: Location | Misplaced) -> bool:
    """Rosters, cycles, the board's answers and the project's own files: the board's alone."""
    if isinstance(where, Location) and (
        where.kind in (Kind.ROSTER, Kind.ROSTER_PART, Kind.CYCLE)
        or (where.kind == Kind.ANSWERS and where.unit is None)
    ):
        return True
    return path == ROSTER_FILE or path.endswith(BOARD_FILES) or path.startswith(BOARD_ONLY)


def _folder_ownership(
    change: Change, actor: str, where: Location | Misplaced, roster: Roster | None, board: str
) -> Iterator[Problem]:
    """A unit's account owns its organisations' folders; a committee's account, its own model
    folder and its answers file. Nobody but the board deletes what was submitted."""
    path = change.path
    parts = path.split("/")
    unit = parts[2] if len(parts) > 3 else None
    if isinstance(where, Location) and where.kind == Kind.ANSWERS:
        unit = where.unit  # a committee's answers file is its own
    owned = roster.units_of(actor) | roster.committees_of(actor) if roster else set()
    if unit not in owned:
        mine = ", ".join(sorted(owned)) or "không có đơn vị nào"
        yield Problem(
            path,
            _line(change),
            "gate.not-owner",
            f"Tài khoản «{actor}» không được nộp thay đơn vị «{unit or parts[-1]}»",
            f"Chỉ sửa thư mục của đơn vị mình ({mine}); nếu tài khoản thiếu trong danh sách, "
            f"đề nghị {board} bổ sung vào danh sách đơn vị (don-vi.yaml)",
        )
        return
    if change.status == "D":
        yield Problem(
            path,
            None,
            "gate.delete",
            f"Xóa hoặc đổi tên hồ sơ đã nộp cần {board} thực hiện",
            f"Muốn sửa nội dung thì sửa ngay trong tệp; muốn rút hồ sơ thì gửi đề nghị tới {board}",
        )


def sheet_ownership(
    change: Change,
    actor: str,
    where: Location,
    cycle: Cycle | None,
    now: dt.datetime | None,
    board: str = "cơ quan tham mưu",
) -> Iterator[Problem]:
    """Appraisers change only their own sheet, named exactly as the cycle writes their account;
    after the appraisal deadline only the team leader may still change (his own) sheets."""
    appraisal = cycle.appraisal if cycle else None
    member = appraisal.member(actor) if appraisal else None
    line = _line(change)
    if member is None:
        yield Problem(
            change.path,
            line,
            "gate.not-appraiser",
            f"Tài khoản «{actor}» không có tên trong Tổ thẩm định nên không được nộp phiếu chấm",
            "Chỉ thành viên Tổ thẩm định (dot.yaml trên nhánh chính) nộp phiếu chấm",
        )
        return
    assert cycle is not None
    closed = now is not None and now > cycle.deadline(Kind.SCORE) + cycle.grace
    if closed and not member.leader:
        yield Problem(
            change.path,
            line,
            "gate.appraisal-closed",
            f"Đã hết hạn thẩm định ({vn_datetime(cycle.deadlines['tham_dinh'])}): chỉ Tổ trưởng được sửa phiếu chấm của mình",
            f"Đề nghị {board} gia hạn thẩm định trong dot.yaml",
        )
    elif (where.name or "") != member.account:
        # Exactly as the cycle writes it: `Ten.yaml` beside `ten.yaml` would be a second vote.
        yield Problem(
            change.path,
            line,
            "gate.not-own-sheet",
            f"«{actor}» chỉ được nộp phiếu chấm của chính mình ({member.account}.yaml), không phải «{where.name}.yaml»",
            f"Đặt phiếu ở tham-dinh/<mã đơn vị>[/<mã cá nhân>]/{member.account}.yaml",
        )
    if change.status == "D":
        yield Problem(
            change.path,
            None,
            "gate.delete",
            f"Xóa phiếu chấm cần {board} thực hiện",
            "Muốn sửa điểm thì sửa ngay trong phiếu",
        )


def deadline_problems(
    change: Change,
    cycle_of: Callable[[int], Cycle | None],
    now: dt.datetime,
    trusted: bool = True,
    rosters: Callable[[int | None], Roster | None] = lambda _year: None,
) -> Iterator[Problem]:
    """A document added or changed after its deadline, with no extension covering it."""
    if change.status == "D":
        return
    where = locate(change.path)
    if not isinstance(where, Location) or where.year is None:
        return
    # Evidence belongs to its report: it may not change after the report's deadline either.
    kind = Kind.REPORT if where.kind == Kind.EVIDENCE else where.kind
    if kind not in DEADLINE_KEY or kind == Kind.SCORE:
        return  # sheets: the appraisal deadline closes them to all but the leader (ownership)
    cycle = cycle_of(where.year)
    if cycle is None:
        return
    if trusted and any(entry.file == where.cycle_rel for entry in cycle.receipt_book):
        return  # the board records a paper receipt and its file; a unit may not rewrite it late
    deadline = cycle.deadline(kind)
    roster = rosters(where.year)
    if kind == Kind.REGISTRATION and roster is not None and where.person is None:
        # A committee's own model, registered with the level above by its own deadline.
        if where.unit == roster.root_code:
            deadline = cycle.own_deadline(True)
        elif where.unit in roster.committee_by_code:
            deadline = cycle.own_deadline(False)
    extension = cycle.extension_for(kind, where.unit or "", where.person)
    if judge(now, deadline, cycle.grace, extension) in (State.ON_TIME, State.EXTENDED):
        return
    until = extension.until if extension else deadline
    verb = "Nộp" if change.status == "A" else "Sửa"
    yield Problem(
        change.path,
        1,
        "gate.late",
        f"{verb} sau hạn: hạn là {vn_datetime(until)}"
        + (" (đã gồm gia hạn)" if extension else "")
        + f", lúc này là {vn_datetime(now)}",
        _how_to_extend(cycle.issuer(roster).board),
    )
