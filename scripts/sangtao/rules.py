"""Cross-file rules: what no single schema can see.

Pure functions over documents, the roster and the cycles. Each yields a ``Finding`` that
points at a field of a file; the caller turns the field into a line number.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sangtao.documents import Answers, Progress, Registration, Report, ScoreSheet
from sangtao.layout import (
    CODE,
    EVIDENCE_DIR,
    INDIVIDUALS_DIR,
    LEGAL_TEXTS_DIR,
    RESERVED_CODES,
    ROSTER_FILE,
    Kind,
    cycle_dir,
    fold,
    model_dir,
    path_of,
)
from sangtao.loader import JsonPath
from sangtao.model import (
    TZ,
    Appraisal,
    Committee,
    Cycle,
    Document,
    Roster,
    RosterFile,
    Unit,
)

# Rules speak of the board in neutral words: the issuer's own name is data of a cycle, and a
# rule may judge a file before any cycle is readable.
_BOARD = "cơ quan tham mưu"


@dataclass(frozen=True)
class Finding:
    rel: str
    where: JsonPath
    rule: str
    message: str
    hint: str


def cross_file(
    documents: list[Document],
    roster_of: Callable[[int | None], Roster | None],
    cycles: dict[int, Cycle],
    legal_texts: frozenset[str] | None = None,
) -> Iterator[Finding]:
    """Every cross-file finding. ``roster_of`` gives the roster that governs a year: the
    cycle's own, or the common one."""
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_kind[document.kind].append(document)
    yield from tree_rules(by_kind[Kind.ROSTER], by_kind[Kind.ROSTER_PART])
    for document in by_kind[Kind.CYCLE]:
        if document.valid:
            yield from cycle_rules(document, roster_of(document.year), documents, legal_texts)
    yield from folder_rules(documents, roster_of, cycles)
    for document in by_kind[Kind.REGISTRATION]:
        if document.valid:
            yield from registration_rules(
                document, cycles.get(document.year or 0), roster_of(document.year)
            )
    registrations = {d.model_key: d for d in by_kind[Kind.REGISTRATION]}
    for document in by_kind[Kind.PROGRESS]:
        if document.valid:
            yield from progress_rules(
                document, registrations.get(document.model_key), roster_of(document.year)
            )
    evidence = {d.rel for d in by_kind[Kind.EVIDENCE]}
    cited: set[str] = set()
    for document in by_kind[Kind.REPORT]:
        if document.valid:
            yield from report_rules(
                document,
                registrations.get(document.model_key),
                roster_of(document.year),
                evidence,
                cited,
            )
    for rel in sorted(evidence - cited):
        yield Finding(
            rel,
            (),
            "evidence.unused",
            "Tệp minh chứng không được báo cáo kết quả nào nhắc tới",
            "Thêm mục minh_chung có `tep:` là tên tệp này vào bao-cao.yaml, hoặc xóa tệp",
        )
    for document in by_kind[Kind.SCORE]:
        if document.valid:
            yield from score_rules(
                document,
                cycles.get(document.year or 0),
                registrations.get(document.model_key),
                roster_of(document.year),
            )
    progress = {d.rel: d for d in by_kind[Kind.PROGRESS]}
    for document in by_kind[Kind.ANSWERS]:
        if document.valid:
            yield from answer_rules(document, progress, roster_of(document.year))


def tree_rules(mains: list[Document], parts: list[Document]) -> Iterator[Finding]:
    """Each roster scope (every cycle, or one year) with its part files: one tree, every code
    once, every parent known, no loops."""
    scopes = {d.year: d for d in mains}
    for part in parts:
        main = scopes.get(part.year)
        if main is None:
            roster = path_of(Kind.ROSTER, part.year)
            yield Finding(
                part.rel,
                (),
                "roster.part-without-main",
                f"Tệp này là một phần danh sách đơn vị nhưng không có tệp {roster}",
                f"Tạo {roster} (cấp ủy, tài khoản quản trị, các cấp ủy trực thuộc)",
            )
    for main in mains:
        if main.valid:
            own = [p for p in parts if p.year == main.year and p.valid]
            yield from roster_rules(main, own)


# An entry of a roster file: the file, the entry's place in it (English field names), the
# entry, and what it is for the message.
_Entry = tuple[Document, tuple[str | int, ...], Unit | Committee, str]


def roster_rules(document: Document, parts: Iterable[Document] = ()) -> Iterator[Finding]:
    """One roster scope: every code once across its files, every parent known, no loops."""
    roster = RosterFile.of(document)
    committees = {c.code: c for c in roster.committees}
    entries: list[_Entry] = [
        (document, ("committees", i), c, "cấp ủy") for i, c in enumerate(roster.committees)
    ]
    entries += [(document, ("units", i), u, "đơn vị") for i, u in enumerate(roster.units)]
    for part in parts:
        yield from _part_rules(document, part, committees)
        entries += [
            (part, ("units", i), u, "đơn vị") for i, u in enumerate(RosterFile.of(part).units)
        ]
    yield from _entry_rules(entries, roster.root_code, committees)
    yield from _loops(document, committees)
    if not any(what == "đơn vị" for *_, what in entries):
        yield Finding(
            document.rel,
            (),
            "roster.no-units",
            "Danh sách chưa có tổ chức cơ sở đảng nào",
            "Thêm mục don_vi, hoặc các tệp don-vi/<mã cấp ủy>.yaml",
        )
    yield from _admin_rules(document)


