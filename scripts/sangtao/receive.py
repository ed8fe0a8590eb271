"""``sangtao receive``: the board enters a paper, e-mail or hand-delivered submission in one step.

The document goes to its place under ``submissions/<year>/<unit>/…`` and its receipt-book line
is appended to the cycle's ``dot.yaml`` as text (the file's comments and layout stay). Both are
checked together like ``sangtao check`` and nothing is left behind when they would disagree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sangtao.corpus import Corpus, read_corpus
from sangtao.documents import Progress, Registration, Report, kind_by_fields, read_body
from sangtao.labels import state_label, vn_date, vn_datetime
from sangtao.layout import CODE, CYCLE_FILE, SCHEMA_OF, Kind, cycle_dir, path_of
from sangtao.loader import LoadError, load_bytes, top_level_sequence
from sangtao.model import TZ, Cycle, ReceiptEntry, Roster, State
from sangtao.problems import FatalError, Problem
from sangtao.rules import own_models

# The command's words for how a document came, and the receipt book's values for them.
FORMS = {"giay": "ban-giay", "email": "thu-dien-tu", "truc-tiep": "truc-tiep"}
FORM_WORDS = {"ban-giay": "bản giấy", "thu-dien-tu": "thư điện tử", "truc-tiep": "nộp trực tiếp"}
# What the board may receive on a unit's behalf; score sheets are the appraisers' own.
# By the names of their schemas, which the command's --loai takes.
KINDS = {SCHEMA_OF[kind]: kind for kind in (Kind.REGISTRATION, Kind.REPORT, Kind.PROGRESS)}
BOOK_KEY = "so_tiep_nhan"

_AT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?\Z")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2}))?")


@dataclass(frozen=True)
class Request:
    """What the board officer typed."""

    source: Path
    unit: str
    at: str
    form: str  # a key of FORMS
    recorder: str | None = None
    incoming: str | None = None  # số đến: the number in the board's register of incoming letters
    letter: str | None = None  # số văn bản: the number the unit gave its letter
    note: str | None = None
    person: str | None = None
    kind: str | None = None  # a key of KINDS; None: from the document itself


@dataclass(frozen=True)
class Received:
    rel: str  # where the document now is
    cycle_rel: str  # the cycle file that got the line
    line: int  # 1-based line of the new entry in the cycle file
    at: dt.datetime
    warnings: tuple[str, ...]
    state: str  # the Vietnamese label of the document's state as received


class Rejected(Exception):
    """The document itself has problems: shown like ``sangtao check`` shows them (exit 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} lỗi")
        self.problems = problems


def parse_at(text: str) -> dt.datetime:
    """The receipt time as the officer wrote it; a time without an offset is Vietnam time."""
    text = text.strip()
    if _AT.match(text):
        value = dt.datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
        return value if value.tzinfo else value.replace(tzinfo=TZ)
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        d, m, y, hh, mm = day_first.groups()
        example = f"{y}-{int(m):02d}-{int(d):02d}T{int(hh or 9):02d}:{mm or '00'}"
        raise FatalError(
            f"--at «{text}» sai dạng: viết NĂM-THÁNG-NGÀY và giờ, ví dụ {example}"
            " (giờ Việt Nam nếu không ghi +07:00)"
        )
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise FatalError(
            f"--at «{text}» thiếu giờ nhận: ghi cả giờ như trong sổ công văn đến,"
            f" ví dụ {text}T09:30"
        )
    raise FatalError(f"--at «{text}» sai dạng: viết như 2027-02-20T09:30 (giờ Việt Nam)")


