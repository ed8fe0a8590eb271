"""The shape of the code: no function in scripts/sangtao longer than 60 lines, and no YAML key
read outside the modules that own the vocabulary (decision 66).

Modules that still have longer functions are listed; they are being split by the engineers who
own them (rules and ownership). Take a module off the list once it complies:
from then on the test keeps it so.
"""

from __future__ import annotations

import ast
import io
import json
import shutil
import tokenize
from pathlib import Path
from typing import Any

from sangtao import documents, model

from conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "sangtao"
SCHEMAS = PROJECT / "schema"
# The typed documents (decision 66), and the writer of `sangtao new`'s files: the only modules
# that may read or write a YAML key by name.
VOCABULARY = {"model.py", "documents.py", "templates.py"}
MAX_LINES = 60
NOT_YET: set[str] = set()


def long_functions() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    found[f"{module}:{node.name}"] = length
    return found


def test_no_function_is_longer_than_sixty_lines() -> None:
    too_long = {k: v for k, v in long_functions().items() if k.split(":")[0] not in NOT_YET}
    assert too_long == {}, "split these functions"


def test_the_list_of_modules_not_yet_split_is_current() -> None:
    modules = {name.split(":")[0] for name in long_functions()}
    assert NOT_YET - modules == set(), "these modules comply now: take them off NOT_YET"


def property_names(schemas: Path = SCHEMAS) -> set[str]:
    """Every property name any schema declares, at any depth."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in schemas.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return names


def raw_key_reads(package: Path = PACKAGE) -> list[str]:
    """``module:line key`` for each YAML property name used as a subscript (``x["ten"]``) or as
    the argument of ``.get("ten"…)`` outside VOCABULARY."""
    names = property_names()
    found = []
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package).as_posix()
        if module in VOCABULARY:
            continue
        source = io.StringIO(path.read_text(encoding="utf-8"))
        skip = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
        tokens = [t for t in tokenize.generate_tokens(source.readline) if t.type not in skip]
        for i, token in enumerate(tokens[1:-1], start=1):
            if token.type != tokenize.STRING or token.string[:1] not in "'\"":
                continue
            key = ast.literal_eval(token.string)
            before, after = tokens[i - 1].string, tokens[i + 1].string
            subscript = before == "[" and after == "]"
            get = before == "(" and [t.string for t in tokens[max(i - 3, 0) : i - 1]] == [
                ".",
                "get",
            ]
            if key in names and (subscript or get):
                found.append(f"{module}:{token.start[0]} {key}")
    return found


def test_yaml_keys_are_read_only_through_the_typed_documents() -> None:
    assert raw_key_reads() == [], "read these through sangtao.documents or sangtao.model"


def test_the_key_check_fails_on_a_raw_read(tmp_path: Path) -> None:
    copy = tmp_path / "sangtao"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    status = copy / "status.py"
    lines = status.read_text(encoding="utf-8").splitlines()
    status.write_text(
        "\n".join(
            [*lines, "", "def _title(data: dict) -> str:", '    return data.get("ten_mo_hinh", "")']
        )
        + "\n",
        encoding="utf-8",
    )
    (copy / "pages.py").write_text(
        'def f(d: dict) -> int:\n    return d["nam"]\n', encoding="utf-8"
    )
    assert raw_key_reads(copy) == [
        "pages.py:2 nam",
        f"status.py:{len(lines) + 3} ten_mo_hinh",
    ]


def _typed_classes() -> list[Any]:
    found = []
    for module in (documents, model):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, documents.Fields) and value.KEYS:
                found.append(value)
    return found


def test_every_typed_field_names_a_schema_property() -> None:
    names = property_names()
    classes = _typed_classes()
    assert {c.__name__ for c in classes} >= {"Registration", "Progress", "Report", "ScoreSheet"}
    wrong = {
        f"{c.__name__}.{field}: {key}"
        for c in classes
        for field, key in c.KEYS.items()
        if key not in names
    }
    assert wrong == set()
