"""The command line: ``sangtao <command>``. Each command is a function returning an exit code.

Exit codes: 0 clean, 1 problems found, 2 usage or environment (bad option, not a repository,
shallow clone), 3 an internal bug (the only case with a traceback, saved to a file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sangtao import __version__
from sangtao.cli_words import vietnamese
from sangtao.codeowners import CODEOWNERS, home
from sangtao.codeowners import render as render_codeowners
from sangtao.collector import collector_paused
from sangtao.corpus import find_root, read_corpus
from sangtao.layout import CODE, ROSTER_FILE, SCHEMA_OF, Kind, path_of
from sangtao.model import TZ, Cycle, Roster
from sangtao.pipeline import parse_now, take_snapshot
from sangtao.problems import FatalError, Problem, sort_key
from sangtao.receive import FORMS, KINDS, Rejected, Request, receive
from sangtao.reporter import FORMATS, inert, render
from sangtao.review import check_tree
from sangtao.validation import SchemaSet

# Modules only some commands need are imported inside those commands, so that `sangtao check`
# on valid files starts with what it uses and no more (decision 80).


def check(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    now = parse_now(args.now)
    if args.actor and not args.base:
        raise FatalError("--actor chỉ dùng cùng --base (kiểm tra một yêu cầu gộp)")
    verdict = None
    notices: list[Problem] = []
    if args.base:
        from sangtao.review import review_change

        review = review_change(root, args.base, args.actor, now)
        tree, verdict = review.head, review.verdict
        problems, notices = review.blocking, review.notices
    else:
        tree = check_tree(root, now)
        problems = tree.problems
    if tree.note:
        print(f"Lưu ý: {tree.note}", file=sys.stderr)
    if args.paths:
        wanted = {_relative(root, p) for p in args.paths}
        problems = [p for p in problems if p.path in wanted]
        notices = [p for p in notices if p.path in wanted]
    problems = sorted(problems, key=sort_key)
    notices = sorted(notices, key=sort_key)
    files = len(tree.corpus.files)
    print(render(problems, files, args.format, notices))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        from sangtao.summary import render_summary

        with open(summary_file, "a", encoding="utf-8") as out:
            out.write(render_summary(problems, files, verdict, notices))
    return 1 if problems else 0


def codeowners(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    corpus = read_corpus(root)
    if corpus.roster is None:
        raise FatalError(f"{ROSTER_FILE} có lỗi: chạy `sangtao check` và sửa trước")
    top, prefix = home(root)  # the forge reads it at the top of the repository
    path = top / CODEOWNERS
    text = render_codeowners(corpus.roster, corpus.cycle_rosters, prefix)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        print(f"{path} đã khớp với danh sách quản trị.")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Đã ghi {path} ({len(corpus.roster.admins)} tài khoản quản trị).")
    return 0


def status(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    snapshot = take_snapshot(root, parse_now(args.now))
    if snapshot.corpus.roster is None and not snapshot.corpus.cycle_rosters:
        raise FatalError(f"{ROSTER_FILE} có lỗi hoặc chưa có: chạy `sangtao check` và sửa trước")
    years = [args.cycle] if args.cycle else sorted(snapshot.statuses)
    missing = [y for y in years if y not in snapshot.statuses]
    if missing:
        raise FatalError(f"Không có đợt năm {missing[0]} (thiếu {path_of(Kind.CYCLE, missing[0])})")
    if args.format == "json":
        from sangtao.status_json import OUTLINE_DEPTH, cycle_json, write_json

        payload = [cycle_json(snapshot.statuses[y], units_as_made=True) for y in years]
        write_json(
            payload[0] if args.cycle else payload,
            sys.stdout.write,
            OUTLINE_DEPTH + (not args.cycle),
        )
        print()
    else:
        from sangtao.text_status import status_text

        print("\n\n".join(status_text(snapshot.statuses[y]) for y in years))
    return 0


NEW_KINDS = {  # kind → the title of its template; the schema comes from layout.SCHEMA_OF
    Kind.REGISTRATION: "Bản đăng ký mô hình mới, cách làm sáng tạo",
    Kind.PROGRESS: "Báo cáo tiến độ thực hiện mô hình",
    Kind.REPORT: "Báo cáo kết quả thực hiện mô hình",
    Kind.SCORE: "Phiếu chấm điểm mô hình",
}


def new(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    corpus = read_corpus(root)
    now = parse_now(args.now)
    year = args.cycle or max(corpus.cycles, default=now.year)
    if year not in corpus.cycles:
        raise FatalError(f"Không có đợt năm {year} (thiếu {path_of(Kind.CYCLE, year)})")
    roster = corpus.roster_for(year)
    if roster is None:
        raise FatalError("Danh sách đơn vị (don-vi.yaml) có lỗi: chạy `sangtao check` và sửa trước")
    if args.unit not in roster.by_code:
        raise FatalError(f"Không có đơn vị «{args.unit}» trong danh sách đơn vị của đợt {year}")
    if args.person is not None and not CODE.match(args.person):
        raise FatalError(
            f"Mã cá nhân «{args.person}» phải viết chữ thường không dấu, nối bằng gạch ngang"
        )
    if args.kind == Kind.SCORE:
        return _new_score(root, corpus.cycles[year], roster, args)
    from sangtao.templates import prefilled, render_template

    schema_name, title = SCHEMA_OF[args.kind], NEW_KINDS[args.kind]
    today = now.astimezone(TZ).date().isoformat()
    prefill = prefilled(args.kind, args.unit, year, args.person, today)
    rel = path_of(
        args.kind, year, args.unit, args.person, today if args.kind == Kind.PROGRESS else None
    )
    path = root / rel
    if path.exists():
        raise FatalError(f"Tệp {rel} đã có; không ghi đè. Sửa thẳng tệp đó")
    unit = roster.by_code[args.unit]
    header = [
        f"{title} — {unit.name}, năm {year}",
        "Điền vào sau mỗi dấu hai chấm. Dòng bắt đầu bằng # là hướng dẫn, không cần xóa.",
        "Mục «không bắt buộc» đang bị ẩn bằng dấu #: muốn dùng thì xóa dấu # ở đầu dòng.",
        f"Kiểm tra: sangtao check {rel}",
    ]
    text = render_template(SchemaSet(root / "schema")[schema_name], prefill, header, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Đã tạo {rel}. Mở tệp, điền nội dung rồi chạy `sangtao check {rel}`.")
    return 0


def receive_command(args: argparse.Namespace) -> int:
    root = find_root(Path(args.root) if args.root else None)
    request = Request(
        source=Path(args.file),
        unit=args.unit,
        at=args.at,
        form=args.form,
        recorder=args.recorder,
        incoming=args.incoming,
        letter=args.letter,
        note=args.note,
        person=args.person,
        kind=args.kind,
    )
    try:
        done = receive(root, request, parse_now(args.now))
    except Rejected as rejected:
        print(render(rejected.problems, 1, "text"), file=sys.stderr)
        print("Chưa ghi gì: sửa tệp rồi chạy lại lệnh.", file=sys.stderr)
        return 1
    print(f"Đã đặt tệp tại {done.rel}.")
    print(f"Đã ghi sổ tiếp nhận ở dòng {done.line} của {done.cycle_rel}.")
    print(f"Trạng thái khi nhận: {done.state}.")
    for warning in done.warnings:
        print(f"Lưu ý: {warning}.")
    print(
        f"Tiếp theo: git add {done.rel} {done.cycle_rel}, commit và mở yêu cầu gộp "
        "(tài khoản quản trị)."
    )
    return 0


def _new_score(root: Path, cycle: Cycle, roster: Roster, args: argparse.Namespace) -> int:
    """An appraiser's score sheet: one item per criterion of the cycle's rubric."""
    appraisal = cycle.appraisal
    if appraisal is None:
        raise FatalError(f"Đợt {cycle.year} chưa có mục tham_dinh (tiêu chí, Tổ thẩm định)")
    members = ", ".join(m.account for m in appraisal.team)
    if not args.appraiser:
        raise FatalError(f"Ghi tài khoản người chấm: --nguoi-cham, một trong {members}")
    member = appraisal.member(args.appraiser)
    if member is None:
        raise FatalError(f"«{args.appraiser}» không có trong Tổ thẩm định của đợt ({members})")
    if member.conflicted(args.unit):
        raise FatalError(
            f"{member.name} không chấm {args.unit}: đơn vị sinh hoạt hoặc đã khai xung đột"
        )
    from sangtao.templates import prefilled, render_score_template

    rel = path_of(Kind.SCORE, cycle.year, args.unit, args.person, member.account)
    path = root / rel
    if path.exists():
        raise FatalError(f"Tệp {rel} đã có; không ghi đè. Sửa thẳng tệp đó")
    prefill = prefilled(Kind.SCORE, args.unit, cycle.year, args.person, appraiser=member.account)
    unit = roster.by_code[args.unit]
    header = [
        f"Phiếu chấm điểm — {unit.name}"
        + (f", mô hình của cá nhân {args.person}" if args.person else "")
        + f", năm {cycle.year}",
        f"Người chấm: {member.name}, {member.position}. Tổng điểm tối đa: {appraisal.maximum}.",
        "Điền điểm và nhận xét sau mỗi dấu hai chấm. Dòng bắt đầu bằng # là hướng dẫn.",
        f"Kiểm tra: sangtao check {rel}",
    ]
    text = render_score_template(
        SchemaSet(root / "schema")[SCHEMA_OF[Kind.SCORE]],
        prefill,
        header,
        appraisal.criteria,
        appraisal.classification,
        cycle.year,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Đã tạo {rel}. Mở tệp, chấm từng tiêu chí rồi chạy `sangtao check {rel}`.")
    return 0


def merge_command(args: argparse.Namespace) -> int:
    from sangtao.merge import MalformedInput, merge

    try:
        merged = merge([Path(p) for p in args.files], args.cycle)
    except MalformedInput as malformed:
        print(inert(malformed.problem.text()), file=sys.stderr)
        return 1
    print(json.dumps(merged, ensure_ascii=False, indent=2))
    return 0


def _relative(root: Path, path: str) -> str:
    candidate = Path(path)
    absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return candidate.as_posix()


def year(text: str) -> int:
    """A cycle's year on the command line."""
    if not text.isdigit() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"«{text}» không phải một năm, ví dụ 2027")
    return int(text)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "new", help="tạo tệp mẫu để điền (đăng ký, tiến độ, báo cáo, phiếu chấm)"
    )
    p.add_argument(
        "kind",
        choices=list(NEW_KINDS),
        metavar="LOẠI",
        help="registration | progress | report | score",
    )
    p.add_argument("--unit", required=True, metavar="MÃ_ĐƠN_VỊ", help="mã đơn vị, ví dụ loc-an")
    p.add_argument(
        "--person", metavar="MÃ_CÁ_NHÂN", help="mô hình của cá nhân, ví dụ nguyen-thi-lan"
    )
    p.add_argument(
        "--nguoi-cham",
        dest="appraiser",
        metavar="TÀI_KHOẢN",
        help="phiếu chấm: tài khoản của thành viên Tổ thẩm định",
    )
    p.add_argument("--cycle", type=year, metavar="NĂM", help="mặc định: đợt mới nhất")
    p.add_argument(
        "--now", metavar="ISO8601", help="ngày dùng cho báo cáo tiến độ (mặc định: hôm nay)"
    )
    p.set_defaults(func=new)


