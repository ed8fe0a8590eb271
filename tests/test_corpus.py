"""The bad-input corpus: every case in tests/corpus/<category>/<case>/ built into a real git
repository with fixed dates, checked like CI checks a pull request, and compared with its
``expected.txt`` line for line. The format is described in tests/corpus/README.md.

Besides the exact expectations, every case must hold the invariants of a clerk-facing checker:
no traceback, no hang, every problem in Vietnamese with a hint, a line number inside the file
whenever the file has lines, no file silently ignored, and loaded text exactly as typed.

Set SANGTAO_REGENERATE=1 to rewrite the expected.txt files from the current output (never those of
xfail cases, which hold the correct output the code does not give yet), then review the diff line
by line before committing it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from sangtao import cli
from sangtao.corpus import Corpus
from sangtao.loader import resolve_plain
from sangtao.model import parse_instant
from sangtao.pipeline import Snapshot, take_snapshot
from sangtao.problems import Problem, sort_key
from sangtao.review import check_tree, review_change

from builders import appraisal_config, cycle, dump, roster
from conftest import PROJECT, Repo, time_limit

CORPUS = Path(__file__).parent / "corpus"
CASE_FILES = {"case.yaml", "expected.txt"}
MAIN_DIR = "main"  # files already on the protected branch before the case's own change

BASE_DATE = "2023-01-10T08:00:00+07:00"  # the board opens the cycle
MAIN_DATE = "2023-01-20T08:00:00+07:00"  # files of main/ land
SUBMIT_DATE = "2023-02-20T09:00:00+07:00"  # the case's files land, before every deadline
NOW = "2023-12-25T09:00:00+07:00"  # after every deadline: statuses are final
TIMEOUT_SECONDS = 30

RULE = re.compile(r"[a-z]+(?:\.[A-Za-z0-9-]+)+\Z")
# Words of libyaml, jsonschema and Python that must never reach a clerk.
ENGLISH = re.compile(
    r"\b(?:is not|required property|does not match|is too|expected|found|while scanning|"
    r"Additional properties|Traceback|Error|None|True|False)\b"
    r"|\((?:[a-z]+[A-Z][A-Za-z]*|const|enum|not|if|then|else)\)"  # a JSON Schema keyword
)


@dataclass
class Case:
    folder: Path
    spec: dict[str, Any]
    repo_files: list[tuple[str, Path]] = field(default_factory=list)
    main_files: list[tuple[str, Path]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.folder.relative_to(CORPUS).as_posix()


class _SpecLoader(yaml.SafeLoader):
    """case.yaml as written: dates and times stay text, like in the documents themselves."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_case(folder: Path) -> Case:
    spec = yaml.load((folder / "case.yaml").read_text(encoding="utf-8"), Loader=_SpecLoader)
    case = Case(folder, spec or {})
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir() or rel in CASE_FILES or path.name.startswith("_"):
            continue
        if rel.startswith(MAIN_DIR + "/"):
            case.main_files.append((rel.removeprefix(MAIN_DIR + "/"), path))
        else:
            case.repo_files.append((rel, path))
    return case


def _params() -> list[Any]:
    params = []
    for expected in sorted(CORPUS.glob("*/*/expected.txt")):
        case = _load_case(expected.parent)
        marks = []
        if case.spec.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case.spec["xfail"]))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


CASES = _params()


# -- building the repository -----------------------------------------------------------------


_VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in Windows-1258


