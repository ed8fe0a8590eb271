"""The synthetic repository: a roster, one cycle and N dossiers of realistic Vietnamese text,
committed through ONE `git fast-import` stream as a few hundred pull-request merges on main.

Sizes are parameters (``Shape``): the number of dossiers, how many share a unit, the seed.
Paths come from ``sangtao.layout`` and plain scalars are judged by the project's own loader, so
the data cannot drift from what ``sangtao check`` accepts.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import PROJECT
from bench.words import (
    COMPANIES,
    CROPS,
    FAMILY,
    GENERIC_DIFFICULTIES,
    GENERIC_PROPOSALS,
    GENERIC_SOLUTIONS,
    GIVEN,
    KHO_NAMES,
    LESSONS,
    LIMITS,
    MIDDLE,
    OFFICES,
    PEOPLES,
    PLACE_A,
    PLACE_B,
    SCHOOLS,
    SECRETARY,
    THEMES,
)
from sangtao.layout import ROSTER_FILE, Kind, Location, fold, locate, path_of

YEAR = 2023
TZ = dt.timezone(dt.timedelta(hours=7))
DOSSIERS_PER_UNIT = 10  # a collective model and nine individuals' models per unit


@dataclass(frozen=True)
class Shape:
    """What to generate: ``dossiers`` models, ``per_unit`` of them per unit, from ``seed``."""

    dossiers: int
    per_unit: int = DOSSIERS_PER_UNIT
    seed: int = 833
    committees: int = 0  # > 0: a province's tree, the roster split into one file per committee

    @property
    def units(self) -> int:
        return -(-self.dossiers // self.per_unit)


def slug(text: str) -> str:
    """A folder code from Vietnamese text: sangtao's fold, then hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


