"""Every rule id of the package with its message and hint, read from the source itself.

A rule is written where it fires: its id as a string literal, followed by its message and its
hint, as the arguments of ``Problem``, ``Finding``, ``LoadError``, ``Misplaced`` or a returned
``(rule, message, hint)`` triple. This module finds those triples in the syntax tree, so the
list cannot drift from the code and nobody writes a message twice. Parts of a message that are
computed (a value, a field name) are shown as «…».

``python -m sangtao.catalog PAGE`` writes the rules page (docs/tai-lieu/quy-tac.md);
``--check`` only compares and exits 1 when the page is stale, as `make test` does.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sangtao.layout import Kind

PACKAGE = Path(__file__).resolve().parent
# A rule id: family.name, lower case with hyphens; a literal like "dot.yaml" is a file name.
RULE_ID = re.compile(r"[a-z]+(?:\.[A-Za-z0-9-]+|\.…)+\Z")
FILE_SUFFIXES = {"yaml", "yml", "json", "md", "py", "pdf", "jpg", "jpeg", "png", "html", "txt"}
MAX_VARIANTS = 4  # of one message: past this, the computed parts say enough
FAMILIES = {
    "yaml": "Bộ đọc YAML",
    "layout": "Đường dẫn, tên thư mục và tệp",
    "schema": "Mẫu văn bản (JSON Schema)",
    Kind.ROSTER: "Danh sách đơn vị",
    Kind.CYCLE: "Đợt, thời hạn, sổ tiếp nhận",
    "appraisal": "Tổ thẩm định",
    Kind.REGISTRATION: "Bản đăng ký",
    Kind.PROGRESS: "Báo cáo tiến độ",
    Kind.REPORT: "Báo cáo kết quả",
    Kind.EVIDENCE: "Minh chứng",
    Kind.ANSWERS: "Trả lời khó khăn",
    Kind.SCORE: "Phiếu chấm",
    "gate": "Cổng kiểm tra yêu cầu gộp",
    "codeowners": "CODEOWNERS",
}


@dataclass(frozen=True, order=True)
class Entry:
    """One way a rule fires: its id, the message and hint with computed parts as «…»."""

    rule: str
    module: str
    message: str
    hint: str


def catalogue(package: Path = PACKAGE) -> list[Entry]:
    """Every (rule, message, hint) written in the package, sorted, without repeats."""
    entries: set[Entry] = set()
    for path in sorted(package.rglob("*.py")):
        if path.name == "catalog.py":
            continue
        module = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        entries.update(_entries(tree, module))
    return sorted(entries)


def _entries(tree: ast.Module, module: str) -> Iterator[Entry]:
    yield from _scope(tree.body, _Names(tree.body), module)


def _scope(body: list[ast.stmt], names: _Names, module: str) -> Iterator[Entry]:
    """The triples written in one function (or at module level), with the names it assigns;
    an inner function sees its own names, then those of the functions around it."""
    for node in _walk_scope(body):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _scope(node.body, names.inner(node.body), module)
            continue
        if isinstance(node, ast.Call):
            items = node.args
        elif isinstance(node, ast.Tuple):
            items = node.elts
        else:
            continue
        for index, item in enumerate(items[: len(items) - 2]):
            for rule in _rule_ids(item, names):
                for message, hint in _pairs(items[index + 1], items[index + 2], names):
                    yield Entry(rule, module, message, hint)


def _pairs(message: ast.expr, hint: ast.expr, names: _Names) -> Iterator[tuple[str, str]]:
    """The (message, hint) pairs; `for needle, message, hint in TABLE` keeps a table's rows
    together instead of pairing every message with every hint."""
    if isinstance(message, ast.Name) and isinstance(hint, ast.Name):
        rows = names.rows(message.id, hint.id)
        if rows:
            for row_message, row_hint in rows:
                yield from itertools.product(_texts(row_message, names), _texts(row_hint, names))
            return
    yield from itertools.product(_texts(message, names), _texts(hint, names))


def _walk_scope(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of a body, stopping at (but yielding) the functions defined in it."""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            todo.extend(ast.iter_child_nodes(node))


def _rule_ids(node: ast.expr, names: _Names) -> list[str]:
    if isinstance(node, ast.IfExp):
        return _rule_ids(node.body, names) + _rule_ids(node.orelse, names)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        # _RANGE_RULES[keyword]: every value of a table of ids written as a dict literal
        tables = [v for v in names.assigned.get(node.value.id, []) if isinstance(v, ast.Dict)]
        return [rule for table in tables for v in table.values for rule in _rule_ids(v, names)]
    text = _literal(node)
    if text is None or not RULE_ID.match(text) or text.rsplit(".", 1)[-1] in FILE_SUFFIXES:
        return []
    return [text]


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # f"schema.{keyword}": a family of ids
        return "".join(_literal(v) or "…" for v in node.values if isinstance(v, ast.expr))
    return None


