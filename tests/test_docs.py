"""Docs that fail when stale: the rules page, the module map, the published JSON keys, and every
file, `sangtao` command and `make` target the docs name.

Each check is a function of (text of the docs, the code) so that it can be shown to fail: the
tests named ``…_fails_when_…`` add a rule, a module or a JSON key to a temporary copy of the
package and expect the check to name it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sangtao import catalog
from sangtao.cli import build_parser
from sangtao.problems import Problem

from builders import (
    appraisal_config,
    cycle,
    dump,
    extension,
    progress,
    registration,
    report,
    roster,
    sheet,
)
from conftest import PROJECT, Repo

DOCS = PROJECT / "docs"
PACKAGE = PROJECT / "scripts" / "sangtao"
RULES_PAGE = DOCS / "tai-lieu" / "quy-tac.md"
ARCHITECTURE = DOCS / "tai-lieu" / "kien-truc.md"
JSON_PAGE = DOCS / "tai-lieu" / "du-lieu-json.md"


def _copy_package(tmp_path: Path) -> Path:
    """A throw-away copy of scripts/sangtao, importable as `sangtao` from ``tmp_path``."""
    target = tmp_path / "sangtao"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


# ---------------------------------------------------------------------------------------------
# The rules page: docs/tai-lieu/quy-tac.md is generated from the code (`make docs`).


def test_rules_page_is_up_to_date() -> None:
    assert catalog.main([str(RULES_PAGE), "--check"]) == 0, "chạy `make docs` rồi commit"


def test_rules_page_check_fails_when_a_rule_is_added(tmp_path: Path) -> None:
    package = _copy_package(tmp_path)
    with (package / "rules.py").open("a", encoding="utf-8") as handle:
        handle.write(
            "\n\ndef _new_rule(rel: str) -> Finding:\n"
            '    return Finding(rel, (), "roster.brand-new", f"Lời báo {rel}", "Cách sửa mới")\n'
        )
    assert catalog.main([str(RULES_PAGE), "--check", "--package", str(package)]) == 1
    rows = catalog.render(catalog.catalogue(package))
    assert "| `roster.brand-new` | Lời báo … | Cách sửa mới | `rules.py` |" in rows


def test_every_rule_the_corpus_expects_is_on_the_rules_page() -> None:
    """Rule ids computed at run time would escape the catalogue; the corpus would show them."""
    ids = {e.rule for e in catalog.catalogue()}
    families = [re.compile(re.escape(i).replace("…", ".+") + r"\Z") for i in ids if "…" in i]
    seen = {
        match.group(1)
        for expected in (PROJECT / "tests" / "corpus").rglob("expected.txt")
        for match in re.finditer(
            r"^\S+: ([a-z]+(?:\.[A-Za-z0-9-]+)+): ", expected.read_text(), re.M
        )
    }
    assert seen, "the corpus lists rule ids"
    missing = {r for r in seen - ids if not any(f.match(r) for f in families)}
    assert missing == set()


def test_rule_entries_have_a_message_and_a_hint() -> None:
    for entry in catalog.catalogue():
        assert catalog.RULE_ID.match(entry.rule), entry
        assert entry.message.strip(" …"), entry
        assert entry.hint, entry


# ---------------------------------------------------------------------------------------------
# The module map of kien-truc.md names every module of scripts/sangtao, and only those.


def module_map_mismatch(text: str, package: Path) -> tuple[set[str], set[str]]:
    """(modules missing from the map, modules the map names that do not exist).

    Package markers (``__init__.py``) are not modules with a job of their own; templates and
    other non-Python files are described with the module that uses them.
    """
    section = text.split("## Bản đồ mô-đun", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `([^`]+\.py)` \|", section, re.M))
    files = {
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if p.name != "__init__.py" and "__pycache__" not in p.parts
    }
    return files - named, named - files


def test_module_map_matches_the_package() -> None:
    assert module_map_mismatch(ARCHITECTURE.read_text(encoding="utf-8"), PACKAGE) == (set(), set())


def test_module_map_check_fails_when_a_module_is_added(tmp_path: Path) -> None:
    package = _copy_package(tmp_path)
    (package / "site" / "brand_new.py").write_text('"""New."""\n', encoding="utf-8")
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert module_map_mismatch(text, package) == ({"site/brand_new.py"}, set())
    (package / "labels.py").unlink()
    assert module_map_mismatch(text, package) == ({"site/brand_new.py"}, {"labels.py"})


# ---------------------------------------------------------------------------------------------
# Every key of the published JSON is documented in du-lieu-json.md.

# Objects whose keys are data (codes from the roster, the cycle or the schema), not the format.
DATA_KEYED = {("summary", "by_block"), ("by_criterion",), ("deadlines",)}
# Objects whose keys are the four deadline states, documented once in prose.
STATE_COUNTS = {("summary", "registration"), ("summary", "report"), ("by_block", "*")}


def json_keys(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every key path of a JSON value; list items share their list's path."""
    if isinstance(value, list):
        for item in value:
            yield from json_keys(item, path)
    elif isinstance(value, dict):
        data_keyed = any(path[-len(p) :] == p for p in DATA_KEYED)
        for key, item in value.items():
            if data_keyed:
                yield from json_keys(item, (*path, "*"))
                continue
            yield (*path, key)
            yield from json_keys(item, (*path, key))