class Writer:
    """Random but reproducible Vietnamese documents, one dossier at a time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self, kho: bool = False) -> str:
        if kho:
            return self.rng.choice(KHO_NAMES)
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def slots(self, place: str) -> dict[str, Any]:
        r = self.rng
        thon = r.randint(1, 14)
        return {
            "thon": f"thôn {thon}",
            "thon2": f"thôn {thon % 14 + 1}",
            "place": place,
            "people": r.choice(PEOPLES),
            "crop": r.choice(CROPS),
            "h": r.randrange(40, 400, 5),
            "km": round(r.uniform(1.5, 12.0), 1),
            "n": r.randint(5, 30),
            "pct": r.randrange(10, 90, 5),
        }

    def pick(self, pool: Sequence[str], low: int, high: int, slots: dict[str, Any]) -> list[str]:
        count = min(len(pool), self.rng.randint(low, high))
        return [s.format(**slots) for s in self.rng.sample(list(pool), count)]

    def date(self, low: dt.date, high: dt.date) -> dt.date:
        return low + dt.timedelta(days=self.rng.randint(0, (high - low).days))


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    block: str
    place: str

    @property
    def account(self) -> str:
        return f"vp-{self.code}"


def make_units(count: int, rng: random.Random) -> list[Unit]:
    units: list[Unit] = []
    for index in range(count):
        place = f"{rng.choice(PLACE_A)} {rng.choice(PLACE_B)}"
        place_code = slug(place)
        roll = rng.random()
        number = index + 1
        if roll < 0.40:
            word = rng.choice(["xã", "xã", "xã", "thị trấn"])
            name, kind, block = f"Đảng bộ {word} {place}", "dang-bo-co-so", "xa-thi-tran"
            code = f"{'tt' if word == 'thị trấn' else 'xa'}-{place_code}-{number}"
        elif roll < 0.65:
            school, short = rng.choice(SCHOOLS)
            name, kind, block = f"Chi bộ {school} {place}", "chi-bo-co-so", "truong-hoc"
            code = f"{short}-{place_code}-{number}"
        elif roll < 0.80:
            office = rng.choice(OFFICES)
            name, kind, block = f"Chi bộ {office} huyện {place}", "chi-bo-co-so", "co-quan"
            code = f"cq-{slug(office)[:12].strip('-')}-{number}"
        elif roll < 0.88:
            name, kind, block = f"Chi bộ Trạm Y tế xã {place}", "chi-bo-co-so", "y-te"
            code = f"yt-{place_code}-{number}"
        elif roll < 0.95:
            force = rng.choice(["Công an xã", "Ban Chỉ huy Quân sự xã"])
            name, kind, block = f"Chi bộ {force} {place}", "chi-bo-co-so", "luc-luong-vu-trang"
            code = f"{'ca' if force == 'Công an xã' else 'qs'}-{place_code}-{number}"
        else:
            company = rng.choice(COMPANIES)
            name, kind, block = f"Chi bộ {company} {place}", "chi-bo-co-so", "doanh-nghiep"
            code = f"dn-{place_code}-{number}"
        units.append(Unit(code, name, kind, block, place))
    return units


# ---------------------------------------------------------------------------------------------
# YAML as a clerk writes it: plain scalars, literal blocks for paragraphs


class Plain(str):
    """Written as is (dates): the strict loader keeps them as text."""


# Plain text that some YAML reader (1.1 or 1.2; check-jsonschema's too) would take for a number,
# a boolean or null: quoted, so that every tool measured reads the same documents.
_TYPED = re.compile(r"[-+.0-9][-+.0-9eE:]*\Z|(?i:null|true|false|yes|no|on|off|~)\Z")


def scalar(value: Any, indent: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Plain):
        return str(value)
    text = str(value)
    if "\n" in text or len(text) > 100:
        pad = "  " * indent
        return "|\n" + "\n".join(pad + line for line in text.split("\n"))
    if (
        text
        and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _TYPED.match(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += emit(value, indent + 1)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = emit(item, indent + 2)
                    sub[0] = f"{pad}  - {sub[0].lstrip()}"
                    lines += sub
                else:
                    lines.append(f"{pad}  - {scalar(item, indent + 2)}")
        else:
            lines.append(f"{pad}{key}: {scalar(value, indent + 1)}")
    return lines


def yaml_text(data: dict[str, Any], header: str = "") -> bytes:
    head = f"# {header}\n" if header else ""
    return (head + "\n".join(emit(data)) + "\n").encode()


# ---------------------------------------------------------------------------------------------
# The synthetic repository


@dataclass
class Event:
    """A file landing on main: its path, content and the instant the clerk finished it."""

    at: dt.datetime
    path: str
    content: bytes
    account: str


@dataclass
class Synthetic:
    n: int
    root: Path
    units: int = 0
    individuals: int = 0
    registrations: int = 0
    reports: int = 0
    progress: int = 0
    amendments: int = 0
    files: int = 0
    merges: int = 0
    commits: int = 0
    submission_bytes: int = 0
    seconds: float = 0.0
    fast_import_seconds: float = 0.0
    by_schema: dict[str, list[str]] = field(default_factory=dict)  # schema name → files


def working_instant(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59),
                       rng.randint(0, 59), tzinfo=TZ)  # fmt: skip


def dossier(
    writer: Writer,
    unit: Unit,
    person: tuple[str, str] | None,
    events: list[Event],
    stats: Synthetic,
) -> None:
    """One model's registration, and perhaps progress updates, an amendment and a report."""
    rng = writer.rng
    theme = THEMES[rng.randrange(len(THEMES))]
    slots = writer.slots(unit.place)
    kho = slots["people"] == "K'Ho" and rng.random() < 0.5
    titles = SECRETARY[unit.block]
    lead = {"ho_ten": writer.person(kho), "chuc_vu": rng.choice(titles[1:])}
    signer = {"ho_ten": writer.person(), "chuc_vu": titles[0]}
    who = person[1] if person is not None else None
    registration: dict[str, Any] = {"don_vi": unit.code, "nam": YEAR}
    if person is not None:
        registration["ca_nhan"] = {
            "ma": person[1],
            "ho_ten": person[0],
            "chuc_vu": rng.choice(titles[1:]),
        }
    name = rng.choice(theme["names"]).format(**slots)
    received = working_instant(rng, writer.date(dt.date(YEAR, 1, 16), dt.date(YEAR, 2, 27)))
    start = writer.date(dt.date(YEAR, 3, 1), dt.date(YEAR, 4, 1))
    end = writer.date(dt.date(YEAR, 10, 31), dt.date(YEAR, 12, 15))
    registration |= {
        "ten_mo_hinh": name,
        "linh_vuc": theme["linh_vuc"],
        "y_tuong": "\n".join(writer.pick(theme["idea"], 2, 4, slots)),
        "diem_moi": " ".join(writer.pick(theme["novelty"], 1, 2, slots)),
        "muc_tieu": writer.pick(theme["goals"], 1, 3, slots),
        "giai_phap": "\n".join(f"- {s}" for s in writer.pick(GENERIC_SOLUTIONS, 2, 5, slots)),
        "thoi_gian_thuc_hien": {"tu_ngay": Plain(start), "den_ngay": Plain(end)},
        "nguoi_phu_trach": lead,
        "ket_qua_du_kien": " ".join(writer.pick(theme["goals"], 1, 3, slots)),
        "ngay_van_ban": Plain(received.date() - dt.timedelta(days=rng.randint(0, 5))),
        "so_van_ban": f"{rng.randint(1, 240)}-ĐK/{'ĐU' if unit.kind == 'dang-bo-co-so' else 'CB'}",
        "nguoi_ky": signer,
    }
    if rng.random() < 0.4:
        lead["dien_thoai"] = f"0263 {rng.randint(3000000, 3999999)}"
    path = path_of(Kind.REGISTRATION, YEAR, unit.code, who)
    events.append(Event(received, path, yaml_text(registration), unit.account))
    stats.registrations += 1
    if rng.random() < 0.05:  # corrected before the deadline: the receipt stays the first landing
        later = received + dt.timedelta(hours=rng.randint(2, 72))
        if later.date() <= dt.date(YEAR, 2, 28):
            amended = dict(registration, muc_tieu=[*registration["muc_tieu"], GOAL_ADDED])
            events.append(Event(later, path, yaml_text(amended), unit.account))
            stats.amendments += 1
    if rng.random() < 0.4:
        days = sorted(
            {
                writer.date(dt.date(YEAR, 4, 15), dt.date(YEAR, 9, 30))
                for _ in range(rng.randint(1, 2))
            }
        )
        for number, day in enumerate(days, 1):
            update: dict[str, Any] = {
                "don_vi": unit.code,
                "nam": YEAR,
                "ngay": Plain(day),
                "phan_tram": min(95, 25 * number + rng.randint(0, 20)),
                "da_lam": "\n".join(f"- {s}" for s in writer.pick(GENERIC_SOLUTIONS, 1, 3, slots)),
            }
            if rng.random() < 0.5:
                update["kho_khan"] = writer.pick(GENERIC_DIFFICULTIES, 1, 2, slots)
                update["de_xuat"] = rng.choice(GENERIC_PROPOSALS)
            update["nguoi_bao_cao"] = {"ho_ten": lead["ho_ten"], "chuc_vu": lead["chuc_vu"]}
            at = working_instant(rng, day + dt.timedelta(days=rng.randint(0, 3)))
            events.append(
                Event(
                    at,
                    path_of(Kind.PROGRESS, YEAR, unit.code, who, day.isoformat()),
                    yaml_text(update),
                    unit.account,
                )
            )
            stats.progress += 1
    if rng.random() < 0.5:
        at = working_instant(rng, writer.date(dt.date(YEAR, 10, 2), dt.date(YEAR, 10, 19)))
        indicators = []
        for label, measure, (b_lo, b_hi), (a_lo, a_hi) in theme["indicators"]:
            before = rng.randint(b_lo, b_hi)
            after: float = rng.randint(a_lo, a_hi)
            if measure in ("km", "ha"):
                after = round(after + rng.random(), 1)
            indicators.append(
                {"chi_tieu": label, "don_vi_tinh": measure, "truoc": before, "sau": after}
            )
        report: dict[str, Any] = {
            "don_vi": unit.code,
            "nam": YEAR,
            "ten_mo_hinh": name,
            "qua_trinh_thuc_hien": "\n".join(
                writer.pick(theme["idea"], 1, 2, slots)
                + writer.pick(GENERIC_SOLUTIONS, 2, 4, slots)
            ),
            "ket_qua": indicators,
            "hieu_qua": {
                "chinh_tri": "Niềm tin của Nhân dân đối với cấp ủy được nâng lên; vai trò tiên phong của đảng viên được phát huy.",
                "kinh_te" if rng.random() < 0.6 else "xa_hoi": " ".join(
                    writer.pick(theme["goals"], 1, 2, slots)
                ),
            },
            "kha_nang_nhan_rong": f"Có thể áp dụng ở các đơn vị có điều kiện tương tự {unit.place}; "
            "điều kiện là cấp ủy quyết tâm và đảng viên làm nòng cốt.",
            "han_che": rng.choice(LIMITS),
            "bai_hoc": " ".join(writer.pick(LESSONS, 1, 2, slots)),
        }
        if rng.random() < 0.3:
            report["kien_nghi"] = rng.choice(GENERIC_PROPOSALS)
        if rng.random() < 0.3:
            report["minh_chung"] = [
                {
                    "tieu_de": f"Hình ảnh thực hiện mô hình ở {slots['thon']}",
                    "lien_ket": f"https://drive.google.com/file/d/{rng.getrandbits(64):016x}/view",
                }
            ]
        report |= {
            "de_nghi_khen_thuong": rng.random() < 0.3,
            "ngay_van_ban": Plain(at.date() - dt.timedelta(days=rng.randint(0, 3))),
            "so_van_ban": f"{rng.randint(100, 400)}-BC/{'ĐU' if unit.kind == 'dang-bo-co-so' else 'CB'}",
            "nguoi_ky": signer,
        }
        events.append(
            Event(at, path_of(Kind.REPORT, YEAR, unit.code, who), yaml_text(report), unit.account)
        )
        stats.reports += 1


