"""JSON Schema validation, and turning jsonschema's errors into problems a clerk can act on.

The schemas in ``schema/`` are the single source of the documents' shape: their Vietnamese
``title``, ``description`` and ``examples`` become the messages here, the templates of
``sangtao new`` and the labels of the site.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

from sangtao.loader import JsonPath, Loaded
from sangtao.problems import Problem

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\Z"
)

FORMAT_CHECKER = FormatChecker(formats=())


@FORMAT_CHECKER.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    dt.date.fromisoformat(value)
    return True


@FORMAT_CHECKER.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    dt.datetime.fromisoformat(value)
    return True


@dataclass(frozen=True)
class Schema:
    """One document kind's schema and its validator."""

    name: str
    document: dict[str, Any]

    @cached_property
    def validator(self) -> Draft202012Validator:
        return Draft202012Validator(self.document, format_checker=FORMAT_CHECKER)

    def errors(self, data: Any) -> list[jsonschema.ValidationError]:
        return sorted(self.validator.iter_errors(data), key=lambda e: list(map(str, e.path)))

    def at(self, path: JsonPath) -> dict[str, Any]:
        """The (sub)schema describing the value at ``path``, with local ``$ref`` followed."""
        node = self._follow(self.document)
        for step in path:
            if isinstance(step, int):
                node = self._follow(node.get("items", {}))
            else:
                node = self._follow(node.get("properties", {}).get(step, {}))
        return node

    def _follow(self, node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        target: Any = self.document
        for part in ref[2:].split("/"):
            target = target[part]
        merged = dict(self._follow(target))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged


class SchemaSet:
    """The schemas of ``schema/``, read once."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._schemas: dict[str, Schema] = {}

    def __getitem__(self, name: str) -> Schema:
        schema = self._schemas.get(name)
        if schema is None:
            path = self.directory / f"{name}.schema.json"
            schema = Schema(name, json.loads(path.read_text(encoding="utf-8")))
            self._schemas[name] = schema
        return schema

    def names(self) -> list[str]:
        return sorted(
            p.name.removesuffix(".schema.json") for p in self.directory.glob("*.schema.json")
        )


def schema_problems(rel: str, schema: Schema, loaded: Loaded) -> list[Problem]:
    """Every schema problem of one loaded file (``loaded`` must carry positions)."""
    problems: list[Problem] = []
    for error in schema.errors(loaded.data):
        problems.extend(_describe(rel, schema, loaded, error))
    return problems


# -- wording -------------------------------------------------------------------------------

_TYPE_NAMES = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": "danh sách (các dòng bắt đầu bằng `- `)",
    "object": "nhóm mục con (các dòng thụt vào)",
    "null": "để trống",
}


def field_name(path: JsonPath) -> str:
    """How a clerk reads a location: «thoi_gian_thuc_hien → tu_ngay», «muc_tieu → dòng 2»."""
    if not path:
        return "toàn tệp"
    parts = [f"dòng {p + 1}" if isinstance(p, int) else p for p in path]
    return "«" + " → ".join(parts) + "»"


def _label(schema: dict[str, Any], path: JsonPath) -> str:
    title = schema.get("title")
    name = field_name(path)
    return f"{name} ({title})" if title else name


def _describe_value(value: Any) -> str:
    if value is None:
        return "đang để trống"
    if isinstance(value, bool):
        return f"đang là {str(value).lower()}"
    if isinstance(value, int | float):
        return f"đang là số {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"đang là «{shown}»"
    if isinstance(value, list):
        return "đang là một danh sách"
    return "đang là một nhóm mục con"


def _example(schema: dict[str, Any], key: str | int | None) -> str:
    examples = schema.get("examples")
    if isinstance(key, str) and examples:
        return f"ví dụ `{key}: {_yaml_scalar(examples[0])}`"
    if examples:
        return f"ví dụ `{_yaml_scalar(examples[0])}`"
    return ""


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, str) and not re.fullmatch(r"[\w .,()/–-]+", value):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _join(*parts: str) -> str:
    return "; ".join(p.rstrip(".") for p in parts if p)


def _choices(schema: dict[str, Any]) -> list[tuple[Any, str]] | None:
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches and all(isinstance(b, dict) and "const" in b for b in branches):
        return [(b["const"], b.get("title", "")) for b in branches]
    if "enum" in schema:
        return [(v, "") for v in schema["enum"]]
    return None


def _describe(
    rel: str, schema: Schema, loaded: Loaded, error: jsonschema.ValidationError
) -> Iterator[Problem]:
    path: JsonPath = tuple(error.absolute_path)
    here = schema.at(path)
    line = loaded.line_of(path)
    keyword = error.validator
    value: Any = error.instance
    key = path[-1] if path else None
    rule = f"schema.{keyword}"

    if keyword == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        for name in missing:
            child = schema.at((*path, name))
            yield Problem(
                rel,
                line,
                rule,
                f"Thiếu mục {_label(child, (*path, name))}",
                _join(
                    f"Thêm dòng `{name}: …`", child.get("description", ""), _example(child, name)
                ),
            )
        return
    if keyword == "additionalProperties" and isinstance(value, dict):
        allowed = list(here.get("properties", {}))
        for name in [k for k in value if k not in allowed]:
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = (
                f"Có phải là «{close[0]}»? Sửa lại tên mục"
                if close
                else "Xóa dòng này; các mục được phép: " + ", ".join(allowed)
            )
            yield Problem(
                rel,
                loaded.line_of((*path, name)),
                rule,
                f"Mục «{name}» không có trong mẫu {schema.document.get('title', '')}".rstrip(),
                hint,
            )
        return
    if keyword in ("oneOf", "anyOf", "enum", "const") and (choices := _choices(here)) is not None:
        listed = ", ".join(f"{c} ({t})" if t else str(c) for c, t in choices)
        yield Problem(
            rel,
            line,
            "schema.choice",
            f"{_label(here, path)} chưa chọn"
            if value is None
            else f"{_label(here, path)} không thuộc danh sách cho phép, {_describe_value(value)}",
            f"Chọn một trong: {listed}",
        )
        return
    alternatives = _required_alternatives(error.schema) if keyword == "oneOf" else None
    if alternatives:
        yield Problem(
            rel,
            line,
            "schema.one-of",
            f"{_label(here, path)} cần đúng một trong các mục: {', '.join(alternatives)}",
            "Ghi một mục (không ghi cả hai, không bỏ trống cả hai)",
        )
        return
    if keyword in ("oneOf", "anyOf") and error.context:
        yield from _describe(rel, schema, loaded, jsonschema.exceptions.best_match(error.context))
        return
    if keyword == "type":
        wanted: Any = error.validator_value
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = " hoặc ".join(_TYPE_NAMES.get(n, n) for n in names)
        hint = _example(here, key)
        if "string" in names and isinstance(value, int | float | bool):
            hint = _join("Đặt giá trị trong ngoặc kép", hint)
        if "boolean" in names and isinstance(value, str):
            hint = "Viết true (có) hoặc false (không)"
        if "array" in names:
            hint = _join("Viết mỗi ý một dòng, bắt đầu bằng `- ` và thụt vào hai dấu cách", hint)
        if "object" in names:
            hint = _join("Viết các mục con ở những dòng dưới, thụt vào hai dấu cách", hint)
        if not hint and value is not None:
            hint = _join(here.get("description", ""), f"Viết {expected}")
        if value is None:
            hint = _join("Điền nội dung sau dấu `:`", here.get("description", ""), hint)
            yield Problem(rel, line, "schema.empty", f"{_label(here, path)} chưa điền", hint)
            return
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} phải là {expected}, {_describe_value(value)}",
            hint,
        )
        return
    if keyword == "format":
        fmt = error.validator_value
        shape = "NĂM-THÁNG-NGÀY" if fmt == "date" else "NĂM-THÁNG-NGÀYTgiờ:phút:giây+07:00"
        yield Problem(
            rel,
            line,
            f"schema.format.{fmt}",
            f"{_label(here, path)} không phải {'ngày' if fmt == 'date' else 'thời điểm'} có thật, "
            f"{_describe_value(value)}",
            _join(f"Viết dạng {shape}", _example(here, key)),
        )
        return
    if keyword == "pattern":
        if here.get("format") == "date-time":
            message = f"{_label(here, path)} thiếu múi giờ, {_describe_value(value)}"
            hint = "Thêm múi giờ Việt Nam +07:00 ở cuối, ví dụ 2023-02-28T23:59:59+07:00"
        else:
            message = f"{_label(here, path)} viết không đúng dạng, {_describe_value(value)}"
            hint = _join(here.get("description", ""), _example(here, key))
        yield Problem(rel, line, rule, message, hint)
        return
    if keyword in ("minLength", "maxLength"):
        limit = error.validator_value
        if keyword == "minLength":
            message = f"{_label(here, path)} quá ngắn (cần ít nhất {limit} ký tự)"
            hint = _join("Viết đầy đủ hơn", here.get("description", ""))
        else:
            message = f"{_label(here, path)} quá dài ({len(value)} ký tự, tối đa {limit})"
            hint = "Rút gọn nội dung"
        yield Problem(rel, line, rule, message, hint)
        return
    if keyword in ("minItems", "maxItems"):
        limit = error.validator_value
        bound = "ít nhất" if keyword == "minItems" else "nhiều nhất"
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} cần {bound} {limit} dòng, đang có {len(value)}",
            _join("Mỗi dòng bắt đầu bằng `- `", here.get("description", "")),
        )
        return
    if keyword == "multipleOf":
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} phải là bội số của {error.validator_value:g}, {_describe_value(value)}",
            _join(here.get("description", ""), _example(here, key)),
        )
        return
    if keyword == "const":
        wanted = _yaml_scalar(error.validator_value)
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} phải là {wanted}, {_describe_value(value)}",
            _join(
                f"Viết `{key}: {wanted}`" if isinstance(key, str) else "",
                here.get("description", ""),
            ),
        )
        return
    if keyword == "minProperties" and isinstance(value, dict):
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} cần ít nhất {error.validator_value} mục, đang có {len(value)}",
            _join(
                "Viết các mục con ở những dòng dưới, thụt vào hai dấu cách",
                here.get("description", ""),
            ),
        )
        return
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield Problem(
            rel,
            line,
            rule,
            f"{_label(here, path)} nằm ngoài khoảng cho phép, {_describe_value(value)}",
            _join(_bounds(here), _example(here, key)),
        )
        return
    yield Problem(
        rel,
        line,
        rule,
        f"{_label(here, path)} không đúng mẫu ({keyword})",
        _join(here.get("description", ""), _example(here, key)),
    )


def _required_alternatives(schema: Any) -> list[str] | None:
    """`oneOf: [{required: [a]}, {required: [b]}]`: the names a, b; else None."""
    branches = schema.get("oneOf") if isinstance(schema, dict) else None
    if branches and all(isinstance(b, dict) and list(b) == ["required"] for b in branches):
        return [name for b in branches for name in b["required"]]
    return None


def _bounds(schema: dict[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"Giá trị từ {low} đến {high}"
    if low is not None:
        return f"Giá trị từ {low} trở lên"
    if high is not None:
        return f"Giá trị không quá {high}"
    return ""
