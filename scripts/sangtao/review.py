"""Judge a change, not the tree: what a pull request breaks blocks it, what was already broken
on the base does not.

Both sides are checked by the same code (the installed tool), with the same schemas (the
base's: the change never brings its own judge) and at the same clock, so that a rule which
turns on as time passes, or a rule a new release tightened, shows on both sides and blocks
nobody. A problem blocks when it is in a file the change adds, modifies or deletes, or when
the base does not have it (a cross-file problem the change causes elsewhere).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sangtao.codeowners import stale_problem
from sangtao.corpus import Corpus, read_corpus
from sangtao.history import open_repository, tree_prefix
from sangtao.layout import Kind
from sangtao.pipeline import clock_problems, status_problems, take_snapshot, unshown_problems
from sangtao.problems import FatalError, Problem
from sangtao.validation import SchemaSet

if TYPE_CHECKING:
    from sangtao.gate import Verdict


@dataclass(frozen=True)
class TreeCheck:
    """Every problem of one working tree, as ``sangtao check`` reports it."""

    corpus: Corpus
    problems: list[Problem]
    note: str | None = None  # a rule that could not run, said rather than hidden


def check_tree(root: Path, now: dt.datetime, schemas: SchemaSet | None = None) -> TreeCheck:
    corpus = read_corpus(root, schemas)
    problems = list(corpus.problems)
    problems += clock_problems(corpus, now) + unshown_problems(corpus, now)
    stale = stale_problem(root, corpus.roster, corpus.cycle_rosters) if corpus.roster else None
    if stale is not None:
        problems.append(stale)
    note = None
    if any(d.kind == Kind.SCORE for d in corpus.documents):
        # The one rule that needs receipt times: a score sheet only for an appraisable model.
        try:
            problems += status_problems(take_snapshot(root, now, corpus=corpus))
        except FatalError as error:
            note = f"bỏ qua các quy tắc cần lịch sử Git ({error})"
    return TreeCheck(corpus, problems, note)


@dataclass(frozen=True)
class Review:
    """A change judged: ``blocking`` decides the check, ``notices`` were on the base already."""

    head: TreeCheck
    verdict: Verdict
    blocking: list[Problem]
    notices: list[Problem]


def review_change(root: Path, base_ref: str, actor: str | None, now: dt.datetime) -> Review:
    # The gate (and GitPython with it) only for a change: a plain check starts without them.
    from sangtao.gate import judge_change, merge_base

    repo = open_repository(root)
    with base_tree(root, merge_base(repo, base_ref).hexsha) as base_root:
        schemas = SchemaSet(base_root / "schema")  # the base's schemas judge both sides
        verdict = judge_change(root, base_ref, actor, now, schemas)
        base = check_tree(base_root, now, schemas)
        head = check_tree(root, now, schemas)
    changed = {c.path for c in verdict.changes}
    on_base = set(base.problems)
    blocking: list[Problem] = []
    notices: list[Problem] = []
    for problem in head.problems:
        if problem.path in changed or problem not in on_base:
            blocking.append(problem)
        else:
            notices.append(problem)
    seen = set(blocking)
    blocking += [p for p in verdict.problems if p not in seen]
    return Review(head, verdict, blocking, notices)


@contextlib.contextmanager
def base_tree(root: Path, commit: str) -> Iterator[Path]:
    """The project folder as ``commit`` has it: a temporary detached worktree, so that the
    base is read by exactly the code that reads the head (receipt times from its own history)."""
    import tempfile

    import git

    repo = open_repository(root)
    prefix = tree_prefix(repo, root)
    with tempfile.TemporaryDirectory(prefix="sangtao-goc-") as folder:
        tree = Path(folder) / "goc"
        try:
            repo.git.worktree("add", "--detach", "--quiet", str(tree), commit)
        except git.GitCommandError as error:
            raise FatalError(
                f"Không lấy được bản của nhánh gốc ({commit[:10]}): {error.stderr.strip()}"
            ) from None
        try:
            yield tree / prefix
        finally:
            repo.git.worktree("remove", "--force", str(tree))
