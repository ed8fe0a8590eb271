"""Commented templates written from the schemas (`sangtao new`): a clerk fills in the blanks.

Every field appears with its Vietnamese title and help as a comment. Required fields are left
empty, so that a template nobody filled in fails the check with "Điền nội dung" rather than
passing with placeholder text; optional fields are commented out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from sangtao.labels import vn_number
from sangtao.layout import Kind
from sangtao.model import Criterion, Level
from sangtao.validation import Schema

INDENT = "  "


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _in_year(example: Any, year: int | None) -> Any:
    """A date example moved into the cycle's year: a 2027 file shows 2027 dates."""
    if year is None or not isinstance(example, str):
        return example
    return re.sub(r"^\d{4}(?=-\d{2}-\d{2})", str(year), example)


def _help(node: dict[str, Any], required: bool, year: int | None = None) -> list[str]:
    title = node.get("title", "")
    description = node.get("description", "")
    tag = "bắt buộc" if required else "không bắt buộc"
    lines = [f"{title} ({tag}): {description}".strip()]
    choices = [b for b in node.get("oneOf", []) if isinstance(b, dict) and "const" in b]
    if choices:
        lines.append(
            "Chọn một: " + "; ".join(f"{b['const']} = {b.get('title', '')}" for b in choices)
        )
    elif node.get("examples"):
        lines.append(f"Ví dụ: {_scalar(_in_year(node['examples'][0], year))}")
    if node.get("format") == "date":
        lines.append("Viết dạng NĂM-THÁNG-NGÀY")
    if node.get("type") == "string" and node.get("maxLength", 0) > 1000:
        lines.append("Nhiều dòng: viết `|` sau dấu hai chấm, xuống dòng, thụt vào 2 dấu cách")
    return lines


def prefilled(
    kind: Kind,
    unit: str,
    year: int,
    person: str | None = None,
    day: str | None = None,
    appraiser: str | None = None,
) -> dict[str, object]:
    """What a new file of ``kind`` says already: its unit and year; a progress update's day; a
    person's registration their code; a score sheet its person and appraiser."""
    values: dict[str, object] = {"don_vi": unit, "nam": year}
    if kind == Kind.PROGRESS:
        values["ngay"] = day
    if kind == Kind.REGISTRATION and person:
        values["ca_nhan"] = {"ma": person}
    if kind == Kind.SCORE:
        if person:
            values["ca_nhan"] = person
        values["nguoi_cham"] = appraiser
    return values


def render_template(
    schema: Schema, prefilled: dict[str, Any], header: list[str], year: int | None = None
) -> str:
    """The YAML text of a new document of ``schema``, with ``prefilled`` values filled in;
    date examples in ``year``."""
    out = [f"# {line}" for line in header]
    out.append("")
    _object(schema, (), schema.at(()), prefilled, 0, True, out, year)
    return "\n".join(out) + "\n"


def render_score_template(
    schema: Schema,
    prefilled: dict[str, Any],
    header: list[str],
    criteria: Sequence[Criterion],
    levels: Sequence[Level],
    year: int,
) -> str:
    """A score sheet: the generic fields from the schema, and ``diem`` written out with one
    item per criterion of the cycle's rubric, its maximum and guidance as comments."""
    out = [f"# {line}" for line in header]
    out.append("")
    root = schema.at(())
    for key in root["properties"]:
        if key == "diem":
            node = schema.at(("diem",))
            out.append(f"# {node.get('title', '')} (bắt buộc): mỗi tiêu chí một mục, đủ tiêu chí.")
            out.append("diem:")
            for criterion in criteria:
                out.append(
                    f"  # {criterion.name}: từ 0 đến {criterion.maximum} điểm, chấm lẻ "
                    f"{vn_number(0.5)} điểm; nhận xét là lý do cho điểm."
                )
                for line in _wrap(criterion.guidance, 92):
                    out.append(f"  #   {line}")
                out += [f"  - tieu_chi: {criterion.code}", "    diem:", "    nhan_xet:"]
            out.append("")
            continue
        if key == "de_xuat_xep_loai" and levels:
            out.append(
                "# Các mức xếp loại của đợt: "
                + "; ".join(
                    f"{lv.code} = {lv.name} (từ {vn_number(lv.threshold)} điểm)" for lv in levels
                )
            )
        one = {**root, "properties": {key: root["properties"][key]}}
        _object(schema, (), one, prefilled, 0, True, out, year)
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _object(
    schema: Schema,
    path: tuple[str | int, ...],
    node: dict[str, Any],
    prefilled: dict[str, Any],
    depth: int,
    active: bool,
    out: list[str],
    year: int | None = None,
) -> None:
    required = set(node.get("required", []))
    if node.get("minProperties") and not required and node.get("properties"):
        # "at least one of": offer the first one open, the others commented out.
        required = {next(iter(node["properties"]))}
    for key in node.get("properties", {}):
        child = schema.at((*path, key))
        is_required = key in required
        if key in prefilled and not isinstance(prefilled[key], dict):
            out.append(f"{INDENT * depth}{key}: {_scalar(prefilled[key])}")
            continue
        on = active and (is_required or key in prefilled)
        comment = "" if on else "# "
        for line in _help(child, is_required, year):
            out.append(f"{INDENT * depth}# {line}")
        pad = INDENT * depth + comment
        kind = child.get("type")
        if kind == "object" or "properties" in child:
            out.append(f"{pad}{key}:")
            _object(schema, (*path, key), child, prefilled.get(key, {}), depth + 1, on, out, year)
        elif kind == "array":
            out.append(f"{pad}{key}:")
            items = schema.at((*path, key, 0))
            if items.get("type") == "object" or "properties" in items:
                _item(schema, (*path, key, 0), items, depth + 1, on, out, year)
            else:
                out.append(f"{pad}{INDENT}- ")
        elif kind == "boolean":
            out.append(f"{pad}{key}: false")
        else:
            out.append(f"{pad}{key}:")
        out.append("")


def _item(
    schema: Schema,
    path: tuple[str | int, ...],
    node: dict[str, Any],
    depth: int,
    active: bool,
    out: list[str],
    year: int | None = None,
) -> None:
    """One list item showing an object's shape: the fields' help first, then `- field:` lines."""
    required = set(node.get("required", []))
    fields = list(node.get("properties", {}))
    for key in fields:
        for line in _help(schema.at((*path, key)), key in required, year):
            out.append(f"{INDENT * depth}# {key} — {line}")
    first = True
    for key in fields:
        on = active and key in required
        lead = "- " if first else INDENT
        comment = "" if on else "# "
        out.append(f"{INDENT * depth}{comment}{lead}{key}:")
        first = False
