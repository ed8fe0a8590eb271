"""The schemas themselves: valid 2020-12, closed, and every property explained in Vietnamese."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

SCHEMAS = sorted((Path(__file__).parents[1] / "schema").glob("*.schema.json"))


def _objects(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{where}/{index}")


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_object_is_closed_and_every_property_explained(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema.get("title") and schema.get("description")
    for where, obj in _objects(schema):
        if "properties" not in obj:
            continue
        assert obj.get("additionalProperties") is False, f"{where} is not closed"
        for name, prop in obj["properties"].items():
            assert prop.get("title"), f"{where}/properties/{name} has no title"
            assert prop.get("description"), f"{where}/properties/{name} has no description"


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_keys_are_vietnamese_without_diacritics(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, obj in _objects(schema):
        for name in obj.get("properties", {}):
            assert name.isascii() and name == name.lower(), f"{where}: {name}"