def _add_receive(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "receive", help="nhận hồ sơ giấy, thư điện tử: đặt tệp và ghi sổ tiếp nhận một lần"
    )
    p.add_argument("file", metavar="TỆP", help="tệp YAML đã nhập từ bản giấy hoặc thư")
    p.add_argument("--unit", required=True, metavar="MÃ_ĐƠN_VỊ", help="đơn vị gửi văn bản")
    p.add_argument(
        "--at", required=True, metavar="THỜI_ĐIỂM", help="lúc văn bản đến, ví dụ 2027-02-20T09:30"
    )
    p.add_argument("--form", required=True, choices=list(FORMS), help="cách văn bản đến")
    p.add_argument("--so-van-ban", dest="letter", metavar="SỐ", help="số, ký hiệu văn bản")
    p.add_argument("--so-den", dest="incoming", metavar="SỐ", help="số vào sổ công văn đến")
    p.add_argument("--nguoi-ghi", dest="recorder", metavar="TÀI_KHOẢN", help="tài khoản quản trị")
    p.add_argument("--ghi-chu", dest="note", metavar="CHỮ", help="ghi chú của dòng sổ")
    p.add_argument("--person", metavar="MÃ_CÁ_NHÂN", help="mô hình của cá nhân")
    p.add_argument("--loai", dest="kind", choices=list(KINDS), help="mặc định: theo nội dung tệp")
    p.add_argument("--now", metavar="ISO8601", help="giờ so sánh (mặc định: đồng hồ máy)")
    p.set_defaults(func=receive_command)