def _committee_hint(code: str, committees: Mapping[str, object]) -> str:
    return (
        _closest_hint(code, committees)
        .replace("danh sách đơn vị", "cap_uy_truc_thuoc")
        .replace("bổ sung đơn vị", "bổ sung cấp ủy")
    )


def _part_rules(
    document: Document, part: Document, committees: Mapping[str, object]
) -> Iterator[Finding]:
    """A part file is named for a committee, and its organisations belong to that committee."""
    if part.unit not in committees:
        yield Finding(
            part.rel,
            (),
            "roster.part-unknown-committee",
            f"Tên tệp «{part.unit}.yaml» không phải mã của một cấp ủy trong cap_uy_truc_thuoc "
            f"của {document.rel}",
            _committee_hint(part.unit or "", committees),
        )
    for i, unit in enumerate(RosterFile.of(part).units):
        if unit.committee is not None and unit.committee != part.unit:
            yield Finding(
                part.rel,
                RosterFile.yaml_path("units", i, "committee"),
                "roster.part-other-committee",
                f"Đơn vị trong tệp của cấp ủy «{part.unit}» lại ghi trực thuộc «{unit.committee}»",
                f"Xóa dòng truc_thuoc, hoặc chuyển đơn vị sang tệp don-vi/{unit.committee}.yaml",
            )


def _entry_rules(
    entries: list[_Entry], root: str | None, committees: Mapping[str, object]
) -> Iterator[Finding]:
    """Codes are folder names: none reserved, none twice (the root's own folder included)."""
    seen: dict[str, str] = {}  # code → what it already names, for the message
    if root is not None:
        seen[root] = "mã của cấp ủy tổ chức phong trào"
    for owner, where, entry, what in entries:
        code = entry.code
        if code in RESERVED_CODES:
            yield Finding(
                owner.rel,
                RosterFile.yaml_path(*where, "code"),
                "roster.reserved-code",
                f"Mã «{code}» đã dành cho thư mục của hệ thống",
                f"Đặt mã khác cho {what} này",
            )
        if code in seen:
            yield Finding(
                owner.rel,
                RosterFile.yaml_path(*where, "code"),
                "roster.duplicate-unit",
                f"Mã «{code}» trùng với {seen[code]}",
                "Mỗi cấp ủy, mỗi đơn vị một mã riêng (mã là tên thư mục nộp hồ sơ)",
            )
        seen.setdefault(code, f"{what} thứ {int(where[1]) + 1} trong {owner.rel}")
        parent = entry.parent if isinstance(entry, Committee) else entry.committee
        if parent is not None and parent not in committees:
            yield Finding(
                owner.rel,
                RosterFile.yaml_path(*where, "parent"),
                "roster.unknown-parent",
                f"Cấp ủy «{parent}» không có trong cap_uy_truc_thuoc",
                _committee_hint(parent, committees),
            )


def _admin_rules(document: Document) -> Iterator[Finding]:
    admins: dict[str, int] = {}
    for index, admin in enumerate(RosterFile.of(document).admins):
        account = admin.account.casefold()
        if account in admins:
            yield Finding(
                document.rel,
                RosterFile.yaml_path("admins", index, "account"),
                "roster.duplicate-admin",
                f"Tài khoản quản trị «{admin.account}» ghi hai lần",
                "Xóa dòng trùng",
            )
        admins.setdefault(account, index)


def _loops(document: Document, committees: dict[str, Committee]) -> Iterator[Finding]:
    """A committee that is, through its parents, its own parent: the tree has no root there."""
    order = list(committees)
    reported: set[str] = set()
    for code in order:
        path: list[str] = []
        current: str | None = code
        while current in committees and current not in path:
            path.append(current)
            current = committees[current].parent
        if current is None or current not in path or current in reported:
            continue
        loop = path[path.index(current) :]
        reported.update(loop)
        index = order.index(loop[-1])
        yield Finding(
            document.rel,
            RosterFile.yaml_path("committees", index, "parent"),
            "roster.parent-loop",
            "Các cấp ủy trực thuộc lẫn nhau thành vòng: " + " → ".join([*loop, loop[0]]),
            "Sửa truc_thuoc để mọi cấp ủy đi lên được tới cấp ủy tổ chức phong trào",
        )


def cycle_rules(
    document: Document,
    roster: Roster | None,
    documents: Iterable[Document],
    legal_texts: frozenset[str] | None = None,
) -> Iterator[Finding]:
    """A cycle file: its legal texts, year, deadlines, window, extensions, team, receipt book."""
    cycle = Cycle.from_data(document.data)
    yield from _basis_rules(document, cycle, legal_texts)
    yield from _timing_rules(document.rel, cycle)
    units = roster.by_code if roster else {}
    yield from _extension_rules(document.rel, cycle, roster)
    if cycle.appraisal is not None:
        yield from appraisal_config_rules(document.rel, cycle, units)
    present = {
        d.rel.removeprefix(f"{cycle_dir(cycle.year)}/")
        for d in documents
        if d.year == document.year and d.kind != Kind.CYCLE
    }
    yield from _receipt_rules(document.rel, cycle, roster, present)


def _basis_rules(
    document: Document, cycle: Cycle, legal_texts: frozenset[str] | None
) -> Iterator[Finding]:
    rel = document.rel
    for index, basis in enumerate(cycle.legal_basis):
        full_text = basis.full_text
        if full_text and legal_texts is not None and full_text not in legal_texts:
            yield Finding(
                rel,
                Cycle.yaml_path("legal_basis", index, "full_text"),
                "cycle.legal-text-missing",
                f"Không có tệp toàn văn docs/{LEGAL_TEXTS_DIR}/{full_text}",
                f"Thêm tệp đó vào docs/{LEGAL_TEXTS_DIR}/ hoặc xóa dòng toan_van",
            )
    if cycle.year != document.year:
        yield Finding(
            rel,
            Cycle.yaml_path("year"),
            "cycle.year-mismatch",
            f"Năm ghi trong tệp ({cycle.year}) khác thư mục năm ({document.year})",
            f"Viết `nam: {document.year}`",
        )


def _timing_rules(rel: str, cycle: Cycle) -> Iterator[Finding]:
    """Deadlines in the order of the work, and a window that is not empty."""
    order = [
        (Kind.REGISTRATION, "đăng ký"),
        (Kind.REPORT, "báo cáo"),
        (Kind.SCORE, "thẩm định"),
    ]
    for (first, first_name), (second, second_name) in itertools.pairwise(order):
        if cycle.deadline(first) >= cycle.deadline(second):
            yield Finding(
                rel,
                Cycle.yaml_path("deadlines", second),
                "cycle.deadline-order",
                f"Hạn {second_name} phải sau hạn {first_name}",
                "Sửa lại các thời hạn cho đúng thứ tự",
            )
    low, high = cycle.window
    if low > high:
        yield Finding(
            rel,
            Cycle.yaml_path("window"),
            "cycle.window",
            "Khung thời gian thực hiện có ngày bắt đầu sau ngày kết thúc",
            "Sửa tu_ngay trước den_ngay",
        )


def _extension_rules(rel: str, cycle: Cycle, roster: Roster | None) -> Iterator[Finding]:
    """An extension names a real unit (or a committee's own model) and moves a deadline later."""
    units = roster.by_code if roster else {}
    for index, extension in enumerate(cycle.extensions):
        if (
            roster is not None
            and extension.unit not in units
            and extension.unit not in own_models(roster)
        ):
            yield Finding(
                rel,
                Cycle.yaml_path("extensions", index, "unit"),
                "cycle.extension-unit",
                f"Gia hạn cho đơn vị «{extension.unit}» không có trong danh sách đơn vị",
                _closest_hint(extension.unit, units),
            )
        if extension.until <= cycle.deadline(extension.kind):
            yield Finding(
                rel,
                Cycle.yaml_path("extensions", index, "until"),
                "cycle.extension-before-deadline",
                "Hạn mới không muộn hơn hạn chung nên không có tác dụng",
                "Ghi hạn mới sau hạn chung, hoặc xóa dòng gia hạn này",
            )


def _receipt_rules(
    rel: str, cycle: Cycle, roster: Roster | None, present: set[str]
) -> Iterator[Finding]:
    """Each receipt-book line: a file that exists, once, written by an admin."""
    seen: set[str] = set()
    for index, entry in enumerate(cycle.receipt_book):
        if entry.file not in present:
            yield Finding(
                rel,
                Cycle.yaml_path("receipt_book", index, "file"),
                "cycle.receipt-unknown-file",
                f"Sổ tiếp nhận ghi tệp «{entry.file}» nhưng tệp đó không có trong thư mục năm",
                "Sửa đường dẫn cho đúng (tính từ thư mục năm), hoặc nộp tệp trước khi ghi sổ",
            )
        if entry.file in seen:
            yield Finding(
                rel,
                Cycle.yaml_path("receipt_book", index, "file"),
                "cycle.receipt-duplicate",
                f"Tệp «{entry.file}» được ghi sổ hai lần",
                "Giữ một dòng; đính chính thì sửa ngay dòng cũ",
            )
        seen.add(entry.file)
        if roster is not None and not roster.is_admin(entry.recorder):
            yield Finding(
                rel,
                Cycle.yaml_path("receipt_book", index, "recorder"),
                "cycle.receipt-recorder",
                f"Người ghi sổ «{entry.recorder}» không phải tài khoản quản trị",
                f"Ghi tài khoản của cán bộ {_BOARD} có trong danh sách quan_tri",
            )


