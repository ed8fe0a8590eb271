"""Golden cases: each file in tests/cases/ placed at its path in a fresh repository, and the
exact problems expected from it (``<case>.expected``: one ``path:line: message — hint`` a line,
empty for a valid file). Set SANGTAO_REGENERATE=1 to rewrite the expectations, then review them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sangtao.corpus import read_corpus

from builders import cycle, dump, roster

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _case_path(case: Path) -> str:
    first = case.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# path: "), f"{case.name}: first line must be '# path: …'"
    return first.removeprefix("# path: ")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).parents[1] / "schema", tmp_path / "schema")
    (tmp_path / "submissions/2023").mkdir(parents=True)
    (tmp_path / "submissions/don-vi.yaml").write_text(dump(roster()), encoding="utf-8")
    (tmp_path / "submissions/2023/dot.yaml").write_text(dump(cycle()), encoding="utf-8")
    target = tmp_path / _case_path(case)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)

    corpus = read_corpus(tmp_path)
    got = "".join(p.text() + "\n" for p in corpus.problems)

    expected = case.with_suffix(".expected")
    if os.environ.get("SANGTAO_REGENERATE"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
    for problem in corpus.problems:
        # a regular file always has a line to point at
        assert problem.line is not None and problem.line >= 1
