"""Where each document lives: the paths under ``submissions/`` and what kind of document each is.

The layout is the first line of defence: a file at a path we do not know is a problem, never
silently ignored, and a folder that merely looks like a unit's code (other case, diacritics,
Unicode form, Cyrillic letters) is refused so that nobody can file into a shadow folder.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a file under ``submissions/`` is: the one list of document kinds."""

    ROSTER = "roster"
    ROSTER_PART = "roster-part"  # one committee's organisations: don-vi/<committee>.yaml
    CYCLE = "cycle"
    ANSWERS = "answers"
    REGISTRATION = "registration"
    PROGRESS = "progress"
    REPORT = "report"
    SCORE = "score"
    EVIDENCE = "evidence"  # a file kept and published, not a document read


SUBMISSIONS = "submissions"
ROSTER_NAME = "don-vi.yaml"
ROSTER_FILE = f"{SUBMISSIONS}/{ROSTER_NAME}"
ROSTER_PARTS_DIR = "don-vi"  # one file per committee: don-vi/<committee code>.yaml
ANSWERS_DIR = "giai-dap"  # a committee's answers: <year>/giai-dap/<committee code>.yaml
CYCLE_FILE = "dot.yaml"
REGISTRATION_FILE = "dang-ky.yaml"
REPORT_FILE = "bao-cao.yaml"
ANSWERS_FILE = "giai-dap.yaml"
INDIVIDUALS_DIR = "ca-nhan"
PROGRESS_DIR = "tien-do"
EVIDENCE_DIR = "minh-chung"
APPRAISAL_DIR = "tham-dinh"
LEGAL_TEXTS_DIR = "van-ban"  # under docs/: the full texts a cycle's legal basis cites
EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png")
MODEL_FILES = {REGISTRATION_FILE: Kind.REGISTRATION, REPORT_FILE: Kind.REPORT}
FILE_OF = {kind: name for name, kind in MODEL_FILES.items()}
# Folder names of the system inside a cycle: no unit may be coded like one of them, or its
# files would read as a roster part, a committee's answers or score sheets.
RESERVED_CODES = frozenset({APPRAISAL_DIR, INDIVIDUALS_DIR, ROSTER_PARTS_DIR, ANSWERS_DIR})

CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
YEAR = re.compile(r"(?:19|20|21)[0-9]{2}\Z")
PROGRESS_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml\Z")

# Document kind → schema name.
SCHEMA_OF = {
    Kind.ROSTER: "don-vi",
    Kind.ROSTER_PART: "don-vi-phan",
    Kind.CYCLE: "dot",
    Kind.ANSWERS: "giai-dap",
    Kind.REGISTRATION: "dang-ky",
    Kind.PROGRESS: "tien-do",
    Kind.REPORT: "bao-cao",
    Kind.SCORE: "phieu-cham",
}
KIND_OF = {schema: kind for kind, schema in SCHEMA_OF.items()}  # schema name → document kind


@dataclass(frozen=True)
class Location:
    """What a path under ``submissions/`` is."""

    rel: str
    kind: Kind
    year: int | None = None
    unit: str | None = None
    person: str | None = None
    name: str | None = None  # the date of a progress update, the file name of evidence

    @property
    def schema(self) -> str | None:
        return SCHEMA_OF.get(self.kind)

    @property
    def cycle_rel(self) -> str:
        """The path relative to the cycle folder, as the receipt book writes it."""
        prefix = f"{cycle_dir(self.year)}/" if self.year is not None else ""
        return self.rel[len(prefix) :] if prefix and self.rel.startswith(prefix) else self.rel


# The other direction: where a document of a kind lives. locate(path_of(…)) gives the same
# kind, year, unit, person and name back (tests/test_layout.py checks it with Hypothesis).


def cycle_dir(year: int | str) -> str:
    """submissions/<year>: the cycle's folder; ``year`` may be ``*``, any cycle's (the
    patterns of CODEOWNERS)."""
    return f"{SUBMISSIONS}/{year}"


def roster_parts_dir(year: int | str | None = None) -> str:
    """The folder of a roster's parts, one file per committee: of every cycle, or of one."""
    return f"{SUBMISSIONS if year is None else cycle_dir(year)}/{ROSTER_PARTS_DIR}"


def model_dir(year: int | str, unit: str, person: str | None = None) -> str:
    """The folder of a unit's collective model, or of one person's model in that unit."""
    folder = f"{cycle_dir(year)}/{unit}"
    return f"{folder}/{INDIVIDUALS_DIR}/{person}" if person is not None else folder