def undocumented_keys(text: str, data: Any) -> set[str]:
    """Keys that the page documents nowhere: a key is documented by a table row that starts
    with it (`key`), or, for the keys of a small object, in the row of that object's key."""
    rows: dict[str, str] = {}
    for key, rest in re.findall(r"^\| `([^`]+)` \|(.*)$", text, re.M):
        rows[key] = rows.get(key, "") + rest
    counted = set(re.findall(r"`(on_time|extended|late|missing)`", text))
    missing = set()
    for path in json_keys(data):
        key = path[-1]
        if any(path[-len(p) - 1 : -1] == p for p in STATE_COUNTS) and key in counted:
            continue
        parent = next((k for k in reversed(path[:-1]) if k != "*"), None)
        if key not in rows and f"`{key}`" not in rows.get(parent or "", ""):
            missing.add(".".join(path))
    return missing


def _status_json(root: Path, pythonpath: Path | None = None) -> Any:
    env = dict(os.environ, SANGTAO_NOW="2023-12-25T09:00:00+07:00")
    env.pop("GITHUB_STEP_SUMMARY", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    run = subprocess.run(
        [sys.executable, "-m", "sangtao", "status", "--format", "json"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def rich_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository in which every optional part of the JSON is present: an extension, the
    district's own model, individuals, progress, appraisal with published sheets."""
    repo = Repo(tmp_path_factory.mktemp("rich"))
    shutil.copytree(PROJECT / "schema", repo.root / "schema")
    repo.git("init", "--quiet", "--initial-branch=main")
    units = roster()
    units["huyen"]["ma"] = "huyen-uy"
    repo.write("submissions/don-vi.yaml", dump(units))
    config = cycle(tham_dinh=appraisal_config(published=True), gia_han=[extension()])
    repo.write("submissions/2023/dot.yaml", dump(config))
    repo.commit("Mở đợt 2023", "2023-01-10T08:00:00+07:00")
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.write(
        "submissions/2023/loc-thang/ca-nhan/nguyen-thi-lan/dang-ky.yaml",
        dump(registration(person="nguyen-thi-lan")),
    )
    repo.write("submissions/2023/huyen-uy/dang-ky.yaml", dump(registration(unit="huyen-uy")))
    repo.write("submissions/2023/loc-thang/tien-do/2023-05-15.yaml", dump(progress()))
    repo.commit("Đăng ký", "2023-02-20T09:00:00+07:00")
    repo.write("submissions/2023/loc-an/dang-ky.yaml", dump(registration(unit="loc-an")))
    repo.commit("Đăng ký được gia hạn", "2023-03-05T09:00:00+07:00")
    repo.write("submissions/2023/loc-thang/bao-cao.yaml", dump(report()))
    repo.commit("Báo cáo", "2023-11-20T09:00:00+07:00")
    for account in ("tt-truong", "tv-hai"):
        repo.write(f"submissions/2023/tham-dinh/loc-thang/{account}.yaml", dump(sheet(account)))
    repo.commit("Phiếu chấm", "2023-12-10T09:00:00+07:00")
    return repo.root


def test_every_published_json_key_is_documented(rich_repo: Path) -> None:
    data = _status_json(rich_repo)
    keys = set(json_keys(data))
    # The fixture really reaches the optional parts, or the check would prove little.
    for needed in [("units", "collective", "outcome", "appraisers", "total"), ("district",)]:
        assert needed in keys, needed
    assert undocumented_keys(JSON_PAGE.read_text(encoding="utf-8"), data) == set()


def test_every_key_of_the_check_json_is_documented() -> None:
    problem = Problem("submissions/don-vi.yaml", 1, "yaml.syntax", "Lời báo", "Cách sửa")
    section = JSON_PAGE.read_text(encoding="utf-8").split("## `sangtao check --format json`")[1]
    assert undocumented_keys(section.split("\n## ")[0], [problem.as_json()]) == set()


def test_json_keys_check_fails_when_a_key_is_added(rich_repo: Path, tmp_path: Path) -> None:
    package = _copy_package(tmp_path)
    source = package / "status_json.py"
    text = source.read_text(encoding="utf-8")
    anchor = '"schema_version": SCHEMA_VERSION,'
    assert anchor in text
    source.write_text(text.replace(anchor, anchor + ' "brand_new_key": 1,'), encoding="utf-8")
    data = _status_json(rich_repo, pythonpath=tmp_path)
    assert undocumented_keys(JSON_PAGE.read_text(encoding="utf-8"), data) == {"brand_new_key"}


# ---------------------------------------------------------------------------------------------
# Every project file, `sangtao` command and `make` target the docs name exists.

PROJECT_PATH = re.compile(
    r"(?:scripts|docs|schema|tests|\.github)(?:/[^\s`]*)?|mkdocs\.yml|pyproject\.toml|Makefile"
    r"|package\.json"
)
COMMAND = re.compile(r"^(?:\.venv/bin/)?(sangtao|make)\s+(.*)$")


def _mentions(text: str) -> Iterator[str]:
    """Inline code spans, and the lines of fenced code blocks."""
    yield from re.findall(r"(?<!`)`([^`\n]+)`(?!`)", text)
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, re.M | re.S):
        yield from (line.strip() for line in block.splitlines())


def stale_mentions(text: str, project: Path) -> set[str]:
    """What the text names that does not exist: a file or folder of the project, a `sangtao`
    subcommand or option, a `make` target."""
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices or {}
    targets = set(re.findall(r"^([a-z][a-z-]*):", (project / "Makefile").read_text(), re.M))
    stale = set()
    for mention in _mentions(text):
        if PROJECT_PATH.fullmatch(mention) and not re.search(r"[<>…*{]", mention):
            if not (project / mention).exists():
                stale.add(mention)
            continue
        command = COMMAND.match(mention)
        if command is None:
            continue
        tool, rest = command.groups()
        words = rest.split()
        if tool == "make":
            if words and re.fullmatch(r"[a-z-]+", words[0]) and words[0] not in targets:
                stale.add(mention)
            continue
        sub = commands.get(words[0]) if words else None
        if words and re.fullmatch(r"[a-z]+", words[0]) and sub is None:
            stale.add(mention)
        elif sub is not None:
            options = set(sub._option_string_actions)
            for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", rest):
                if option not in options:
                    stale.add(mention)
    return stale


def _doc_pages() -> list[Path]:
    return [PROJECT / "README.md", *sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("page", _doc_pages(), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_docs_name_only_what_exists(page: Path) -> None:
    assert stale_mentions(page.read_text(encoding="utf-8"), PROJECT) == set()


def test_stale_mentions_are_found() -> None:
    text = (
        "Xem `scripts/sangtao/brand_new.py` và `docs/tai-lieu/kien-truc.md`; chạy "
        "`sangtao brandnew`, `sangtao check --brand-new`, `sangtao status --format json`, "
        "`make brand-new` và `make test`.\n\n```sh\n.venv/bin/sangtao new --brand-new x\n```\n"
    )
    assert stale_mentions(text, PROJECT) == {
        "scripts/sangtao/brand_new.py",
        "sangtao brandnew",
        "sangtao check --brand-new",
        "make brand-new",
        ".venv/bin/sangtao new --brand-new x",
    }