def kind_of(data: dict[str, Any], name: str) -> str:
    """Which document a file is, from its own fields; its name decides only a bare file."""
    kind = kind_by_fields(data)
    if kind == Kind.SCORE:
        raise FatalError(
            "Đây là phiếu chấm: thành viên Tổ thẩm định tự nộp phiếu của mình, không ghi sổ tiếp nhận"
        )
    if kind is not None:
        return SCHEMA_OF[kind]
    for slug in KINDS:
        if name.startswith(slug):
            return slug
    raise FatalError(
        "Không rõ tệp là bản đăng ký, báo cáo tiến độ hay báo cáo kết quả: ghi thêm "
        "--loai dang-ky, --loai tien-do hoặc --loai bao-cao"
    )


def destination(kind: Kind, year: int, unit: str, person: str | None, data: dict[str, Any]) -> str:
    if kind == Kind.PROGRESS:
        day = Progress.from_data(data).day
        if not isinstance(day, str) or not _is_date(day):
            raise FatalError(
                "Báo cáo tiến độ phải có mục ngay: NĂM-THÁNG-NGÀY (tên tệp theo ngày đó), "
                f"ví dụ ngay: {year}-06-15"
            )
        return path_of(Kind.PROGRESS, year, unit, person, day)
    return path_of(kind, year, unit, person)


def receipt_lines(entry: dict[str, str], dash: str, indent: str) -> list[str]:
    """The YAML lines of one receipt-book item; free text in JSON quotes, which YAML reads
    back as the same string whatever it contains."""
    out = []
    for index, (key, value) in enumerate(entry.items()):
        plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9/:+._-]*", value) and key not in (
            "so_den",
            "ghi_chu",
        )
        text = value if plain else json.dumps(value, ensure_ascii=False)
        out.append(f"{dash if index == 0 else indent}{key}: {text}\n")
    return out


def append_receipt(text: str, entry: dict[str, str]) -> tuple[str, int]:
    """``text`` of a cycle file with ``entry`` added as the receipt book's last line, and the
    1-based line where it starts. Comments and layout stay; a file without a book gets one at
    the end. The result must read back as the old data plus the entry, or nothing is written."""
    raw = text.encode("utf-8")
    before = load_bytes(raw).data
    span = top_level_sequence(raw, BOOK_KEY)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if BOOK_KEY in before and span is None:
        raise FatalError(f"Mục {BOOK_KEY} của {CYCLE_FILE} không phải một danh sách: sửa trước")
    if span is None:
        header = [
            "\n",
            "# Sổ tiếp nhận: hồ sơ nhận ngoài máy chủ Git (bản giấy, thư điện tử, nộp trực tiếp).\n",
            f"{BOOK_KEY}:\n",
        ]
        at = len(lines) + len(header)
        lines += header + receipt_lines(entry, "  - ", "    ")
    elif span.flow:
        if span.items:
            raise FatalError(
                f"Sổ tiếp nhận trong {CYCLE_FILE} viết trên một dòng ([…]): viết lại mỗi "
                "dòng sổ một mục «- tep: …» rồi chạy lại lệnh"
            )
        (line, start), (end_line, end) = span.start, span.end
        if end_line != line:
            raise FatalError(
                f"Sổ tiếp nhận rỗng trong {CYCLE_FILE} viết trên nhiều dòng: sửa trước"
            )
        lines[line] = lines[line][:start].rstrip() + lines[line][end:]
        at = line + 1
        lines[at:at] = receipt_lines(entry, "  - ", "    ")
    else:
        dash_column = span.start[1]
        key_column = span.item_column if span.item_column is not None else dash_column + 2
        dash = " " * dash_column + "-" + " " * (key_column - dash_column - 1)
        end_line, end_column = span.end
        last = end_line if end_column > 0 else end_line - 1
        while last > 0 and not lines[last].strip():  # a block scalar ends at the next line
            last -= 1
        at = last + 1
        lines[at:at] = receipt_lines(entry, dash, " " * key_column)
    result = "".join(lines)
    after = load_bytes(result.encode("utf-8")).data
    expected = dict(before)
    expected[BOOK_KEY] = [*before.get(BOOK_KEY, []), entry]
    if after != expected:  # pragma: no cover - a bug of ours; never write a wrong book
        raise RuntimeError("append_receipt would change more than the receipt book")
    return result, at + 1


def receive(root: Path, request: Request, now: dt.datetime) -> Received:
    """Check everything, then write the document and the receipt line, or nothing."""
    if request.form not in FORMS:
        raise FatalError(f"--form phải là một trong: {', '.join(FORMS)}")
    raw, data = _read_source(request.source)
    slug = request.kind or kind_of(data, request.source.name)
    if slug not in KINDS:
        raise FatalError(f"--loai phải là một trong: {', '.join(KINDS)}")
    kind = KINDS[slug]
    corpus = read_corpus(root)
    year, cycle, roster = _unit_and_year(corpus, request.unit, data)
    person = _person(kind, data, request.person)
    recorder = _recorder(roster, request.recorder)
    at = parse_at(request.at)
    _check_time(kind, data, at, now)

    rel = destination(kind, year, request.unit, person, data)
    cycle_rel = path_of(Kind.CYCLE, year)
    book_rel = rel.removeprefix(f"{cycle_dir(year)}/")
    same_file = _free_place(root, rel, request.source)
    _not_booked(cycle, book_rel)
    _sound_cycle(corpus, year)
    body = read_body(kind, data)
    written = body.number or None if isinstance(body, Registration | Report) else None
    entry = _entry(book_rel, at, request, recorder, written)

    cycle_path = root / cycle_rel
    old_cycle = cycle_path.read_text(encoding="utf-8")
    new_cycle, line_no = append_receipt(old_cycle, entry)
    _write_checked(root, rel, raw, same_file, cycle_path, old_cycle, new_cycle, request.source)
    return Received(
        rel,
        cycle_rel,
        line_no,
        at,
        _warnings(kind, cycle, request.unit, person, at),
        _state(kind, cycle, request.unit, person, at),
    )


def _read_source(source: Path) -> tuple[bytes, dict[str, Any]]:
    """The file the officer typed in, read by the strict loader."""
    if not source.is_file():
        raise FatalError(f"Không có tệp {source}")
    raw = source.read_bytes()
    try:
        data = load_bytes(raw).data
    except LoadError as error:
        raise Rejected(
            [Problem(str(source), error.line, error.rule, error.message, error.hint)]
        ) from None
    if not isinstance(data, dict):
        problem = Problem(
            str(source),
            1,
            "schema.type",
            "Tệp không phải một văn bản theo mẫu",
            "Tạo tệp bằng biểu mẫu trên trang web hoặc `sangtao new`",
        )
        raise Rejected([problem])
    return raw, data


def _unit_and_year(
    corpus: Corpus, unit_given: str, data: dict[str, Any]
) -> tuple[int, Cycle, Roster]:
    body = Registration.from_data(data)  # any document of a model: its unit and year
    unit = body.unit
    if unit != unit_given:
        raise FatalError(
            f"Tệp ghi don_vi: {json.dumps(unit, ensure_ascii=False)} nhưng lệnh ghi --unit "
            f"{unit_given}: đối chiếu lại bản giấy, sửa một trong hai cho đúng"
        )
    year = body.year
    if not isinstance(year, int) or isinstance(year, bool):
        raise FatalError("Tệp không ghi năm của đợt (nam: NĂM): sửa tệp trước")
    cycle = _cycle(corpus, year)
    roster = corpus.roster_for(year)
    if roster is None:
        raise FatalError("Danh sách đơn vị (don-vi.yaml) có lỗi: chạy `sangtao check` và sửa trước")
    _known_unit(roster, unit_given, year)
    return year, cycle, roster


def _free_place(root: Path, rel: str, source: Path) -> bool:
    """Whether the source already is the file at its place (then it is only booked)."""
    target = root / rel
    if not target.exists():
        return False
    if target.resolve() == source.resolve():
        return True
    raise FatalError(
        f"Tệp {rel} đã có: không ghi đè. Nếu đây là bản sửa, sửa thẳng tệp đó; nếu là "
        "đính chính thời điểm nhận, ghi dòng sổ tiếp nhận với hinh_thuc: dinh-chinh"
    )