def path_of(
    kind: Kind,
    year: int | str | None = None,
    unit: str | None = None,
    person: str | None = None,
    name: str | None = None,
) -> str:
    """The path of a document of ``kind``, as ``locate`` reads it back.

    ``unit`` is the unit of a model or a score sheet, or the committee of a roster part or of
    its answers; ``name`` is a progress update's date, an evidence file's name or an
    appraiser's account (a score sheet). A roster and its parts may belong to one year.
    """
    if kind in (Kind.ROSTER, Kind.ROSTER_PART):
        base = SUBMISSIONS if year is None else cycle_dir(year)
        return (
            f"{base}/{ROSTER_NAME}"
            if kind == Kind.ROSTER
            else f"{roster_parts_dir(year)}/{unit}.yaml"
        )
    if year is None:
        raise ValueError(f"a {kind} document belongs to a year")
    if kind == Kind.CYCLE:
        return f"{cycle_dir(year)}/{CYCLE_FILE}"
    if kind == Kind.ANSWERS:
        where = ANSWERS_FILE if unit is None else f"{ANSWERS_DIR}/{unit}.yaml"
        return f"{cycle_dir(year)}/{where}"
    if unit is None:
        raise ValueError(f"a {kind} document belongs to a unit")
    if kind == Kind.SCORE:
        folder = "/".join([cycle_dir(year), APPRAISAL_DIR, unit, *([person] if person else [])])
        return f"{folder}/{name}.yaml"
    return f"{model_dir(year, unit, person)}/{_model_file(kind, name)}"


def _model_file(kind: Kind, name: str | None) -> str:
    if kind in FILE_OF:
        return FILE_OF[kind]
    if kind == Kind.PROGRESS:
        return f"{PROGRESS_DIR}/{name}.yaml"
    if kind == Kind.EVIDENCE:
        return f"{EVIDENCE_DIR}/{name}"
    raise ValueError(f"no such kind of document: {kind}")


@dataclass(frozen=True)
class Misplaced:
    """A path that is not where any document may live, and why."""

    rel: str
    rule: str
    message: str
    hint: str


_EXPECTED = (
    "Tệp hợp lệ: submissions/don-vi.yaml (hoặc submissions/<năm>/don-vi.yaml), "
    "danh sách tách theo cấp ủy submissions/[<năm>/]don-vi/<mã cấp ủy>.yaml, "
    "submissions/<năm>/dot.yaml, submissions/<năm>/giai-dap.yaml, "
    "submissions/<năm>/giai-dap/<mã cấp ủy>.yaml, và trong thư mục của mô hình "
    "(submissions/<năm>/<mã đơn vị>/ hoặc …/<mã đơn vị>/ca-nhan/<mã cá nhân>/): "
    "dang-ky.yaml, bao-cao.yaml, tien-do/<năm-tháng-ngày>.yaml, minh-chung/<tên>.pdf|jpg|png; "
    "phiếu chấm: submissions/<năm>/tham-dinh/<mã đơn vị>[/<mã cá nhân>]/<tài khoản>.yaml"
)


def locate(rel: str) -> Location | Misplaced:
    """Classify a repository-relative POSIX path under ``submissions/``."""
    parts = rel.split("/")
    bad = _bad_segment(rel, parts)
    if bad is not None:
        return bad
    if parts[0] != SUBMISSIONS:
        return Misplaced(rel, "layout.outside", "Tệp nằm ngoài thư mục submissions/", _EXPECTED)
    inner = parts[1:]
    roster = _roster(rel, inner, None)
    if roster is not None:
        return roster
    if not inner or not YEAR.match(inner[0]):
        return _unknown(rel, parts)
    year = int(inner[0])
    rest = inner[1:]
    roster = _roster(rel, rest, year)
    if roster is not None:
        return roster
    if rest == [CYCLE_FILE]:
        return Location(rel, Kind.CYCLE, year)
    if rest == [ANSWERS_FILE]:
        return Location(rel, Kind.ANSWERS, year)
    if len(rest) == 2 and rest[0] == ANSWERS_DIR and (code := _yaml_code(rest[1])):
        return Location(rel, Kind.ANSWERS, year, code)
    if len(rest) < 2:
        return _unknown(rel, parts)
    if rest[0] == APPRAISAL_DIR and rest[-1].endswith(".yaml") and len(rest) in (3, 4):
        # tham-dinh/<unit>[/<person>]/<appraiser account>.yaml: one sheet per appraiser per model
        person = rest[2] if len(rest) == 4 else None
        return Location(rel, Kind.SCORE, year, rest[1], person, rest[-1].removesuffix(".yaml"))
    # Unit and person folders are taken as written here; the cross-file rules judge them
    # against the roster, where a look-alike can be named for what it imitates.
    unit, person, tail = rest[0], None, rest[1:]
    if tail[0] == INDIVIDUALS_DIR and len(tail) >= 3:
        person, tail = tail[1], tail[2:]
    if len(tail) == 1 and tail[0] in MODEL_FILES:
        return Location(rel, MODEL_FILES[tail[0]], year, unit, person)
    match = PROGRESS_NAME.match(tail[1]) if len(tail) == 2 and tail[0] == PROGRESS_DIR else None
    if match and _real_date(match.group(1)):
        return Location(rel, Kind.PROGRESS, year, unit, person, match.group(1))
    if len(tail) == 2 and tail[0] == EVIDENCE_DIR and tail[1].lower().endswith(EVIDENCE_TYPES):
        return Location(rel, Kind.EVIDENCE, year, unit, person, tail[1])
    return _unknown(rel, parts)