def appraisal_config_rules(rel: str, cycle: Cycle, units: dict[str, Any]) -> Iterator[Finding]:
    """The appraisal block of a cycle: a conflict check that names a unit that does not exist
    would silently check nothing, so every code here must be real."""
    appraisal = cycle.appraisal
    assert appraisal is not None
    yield from _team_rules(rel, appraisal, units)
    levels = [level.code for level in appraisal.classification]
    if len(set(levels)) != len(levels):
        yield Finding(
            rel,
            Cycle.yaml_path("appraisal", "classification"),
            "appraisal.duplicate-level",
            "Mã mức xếp loại bị trùng",
            "Mỗi mức một mã riêng",
        )
    if appraisal.excellence_minimum and appraisal.excellence_minimum not in levels:
        yield Finding(
            rel,
            Cycle.yaml_path("appraisal", "excellence_minimum"),
            "appraisal.unknown-level",
            f"Không có mức xếp loại «{appraisal.excellence_minimum}»",
            "Chọn một trong: " + ", ".join(levels),
        )
    codes = [c.code for c in appraisal.criteria]
    if len(set(codes)) != len(codes):
        yield Finding(
            rel,
            Cycle.yaml_path("appraisal", "criteria"),
            "appraisal.duplicate-criterion",
            "Mã tiêu chí bị trùng",
            "Mỗi tiêu chí một mã riêng",
        )


def _team_rules(rel: str, appraisal: Appraisal, units: dict[str, Any]) -> Iterator[Finding]:
    """Each member once, with real unit codes; one of them leads."""
    seen: set[str] = set()
    for index, member in enumerate(appraisal.team):
        where = ("appraisal", "team", index)
        if member.account.casefold() in seen:
            yield Finding(
                rel,
                Cycle.yaml_path(*where, "account"),
                "appraisal.duplicate-member",
                f"Tài khoản «{member.account}» ghi hai lần trong Tổ thẩm định",
                "Xóa dòng trùng",
            )
        seen.add(member.account.casefold())
        for code in (member.home_unit, *member.conflicts):
            if code is not None and units and code not in units:
                yield Finding(
                    rel,
                    Cycle.yaml_path(
                        *where, "home_unit" if code == member.home_unit else "conflicts"
                    ),
                    "appraisal.unknown-unit",
                    f"Mã đơn vị «{code}» của thành viên «{member.account}» không có trong danh sách đơn vị",
                    "Sửa cho đúng mã; nếu sai, việc kiểm tra xung đột lợi ích sẽ không có tác dụng",
                )
    if not any(member.leader for member in appraisal.team):
        yield Finding(
            rel,
            Cycle.yaml_path("appraisal", "team"),
            "appraisal.no-leader",
            "Tổ thẩm định chưa có Tổ trưởng",
            "Ghi `vai_tro: to-truong` cho một thành viên",
        )


def folder_rules(
    documents: list[Document],
    roster_of: Callable[[int | None], Roster | None],
    cycles: dict[int, Cycle],
) -> Iterator[Finding]:
    """Unit and person folders: real codes from the roster, never a look-alike."""
    person_skeletons: dict[tuple[int, str, str], str] = {}
    broken_cycles = {d.year for d in documents if d.kind == Kind.CYCLE and not d.valid}
    for document in documents:
        if document.year is None:
            continue
        if document.kind != Kind.CYCLE:
            yield from _cycle_of(document, document.year in broken_cycles, cycles)
        unit = document.unit
        if unit is None or document.kind == Kind.ROSTER_PART:
            continue
        roster = roster_of(document.year)
        if document.kind == Kind.ANSWERS:
            if roster is not None and unit not in roster.committee_by_code:
                yield Finding(
                    document.rel,
                    (),
                    "answers.unknown-committee",
                    f"«{unit}» không phải mã của một cấp ủy trực thuộc",
                    _committee_hint(unit, roster.committee_by_code),
                )
            continue
        yield from _unit_folder(document, unit, roster)
        if document.person is not None:
            yield from _person_folder(document, unit, document.person, person_skeletons)


def _cycle_of(document: Document, broken: bool, cycles: dict[int, Cycle]) -> Iterator[Finding]:
    """A document of a year whose cycle file is broken, or missing, cannot be judged yet."""
    if broken:
        yield Finding(
            document.rel,
            (),
            "layout.broken-cycle",
            f"Tệp {path_of(Kind.CYCLE, document.year)} có lỗi nên chưa xét được hồ sơ này",
            "Cơ quan tham mưu sửa lỗi của dot.yaml (xem các lỗi của tệp đó)",
        )
    elif document.year not in cycles:
        yield Finding(
            document.rel,
            (),
            "layout.no-cycle",
            f"Năm {document.year} chưa có tệp {path_of(Kind.CYCLE, document.year)}",
            "Cơ quan tham mưu cần tạo đợt của năm này trước khi các đơn vị nộp",
        )