def _not_booked(cycle: Cycle, book_rel: str) -> None:
    for index, line in enumerate(cycle.receipt_book, start=1):
        if line.file == book_rel:
            raise FatalError(
                f"Sổ tiếp nhận của đợt {cycle.year} đã có dòng cho {book_rel} (dòng sổ thứ "
                f"{index}, nhận {vn_datetime(line.at)}): mỗi tệp chỉ một dòng; đính chính thì "
                "sửa dòng cũ"
            )


def _entry(
    book_rel: str, at: dt.datetime, request: Request, recorder: str, written: object
) -> dict[str, str]:
    """The receipt-book line, in the order the board's guide writes it."""
    if request.letter and written is not None and str(written) != request.letter:
        raise FatalError(
            f"--so-van-ban {request.letter} khác số văn bản trong tệp (so_van_ban: {written}): "
            "đối chiếu lại bản giấy"
        )
    notes = [request.note] if request.note else []
    if request.letter and written is None:
        notes.append(f"Văn bản số {request.letter}.")
    return ReceiptEntry(
        file=book_rel,
        at=at,
        form=FORMS[request.form],
        recorder=recorder,
        number=request.incoming or "",
        note=" ".join(notes),
        written=at.isoformat(timespec="seconds"),
    ).to_data()


def _cycle(corpus: Corpus, year: int) -> Cycle:
    rel = path_of(Kind.CYCLE, year)
    if year not in corpus.cycles:
        _sound_cycle(corpus, year)
        raise FatalError(f"Không có đợt năm {year} (thiếu {rel}); tệp ghi nam: {year}")
    return corpus.cycles[year]


def _sound_cycle(corpus: Corpus, year: int) -> None:
    rel = path_of(Kind.CYCLE, year)
    broken = [p for p in corpus.problems if p.path == rel]
    if broken:
        raise FatalError(f"{rel} đang có lỗi ({broken[0].text()}): sửa trước khi ghi sổ")


def _known_unit(roster: Roster, unit: str, year: int) -> None:
    known = set(roster.by_code) | own_models(roster)
    if unit in known:
        return
    close = difflib.get_close_matches(unit, sorted(known), n=1, cutoff=0.6)
    hint = f" Có phải là «{close[0]}»?" if close else ""
    raise FatalError(f"Không có đơn vị «{unit}» trong danh sách đơn vị của đợt {year}.{hint}")


def _person(kind: Kind, data: dict[str, Any], given: str | None) -> str | None:
    if given is not None and not CODE.match(given):
        raise FatalError(
            f"Mã cá nhân «{given}» phải viết chữ thường không dấu, nối bằng gạch ngang"
        )
    if kind != Kind.REGISTRATION:
        return given
    block = Registration.from_data(data).person
    written = block.code if block is not None else None
    if given is None:
        return written if isinstance(written, str) and CODE.match(written) else None
    if written != given:
        raise FatalError(
            f"--person {given} nhưng tệp ghi ca_nhan.ma: {json.dumps(written, ensure_ascii=False)}"
            ": bản đăng ký của cá nhân ghi mã cá nhân trong mục ca_nhan, trùng với --person"
        )
    return given


def _recorder(roster: Roster, given: str | None) -> str:
    admins = [a.account for a in roster.admins]
    if given is None:
        if len(admins) == 1:
            return admins[0]
        raise FatalError(
            "Ghi tài khoản của người ghi sổ: --nguoi-ghi, một trong " + ", ".join(admins)
        )
    if not roster.is_admin(given):
        raise FatalError(
            f"«{given}» không phải tài khoản quản trị: chỉ tài khoản trong quan_tri được ghi "
            f"sổ tiếp nhận ({', '.join(admins)})"
        )
    return next(a for a in admins if a.casefold() == given.casefold())