GOAL_ADDED = "Bổ sung: tổ chức sơ kết, rút kinh nghiệm sau sáu tháng thực hiện."


def roster_files(units: list[Unit], committees: int) -> list[tuple[str, bytes]]:
    """The roster: one flat file, or (a province after 2025) a main file naming ``committees``
    commune, ward and bloc committees and one part file per committee with its organisations."""
    if committees <= 0:
        return [(ROSTER_FILE, roster(units))]
    codes = [f"cap-uy-{i + 1:03d}" for i in range(committees)]
    main = {
        "cap_uy": {"ten": "Tỉnh ủy Lâm Đồng (dữ liệu tổng hợp để đo hiệu năng)", "ma": "tinh-uy"},
        "quan_tri": [{"tai_khoan": "btc-nguyen-thi-ha", "ho_ten": "Nguyễn Thị Hà"}],
        "cap_uy_truc_thuoc": [
            {
                "ma": code,
                "ten": f"Đảng ủy {'phường' if i % 4 == 0 else 'xã'} số {i + 1}",
                "loai": "dang-uy-phuong" if i % 4 == 0 else "dang-uy-xa",
                "tai_khoan": [f"vp-{code}"],
            }
            for i, code in enumerate(codes)
        ],
    }
    files = [(ROSTER_FILE, yaml_text(main, "Cây tổ chức tổng hợp để đo hiệu năng."))]
    size = -(-len(units) // committees)
    for i, code in enumerate(codes):
        part = {
            "don_vi": [
                {
                    "ma": u.code,
                    "ten": u.name,
                    "loai": u.kind,
                    "khoi": u.block,
                    "tai_khoan": [u.account],
                }
                for u in units[i * size : (i + 1) * size]
            ]
        }
        if part["don_vi"]:
            files.append((path_of(Kind.ROSTER_PART, None, code), yaml_text(part)))
    return files


def roster(units: list[Unit]) -> bytes:
    data = {
        "huyen": {
            "ten": "Tỉnh ủy Lâm Đồng (dữ liệu tổng hợp để đo hiệu năng)",
            "cap_tren": "Ban Chấp hành Trung ương Đảng",
            "dia_danh": "Đà Lạt",
            "co_quan_tiep_nhan": "Ban Tổ chức Tỉnh ủy",
            "kho_ma_nguon": "https://github.com/tinh-uy-lam-dong/sangtao",
        },
        "quan_tri": [
            {"tai_khoan": "btc-nguyen-thi-ha", "ho_ten": "Nguyễn Thị Hà", "chuc_vu": "Phó Trưởng Ban Tổ chức"},
            {"tai_khoan": "btc-tran-van-hung", "ho_ten": "Trần Văn Hùng", "chuc_vu": "Chuyên viên"},
        ],
        "don_vi": [
            {"ma": u.code, "ten": u.name, "loai": u.kind, "khoi": u.block, "tai_khoan": [u.account]}
            for u in units
        ],
    }  # fmt: skip
    return yaml_text(data, "Danh sách tổng hợp do scripts/bench/ tạo ra để đo hiệu năng.")


def cycle() -> bytes:
    data = {
        "nam": YEAR,
        "ten": f"Mô hình mới, cách làm sáng tạo năm {YEAR}",
        "can_cu": [
            {"so": "833-CV/HU", "ngay": Plain("2023-02-13"), "co_quan": "Ban Thường vụ Huyện ủy Bảo Lâm",
             "trich_yeu": "Về đăng ký, triển khai xây dựng mô hình mới, cách làm sáng tạo năm 2023.",
             "toan_van": "833-CV-HU.md"},
            {"so": "09-HD/BTCTU", "ngay": Plain("2022-12-14"), "co_quan": "Ban Tổ chức Tỉnh ủy Lâm Đồng",
             "trich_yeu": "Hướng dẫn về thẩm định mô hình mới, cách làm sáng tạo."},
        ],
        "han": {
            "dang_ky": Plain(f"{YEAR}-02-28T23:59:59+07:00"),
            "bao_cao": Plain(f"{YEAR}-11-30T23:59:59+07:00"),
            "tham_dinh": Plain(f"{YEAR}-12-20T23:59:59+07:00"),
        },
        "an_han_phut": 0,
        "khung_thoi_gian": {"tu_ngay": Plain(f"{YEAR}-01-01"), "den_ngay": Plain(f"{YEAR}-12-31")},
    }  # fmt: skip
    return yaml_text(data, "Đợt tổng hợp do scripts/bench/ tạo ra để đo hiệu năng.")


def site_source() -> Iterator[tuple[str, bytes]]:
    """The project's site source, as it is in the working tree now."""
    yield "mkdocs.yml", (PROJECT / "mkdocs.yml").read_bytes()
    for folder in ("schema", "docs"):
        for path in sorted((PROJECT / folder).rglob("*")):
            if path.is_file():
                yield path.relative_to(PROJECT).as_posix(), path.read_bytes()


class FastImport:
    """A `git fast-import` stream, written into memory."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.marks = 0

    def mark(self) -> int:
        self.marks += 1
        return self.marks

    def data(self, payload: bytes) -> None:
        self.parts.append(b"data %d\n" % len(payload))
        self.parts.append(payload)
        self.parts.append(b"\n")

    def blob(self, content: bytes) -> int:
        mark = self.mark()
        self.parts.append(b"blob\nmark :%d\n" % mark)
        self.data(content)
        return mark

    def commit(
        self,
        ref: str,
        who: tuple[str, str],
        at: dt.datetime,
        message: str,
        files: Sequence[tuple[str, int]],
        parent: int | None = None,
        merge: int | None = None,
        author: tuple[str, str, dt.datetime] | None = None,
    ) -> int:
        mark = self.mark()
        stamp = f"{int(at.timestamp())} +0700"
        a_name, a_email, a_at = author or (*who, at)
        self.parts.append(f"commit {ref}\nmark :{mark}\n".encode())
        self.parts.append(f"author {a_name} <{a_email}> {int(a_at.timestamp())} +0700\n".encode())
        self.parts.append(f"committer {who[0]} <{who[1]}> {stamp}\n".encode())
        self.data(message.encode())
        if parent is not None:
            self.parts.append(b"from :%d\n" % parent)
        if merge is not None:
            self.parts.append(b"merge :%d\n" % merge)
        for path, blob in files:
            self.parts.append(f"M 100644 :{blob} {path}\n".encode())
        self.parts.append(b"\n")
        return mark


BOARD = ("Trần Văn Hùng", "btc-tran-van-hung@users.noreply.github.com")
FORGE = ("GitHub", "noreply@github.com")


def generate(root: Path, shape: Shape) -> Synthetic:
    """A repository of ``shape.dossiers`` dossiers: one unit per ``shape.per_unit``, each with its
    collective model and individuals' models; half of the models report, 40 % send progress
    updates; everything lands on main through a few hundred --no-ff merges."""
    started = time.perf_counter()
    n = shape.dossiers
    rng = random.Random(shape.seed * 1_000_003 + n)
    writer = Writer(rng)
    stats = Synthetic(n, root)
    unit_count = shape.units
    units = make_units(unit_count, rng)
    stats.units = unit_count
    events: list[Event] = []
    for unit in units:
        dossier(writer, unit, None, events, stats)
    taken: set[tuple[str, str]] = set()
    for index in range(n - unit_count):
        unit = units[index % unit_count]
        name = writer.person(rng.random() < 0.1)
        code = slug(name)
        while (unit.code, code) in taken:
            code = f"{slug(name)}-{rng.randint(2, 99)}"
        taken.add((unit.code, code))
        dossier(writer, unit, (name, code), events, stats)
        stats.individuals += 1
    events.sort(key=lambda e: e.at)
    stream = FastImport()
    seed_files = [(path, stream.blob(content)) for path, content in site_source()]
    seed_files += [(p, stream.blob(c)) for p, c in roster_files(units, shape.committees)]
    seed_files.append((path_of(Kind.CYCLE, YEAR), stream.blob(cycle())))
    opened = dt.datetime(YEAR, 1, 10, 8, 0, tzinfo=TZ)
    tip = stream.commit("refs/heads/main", BOARD, opened, f"Mở đợt {YEAR}", seed_files)
    stats.commits = 1
    for number, batch in enumerate(batches(events, max(300, n // 20)), 1):
        files = [(e.path, stream.blob(e.content)) for e in batch]
        landed = batch[-1].at
        clerk = batch[0].account
        pushed = landed - dt.timedelta(minutes=rng.randint(10, 600))
        side = stream.commit(
            "refs/heads/nop-ho-so",
            (clerk, f"{clerk}@users.noreply.github.com"),
            pushed,
            f"Nộp hồ sơ: {len(batch)} tệp",
            files,
            parent=tip,
        )
        tip = stream.commit(
            "refs/heads/main",
            FORGE,
            landed,
            f"Merge pull request #{number} from {clerk}/nop-ho-so\n\nNộp hồ sơ: {len(batch)} tệp\n",
            files,
            parent=tip,
            merge=side,
            author=(*BOARD, landed),
        )
        stats.merges += 1
        stats.commits += 2
    stats.submission_bytes = sum(len(e.content) for e in events)
    root.mkdir(parents=True)
    git(root, "init", "--quiet", "--initial-branch=main")
    began = time.perf_counter()
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream.parts), check=True
    )
    stats.fast_import_seconds = time.perf_counter() - began
    git(root, "branch", "--quiet", "-D", "nop-ho-so")
    git(root, "reset", "--quiet", "--hard", "main")
    submitted = sorted(
        p.relative_to(root).as_posix() for p in (root / "submissions").rglob("*.yaml")
    )
    stats.files = len(submitted)
    for rel in submitted:
        where = locate(rel)
        assert isinstance(where, Location) and where.schema is not None, rel
        stats.by_schema.setdefault(where.schema, []).append(rel)
    stats.seconds = time.perf_counter() - started
    return stats


def batches(events: list[Event], count: int) -> Iterator[list[Event]]:
    """About ``count`` merges in time order; none mixes files from both sides of the
    registration deadline, so that every registration lands on time."""
    deadline = dt.datetime(YEAR, 2, 28, 23, 59, 59, tzinfo=TZ)
    early = [e for e in events if e.at <= deadline]
    late = [e for e in events if e.at > deadline]
    for part in (early, late):
        share = max(1, round(count * len(part) / max(1, len(events))))
        size = -(-len(part) // share)
        for first in range(0, len(part), size):
            yield part[first : first + size]


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout
