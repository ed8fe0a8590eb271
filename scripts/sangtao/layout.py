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
EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png")
MODEL_FILES = {REGISTRATION_FILE: "registration", REPORT_FILE: "report"}

CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
YEAR = re.compile(r"(?:19|20|21)[0-9]{2}\Z")
PROGRESS_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml\Z")

# Document kind → schema name.
SCHEMA_OF = {
    "roster": "don-vi",
    "roster-part": "don-vi-phan",
    "cycle": "dot",
    "answers": "giai-dap",
    "registration": "dang-ky",
    "progress": "tien-do",
    "report": "bao-cao",
    "score": "phieu-cham",
}


@dataclass(frozen=True)
class Location:
    """What a path under ``submissions/`` is."""

    rel: str
    kind: str
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
        prefix = f"{SUBMISSIONS}/{self.year}/"
        return self.rel[len(prefix) :] if self.rel.startswith(prefix) else self.rel


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
        return Location(rel, "cycle", year)
    if rest == [ANSWERS_FILE]:
        return Location(rel, "answers", year)
    if len(rest) == 2 and rest[0] == ANSWERS_DIR and (code := _yaml_code(rest[1])):
        return Location(rel, "answers", year, code)
    if len(rest) < 2:
        return _unknown(rel, parts)
    if rest[0] == APPRAISAL_DIR and rest[-1].endswith(".yaml") and len(rest) in (3, 4):
        # tham-dinh/<unit>[/<person>]/<appraiser account>.yaml: one sheet per appraiser per model
        person = rest[2] if len(rest) == 4 else None
        return Location(rel, "score", year, rest[1], person, rest[-1].removesuffix(".yaml"))
    # Unit and person folders are taken as written here; the cross-file rules judge them
    # against the roster, where a look-alike can be named for what it imitates.
    unit, person, tail = rest[0], None, rest[1:]
    if tail[0] == INDIVIDUALS_DIR and len(tail) >= 3:
        person, tail = tail[1], tail[2:]
    if len(tail) == 1 and tail[0] in MODEL_FILES:
        return Location(rel, MODEL_FILES[tail[0]], year, unit, person)
    match = PROGRESS_NAME.match(tail[1]) if len(tail) == 2 and tail[0] == PROGRESS_DIR else None
    if match and _real_date(match.group(1)):
        return Location(rel, "progress", year, unit, person, match.group(1))
    if len(tail) == 2 and tail[0] == EVIDENCE_DIR and tail[1].lower().endswith(EVIDENCE_TYPES):
        return Location(rel, "evidence", year, unit, person, tail[1])
    return _unknown(rel, parts)


def _roster(rel: str, rest: list[str], year: int | None) -> Location | None:
    """The roster of every cycle (``submissions/don-vi.yaml``) or of one cycle
    (``submissions/<year>/don-vi.yaml``), each optionally split into one part per committee."""
    if rest == [ROSTER_NAME]:
        return Location(rel, "roster", year)
    if len(rest) == 2 and rest[0] == ROSTER_PARTS_DIR and (code := _yaml_code(rest[1])):
        return Location(rel, "roster-part", year, code)
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
    """The skeleton of a name: what a reader sees, ignoring case, accents and look-alikes."""
    text = unicodedata.normalize("NFKD", text.translate(_CONFUSABLES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().translate(_CONFUSABLES)