def _to_cp1258(text: str) -> str:
    """Vietnamese as Windows-1258 spells it: â ă ê ô ơ ư precomposed, tone marks as separate
    combining characters after them."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", char)
        vowel = "".join(m for m in marks if m in _VOWEL_MARKS)
        tones = "".join(m for m in marks if m not in _VOWEL_MARKS)
        out.append(unicodedata.normalize("NFC", base + vowel) + tones)
    return "".join(out)


def _content(case: Case, entry: dict[str, Any]) -> bytes:
    if "text" in entry:
        text = entry["text"]
    else:
        text = (case.folder / entry["from"]).read_text(encoding="utf-8")
    for old, new in (entry.get("replace") or {}).items():
        assert old in text, f"{case.name}: «{old}» not in {entry.get('from')}"
        text = text.replace(old, new)
    if entry.get("nfd"):
        text = unicodedata.normalize("NFD", text)
    encoding = entry.get("encoding", "utf-8")
    data = _to_cp1258(text).encode("cp1258") if encoding == "cp1258" else text.encode(encoding)
    if entry.get("bom"):
        data = b"\xef\xbb\xbf" + data
    line = b"# " + b"x" * 97 + b"\n"
    missing = entry.get("pad", 0) - len(data)
    return data + line * max(0, -(-missing // len(line)))


def _place(root: Path, rel: str, content: bytes | None = None, symlink: str | None = None) -> None:
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if symlink is not None:
        os.symlink(symlink, target)
    else:
        assert content is not None
        target.write_bytes(content)


def _write_case_files(case: Case, repo: Repo, on_main: bool, only: list[str] | None) -> None:
    files = case.main_files if on_main else case.repo_files
    for rel, source in files:
        if only is None or rel in only:
            _place(repo.root, rel, source.read_bytes())
    for entry in case.spec.get("files") or []:
        if bool(entry.get("main")) != on_main or (only is not None and entry["path"] not in only):
            continue
        if "symlink" in entry:
            _place(repo.root, entry["path"], symlink=entry["symlink"])
        else:
            _place(repo.root, entry["path"], _content(case, entry))
        if entry.get("executable"):
            (repo.root / entry["path"]).chmod(0o755)


def build(case: Case, root: Path) -> Repo:
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    repo = Repo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    spec = case.spec
    if spec.get("base", "shared") == "shared":
        units = spec.get("units")
        admins = tuple(spec.get("admins", ("btc-admin",)))
        repo.write("submissions/don-vi.yaml", dump(roster(units, admins)))
        extra = dict(spec.get("cycle") or {})
        if spec.get("appraisal"):
            extra["tham_dinh"] = appraisal_config()
        repo.write("submissions/2023/dot.yaml", dump(cycle(**extra)))
        repo.commit("Mở đợt 2023", BASE_DATE)
    if case.main_files or any(e.get("main") for e in spec.get("files") or []):
        _write_case_files(case, repo, on_main=True, only=None)
        repo.commit("Hồ sơ đã có trên nhánh chính", MAIN_DATE)
    if "gate" in spec:
        repo.git("checkout", "--quiet", "-b", "pr")
        _write_case_files(case, repo, on_main=False, only=None)
        for rel in spec.get("delete") or []:
            repo.git("rm", "--quiet", "-r", "--", rel)
        repo.commit("Thay đổi của yêu cầu gộp", spec["now"])
    elif "steps" in spec:
        for step in spec["steps"]:
            _step(case, repo, step)
    else:
        _write_case_files(case, repo, on_main=False, only=None)
        repo.commit("Nộp hồ sơ", SUBMIT_DATE)
    return repo


def _step(case: Case, repo: Repo, step: dict[str, Any]) -> None:
    if "branch" in step:
        repo.git("checkout", "--quiet", "-b", step["branch"])
    elif "checkout" in step:
        repo.git("checkout", "--quiet", step["checkout"])
    elif "merge" in step:
        repo.git("merge", "--no-ff", "--quiet", "-m", step.get("message", "Hợp nhất"),
                 step["merge"], date=step["date"])  # fmt: skip
    elif "fast-forward" in step:
        repo.git("merge", "--ff-only", "--quiet", step["fast-forward"])
    elif "delete" in step:
        for rel in step["delete"]:
            repo.git("rm", "--quiet", "--", rel)
        repo.commit(step.get("message", "Xóa"), step["date"])
    elif "commit" in step:
        only = None if step["commit"] == "all" else list(step["commit"])
        _write_case_files(case, repo, on_main=False, only=only)
        repo.commit(step.get("message", "Nộp hồ sơ"), step["date"])
    else:  # pragma: no cover - a typo in a case
        raise AssertionError(f"{case.name}: unknown step {step}")


# -- running ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    corpus: Corpus
    snapshot: Snapshot
    problems: list[Problem]  # blocking first, then the notices
    deleted: set[str]
    notices: int = 0  # how many of ``problems``, at the end, only inform (already on main)


def check(case: Case, repo: Repo) -> Outcome:
    """What `sangtao check [--base main --actor …]` finds: the same functions the CLI calls."""
    now = parse_instant(case.spec.get("now", NOW))
    deleted: set[str] = set()
    notices: list[Problem] = []
    if "gate" in case.spec:
        review = review_change(repo.root, "main", case.spec["gate"].get("actor"), now)
        corpus, problems, notices = review.head.corpus, review.blocking, review.notices
        deleted = {c.path for c in review.verdict.changes if c.status == "D"}
    else:
        tree = check_tree(repo.root, now)
        corpus, problems = tree.corpus, tree.problems
    snapshot = take_snapshot(repo.root, now, corpus=corpus)
    problems = sorted(problems, key=sort_key) + sorted(notices, key=sort_key)
    return Outcome(corpus, snapshot, problems, deleted, len(notices))


def shown(text: str) -> str:
    """Text as expected.txt writes it: invisible and look-alike characters as \\u escapes."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        foreign_letter = category.startswith("L") and not (
            char.isascii() or unicodedata.name(char, "").startswith("LATIN")
        )
        if category.startswith(("C", "M")) or foreign_letter:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def problem_line(problem: Problem, hints: bool = False) -> str:
    line = "-" if problem.line is None else str(problem.line)
    hint = f" — {problem.hint}" if hints and problem.hint else ""
    return shown(f"{problem.path}:{line}: {problem.rule}: {problem.message}{hint}")


