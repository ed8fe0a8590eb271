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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sangtao.compiled import Check, compile_check
from sangtao.documents import year_written
from sangtao.loader import JsonPath, Loaded
from sangtao.problems import Problem

if TYPE_CHECKING:
    import jsonschema

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\Z"
)


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    dt.date.fromisoformat(value)
    return True


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    dt.datetime.fromisoformat(value)
    return True


def _as_bool(check: Any) -> Any:
    """A format check that answers False where jsonschema's checker catches ValueError."""

    def answer(value: str) -> bool:
        try:
            return bool(check(value))
        except ValueError:
            return False

    return answer


# The formats the reference validator checks (and nothing else), as plain predicates for the
# compiled test; ``reference.FORMAT_CHECKER`` registers the same functions.
FORMAT_CHECKS = {"date": _is_date, "date-time": _is_date_time}
FORMATS = {name: _as_bool(check) for name, check in FORMAT_CHECKS.items()}


@dataclass(frozen=True)
class Schema:
    """One document kind's schema and its validator."""

    name: str
    document: dict[str, Any]

    @cached_property
    def validator(self) -> jsonschema.Draft202012Validator:
        # Imported on first use: a check whose files are all valid never needs jsonschema
        # (decision 80).
        from sangtao.reference import reference_validator

        return reference_validator(self.document)

    @cached_property
    def _compiled(self) -> Check | None:
        return compile_check(self.document, FORMATS)

    @cached_property
    def titles(self) -> dict[str, str]:
        """Each top-level property's title (the property's name when it has none)."""
        return {key: self.at((key,)).get("title", key) for key in self.document["properties"]}

    def is_valid(self, data: Any) -> bool:
        """Whether ``data`` is valid: the compiled test confirms, jsonschema has the last word."""
        compiled = self._compiled
        if compiled is not None and compiled(data):
            return True
        return self.validator.is_valid(data)

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


@dataclass(frozen=True)
class _Failure:
    """One schema error, with what every message about it needs."""

    rel: str
    schema: Schema
    loaded: Loaded
    error: jsonschema.ValidationError

    @cached_property
    def path(self) -> JsonPath:
        return tuple(self.error.absolute_path)

    @cached_property
    def here(self) -> dict[str, Any]:
        return self.schema.at(self.path)

    @property
    def key(self) -> str | int | None:
        return self.path[-1] if self.path else None

    @property
    def value(self) -> Any:
        return self.error.instance

    @property
    def limit(self) -> Any:
        return self.error.validator_value

    @property
    def label(self) -> str:
        return _label(self.here, self.path)

    @property
    def shown(self) -> str:
        return _describe_value(self.value)

    @property
    def help(self) -> str:
        return str(self.here.get("description", ""))

    def example(self) -> str:
        """The schema's example, its dates moved into the document's own year: a 2027 file
        is never told to write a 2023 date."""
        text = _example(self.here, self.key)
        year = year_written(self.loaded.data)
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2199:
            return text
        return _EXAMPLE_DATE.sub(str(year), text)

    def problem(self, rule: str, message: str, hint: str) -> Problem:
        return Problem(self.rel, self.loaded.line_of(self.path), rule, message, hint)


_EXAMPLE_DATE = re.compile(r"\b(?:19|20|21)\d{2}(?=-\d{2}-\d{2})")
_Handler = Callable[[_Failure], Iterator[Problem]]


def _describe(
    rel: str, schema: Schema, loaded: Loaded, error: jsonschema.ValidationError
) -> Iterator[Problem]:
    failure = _Failure(rel, schema, loaded, error)
    keyword = str(error.validator)
    if keyword in ("oneOf", "anyOf", "enum", "const") and _choices(failure.here) is not None:
        yield from _choice(failure)
    elif keyword == "oneOf" and _required_alternatives(error.schema):
        yield from _one_of(failure)
    elif keyword in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match  # loaded already: errors came from it

        yield from _describe(rel, schema, loaded, best_match(error.context))
    else:
        yield from _HANDLERS.get(keyword, _other)(failure)