def _roster(rel: str, rest: list[str], year: int | None) -> Location | None:
    """The roster of every cycle (``submissions/don-vi.yaml``) or of one cycle
    (``submissions/<year>/don-vi.yaml``), each optionally split into one part per committee."""
    if rest == [ROSTER_NAME]:
        return Location(rel, Kind.ROSTER, year)
    if len(rest) == 2 and rest[0] == ROSTER_PARTS_DIR and (code := _yaml_code(rest[1])):
        return Location(rel, Kind.ROSTER_PART, year, code)
    return None


def _yaml_code(name: str) -> str | None:
    stem = name.removesuffix(".yaml")
    return stem if stem != name and CODE.match(stem) else None


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Printable ASCII without a backslash: no control character, and always NFC. Nearly every path
# is like this, and then the per-character checks below have nothing to find.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+\Z")


def _bad_segment(rel: str, parts: list[str]) -> Misplaced | None:
    plain = _PLAIN_PATH.match(rel) is not None
    for part in parts:
        if (
            not part
            or part in (".", "..")
            or (not plain and any(c == "\\" or unicodedata.category(c)[0] == "C" for c in part))
        ):
            return Misplaced(
                rel,
                "layout.bad-name",
                "Đường dẫn có tên thư mục hoặc tệp không hợp lệ",
                "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
            )
        if part.startswith("-"):
            return Misplaced(
                rel,
                "layout.bad-name",
                f"Tên «{part}» bắt đầu bằng dấu gạch ngang",
                "Bắt đầu tên bằng chữ hoặc số",
            )
        if not plain and not unicodedata.is_normalized("NFC", part):
            return Misplaced(
                rel,
                "layout.look-alike",
                f"Tên «{part}» dùng dạng Unicode tổ hợp (NFD), dễ nhầm với tên khác",
                "Đặt lại tên bằng chữ thường không dấu, số và dấu gạch ngang",
            )
    return None


def _unknown(rel: str, parts: list[str]) -> Misplaced:
    name = parts[-1]
    stem, dot, ext = name.rpartition(".")
    if dot and ext.lower() in ("yml", "yaml") and ext != "yaml":
        hint = f"Đổi tên tệp thành {stem}.yaml"
    elif name in _KNOWN_NAMES and INDIVIDUALS_DIR in parts:
        hint = f"Mô hình của cá nhân đặt trong {INDIVIDUALS_DIR}/<mã cá nhân>/{name}, ví dụ {INDIVIDUALS_DIR}/nguyen-thi-lan/{name}"
    elif fold(name) in {fold(n) for n in _KNOWN_NAMES} and name not in _KNOWN_NAMES:
        hint = f"Đặt tên tệp đúng chữ thường, không dấu: {_closest_name(name)}"
    elif parts[-2:-1] == [PROGRESS_DIR]:
        hint = f"Báo cáo tiến độ đặt tên theo ngày: {PROGRESS_DIR}/2023-06-15.yaml"
    else:
        hint = _EXPECTED
    return Misplaced(rel, "layout.unknown-file", "Tệp ở vị trí không có trong quy định", hint)


_KNOWN_NAMES = (REGISTRATION_FILE, REPORT_FILE, CYCLE_FILE, ANSWERS_FILE, "don-vi.yaml")


def _closest_name(name: str) -> str:
    for candidate in _KNOWN_NAMES:
        if fold(candidate) == fold(name):
            return candidate
    return REGISTRATION_FILE


# Letters from other scripts that render like Latin ones: enough to defeat the usual tricks.
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ս": "u",
        "đ": "d", "Đ": "d", "_": "-", " ": "-", "ı": "i", "ℓ": "l",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """The skeleton of a name: what a reader sees, ignoring case, accents and look-alikes.

    The project's one fold: look-alike folders and names, codes made from Vietnamese text
    (the benchmark), and the words without diacritics that the site adds for search (spaces
    become hyphens, which the search index splits on like spaces).
    """
    text = unicodedata.normalize("NFKD", text.translate(_CONFUSABLES))
    return text.translate(_WITHOUT_MARKS).casefold().translate(_CONFUSABLES)


class _Marks(dict[int, int | None]):
    """``str.translate`` table dropping combining marks, filled as characters are met: a site
    folds every page's title and keywords, and a loop over characters in Python was most of
    that."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _Marks()
