"""Commented templates written from the schemas (`sangtao new`): a clerk fills in the blanks.

Every field appears with its Vietnamese title and help as a comment. Required fields are left
empty, so that a template nobody filled in fails the check with "Điền nội dung" rather than
passing with placeholder text; optional fields are commented out.
"""

from __future__ import annotations

import json
from typing import Any

from sangtao.validation import Schema

INDENT = "  "


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _help(node: dict[str, Any], required: bool) -> list[str]:
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
        lines.append(f"Ví dụ: {_scalar(node['examples'][0])}")
    if node.get("format") == "date":
        lines.append("Viết dạng NĂM-THÁNG-NGÀY")
    if node.get("type") == "string" and node.get("maxLength", 0) > 1000:
        lines.append("Nhiều dòng: viết `|` sau dấu hai chấm, xuống dòng, thụt vào 2 dấu cách")
    return lines


def render_template(schema: Schema, prefilled: dict[str, Any], header: list[str]) -> str:
    """The YAML text of a new document of ``schema``, with ``prefilled`` values filled in."""
    out = [f"# {line}" for line in header]
    out.append("")
    _object(schema, (), schema.at(()), prefilled, 0, True, out)
    return "\n".join(out) + "\n"


def _object(
    schema: Schema,
    path: tuple[str | int, ...],
    node: dict[str, Any],
    prefilled: dict[str, Any],
    depth: int,
    active: bool,
    out: list[str],
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
        for line in _help(child, is_required):
            out.append(f"{INDENT * depth}# {line}")
        pad = INDENT * depth + comment
        kind = child.get("type")
        if kind == "object" or "properties" in child:
            out.append(f"{pad}{key}:")
            _object(schema, (*path, key), child, prefilled.get(key, {}), depth + 1, on, out)
        elif kind == "array":
            out.append(f"{pad}{key}:")
            items = schema.at((*path, key, 0))
            if items.get("type") == "object" or "properties" in items:
                _item(schema, (*path, key, 0), items, depth + 1, on, out)
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
) -> None:
    """One list item showing an object's shape: the fields' help first, then `- field:` lines."""
    required = set(node.get("required", []))
    fields = list(node.get("properties", {}))
    for key in fields:
        for line in _help(schema.at((*path, key)), key in required):
            out.append(f"{INDENT * depth}# {key} — {line}")
    first = True
    for key in fields:
        on = active and key in required
        lead = "- " if first else INDENT
        comment = "" if on else "# "
        out.append(f"{INDENT * depth}{comment}{lead}{key}:")
        first = False