def _required(f: _Failure) -> Iterator[Problem]:
    missing = re.findall(r"'([^']+)' is a required property", f.error.message)
    for name in missing:
        child = f.schema.at((*f.path, name))
        yield f.problem(
            "schema.required",
            f"Thiếu mục {_label(child, (*f.path, name))}",
            _join(f"Thêm dòng `{name}: …`", child.get("description", ""), _example(child, name)),
        )


def _additional(f: _Failure) -> Iterator[Problem]:
    if not isinstance(f.value, dict):
        yield from _other(f)
        return
    allowed = list(f.here.get("properties", {}))
    title = f.schema.document.get("title", "")
    for name in [k for k in f.value if k not in allowed]:
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        yield Problem(
            f.rel,
            f.loaded.line_of((*f.path, name)),
            "schema.additionalProperties",
            f"Mục «{name}» không có trong mẫu {title}".rstrip(),
            f"Có phải là «{close[0]}»? Sửa lại tên mục"
            if close
            else "Xóa dòng này; các mục được phép: " + ", ".join(allowed),
        )


def _choice(f: _Failure) -> Iterator[Problem]:
    listed = ", ".join(f"{c} ({t})" if t else str(c) for c, t in _choices(f.here) or [])
    yield f.problem(
        "schema.choice",
        f"{f.label} chưa chọn"
        if f.value is None
        else f"{f.label} không thuộc danh sách cho phép, {f.shown}",
        f"Chọn một trong: {listed}",
    )


def _one_of(f: _Failure) -> Iterator[Problem]:
    alternatives = _required_alternatives(f.error.schema) or []
    yield f.problem(
        "schema.one-of",
        f"{f.label} cần đúng một trong các mục: {', '.join(alternatives)}",
        "Ghi một mục (không ghi cả hai, không bỏ trống cả hai)",
    )


def _type(f: _Failure) -> Iterator[Problem]:
    wanted: Any = f.limit
    names: list[str] = [wanted] if isinstance(wanted, str) else list(wanted)
    expected = " hoặc ".join(_TYPE_NAMES.get(n, n) for n in names)
    if f.value is None:
        hint = _join("Điền nội dung sau dấu `:`", f.help, _type_hint(f, names))
        yield f.problem("schema.empty", f"{f.label} chưa điền", hint)
        return
    yield f.problem(
        "schema.type",
        f"{f.label} phải là {expected}, {f.shown}",
        _type_hint(f, names) or _join(f.help, f"Viết {expected}"),
    )


def _type_hint(f: _Failure, names: list[str]) -> str:
    hint = f.example()
    if "string" in names and isinstance(f.value, int | float | bool):
        hint = _join("Đặt giá trị trong ngoặc kép", hint)
    if "boolean" in names and isinstance(f.value, str):
        hint = "Viết true (có) hoặc false (không)"
    if "array" in names:
        hint = _join("Viết mỗi ý một dòng, bắt đầu bằng `- ` và thụt vào hai dấu cách", hint)
    if "object" in names:
        hint = _join("Viết các mục con ở những dòng dưới, thụt vào hai dấu cách", hint)
    return hint


_DAY_FIRST = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*\Z")
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _format(f: _Failure) -> Iterator[Problem]:
    day_first = _DAY_FIRST.match(f.value) if isinstance(f.value, str) else None
    if f.limit == "date" and day_first:
        # 28/2/2027 is a real date written the Vietnamese way: say how to write it here.
        d, m, y = day_first.groups()
        yield f.problem(
            "schema.format.date",
            f"{f.label} viết sai dạng, {f.shown}",
            f"Viết dạng NĂM-THÁNG-NGÀY: {y}-{int(m):02d}-{int(d):02d}",
        )
    elif f.limit == "date" and not (isinstance(f.value, str) and _ISO_SHAPE.match(f.value)):
        yield f.problem(
            "schema.format.date",
            f"{f.label} viết sai dạng, {f.shown}",
            _join("Viết dạng NĂM-THÁNG-NGÀY", f.example()),
        )
    elif f.limit == "date":
        yield f.problem(
            "schema.format.date",
            f"{f.label} không phải ngày có thật, {f.shown}",
            _join("Viết dạng NĂM-THÁNG-NGÀY", f.example()),
        )
    else:
        yield f.problem(
            "schema.format.date-time",
            f"{f.label} không phải thời điểm có thật, {f.shown}",
            _join("Viết dạng NĂM-THÁNG-NGÀYTgiờ:phút:giây+07:00", f.example()),
        )