def build_parser() -> argparse.ArgumentParser:
    """The command line; build it inside ``cli_words.vietnamese()`` for argparse's own words."""
    parser = argparse.ArgumentParser(
        prog="sangtao",
        description="Đăng ký, theo dõi và thẩm định mô hình mới, cách làm sáng tạo.",
    )
    parser.add_argument(
        "--version", action="version", version=f"sangtao {__version__}", help="in số phiên bản"
    )
    parser.add_argument(
        "--root", metavar="THƯ_MỤC", help="thư mục gốc của kho (mặc định: tìm từ thư mục hiện tại)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = commands.add_parser("check", help="kiểm tra mọi tệp trong submissions/")
    p.add_argument("paths", nargs="*", metavar="TỆP", help="chỉ báo lỗi của các tệp này")
    p.add_argument("--format", choices=FORMATS, default="text", help="dạng kết quả")
    p.add_argument(
        "--base", metavar="NHÁNH", help="kiểm tra thay đổi so với nhánh gốc (yêu cầu gộp)"
    )
    p.add_argument(
        "--actor", metavar="TÀI_KHOẢN", help="tài khoản gửi yêu cầu gộp (kiểm tra quyền)"
    )
    p.add_argument("--now", metavar="ISO8601", help="giờ kiểm tra hạn (mặc định: đồng hồ máy)")
    p.set_defaults(func=check)

    _add_new(commands)
    _add_receive(commands)

    p = commands.add_parser(
        "merge", help="gộp dữ liệu trạng thái JSON của nhiều kho (cấp trên tổng hợp)"
    )
    p.add_argument(
        "files", nargs="+", metavar="TỆP_JSON", help="tệp của `sangtao status --format json`"
    )
    p.add_argument("--cycle", type=year, required=True, metavar="NĂM", help="năm của đợt")
    p.set_defaults(func=merge_command)

    p = commands.add_parser("codeowners", help="ghi .github/CODEOWNERS từ danh sách đơn vị")
    p.set_defaults(func=codeowners)

    p = commands.add_parser("status", help="tình hình nộp hồ sơ của từng đơn vị")
    p.add_argument("--cycle", type=year, metavar="NĂM", help="chỉ một đợt")
    p.add_argument("--now", metavar="ISO8601", help="tính như thể lúc này là thời điểm đã cho")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="dạng kết quả (mặc định: text)"
    )
    p.set_defaults(func=status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with vietnamese():
        args = build_parser().parse_args(argv)
    try:
        with collector_paused():
            return int(args.func(args))
    except FatalError as error:
        print(inert(f"Lỗi: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `sangtao status | head`: the reader has gone; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # a bug of ours, never the submitter's fault
        import tempfile
        import traceback

        with tempfile.NamedTemporaryFile(
            "w", prefix="sangtao-loi-", suffix=".log", delete=False, encoding="utf-8"
        ) as log:
            traceback.print_exc(file=log)
        traceback.print_exc()
        print(
            f"Lỗi nội bộ của sangtao (không phải lỗi của hồ sơ). Chi tiết: {log.name}. "
            "Xin báo cho người quản trị kho.",
            file=sys.stderr,
        )
        return 3
