"""Measurements: each tool runs as a subprocess on a synthetic repository; wall time with
``time.perf_counter``, CPU time from ``os.wait4``, peak memory from ``/usr/bin/time`` and from
samples of the whole process tree (``bench.memory``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bench.fmt import say
from bench.memory import TreePeak
from bench.synthetic import TZ, YEAR, Shape, Synthetic, generate

if TYPE_CHECKING:
    from bench.hugo import Hugo
    from bench.visitor import Visit

BIN = Path(sys.executable).parent
GNU_TIME = Path("/usr/bin/time")
NOW = dt.datetime(YEAR, 10, 20, 9, 0, tzinfo=TZ)
SAMPLE_FILES = 200
SAMPLE_MIN = 50
SAMPLE_BUDGET = 30.0  # seconds of per-file git calls at most, past SAMPLE_MIN files


@dataclass
class Run:
    seconds: float
    peak_kib: int
    code: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # user + system seconds, the command and every process it waited for

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    # Measured as installed: with Python's bytecode cache, which pip writes for an installed
    # package and the warm-up round writes here (without it every run compiles sangtao again).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env |= {"NO_MKDOCS_2_WARNING": "1", "SANGTAO_NOW": NOW.isoformat(), "PYTHONUTF8": "1"}
    return env


def measure(command: Sequence[str], cwd: Path) -> Run:
    """Run one command; wall time, CPU time and the peak memory of the command with every
    process it started."""
    with tempfile.TemporaryDirectory(prefix="sangtao-bench-") as tmp:
        rss = Path(tmp) / "rss"
        full = list(command)
        if GNU_TIME.is_file():
            full = [str(GNU_TIME), "-f", "%M", "-o", str(rss), *full]
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            started = time.perf_counter()
            process = subprocess.Popen(full, cwd=cwd, env=environment(), stdout=out, stderr=err)
            with TreePeak(process.pid) as tree:
                _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = code = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode(errors="replace")
            stderr = err.read().decode(errors="replace")
        largest = int(rss.read_text().split()[-1]) if GNU_TIME.is_file() else usage.ru_maxrss
    # The largest single process, or all of them together where they overlap (memory.py).
    peak = max(largest, tree.peak_kib)
    return Run(seconds, peak, code, stdout, stderr, usage.ru_utime + usage.ru_stime)


# Runs of each short command (`check`, its floors, `status`): the one with the least CPU counts.
# On a shared virtual machine a run is only ever slowed (the kernel writing out the repository
# just generated, another process), never sped up, so the least is the fairest figure.
RUNS = 2


def best_of(command: Sequence[str], cwd: Path, runs: int = RUNS) -> Run:
    """The run of ``command`` with the least CPU time out of ``runs``."""
    return min((measure(command, cwd) for _ in range(runs)), key=lambda run: run.cpu)


def argument_batches(files: Sequence[str], fixed: int) -> list[list[str]]:
    """Split an argument list so that no command line comes near the kernel's limit."""
    limit = (
        os.sysconf("SC_ARG_MAX") // 2
        - fixed
        - sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    )
    batches: list[list[str]] = [[]]
    used = 0
    for name in files:
        if used + len(name) + 1 > limit and batches[-1]:
            batches.append([])
            used = 0
        batches[-1].append(name)
        used += len(name) + 1
    return batches


@dataclass
class Tool:
    """One tool over one set of files, possibly in several invocations."""

    seconds: float = 0.0
    cpu: float = 0.0
    peak_kib: int = 0
    invocations: int = 0
    files: int = 0
    failed: int = 0

    def add(self, run: Run, files: int) -> None:
        self.seconds += run.seconds
        self.cpu += run.cpu
        self.peak_kib = max(self.peak_kib, run.peak_kib)
        self.invocations += 1
        self.files += files
        self.failed += run.code != 0

    def merge(self, other: Tool) -> None:
        self.seconds += other.seconds
        self.cpu += other.cpu
        self.peak_kib = max(self.peak_kib, other.peak_kib)
        self.invocations += other.invocations
        self.files += other.files
        self.failed += other.failed


def has_check_jsonschema() -> bool:
    """The comparison tool comes with the `bench` extra; the smoke test runs without it."""
    return (BIN / "check-jsonschema").is_file()


def check_jsonschema(repo: Path, schema: str, files: Sequence[str]) -> Tool:
    tool = Tool()
    command = [str(BIN / "check-jsonschema"), "--schemafile", f"schema/{schema}.schema.json"]
    for batch in argument_batches(files, sum(len(c) + 1 for c in command)):
        run = measure([*command, *batch], repo)
        if run.code != 0:
            print(run.stdout[-2000:], run.stderr[-2000:], file=sys.stderr)
        tool.add(run, len(batch))
    return tool


HISTORY_PROBE = """
import json, sys, time
from pathlib import Path
from sangtao.history import read_history
started = time.perf_counter()
history = read_history(Path.cwd())
seconds = time.perf_counter() - started
sample = json.loads(Path(sys.argv[1]).read_text())
found = {rel: history.received(rel) for rel in sample}
print(json.dumps({
    "seconds": seconds, "commits": history.commits, "files": len(history.files),
    "sample": {rel: int(l.at.timestamp()) if l else None for rel, l in found.items()},
}))
"""


@dataclass
class Receipts:
    one_pass: Run
    one_pass_seconds: float  # read_history itself, without starting Python
    commits: int
    dated: int
    sample: int
    per_file_seconds: float  # for the sample
    per_file_peak_kib: int
    per_file_cpu: float
    mismatches: list[str]
    total_files: int

    @property
    def per_file_extrapolated(self) -> float:
        return self.per_file_seconds * self.total_files / self.sample

    @property
    def ratio(self) -> float:
        return self.per_file_extrapolated / self.one_pass_seconds


def receipts(repo: Path, files: Sequence[str]) -> Receipts:
    step = max(1, len(files) // SAMPLE_FILES)
    sample = list(files[::step])[:SAMPLE_FILES]
    random.Random(len(files)).shuffle(sample)  # any prefix of it is spread over the tree too
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(sample, handle)
    try:
        run = measure([sys.executable, "-c", HISTORY_PROBE, handle.name], repo)
    finally:
        os.unlink(handle.name)
    if run.code != 0:
        raise SystemExit(f"read_history failed:\n{run.stderr}")
    probe = json.loads(run.stdout)
    # What a naive implementation does: ask git for each file. The receipt is the FIRST
    # first-parent landing, so git must walk the whole branch for every file.
    command = ["git", "log", "--first-parent", "--format=%ct", "--"]
    mismatches: list[str] = []
    peak = 0
    cpu = 0.0
    started = time.perf_counter()
    done = 0
    for rel in sample:
        if done >= SAMPLE_MIN and time.perf_counter() - started > SAMPLE_BUDGET:
            break  # enough to extrapolate; keeps `make bench` short on big trees
        done += 1
        process = subprocess.Popen([*command, rel], cwd=repo, stdout=subprocess.PIPE)
        assert process.stdout is not None
        output = process.stdout.read().split()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
        first = int(output[-1]) if output else None
        if first != probe["sample"][rel]:
            mismatches.append(rel)
    seconds = time.perf_counter() - started
    return Receipts(
        run, probe["seconds"], probe["commits"], probe["files"], done, seconds, peak,
        cpu, mismatches, len(files),
    )  # fmt: skip


# The list pages of every cycle, whole or in parts (decision 69), and the committees' pages.
LIST_PAGE = re.compile(
    r"(?:\d{4}/)?(?:(?:don-vi|chua-dang-ky|chua-bao-cao|kho-khan|xep-loai|ket-qua-tham-dinh)"
    r"(?:/.+)?|cap-uy/.+)\.html\Z"
)


@dataclass
class Site:
    run: Run
    total_bytes: int
    files: int
    html_pages: int
    dossier_pages: int
    dossier_median: float
    dossier_max: int
    largest: tuple[str, int]
    search_index: int
    exports: dict[str, int]
    built_in: float | None
    first_dossier: str
    largest_list: tuple[str, int]


def search_index_bytes(sizes: dict[str, int]) -> int:
    """The search index on disk: Pagefind's folder on the online build (decision 72), or
    Material's lunr file where that is what the build made."""
    pagefind = sum(v for k, v in sizes.items() if k.startswith("pagefind/"))
    return pagefind or sizes.get("search/search_index.json", 0)


def build_site(repo: Path) -> Site:
    target = repo / "site"
    run = measure([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(target)], repo)
    if run.code != 0:
        raise SystemExit(f"mkdocs build failed in {repo}:\n{run.stderr[-6000:]}")
    sizes = {
        p.relative_to(target).as_posix(): p.stat().st_size for p in target.rglob("*") if p.is_file()
    }
    html = {k: v for k, v in sizes.items() if k.endswith(".html")}
    dossiers = [v for k, v in html.items() if k.startswith(f"ho-so/{YEAR}/")]
    exports = {
        k: v
        for k, v in sizes.items()
        if k.rsplit(".", 1)[-1] in ("xlsx", "ics", "csv", "json", "ods")
        and not k.startswith(("search/", "assets/"))
    }
    largest = max(html.items(), key=lambda kv: kv[1])
    dossier_names = sorted(k for k in html if k.startswith(f"ho-so/{YEAR}/"))
    lists = {k: v for k, v in html.items() if LIST_PAGE.match(k)}
    built = re.search(r"Documentation built in ([0-9.]+) seconds", run.stderr)
    return Site(
        run, sum(sizes.values()), len(sizes), len(html), len(dossiers),
        statistics.median(dossiers) if dossiers else 0.0, max(dossiers, default=0), largest,
        search_index_bytes(sizes), exports,
        float(built.group(1)) if built else None, dossier_names[0] if dossier_names else "index.html",
        max(lists.items(), key=lambda kv: kv[1]),
    )  # fmt: skip


@dataclass
class Scale:
    data: Synthetic
    check: Run
    problems: str
    validators: dict[str, Tool]
    receipts: Receipts
    status: Run
    site: Site
    load: tuple[float, float]  # 1-minute load average before and after
    floor: Run | None = None  # libyaml's C loader over the same files
    raw_log: Run | None = None  # the git log pass of read_history, alone
    hugo: Hugo | None = None  # None: Hugo is not installed
    visits: list[Visit] = field(default_factory=list)  # empty: no Chromium

    @property
    def validator_total(self) -> Tool:
        total = Tool()
        for tool in self.validators.values():
            total.merge(tool)
        return total


def run_scale(workdir: Path, shape: Shape) -> Scale:
    n = shape.dossiers
    say(f"N = {n:,}: tạo kho tổng hợp …")
    load = os.getloadavg()[0]
    data = generate(workdir / f"n{n}", shape)
    os.sync()  # the new repository on disk before anything is measured
    repo = data.root
    say(f"  {data.files:,} tệp, {data.commits} commit, {data.seconds:.1f} s")
    from bench.floors import parse_floor, raw_log
    from bench.hugo import build_with_hugo
    from bench.visitor import available, typical_query, visit

    check = best_of([str(BIN / "sangtao"), "check"], repo)
    summary = check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr
    say(f"  sangtao check: {check.seconds:.2f} s, {check.peak_mib:.0f} MiB — {summary}")
    floor = parse_floor(repo)
    say(f"  yaml.load (CSafeLoader): {floor.seconds:.2f} s")
    if check.code != 0:
        print(check.stdout[-4000:], check.stderr[-4000:], file=sys.stderr)
    validators: dict[str, Tool] = {}
    if has_check_jsonschema():
        for schema, files in sorted(data.by_schema.items()):
            validators[schema] = check_jsonschema(repo, schema, files)
    total = Tool()
    for tool in validators.values():
        total.merge(tool)
    say(f"  check-jsonschema: {total.seconds:.2f} s in {total.invocations} lần gọi")
    everything = [f for files in data.by_schema.values() for f in files]
    found = receipts(repo, sorted(everything))
    log = raw_log(repo)
    say(
        f"  receipts: one pass {found.one_pass_seconds:.3f} s; per file "
        f"{1000 * found.per_file_seconds / found.sample:.1f} ms × {found.total_files:,} "
        f"≈ {found.per_file_extrapolated:.1f} s"
    )
    status = best_of([str(BIN / "sangtao"), "status", "--format", "json"], repo)
    if status.code != 0:
        raise SystemExit(f"sangtao status failed:\n{status.stderr[-4000:]}")
    say(f"  sangtao status: {status.seconds:.2f} s, {status.peak_mib:.0f} MiB")
    site = build_site(repo)
    say(
        f"  mkdocs build: {site.run.seconds:.1f} s, {site.run.peak_mib:.0f} MiB, "
        f"{site.html_pages:,} trang, {site.total_bytes / 1e6:.0f} MB"
    )
    hugo = build_with_hugo(repo / "site", workdir / f"hugo-{n}")
    if hugo is not None:
        say(f"  hugo: {hugo.run.seconds:.1f} s, {hugo.run.peak_mib:.0f} MiB, {hugo.pages:,} trang")
        if hugo.mkdocs is not None and hugo.pagefind is not None:
            say(
                f"  MkDocs + Material một mình: {hugo.mkdocs.seconds:.1f} s; Pagefind trên trang Hugo: "
                f"{hugo.pagefind.seconds:.1f} s, {hugo.pagefind.peak_mib:.0f} MiB, "
                f"{hugo.indexed:,} trang"
            )
    visits = []
    if available():
        pages = visitor_pages(site)
        visits = visit(repo / "site", pages, typical_query(repo / "site" / pages[1]))
        say("  người xem: " + ", ".join(f"{v.page} {v.total_gzip / 1e3:.0f} KB" for v in visits))
    return Scale(
        data, check, summary, validators, found, status, site, (load, os.getloadavg()[0]),
        floor, log, hugo, visits,
    )  # fmt: skip


def visitor_pages(site: Site) -> list[str]:
    """The home page, one dossier, and the largest list page."""
    return ["index.html", site.first_dossier, site.largest_list[0]]


@dataclass
class LineDemo:
    rel: str
    sangtao: str
    other: str | None  # None: check-jsonschema is not installed


def line_demo(repo: Path, rel: str) -> LineDemo:
    """The same two mistakes, as each tool reports them."""
    path = repo / rel
    original = path.read_text(encoding="utf-8")
    lines = []
    for line in original.splitlines():
        if line.startswith("linh_vuc: "):
            line = "linh_vuc: nong-nghiep"
        elif line.startswith("ngay_van_ban: "):
            line = "ngay_van_ban: 28/02/2023"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        ours = measure([str(BIN / "sangtao"), "check", rel], repo)
        other = None
        if has_check_jsonschema():
            theirs = measure(
                [str(BIN / "check-jsonschema"), "--schemafile", "schema/dang-ky.schema.json", rel],
                repo,
            )
            other = (theirs.stdout + theirs.stderr).strip()
    finally:
        path.write_text(original, encoding="utf-8")
    return LineDemo(rel, ours.stdout.strip(), other)