class _Names:
    """What a name was assigned in a scope, then in the scopes around it: `message = …`
    before `Problem(…, message, …)`."""

    def __init__(self, body: list[ast.stmt], outer: _Names | None = None) -> None:
        self.assigned: dict[str, list[ast.expr]] = {}
        for node in _walk_scope(body):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name):
                self.assigned.setdefault(target.id, []).append(value)
        self.loops: list[tuple[list[str], ast.expr]] = []
        for node in _walk_scope(body):
            if isinstance(node, ast.For) and isinstance(node.target, ast.Tuple):
                targets = [t.id if isinstance(t, ast.Name) else "" for t in node.target.elts]
                self.loops.append((targets, node.iter))
        for name, values in (outer.assigned if outer else {}).items():
            self.assigned.setdefault(name, values)

    def rows(self, first: str, second: str) -> list[tuple[ast.expr, ast.expr]]:
        """The rows of a literal table that a loop unpacks into ``first`` and ``second``."""
        for targets, source in self.loops:
            if first in targets and second in targets and isinstance(source, ast.Name):
                i, j = targets.index(first), targets.index(second)
                tables = self.assigned.get(source.id, [])
                return [
                    (row.elts[i], row.elts[j])
                    for table in tables
                    if isinstance(table, ast.Tuple | ast.List)
                    for row in table.elts
                    if isinstance(row, ast.Tuple) and len(row.elts) == len(targets)
                ]
        return []

    def inner(self, body: list[ast.stmt]) -> _Names:
        return _Names(body, self)


def _texts(node: ast.expr, names: _Names, depth: int = 0) -> list[str]:
    """The ways an expression of text reads, computed parts as «…»."""
    if depth > 4:
        return ["…"]
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else ["…"]
    if isinstance(node, ast.JoinedStr):
        parts = [
            _texts(v, names, depth + 1) if isinstance(v, ast.Constant) else ["…"]
            for v in node.values
        ]
        return _combine(parts)
    if isinstance(node, ast.IfExp):
        return _texts(node.body, names, depth + 1) + _texts(node.orelse, names, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _combine([_texts(node.left, names, depth + 1), _texts(node.right, names, depth + 1)])
    if isinstance(node, ast.Name) and node.id in names.assigned:
        found = [t for v in names.assigned[node.id] for t in _texts(v, names, depth + 1)]
        return list(dict.fromkeys(found))[:MAX_VARIANTS]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("strip", "rstrip", "lstrip"):  # "… {title}".rstrip()
            return _texts(node.func.value, names, depth + 1)
        return ["…"]
    if isinstance(node, ast.Call) and any(
        isinstance(a, ast.Constant | ast.JoinedStr) for a in node.args
    ):
        # _join("Viết …", description): the parts written here, joined as the helper joins them
        shown = [
            t for a in node.args for t in _texts(a, names, depth + 1)[:1] if t not in ("…", "")
        ]
        return ["; ".join(shown) or "…"]
    return ["…"]


def _combine(parts: list[list[str]]) -> list[str]:
    joined = ["".join(p) for p in itertools.product(*parts)]
    return list(dict.fromkeys(re.sub(r"(…\s*)+…", "…", j) for j in joined))[:MAX_VARIANTS]


def render(entries: list[Entry]) -> str:
    """The rules page, in Markdown."""
    out = [
        "# Mã lỗi và lời báo",
        "",
        "> Trang này sinh tự động từ mã nguồn (`make docs`, tức "
        "`python -m sangtao.catalog docs/tai-lieu/quy-tac.md`); đừng sửa tay. `make test` báo "
        "lỗi khi trang này không còn khớp với mã nguồn.",
        "",
        "Mỗi lỗi mà `sangtao check` và cổng kiểm tra báo đều có một **mã** (cột `rule` trong "
        "`sangtao check --format json`), một lời báo và một cách sửa. Phần «…» là phần được điền "
        "khi báo: tên mục, giá trị đang viết, mã đơn vị, ngày giờ. Một mã có thể có vài lời báo, "
        "tùy trường hợp.",
        "",
    ]
    by_family: dict[str, list[Entry]] = {}
    for entry in entries:
        by_family.setdefault(entry.rule.split(".", 1)[0], []).append(entry)
    for family in sorted(
        by_family, key=lambda f: (list(FAMILIES).index(f) if f in FAMILIES else 99, f)
    ):
        ids = sorted({e.rule for e in by_family[family]})
        out += [f"## {FAMILIES.get(family, family)} (`{family}.…`)", ""]
        out += [f"{len(ids)} mã.", ""]
        out += ["| Mã | Lời báo | Cách sửa | Nơi |", "|---|---|---|---|"]
        for e in by_family[family]:
            out.append(f"| `{e.rule}` | {_cell(e.message)} | {_cell(e.hint)} | `{e.module}` |")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    """A table cell: the text as the clerk reads it (`<năm>` is not an HTML tag here)."""
    if not text:
        return "—"
    parts = text.replace("|", "\\|").replace("\n", " ").split("`")
    for i in range(0, len(parts), 2):  # outside code spans: no raw HTML, no emphasis
        parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
    return "`".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Trang mã lỗi, sinh từ mã nguồn.")
    parser.add_argument("page", type=Path, help="tệp Markdown, ví dụ docs/tai-lieu/quy-tac.md")
    parser.add_argument("--check", action="store_true", help="chỉ so sánh; mã thoát 1 nếu đã cũ")
    parser.add_argument("--package", type=Path, default=PACKAGE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    text = render(catalogue(args.package)) + "\n"
    current = args.page.read_text(encoding="utf-8") if args.page.is_file() else None
    if args.check:
        if current != text:
            print(f"{args.page} đã cũ: chạy `make docs` rồi commit", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.page.write_text(text, encoding="utf-8")
        print(f"Đã ghi {args.page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