def receipt_lines(snapshot: Snapshot) -> list[str]:
    lines = []
    for status in snapshot.statuses.values():
        for model in status.models():
            for document in (model.registration, model.report):
                if document.path is None:
                    continue
                receipt = document.receipt
                at = "chưa" if receipt is None else f"{receipt.at.isoformat()} ({receipt.source})"
                lines.append(shown(f"{document.path}: received {at}: {document.state}"))
    return sorted(lines)


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = build(case, tmp_path / "kho")
    with time_limit(TIMEOUT_SECONDS):
        outcome = check(case, repo)
    got = [problem_line(p, bool(case.spec.get("hints"))) for p in outcome.problems]
    if outcome.notices:  # problems already on main: shown, never blocking
        at = len(got) - outcome.notices
        got[at:] = [f"notice {line}" for line in got[at:]]
    if case.spec.get("receipts"):
        got += receipt_lines(outcome.snapshot)
    expected_path = case.folder / "expected.txt"
    if os.environ.get("SANGTAO_REGENERATE") and not case.spec.get("xfail"):
        expected_path.write_text("".join(f"{line}\n" for line in got), encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8").splitlines()
    assert got == expected

    for problem in outcome.problems:
        assert_readable(problem)
        assert_line_in_file(repo.root, problem, outcome.deleted)
    assert_nothing_slips_through(outcome)
    assert_loaded_as_typed(repo.root, outcome.corpus)
    with time_limit(TIMEOUT_SECONDS):
        assert_cli_agrees(case, repo, capsys)


# -- the invariants --------------------------------------------------------------------------


def assert_readable(problem: Problem) -> None:
    """A rule name for machines; a Vietnamese message and a hint for the clerk."""
    assert RULE.match(problem.rule), problem
    assert problem.message.strip(), problem
    assert problem.hint.strip(), f"no hint (what to write instead): {problem}"
    assert not problem.message.isascii(), f"not Vietnamese: {problem}"
    assert not ENGLISH.search(problem.message), f"English in the message: {problem}"
    assert not ENGLISH.search(problem.hint), f"English in the hint: {problem}"


def line_count(data: bytes) -> int:
    return max(1, len(data.splitlines()))


def assert_line_in_file(root: Path, problem: Problem, deleted: set[str]) -> None:
    """A regular file always has a line to point at, and the line is inside the file."""
    path = root / problem.path
    assert not problem.path.startswith("/") and ".." not in problem.path.split("/"), problem
    if os.path.islink(path) or not path.exists():
        assert problem.path in deleted or os.path.lexists(path), f"no such path: {problem}"
        return
    if path.is_dir():
        return
    assert problem.line is not None, f"a problem without a line: {problem}"
    assert 1 <= problem.line <= line_count(path.read_bytes()), f"line outside the file: {problem}"


def assert_nothing_slips_through(outcome: Outcome) -> None:
    """Every file under submissions/ is either a sound document or has a problem."""
    flagged = {p.path for p in outcome.problems}
    sound = {d.rel for d in outcome.corpus.documents if d.valid}
    for rel in outcome.corpus.files:
        assert rel in sound or rel in flagged, f"{rel} is neither valid nor reported"
    for rel in {p.path for p in outcome.corpus.problems} & sound:
        pytest.fail(f"{rel} has a problem but counts as a valid document")


def assert_loaded_as_typed(root: Path, corpus: Corpus) -> None:
    """Loaded data is the text of the file, NFC-normalised: nothing escaped, dropped or added."""
    for document in corpus.documents:
        if document.data is None or document.kind == "evidence":
            continue
        plain = yaml.load((root / document.rel).read_bytes(), Loader=yaml.BaseLoader)
        _same(document.data, plain, document.rel)


def _same(ours: Any, plain: Any, where: str) -> None:
    if isinstance(ours, dict):
        assert isinstance(plain, dict) and len(ours) == len(plain), where
        for (key, value), (plain_key, plain_value) in zip(ours.items(), plain.items(), strict=True):
            assert key == unicodedata.normalize("NFC", plain_key), where
            _same(value, plain_value, f"{where} → {key}")
    elif isinstance(ours, list):
        assert isinstance(plain, list) and len(ours) == len(plain), where
        for index, (value, plain_value) in enumerate(zip(ours, plain, strict=True)):
            _same(value, plain_value, f"{where} → {index}")
    elif isinstance(ours, str):
        assert ours == unicodedata.normalize("NFC", plain), where
    else:
        assert resolve_plain(plain) == ours, where


def assert_cli_agrees(case: Case, repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    """The command CI runs ends with 0 or 1, never 3 (an internal error)."""
    capsys.readouterr()
    args = ["--root", str(repo.root), "check", "--format", "json"]
    args += ["--now", case.spec.get("now", NOW)]
    if "gate" in case.spec:
        args += ["--base", "main"]
        if case.spec["gate"].get("actor"):
            args += ["--actor", case.spec["gate"]["actor"]]
    code = cli.main(args)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert isinstance(json.loads(out), list)


def test_the_corpus_is_large_and_covers_every_category() -> None:
    categories: dict[str, int] = {}
    for param in CASES:
        category = param.values[0].name.split("/")[0]
        categories[category] = categories.get(category, 0) + 1
    assert sum(categories.values()) >= 40
    assert set(categories) >= {"loader", "schema", "hostile", "paths", "dates", "gate"}


def test_every_case_says_what_it_shows() -> None:
    for param in CASES:
        case = param.values[0]
        assert isinstance(case.spec.get("about"), str), f"{case.name}: case.yaml needs `about:`"