def _check_time(kind: Kind, data: dict[str, Any], at: dt.datetime, now: dt.datetime) -> None:
    if at > now:
        raise FatalError(
            f"Thời điểm nhận {vn_datetime(at)} ở tương lai (bây giờ là {vn_datetime(now)}): "
            "ghi đúng lúc văn bản đến, theo sổ công văn đến"
        )
    body = read_body(kind, data)
    signed = (
        body.day
        if isinstance(body, Progress)
        else body.signed_on
        if isinstance(body, Registration | Report)
        else None
    )
    if isinstance(signed, str) and _is_date(signed):
        day = dt.date.fromisoformat(signed)
        if at.astimezone(TZ).date() < day:
            raise FatalError(
                f"Văn bản ghi ngày {vn_date(day)} mà nhận lúc {vn_datetime(at)}: không thể nhận "
                "trước ngày ký. Kiểm tra lại --at (năm, tháng) hoặc ngày trong tệp"
            )


def _effective(kind: Kind, cycle: Cycle, unit: str, person: str | None) -> dt.datetime | None:
    if kind == Kind.PROGRESS:
        return None
    extension = cycle.extension_for(kind, unit, person)
    deadline = cycle.deadline(kind)
    if extension is not None and extension.until > deadline:
        deadline = extension.until
    return deadline + cycle.grace


def _state(kind: Kind, cycle: Cycle, unit: str, person: str | None, at: dt.datetime) -> str:
    deadline = _effective(kind, cycle, unit, person)
    if deadline is None:
        return "Đã nhận"
    if at <= cycle.deadline(kind) + cycle.grace:
        return state_label(State.ON_TIME)
    return state_label(State.EXTENDED if at <= deadline else State.LATE)


def _warnings(
    kind: Kind, cycle: Cycle, unit: str, person: str | None, at: dt.datetime
) -> tuple[str, ...]:
    deadline = _effective(kind, cycle, unit, person)
    found = []
    if deadline is not None and at > deadline:
        found.append(
            f"Nhận sau hạn ({vn_datetime(deadline)}): hồ sơ sẽ là «Trễ hạn». Nếu đơn vị có "
            "văn bản được gia hạn, ghi gia_han trong dot.yaml; nếu có lý do, ghi --ghi-chu"
        )
    if at.year != cycle.year and kind != Kind.REPORT:
        found.append(f"Thời điểm nhận ở năm {at.year}, khác năm của đợt ({cycle.year})")
    return tuple(found)


def _write_checked(
    root: Path,
    rel: str,
    raw: bytes,
    same_file: bool,
    cycle_path: Path,
    old_cycle: str,
    new_cycle: str,
    source: Path,
) -> None:
    """Write both files, check them as `sangtao check` would, and undo both on any problem."""
    target = root / rel
    created = [] if same_file else _missing_parents(target)
    undo: list[Callable[[], object]] = [lambda: cycle_path.write_text(old_cycle, encoding="utf-8")]
    try:
        if not same_file:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)
            undo.append(target.unlink)
        cycle_path.write_text(new_cycle, encoding="utf-8")
        cycle_rel = cycle_path.relative_to(root).as_posix()
        problems = [p for p in read_corpus(root).problems if p.path in (rel, cycle_rel)]
    except BaseException:
        _undo(undo, created)
        raise
    if problems:
        _undo(undo, created)
        shown = str(source)
        raise Rejected(
            [
                Problem(shown if p.path == rel else p.path, p.line, p.rule, p.message, p.hint)
                for p in problems
            ]
        )


def _missing_parents(path: Path) -> list[Path]:
    found = []
    for parent in path.parents:
        if parent.exists():
            break
        found.append(parent)
    return found


def _undo(steps: list[Callable[[], object]], created: list[Path]) -> None:
    for step in reversed(steps):
        step()
    for folder in created:  # deepest first
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))
