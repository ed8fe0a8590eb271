"""`make bench` at a tiny size: the synthetic repository is valid, every step runs, and the
report is written with a verdict for every target. Speed itself is never asserted here (it
belongs to `make bench` and docs/performance.md)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import bench.__main__
from bench.__main__ import main
from bench.fmt import num
from bench.hugo import hugo_binary, site_pages
from bench.measure import Scale, measure
from bench.memory import descendants, tree_rss_kib
from bench.synthetic import Shape, generate
from bench.targets import province_verdicts
from sangtao.corpus import read_corpus
from sangtao.layout import Location, locate


def test_synthetic_repository_is_valid_and_laid_out(tmp_path: Path) -> None:
    data = generate(tmp_path / "repo", Shape(12, per_unit=4))
    assert data.units == 3
    assert data.registrations == 12
    corpus = read_corpus(data.root)
    assert [p.text() for p in corpus.problems] == []
    files = [f for group in data.by_schema.values() for f in group]
    assert len(files) == data.files
    assert all(isinstance(locate(f), Location) for f in files)


def test_a_province_shape_splits_the_roster_per_committee(tmp_path: Path) -> None:
    data = generate(tmp_path / "repo", Shape(24, per_unit=2, committees=5))
    corpus = read_corpus(data.root)
    assert [p.text() for p in corpus.problems] == []
    assert corpus.roster is not None and len(corpus.roster.committees) == 5
    assert len(corpus.roster.units) == 12
    assert len(data.by_schema["don-vi-phan"]) == 4  # 12 units in blocks of 3: one committee empty
    assert all(u.committee is not None for u in corpus.roster.units)


ALONE_ROW = "Để so: MkDocs + Material một mình (cùng số trang, mỗi trang một dòng Markdown, "
SAME_JOB_ROW = "Để so: Hugo + Pagefind trên cùng các trang (cùng việc: trang và chỉ mục tìm kiếm)"


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_bench_runs_end_to_end_and_writes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "performance.md"
    work = tmp_path / "work"
    measured: list[list[Scale]] = []
    real_report = bench.__main__.report

    def report(scales: list[Scale], *rest: Any) -> str:
        measured.append(scales)
        return real_report(scales, *rest)

    monkeypatch.setattr(bench.__main__, "report", report)
    argv = ["--sizes", "10", "20", "--warm-up", "0", "--output", str(output), "--keep"]
    main([*argv, "--workdir", str(work)])
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Hiệu năng\n")
    verdicts = dict(re.findall(r"^\| (.+?) \| .*? \| \*\*(PASS|FAIL|N/A)\*\* \|$", text, re.M))
    assert verdicts["Dữ liệu tổng hợp hợp lệ: `sangtao check` không báo lỗi"] == "PASS"
    receipts = "Thời điểm tiếp nhận: một lượt `git log` cho cùng kết quả với mỗi tệp một lệnh git"
    assert verdicts[receipts] == "PASS"
    assert any(target.startswith("`sangtao check` chỉ ra số dòng") for target in verdicts)
    assert len(verdicts) >= 7
    for heading in ("## Kết luận", "## Dữ liệu tổng hợp", "## 4. Xây dựng trang web"):
        assert heading in text
    # The largest list page is a list (whole or a part, decision 69), not a documentation page.
    assert re.search(r"Trang danh sách lớn nhất: `(don-vi|chua-|kho-khan|xep-loai|ket-qua)", text)
    assert any(target.startswith("Không trang HTML nào ≥ 500 KB") for target in verdicts)
    # Decision 84: the MkDocs-alone yardstick and Hugo + Pagefind, reported beside the Hugo target.
    (scales,) = measured
    rows = re.findall(r"^\| (Để so: .+?) \| (.*?) \| \*\*(PASS|FAIL|N/A)\*\* \|$", text, re.M)
    for scale in scales:
        at = f"(N={num(scale.data.n)})"
        alone = [r for r in rows if r[0].startswith(ALONE_ROW) and r[0].endswith(at)]
        same_job = [r for r in rows if r[0].startswith(SAME_JOB_ROW) and r[0].endswith(at)]
        assert len(alone) == len(same_job) == 1
        assert alone[0][2] == same_job[0][2] == "N/A"
        if hugo_binary() is None:
            assert alone[0][1].startswith("không đo") and same_job[0][1].startswith("không đo")
            continue
        assert re.search(r"×[\d,]+ Hugo; `mkdocs build` ×[\d,]+$", alone[0][1])
        assert re.search(r"= [\d,]+ s .*`mkdocs build` ×[\d,]+$", same_job[0][1])
        same_pages(scale, work / f"hugo-{scale.data.n}" / "hugo")
    # Without Hugo, neither yardstick is measured, and the rows say so.
    without = province_verdicts([dataclasses.replace(s, hugo=None) for s in scales])
    for row in (ALONE_ROW, SAME_JOB_ROW):
        found = [v for v in without if v.target.startswith(row)]
        assert len(found) == 2
        assert all(v.measured.startswith("không đo") and v.passed is None for v in found)


def same_pages(scale: Scale, hugo: Path) -> None:
    """Hugo, MkDocs alone and Pagefind all had every page of the built site, each at the site's
    URL, and nothing else (Material's 404 page aside)."""
    pages = {page.rel for page in site_pages(scale.data.root / "site")}
    assert scale.hugo is not None and scale.hugo.pages == len(pages) > 10
    assert html_pages(hugo / "public") == pages
    assert html_pages(hugo / "mkdocs-alone/site") - {"404.html"} == pages
    assert all((hugo / "mkdocs-alone/docs" / p).with_suffix(".md").is_file() for p in pages)
    entry = json.loads((hugo / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(pages)
    assert scale.hugo.indexed == len(pages)
    assert not (hugo / "public/pagefind").exists()  # Hugo's folder stays as Hugo wrote it


# A parent holding 150 MiB starts a child holding 150 MiB more, and both wait until the child
# has its memory: the build's forked process and Pagefind overlap its own memory in this way.
TWO_PROCESSES = """
import subprocess, sys, time
held = bytearray(150 * 2**20)
child = subprocess.Popen([sys.executable, "-c",
    "import sys, time; b = bytearray(150 * 2**20); print('ready', flush=True); time.sleep(1)"],
    stdout=subprocess.PIPE, text=True)
child.stdout.readline()
time.sleep(0.5)
child.wait()
"""


def test_the_peak_adds_up_processes_that_overlap(tmp_path: Path) -> None:
    run = measure([sys.executable, "-c", TWO_PROCESSES], tmp_path)
    assert run.code == 0, run.stderr
    # Each process alone stays under 200 MiB; together they hold over 300 MiB.
    assert run.peak_mib > 300


def test_the_tree_is_found_below_a_process(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    parent = os.getpid()
    try:
        assert child.pid in descendants(parent)
        assert tree_rss_kib(child.pid) > 0
    finally:
        child.kill()
        child.wait()
    assert child.pid not in descendants(parent)