def _pattern(f: _Failure) -> Iterator[Problem]:
    if f.here.get("format") == "date-time":
        yield f.problem(
            "schema.pattern",
            f"{f.label} thiếu múi giờ, {f.shown}",
            "Thêm múi giờ Việt Nam +07:00 ở cuối, ví dụ 2023-02-28T23:59:59+07:00",
        )
    else:
        yield f.problem(
            "schema.pattern",
            f"{f.label} viết không đúng dạng, {f.shown}",
            _join(f.help, f.example()),
        )


def _min_length(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        "schema.minLength",
        f"{f.label} quá ngắn (cần ít nhất {f.limit} ký tự)",
        _join("Viết đầy đủ hơn", f.help),
    )


def _max_length(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        "schema.maxLength",
        f"{f.label} quá dài ({len(f.value)} ký tự, tối đa {f.limit})",
        "Rút gọn nội dung",
    )


def _min_items(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        "schema.minItems",
        f"{f.label} cần ít nhất {f.limit} dòng, đang có {len(f.value)}",
        _join("Mỗi dòng bắt đầu bằng `- `", f.help),
    )


def _max_items(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        "schema.maxItems",
        f"{f.label} cần nhiều nhất {f.limit} dòng, đang có {len(f.value)}",
        _join("Mỗi dòng bắt đầu bằng `- `", f.help),
    )


def _multiple_of(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        "schema.multipleOf",
        f"{f.label} phải là bội số của {f.limit:g}, {f.shown}",
        _join(f.help, f.example()),
    )


def _const(f: _Failure) -> Iterator[Problem]:
    wanted = _yaml_scalar(f.limit)
    yield f.problem(
        "schema.const",
        f"{f.label} phải là {wanted}, {f.shown}",
        _join(f"Viết `{f.key}: {wanted}`" if isinstance(f.key, str) else "", f.help),
    )


def _min_properties(f: _Failure) -> Iterator[Problem]:
    if not isinstance(f.value, dict):
        yield from _other(f)
        return
    yield f.problem(
        "schema.minProperties",
        f"{f.label} cần ít nhất {f.limit} mục, đang có {len(f.value)}",
        _join("Viết các mục con ở những dòng dưới, thụt vào hai dấu cách", f.help),
    )


def _range(f: _Failure) -> Iterator[Problem]:
    yield f.problem(
        _RANGE_RULES[str(f.error.validator)],
        f"{f.label} nằm ngoài khoảng cho phép, {f.shown}",
        _join(_bounds(f.here), f.example()),
    )


_RANGE_RULES = {
    "minimum": "schema.minimum",
    "maximum": "schema.maximum",
    "exclusiveMinimum": "schema.exclusiveMinimum",
    "exclusiveMaximum": "schema.exclusiveMaximum",
}


def _other(f: _Failure) -> Iterator[Problem]:
    """A keyword the schemas use rarely: said plainly, with the field's help."""
    keyword = f.error.validator
    yield f.problem(
        f"schema.{keyword}",
        f"{f.label} không đúng mẫu ({keyword})",
        _join(f.help, f.example()),
    )


# One handler per JSON Schema keyword, as check-peps keeps one check per header.
_HANDLERS: dict[str, _Handler] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "format": _format,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "multipleOf": _multiple_of,
    "const": _const,
    "minProperties": _min_properties,
    **dict.fromkeys(_RANGE_RULES, _range),
}


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