def _unit_folder(document: Document, unit: str, roster: Roster | None) -> Iterator[Finding]:
    """A unit of the roster or a committee's own folder, holding only what the site shows."""
    if roster is not None and unit not in roster.by_code and unit not in own_models(roster):
        yield Finding(document.rel, (), *_unit_problem(unit, roster.by_code))
    if not site_shows(document, roster):
        yield Finding(
            document.rel,
            (),
            "layout.own-model",
            f"Thư mục «{unit}» là mô hình riêng của một cấp ủy: trang web chỉ hiện bản đăng ký, "
            "báo cáo tiến độ và minh chứng của mô hình này",
            "Mô hình riêng của cấp ủy đăng ký và báo cáo kết quả với cấp trên, không qua Tổ thẩm "
            "định ở đây; mô hình cá nhân nộp trong thư mục của tổ chức nơi người đó sinh hoạt. "
            "Xóa tệp này",
        )


def _person_folder(
    document: Document, unit: str, person: str, skeletons: dict[tuple[int, str, str], str]
) -> Iterator[Finding]:
    """A person's folder: a clean code, and no look-alike of another person's in the unit."""
    if not CODE.match(person):
        yield Finding(
            document.rel,
            (),
            "layout.bad-name",
            f"Tên thư mục cá nhân «{person}» không đúng dạng",
            "Dùng họ tên không dấu, chữ thường, nối bằng gạch ngang, ví dụ nguyen-thi-lan",
        )
    skeleton = (document.year or 0, unit, fold(person))
    other = skeletons.setdefault(skeleton, person)
    if other != person:
        yield Finding(
            document.rel,
            (),
            "layout.look-alike",
            f"Thư mục «{INDIVIDUALS_DIR}/{person}» trông giống «{INDIVIDUALS_DIR}/{other}»",
            "Mỗi cá nhân một thư mục; nộp vào đúng thư mục đã có",
        )


def own_models(roster: Roster) -> set[str]:
    """Folders of committees' own models: the root's and each intermediate committee's."""
    codes = set(roster.committee_by_code)
    if roster.root_code is not None:
        codes.add(roster.root_code)
    return codes


# What the site shows of a committee's own model (site/results.district_page): it registers
# with the committee above and reports its progress here; no report, individual model or score
# sheet of it has a page.
OWN_MODEL_KINDS = frozenset({Kind.REGISTRATION, Kind.PROGRESS, Kind.EVIDENCE})


def site_shows(document: Document, roster: Roster | None) -> bool:
    """Whether a page of the site has a place for this document of a model folder: every model
    of an organisation; of a committee's own model (``own_models``) only ``OWN_MODEL_KINDS``."""
    if roster is None or document.unit is None or document.unit not in own_models(roster):
        return True
    return document.person is None and document.kind in OWN_MODEL_KINDS


def _unit_problem(unit: str, units: Mapping[str, object]) -> tuple[str, str, str]:
    skeleton = fold(unit)
    for code in units:
        if fold(code) == skeleton:
            return (
                "layout.look-alike",
                f"Thư mục «{unit}» trông giống mã đơn vị «{code}» nhưng không phải",
                f"Nộp vào đúng thư mục {code}/ (chữ thường, không dấu)",
            )
    return (
        "layout.unknown-unit",
        f"Đơn vị «{unit}» không có trong danh sách đơn vị ({ROSTER_FILE})",
        _closest_hint(unit, units),
    )


