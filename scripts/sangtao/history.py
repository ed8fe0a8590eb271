"""Receipt times from the protected branch, in ONE pass over ``git log --first-parent``.

The receipt time of a file is the committer time of the first-parent commit that brought it
to the branch (the forge's merge, or the board's own commit). Commits inside a unit's branch
never date anything: with ``--first-parent`` a merge shows its whole change against the
branch it landed on. Committer dates are still set by whoever made the commit, so times are
clamped to never run backwards along the branch: a backdated commit cannot land before the
commit it was built on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sangtao.layout import SUBMISSIONS
from sangtao.model import TZ
from sangtao.problems import FatalError

if TYPE_CHECKING:
    import git

# NUL is the one byte that can appear neither in a path nor in a commit's metadata: every field
# of the log is NUL-separated, and a marker token opens each commit.
_MARKER = "sangtao-commit"
_FORMAT = "%x00".join((_MARKER, "%H", "%ct", "%an", "%ae", "%cn", "%s"))


@dataclass(frozen=True)
class Landing:
    """A first-parent commit of the branch as far as one file is concerned."""

    commit: str
    at: dt.datetime
    author: str
    email: str
    committer: str
    subject: str
    status: str  # A, M, D, T
    clamped: bool = False  # the commit's own date was earlier than its parent's
    old_blob: str = ""  # the file's content before and after, for field-level history
    new_blob: str = ""


@dataclass
class FileHistory:
    """Every landing of one path, oldest first, and when its current life began."""

    landings: list[Landing] = field(default_factory=list)
    received: Landing | None = None

    @property
    def last(self) -> Landing | None:
        return self.landings[-1] if self.landings else None


@dataclass
class History:
    """Landings of every file under the given prefix, from one ``git log`` pass."""

    files: dict[str, FileHistory] = field(default_factory=dict)
    head: str | None = None
    commits: int = 0

    def received(self, rel: str) -> Landing | None:
        found = self.files.get(rel)
        return found.received if found else None


def not_a_repository(root: Path) -> FatalError:
    return FatalError(
        f"{root} không phải một kho Git: thời điểm tiếp nhận lấy từ lịch sử Git của nhánh chính"
    )


def open_repository(root: Path) -> git.Repo:
    import git  # GitPython on first use: `sangtao check` mostly runs without it (decision 80)

    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise not_a_repository(root) from None


def tree_prefix(repo: git.Repo, root: Path) -> str:
    return prefix_under(Path(repo.working_tree_dir or root), root)


def prefix_under(top: Path, root: Path) -> str:
    """Where ``root`` sits in the repository: git names paths from the top of the work tree."""
    offset = root.resolve().relative_to(top.resolve()).as_posix()
    return "" if offset == "." else offset + "/"


def read_history(root: Path, ref: str = "HEAD", prefix: str = f"{SUBMISSIONS}/") -> History:
    """Read the first-parent history of ``ref`` once and date every file under ``prefix``.

    Three ``git`` commands run directly, without GitPython: `sangtao status` needs nothing
    else of it, and importing it costs more than the history of a district (decision 81)."""
    found = _git(root, "rev-parse", "--is-shallow-repository", "--show-toplevel")
    if found is None:
        raise not_a_repository(root)
    shallow, top = found.split("\n")[:2]
    if shallow == "true":
        raise FatalError(
            "Kho Git đang là bản sao nông (shallow clone): mọi tệp sẽ mang cùng một ngày. "
            "Chạy `git fetch --unshallow`, hoặc trong GitHub Actions đặt `fetch-depth: 0`"
        )
    head = (_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") or "").strip()
    if not head:
        return History()
    offset = prefix_under(Path(top), root)
    output = _git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "-z",
        "--reverse",
        f"--format=%x00{_FORMAT}",
        head,
    )
    history = parse_log(output or "", offset + prefix, offset)
    history.head = head
    return history


def _git(root: Path, *args: str) -> str | None:
    """A git command's output as GitPython gives it (UTF-8, one final newline dropped); None
    when it fails or ``root`` is no folder."""
    import subprocess  # here: `sangtao check` imports this module and rarely runs git

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    output = done.stdout.decode("utf-8", "surrogateescape")
    return output[:-1] if output.endswith("\n") else output


def parse_log(output: str, prefix: str, strip: str = "") -> History:
    """Fold ``git log --reverse --raw -z`` output into per-file histories.

    The output is a stream of NUL-separated tokens: a marker and six header fields per commit,
    then for each changed file a ``:modes blobs status`` token and its path.
    """
    history = History()
    files = history.files
    previous: dt.datetime | None = None
    tokens = output.split("\0")
    count = len(tokens)
    cut = len(strip)
    index = 0
    commit = author = email = committer = subject = ""
    at: dt.datetime | None = None
    clamped = False
    while index < count:
        token = tokens[index]
        if token[:1] == "\n":  # a commit's first change, after its header
            token = token.lstrip("\n")
        if token[:1] == ":" and index + 1 < count and at is not None:  # the commonest token
            path = tokens[index + 1]
            index += 2
            if not path.startswith(prefix):
                continue
            _old_mode, _new_mode, old_blob, new_blob, status = token[1:].split(" ")
            landing = Landing(
                commit,
                at,
                author,
                email,
                committer,
                subject,
                status[:1],
                clamped,
                old_blob,
                new_blob,
            )
            entry = files.get(path[cut:])
            if entry is None:
                entry = files[path[cut:]] = FileHistory()
            entry.landings.append(landing)
            if landing.status == "D":
                entry.received = None
            elif entry.received is None:
                entry.received = landing
            continue
        if token == _MARKER and index + 6 < count:
            commit, stamp, author, email, committer, subject = tokens[index + 1 : index + 7]
            own = dt.datetime.fromtimestamp(int(stamp), TZ)
            clamped = previous is not None and own < previous
            at = previous if clamped and previous is not None else own
            previous = at
            history.commits += 1
            index += 7
            continue
        index += 1
    return history
