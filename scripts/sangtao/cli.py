"""The command line: ``sangtao <command>``. Each command is a function returning an exit code.

Exit codes: 0 clean, 1 problems found, 2 usage or environment (bad option, not a repository,
shallow clone), 3 an internal bug (the only case with a traceback, saved to a file).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from sangtao import __version__
from sangtao.corpus import find_root, read_corpus
from sangtao.pipeline import parse_now, take_snapshot
from sangtao.problems import FatalError
from sangtao.reporter import FORMATS, render
from sangtao.status_json import cycle_json
from sangtao.text_status import status_text


def check(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    corpus = read_corpus(root)
    problems = corpus.problems
    if args.paths:
        wanted = {_relative(root, p) for p in args.paths}
        problems = [p for p in problems if p.path in wanted]
    print(render(problems, len(corpus.files), args.format))
    return 1 if problems else 0


def status(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    snapshot = take_snapshot(root, parse_now(args.now))
    years = [args.cycle] if args.cycle else sorted(snapshot.statuses)
    missing = [y for y in years if y not in snapshot.statuses]
    if missing:
        raise FatalError(f"Không có đợt năm {missing[0]} (thiếu submissions/{missing[0]}/dot.yaml)")
    if args.format == "json":
        payload = [cycle_json(snapshot.statuses[y]) for y in years]
        print(json.dumps(payload[0] if args.cycle else payload, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(status_text(snapshot.statuses[y]) for y in years))
    return 0


def _relative(root: Path, path: str) -> str:
    candidate = Path(path)
    absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return candidate.as_posix()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sangtao",
        description="Đăng ký, theo dõi và thẩm định mô hình mới, cách làm sáng tạo.",
    )
    parser.add_argument("--version", action="version", version=f"sangtao {__version__}")
    parser.add_argument("--root", help="thư mục gốc của kho (mặc định: tìm từ thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = commands.add_parser("check", help="kiểm tra mọi tệp trong submissions/")
    p.add_argument("paths", nargs="*", metavar="TỆP", help="chỉ báo lỗi của các tệp này")
    p.add_argument("--format", choices=FORMATS, default="text", help="dạng kết quả")
    p.set_defaults(func=check)

    p = commands.add_parser("status", help="tình hình nộp hồ sơ của từng đơn vị")
    p.add_argument("--cycle", type=int, metavar="NĂM", help="chỉ một đợt")
    p.add_argument("--now", metavar="ISO8601", help="tính như thể lúc này là thời điểm đã cho")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except FatalError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug of ours, never the submitter's fault
        with tempfile.NamedTemporaryFile(
            "w", prefix="sangtao-loi-", suffix=".log", delete=False, encoding="utf-8"
        ) as log:
            traceback.print_exc(file=log)
        traceback.print_exc()
        print(
            f"Lỗi nội bộ của sangtao (không phải lỗi của hồ sơ). Chi tiết: {log.name}. "
            "Xin báo cho Ban Tổ chức Huyện ủy.",
            file=sys.stderr,
        )
        return 3