def _closest_hint(code: str, units: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(code, list(units), n=1, cutoff=0.6)
    if close:
        return f"Có phải là «{close[0]}»? Dùng đúng mã trong danh sách đơn vị"
    return f"Dùng mã có trong danh sách đơn vị, hoặc đề nghị {_BOARD} bổ sung đơn vị"


def identity_rules(document: Document, roster: Roster | None) -> Iterator[Finding]:
    """The unit and year written in a document agree with the folders it sits in."""
    body = document.body
    assert isinstance(body, Registration | Progress | Report)
    fields = type(body)
    # A folder that is not a unit of the roster is reported once, by folder_rules.
    known_folder = (
        roster is None or document.unit in roster.by_code or document.unit in own_models(roster)
    )
    if known_folder and body.unit != document.unit:
        yield Finding(
            document.rel,
            fields.yaml_path("unit"),
            "document.unit-mismatch",
            f"Mã đơn vị trong tệp («{body.unit}») khác thư mục («{document.unit}»)",
            f"Viết `don_vi: {document.unit}` hoặc chuyển tệp về đúng thư mục",
        )
    if body.year != document.year:
        yield Finding(
            document.rel,
            fields.yaml_path("year"),
            "document.year-mismatch",
            f"Năm trong tệp ({body.year}) khác thư mục năm ({document.year})",
            f"Viết `nam: {document.year}` hoặc chuyển tệp về đúng thư mục năm",
        )


def registration_rules(
    document: Document, cycle: Cycle | None, roster: Roster | None = None
) -> Iterator[Finding]:
    body = Registration.of(document)
    rel = document.rel
    yield from identity_rules(document, roster)
    yield from _person_rules(document)
    start, end = _period(body)
    if start > end:
        yield Finding(
            rel,
            Registration.yaml_path("period", "end"),
            "registration.period-order",
            "Ngày kết thúc trước ngày bắt đầu",
            "Sửa den_ngay sau tu_ngay",
        )
    if cycle is not None:
        low, high = cycle.window
        if start < low or end > high:
            yield Finding(
                rel,
                Registration.yaml_path("period", "start" if start < low else "end"),
                "registration.period-window",
                f"Thời gian thực hiện phải nằm trong khung của đợt, từ {_vn(low)} đến {_vn(high)}",
                "Sửa tu_ngay và den_ngay cho nằm trong khung",
            )
    signed = dt.date.fromisoformat(str(body.signed_on))
    year = document.year or signed.year
    if not dt.date(year - 1, 1, 1) <= signed <= dt.date(year, 12, 31):
        yield Finding(
            rel,
            Registration.yaml_path("signed_on"),
            "registration.date-range",
            f"Ngày văn bản {_vn(signed)} không thuộc đợt năm {year}",
            f"Ghi ngày ký bản đăng ký, trong năm {year - 1} hoặc {year}",
        )


def _person_rules(document: Document) -> Iterator[Finding]:
    """A person's registration names that person; a collective one names nobody."""
    rel = document.rel
    person = Registration.of(document).person
    if document.person is None and person is not None:
        yield Finding(
            rel,
            Registration.yaml_path("person"),
            "registration.individual-in-collective",
            "Bản đăng ký của tập thể không có mục ca_nhan",
            f"Mô hình của cá nhân nộp ở {INDIVIDUALS_DIR}/<mã cá nhân>/dang-ky.yaml; "
            "của tập thể thì xóa mục ca_nhan",
        )
    if document.person is not None:
        if person is None:
            yield Finding(
                rel,
                (),
                "registration.individual-missing",
                "Bản đăng ký của cá nhân thiếu mục ca_nhan",
                "Thêm mục ca_nhan với ma, ho_ten, chuc_vu",
            )
        elif person.code != document.person:
            yield Finding(
                rel,
                Registration.yaml_path("person", "code"),
                "registration.person-mismatch",
                f"Mã cá nhân trong tệp («{person.code}») khác thư mục («{document.person}»)",
                f"Viết `ma: {document.person}` trong mục ca_nhan",
            )


def _vn(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _period(registration: Registration) -> tuple[dt.date, dt.date]:
    """The registered period of a registration that passed its schema."""
    period = registration.period
    assert period is not None
    return dt.date.fromisoformat(str(period.start)), dt.date.fromisoformat(str(period.end))


def _model_folder(document: Document) -> str:
    assert document.year is not None and document.unit is not None
    return model_dir(document.year, document.unit, document.person)


def _needs_registration(document: Document, what: str) -> Finding:
    return Finding(
        document.rel,
        (),
        "progress.no-registration" if document.kind == Kind.PROGRESS else "report.no-registration",
        f"{what} cho một mô hình chưa có bản đăng ký cùng năm",
        f"Nộp {_model_folder(document)}/dang-ky.yaml trước, hoặc đặt tệp vào đúng thư mục "
        "của mô hình đã đăng ký",
    )


def progress_rules(
    document: Document, registration: Document | None, roster: Roster | None
) -> Iterator[Finding]:
    body = Progress.of(document)
    yield from identity_rules(document, roster)
    if body.day != document.name:
        yield Finding(
            document.rel,
            Progress.yaml_path("day"),
            "progress.date-mismatch",
            f"Ngày trong tệp ({body.day}) khác tên tệp ({document.name})",
            f"Viết `ngay: {document.name}`, hoặc đổi tên tệp theo ngày báo cáo",
        )
    if registration is None:
        yield _needs_registration(document, "Báo cáo tiến độ")
        return
    if not registration.valid:
        return
    day = dt.date.fromisoformat(str(body.day))
    start, end = _period(Registration.of(registration))
    if not start <= day <= end:
        yield Finding(
            document.rel,
            Progress.yaml_path("day"),
            "progress.outside-period",
            f"Ngày báo cáo tiến độ {_vn(day)} nằm ngoài thời gian thực hiện đã đăng ký "
            f"({_vn(start)} – {_vn(end)})",
            "Báo cáo tiến độ trong thời gian thực hiện; kết quả cuối cùng gửi bằng bao-cao.yaml",
        )


def report_rules(
    document: Document,
    registration: Document | None,
    roster: Roster | None,
    evidence: set[str],
    cited: set[str],
) -> Iterator[Finding]:
    yield from identity_rules(document, roster)
    if registration is None:
        yield _needs_registration(document, "Báo cáo kết quả")
    folder = _model_folder(document)
    for index, item in enumerate(Report.of(document).evidence):
        if item.file is None:
            continue
        assert document.year is not None and document.unit is not None
        rel = path_of(Kind.EVIDENCE, document.year, document.unit, document.person, str(item.file))
        cited.add(rel)
        if rel not in evidence:
            yield Finding(
                document.rel,
                Report.yaml_path("evidence", index, "file"),
                "report.evidence-missing",
                f"Không có tệp minh chứng {rel}",
                f"Đưa tệp vào thư mục {folder}/{EVIDENCE_DIR}/ trong cùng yêu cầu gộp, hoặc sửa tên tệp",
            )


def answer_rules(
    document: Document, progress: dict[str, Document], roster: Roster | None
) -> Iterator[Finding]:
    assert document.year is not None
    prefix = f"{cycle_dir(document.year)}/"
    for index, answer in enumerate(Answers.of(document).replies):
        target = progress.get(prefix + answer.file)
        if target is None:
            yield Finding(
                document.rel,
                Answers.yaml_path("replies", index, "file"),
                "answers.unknown-file",
                f"Không có báo cáo tiến độ «{answer.file}» trong năm {document.year}",
                "Sửa đường dẫn cho đúng, tính từ thư mục năm",
            )
        elif target.valid:
            count = len(Progress.of(target).difficulties)
            if answer.difficulty > count:
                yield Finding(
                    document.rel,
                    Answers.yaml_path("replies", index, "difficulty"),
                    "answers.unknown-difficulty",
                    f"Báo cáo tiến độ đó chỉ nêu {count} khó khăn, không có khó khăn số {answer.difficulty}",
                    "Ghi số thứ tự của khó khăn, bắt đầu từ 1",
                )
        if roster is None:
            continue
        committee = document.unit  # None: the board's own file
        outside = (
            committee is not None
            and target is not None
            and target.unit not in roster.subtrees.get(committee, ())
        )
        if outside and target is not None:
            yield Finding(
                document.rel,
                Answers.yaml_path("replies", index, "file"),
                "answers.outside-committee",
                f"Đơn vị «{target.unit}» không thuộc cấp ủy «{committee}»",
                "Cấp ủy chỉ trả lời khó khăn của các tổ chức thuộc mình; "
                f"câu trả lời khác do {_BOARD} ghi trong giai-dap.yaml",
            )
        who = answer.by
        allowed = roster.is_admin(who) or (
            committee is not None and committee in roster.committees_of(who)
        )
        if not allowed:
            yield Finding(
                document.rel,
                Answers.yaml_path("replies", index, "by"),
                "answers.not-admin",
                f"Người trả lời «{who}» không phải tài khoản quản trị"
                + (f" hay tài khoản của cấp ủy «{committee}»" if committee else ""),
                f"Ghi tài khoản của cán bộ {_BOARD} có trong danh sách quan_tri"
                + (f", hoặc tài khoản của cấp ủy «{committee}» (tai_khoan)" if committee else ""),
            )


def score_rules(
    document: Document,
    cycle: Cycle | None,
    registration: Document | None,
    roster: Roster | None = None,
) -> Iterator[Finding]:
    """A score sheet: by a team member, about a registered model not of their own unit, with
    every criterion of the rubric scored within its bounds."""
    body = ScoreSheet.of(document)
    rel = document.rel
    account = document.name or ""
    if str(body.appraiser).casefold() != account.casefold():
        yield Finding(
            rel,
            ScoreSheet.yaml_path("appraiser"),
            "score.appraiser-mismatch",
            f"Người chấm trong tệp («{body.appraiser}») khác tên tệp («{account}»)",
            f"Viết `nguoi_cham: {account}`; mỗi thành viên chấm trong tệp mang tên tài khoản của mình",
        )
    if body.unit != document.unit or body.person != document.person or body.year != document.year:
        yield Finding(
            rel,
            ScoreSheet.yaml_path("unit"),
            "score.model-mismatch",
            "Đơn vị, cá nhân hoặc năm trong phiếu khác với thư mục của phiếu",
            "Ghi đúng don_vi, ca_nhan (nếu chấm mô hình cá nhân) và nam theo thư mục",
        )
    if registration is None:
        yield Finding(
            rel,
            (),
            "score.no-registration",
            "Phiếu chấm cho một mô hình không có bản đăng ký",
            "Kiểm tra lại thư mục: tham-dinh/<mã đơn vị>[/<mã cá nhân>]/",
        )
    appraisal = cycle.appraisal if cycle else None
    if appraisal is None:
        yield Finding(
            rel,
            (),
            "score.no-appraisal",
            f"Đợt năm {document.year} chưa có cấu hình thẩm định (mục tham_dinh trong dot.yaml)",
            "Ban Tổ chức bổ sung Tổ thẩm định và tiêu chí trước khi chấm",
        )
        return
    yield from _appraiser_rules(document, appraisal, roster)
    yield from _sheet_rules(document, appraisal)


def _appraiser_rules(
    document: Document, appraisal: Appraisal, roster: Roster | None
) -> Iterator[Finding]:
    """The sheet's file is named exactly for a team member who may score this unit."""
    rel = document.rel
    account = document.name or ""
    member = appraisal.member(account)
    if member is not None and member.account != account:
        yield Finding(
            rel,
            (),
            "score.file-name",
            f"Tên tệp phiếu phải viết đúng tài khoản như trong dot.yaml: {member.account}.yaml",
            "Mỗi thành viên một phiếu cho mỗi mô hình; đổi tên tệp cho đúng chữ hoa, chữ thường",
        )
    if member is None:
        yield Finding(
            rel,
            ScoreSheet.yaml_path("appraiser"),
            "score.not-member",
            f"«{account}» không có tên trong Tổ thẩm định năm {document.year}",
            "Chỉ thành viên Tổ thẩm định (mục tham_dinh.to_tham_dinh của dot.yaml) được chấm",
        )
    elif member.conflicted(document.unit or "") or (
        roster is not None and document.unit in roster.units_of(member.account)
    ):
        why = (
            "đơn vị mình sinh hoạt"
            if member.home_unit == document.unit
            else "đơn vị đã khai có xung đột lợi ích"
            if document.unit in member.conflicts
            else "đơn vị mà mình là người nộp hồ sơ"
        )
        yield Finding(
            rel,
            ScoreSheet.yaml_path("appraiser"),
            "score.conflict",
            f"Thành viên «{account}» không được chấm mô hình của {why} («{document.unit}»)",
            "Để thành viên khác của Tổ chấm mô hình này",
        )


def _sheet_rules(document: Document, appraisal: Appraisal) -> Iterator[Finding]:
    """Every criterion of the rubric scored once, within its bounds, and a known level."""
    body = ScoreSheet.of(document)
    rel = document.rel
    criteria = {c.code: c for c in appraisal.criteria}
    seen: set[str] = set()
    for index, item in enumerate(body.scores):
        code = item.criterion
        criterion = criteria.get(code)
        if criterion is None:
            yield Finding(
                rel,
                ScoreSheet.yaml_path("scores", index, "criterion"),
                "score.unknown-criterion",
                f"Không có tiêu chí «{code}» trong đợt năm {document.year}",
                "Các tiêu chí: " + ", ".join(criteria),
            )
            continue
        if code in seen:
            yield Finding(
                rel,
                ScoreSheet.yaml_path("scores", index, "criterion"),
                "score.duplicate-criterion",
                f"Tiêu chí «{code}» được chấm hai lần",
                "Mỗi tiêu chí chấm một lần",
            )
        seen.add(code)
        if item.points is not None and item.points > criterion.maximum:
            yield Finding(
                rel,
                ScoreSheet.yaml_path("scores", index, "points"),
                "score.out-of-bounds",
                f"Điểm {item.points:g} vượt điểm tối đa {criterion.maximum} của tiêu chí «{criterion.name}»",
                f"Cho điểm từ 0 đến {criterion.maximum}",
            )
    missing = [c for c in criteria if c not in seen]
    if missing:
        yield Finding(
            rel,
            ScoreSheet.yaml_path("scores"),
            "score.missing-criterion",
            "Phiếu chưa chấm tiêu chí: " + ", ".join(missing),
            "Chấm đủ mọi tiêu chí của đợt",
        )
    levels = {level.code for level in appraisal.classification}
    if body.proposed_level not in levels:
        yield Finding(
            rel,
            ScoreSheet.yaml_path("proposed_level"),
            "score.unknown-level",
            f"Không có mức xếp loại «{body.proposed_level}»",
            "Chọn một trong: " + ", ".join(sorted(levels)),
        )


def clock_rules(documents: Iterable[Document], now: dt.datetime) -> Iterator[Finding]:
    """Dates that cannot be true yet at ``now`` (the check's clock, Vietnam time): a receipt in
    the future would hide its file from every page until then; a progress update dated in the
    future would count negative days."""
    today = now.astimezone(TZ).date()
    for document in documents:
        if not document.valid or not isinstance(document.data, dict):
            continue
        if document.kind == Kind.CYCLE:
            for n, entry in enumerate(Cycle.from_data(document.data).receipt_book):
                if entry.at > now:
                    yield Finding(
                        document.rel,
                        Cycle.yaml_path("receipt_book", n, "at"),
                        "cycle.receipt-in-future",
                        f"Thời điểm nhận «{entry.written}» của {entry.file} ở tương lai "
                        f"(lúc này là {_vn(today)})",
                        "Ghi đúng thời điểm cơ quan tham mưu đã nhận hồ sơ, ví dụ 2023-02-27T10:00:00+07:00; "
                        "kiểm tra lại năm",
                    )
        elif document.kind == Kind.PROGRESS:
            day = dt.date.fromisoformat(str(Progress.of(document).day))
            if day > today:
                yield Finding(
                    document.rel,
                    Progress.yaml_path("day"),
                    "progress.future-date",
                    f"Báo cáo tiến độ ghi ngày {_vn(day)}, sau ngày hôm nay ({_vn(today)})",
                    "Ghi ngày thật của báo cáo (hôm nay hoặc trước đó), và đặt tên tệp theo ngày đó",
                )
