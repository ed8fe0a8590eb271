"""Read every file under ``submissions/`` once: located, loaded, validated, cross-checked.

A broken file is a value here, not a crash: it becomes a ``Document`` that is not valid plus
the problems that say why, so that every file is either usable or reported.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sangtao.beside import EVERY_UNIT, Share
from sangtao.layout import LEGAL_TEXTS_DIR, SUBMISSIONS, Kind, Location, Misplaced, locate
from sangtao.loader import Loaded, LoadError, load_file
from sangtao.model import Cycle, Document, Roster
from sangtao.problems import Problem
from sangtao.rules import Finding, cross_file
from sangtao.validation import SchemaSet, schema_problems

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024


@dataclass
class Corpus:
    """Everything under ``submissions/`` of one working tree."""

    root: Path
    files: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    roster: Roster | None = None  # the roster of every cycle (submissions/don-vi.yaml)
    cycles: dict[int, Cycle] = field(default_factory=dict)
    cycle_rosters: dict[int, Roster] = field(default_factory=dict)  # submissions/<year>/don-vi.yaml

    def roster_for(self, year: int | None) -> Roster | None:
        """The roster that governs a cycle: its own when it has one, else the common one."""
        if year is not None and year in self.cycle_rosters:
            return self.cycle_rosters[year]
        return self.roster


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder upwards holding ``submissions/`` and ``schema/``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SUBMISSIONS).is_dir() and (folder / "schema").is_dir():
            return folder
    return here


def scan(root: Path) -> tuple[list[str], list[Problem]]:
    """Every regular file under ``submissions/`` (sorted), and the entries that are not one."""
    files: list[str] = []
    problems: list[Problem] = []
    base = root / SUBMISSIONS
    if base.is_symlink() or (base.exists() and not base.is_dir()):
        # Followed, a link would publish whatever folder it points at, in or out of the repository.
        return files, [
            Problem(
                SUBMISSIONS,
                1 if base.is_file() and not base.is_symlink() else None,
                "layout.not-a-folder",
                "submissions phải là một thư mục thật, không phải liên kết tượng trưng hay tệp",
                "Thay bằng thư mục submissions/ thật chứa các tệp hồ sơ",
            )
        ]
    if not base.is_dir():
        return files, [
            Problem(
                SUBMISSIONS,
                None,
                "layout.missing",
                "Không có thư mục submissions/",
                "Chạy lệnh trong thư mục gốc của kho",
            )
        ]
    prefix = len(str(root)) + 1
    stack = [str(base)]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = entry.path[prefix:].replace(os.sep, "/")
                # DirEntry answers from the directory listing: no stat() per file.
                if entry.is_symlink():
                    problems.append(
                        Problem(
                            rel,
                            None,
                            "layout.symlink",
                            "Liên kết tượng trưng (symlink) không được phép trong submissions/",
                            "Thay bằng tệp thật",
                        )
                    )
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    files.append(rel)
                else:
                    problems.append(
                        Problem(
                            rel,
                            None,
                            "layout.not-a-file",
                            "Không phải tệp thông thường",
                            "Xóa mục này",
                        )
                    )
    files.sort()
    return files, problems


def read_corpus(root: Path, schemas: SchemaSet | None = None) -> Corpus:
    root = root.resolve()
    schemas = schemas or SchemaSet(root / "schema")
    files, problems = scan(root)
    loaded: dict[str, Loaded] = {}
    return assemble(root, files, problems, read_files(root, files, schemas, loaded), loaded)


# One file read: its place in the sorted list, its document (None: a misplaced file), problems.
Read = tuple[int, Document | None, list[Problem]]


def read_files(
    root: Path,
    files: list[str],
    schemas: SchemaSet,
    loaded: dict[str, Loaded],
    share: Share = EVERY_UNIT,
) -> list[Read]:
    """Each file of ``share`` read on its own: placed, parsed, checked against its schema."""
    found: list[Read] = []
    for position, rel in enumerate(files):
        if not share.owns(position):
            continue
        where = locate(rel)
        if isinstance(where, Misplaced):
            found.append((position, None, [Problem(rel, 1, where.rule, where.message, where.hint)]))
            continue
        document, problems = _read_document(root, where, schemas, loaded)
        found.append((position, document, problems))
    return found


def assemble(
    root: Path,
    files: list[str],
    problems: list[Problem],
    reads: Iterable[Read],
    loaded: dict[str, Loaded],
) -> Corpus:
    """The corpus from every file read (in any order; kept in the files' order) and the
    rules across files."""
    corpus = Corpus(root)
    corpus.files, corpus.problems = files, problems
    for _, document, found in sorted(reads, key=lambda read: read[0]):
        if document is not None:
            corpus.documents.append(document)
        corpus.problems.extend(found)
    rosters = assemble_rosters(corpus.documents)
    corpus.roster = rosters.pop(None, None)
    corpus.cycle_rosters = {year: r for year, r in rosters.items() if year is not None}
    for document in corpus.documents:
        if document.kind == Kind.CYCLE and document.valid and document.year is not None:
            corpus.cycles[document.year] = Cycle.from_data(document.data)
    texts = root / "docs" / LEGAL_TEXTS_DIR
    legal_texts = frozenset(p.name for p in texts.glob("*.md")) if texts.is_dir() else frozenset()
    findings = list(cross_file(corpus.documents, corpus.roster_for, corpus.cycles, legal_texts))
    corpus.problems += finding_problems(root, findings, loaded)
    if findings:
        _mark_invalid(corpus)
    corpus.problems.sort(key=lambda p: (p.path, p.line or 0, p.rule))
    return corpus


def assemble_rosters(documents: list[Document]) -> dict[int | None, Roster]:
    """Each valid main roster file with the valid parts beside it, by scope (None: every
    cycle). A part whose main file is broken waits for it: the rules report the main file."""
    mains = {d.year: d for d in documents if d.kind == Kind.ROSTER and d.valid}
    parts: dict[int | None, list[tuple[str, dict[str, Any]]]] = {}
    for d in documents:
        if d.kind == Kind.ROSTER_PART and d.valid and d.unit is not None:
            parts.setdefault(d.year, []).append((d.unit, d.data))
    return {year: Roster.from_data(main.data, parts.get(year, ())) for year, main in mains.items()}


def finding_problems(
    root: Path, findings: Iterable[Finding], loaded: dict[str, Loaded] | None = None
) -> list[Problem]:
    """Findings of rules, with the line of the field each points at."""
    loaded = {} if loaded is None else loaded
    problems = []
    for finding in findings:
        line = 1  # a file that is not YAML (evidence), or not readable, by its first line
        content = loaded.get(finding.rel)
        if content is None and finding.rel.endswith(".yaml"):
            try:
                content = load_file(root / finding.rel, positions=True)
            except LoadError:
                content = None
        if content is not None:
            if not content.lines:
                content = load_file(root / finding.rel, positions=True)
            loaded[finding.rel] = content
            line = content.line_of(finding.where)
        problems.append(Problem(finding.rel, line, finding.rule, finding.message, finding.hint))
    return problems


def _read_document(
    root: Path, where: Location, schemas: SchemaSet, loaded: dict[str, Loaded]
) -> tuple[Document, list[Problem]]:
    def document(data: object = None, valid: bool = False, problems: int = 0) -> Document:
        return Document(
            where.rel,
            where.kind,
            where.year,
            where.unit,
            where.person,
            data,
            valid,
            problems,
            where.name,
        )

    if where.schema is None:  # evidence: a file we keep and publish, not a document we read
        size = (root / where.rel).stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            problem = Problem(
                where.rel,
                1,
                "evidence.too-large",
                f"Tệp minh chứng quá lớn ({size / 2**20:.1f} MB, tối đa {MAX_EVIDENCE_BYTES // 2**20} MB)",
                "Nén nhỏ tệp, hoặc đưa lên cổng thông tin và ghi đường liên kết https trong báo cáo",
            )
            return document(problems=1), [problem]
        return document(valid=True), []
    try:
        content = load_file(f"{root}/{where.rel}")  # a string: no Path object per file
    except LoadError as error:
        problem = Problem(where.rel, error.line, error.rule, error.message, error.hint)
        return document(problems=1), [problem]
    loaded[where.rel] = content
    schema = schemas[where.schema]
    if not schema.is_valid(content.data):
        # Slow path, only for a file with a problem: positions for the line numbers.
        content = load_file(root / where.rel, positions=True)
        loaded[where.rel] = content
        problems = schema_problems(where.rel, schema, content)
        return document(content.data, False, len(problems)), problems
    return document(content.data, True), []


def _mark_invalid(corpus: Corpus) -> None:
    """A document with a cross-file problem is not sound either."""
    counts: dict[str, int] = {}
    for problem in corpus.problems:
        counts[problem.path] = counts.get(problem.path, 0) + 1
    corpus.documents = [
        d if d.rel not in counts else dataclasses.replace(d, valid=False, problems=counts[d.rel])
        for d in corpus.documents
    ]
