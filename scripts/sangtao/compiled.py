"""A compiled pass/fail test for valid documents: jsonschema-rs, with jsonschema's own meaning.

Most files are valid, and confirming that is the validator's main job. jsonschema (pure Python)
builds a validator object at every step down the schema; jsonschema-rs (Rust) answers the same
question tens of times faster. jsonschema stays the reference, and the only source of problems:
a document this test does not confirm is validated again by jsonschema (decision 41 in
docs/tai-lieu/kien-truc.md).

Where the two engines would differ, the rewrite below makes jsonschema-rs ask Python:

* ``pattern``: Rust's regex dialect is not Python's (``$`` before a final newline, what ``\\s``
  and ``\\d`` match), so each pattern becomes a custom format that runs ``re.search`` exactly as
  jsonschema does;
* ``format``: only the formats jsonschema checks here (``date``, ``date-time``) are checked, by the
  same functions; every other format name is an annotation, as it is for jsonschema;
* ``type: integer``: jsonschema here counts only a number written as one (``75``, not ``75.0``,
  ``reference._is_integer``); jsonschema-rs counts ``75.0`` too, so where a schema asks for an
  integer and not any number, a keyword of ours refuses a float;
* anything the rewrite does not know (another draft, ``patternProperties``) gets no compiled
  test at all: jsonschema alone decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jsonschema_rs

Check = Callable[[Any], bool]
FormatFunction = Callable[[str], bool]

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
# Keywords whose values are themselves schemas (or maps/lists of schemas): the rewrite walks them.
_SCHEMA_MAPS = ("properties", "$defs", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMAS = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
# Keywords that take a regular expression the rewrite cannot hand to Python.
_UNSUPPORTED = frozenset({"patternProperties", "$dynamicRef", "$recursiveRef"})


class Unsupported(Exception):
    """The schema uses something the rewrite does not translate."""


def compile_check(document: dict[str, Any], formats: dict[str, FormatFunction]) -> Check | None:
    """A fast ``is_valid`` for ``document``, or None where only jsonschema can decide.

    ``formats`` are the format checks jsonschema runs, each returning a bool (never raising).
    The check raises nothing: on anything unexpected (a value Rust cannot take, such as a lone
    surrogate or a non-string key) it answers False, and jsonschema decides.
    """
    if document.get("$schema", DRAFT_2020_12) != DRAFT_2020_12:
        return None
    custom: dict[str, FormatFunction] = {}
    try:
        rewritten = _rewrite(document, formats, custom)
    except Unsupported:
        return None
    try:
        validator = jsonschema_rs.validator_for(
            rewritten,
            validate_formats=True,
            formats=custom,
            keywords={_WRITTEN_AS_INTEGER: _WrittenAsInteger},
        )
    except Exception:  # a schema jsonschema-rs cannot compile: jsonschema judges alone
        return None

    def check(data: Any) -> bool:
        try:
            return bool(validator.is_valid(data))
        except Exception:  # Rust refused the value itself: let jsonschema judge it
            return False

    return check


_WRITTEN_AS_INTEGER = "sangtao-integer"


class _WrittenAsInteger:
    """The keyword added beside ``type: integer``: a float is not an integer, even 75.0."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        pass

    def validate(self, instance: Any) -> None:
        if isinstance(instance, float):
            raise ValueError("a float where an integer is asked for")


def _integer_only(types: Any) -> bool:
    """Whether a ``type`` value takes integers but no other number."""
    names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    return "integer" in names and "number" not in names


def search(pattern: str) -> FormatFunction:
    """jsonschema's ``pattern``: ``re.search`` with Python's dialect (its compile cache too)."""
    compiled = re.compile(pattern)
    return lambda value: compiled.search(value) is not None


def _rewrite(
    node: Any, formats: dict[str, FormatFunction], custom: dict[str, FormatFunction]
) -> Any:
    if not isinstance(node, dict):
        return node  # a boolean schema
    if _UNSUPPORTED.intersection(node):
        raise Unsupported(sorted(_UNSUPPORTED.intersection(node))[0])
    out: dict[str, Any] = {}
    extra: list[dict[str, Any]] = []
    for key, value in node.items():
        if key == "pattern" and isinstance(value, str):
            name = f"sangtao-pattern:{value}"
            custom.setdefault(name, search(value))
            extra.append({"format": name})
        elif key == "format" and isinstance(value, str):
            if value in formats:
                name = f"sangtao-format:{value}"
                custom[name] = formats[value]
                extra.append({"format": name})
            # any other format is an annotation only, as with jsonschema's checker here
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: _rewrite(v, formats, custom) for k, v in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [_rewrite(v, formats, custom) for v in value]
        elif key in _SCHEMAS:
            out[key] = _rewrite(value, formats, custom)
        else:
            out[key] = value
            if key == "type" and _integer_only(value):
                out[_WRITTEN_AS_INTEGER] = True
    if extra:
        out["allOf"] = [*out.get("allOf", []), *extra]
    return out
