"""`make bench` at a tiny size: the synthetic repository is valid, every step runs, and the
report is written with a verdict for every target. Speed itself is never asserted here (it
belongs to `make bench` and docs/performance.md)."""

from __future__ import annotations

import re
from pathlib import Path

from bench.__main__ import main
from bench.synthetic import Shape, generate
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


def test_bench_runs_end_to_end_and_writes_the_report(tmp_path: Path) -> None:
    output = tmp_path / "performance.md"
    argv = ["--sizes", "10", "20", "--warm-up", "0", "--output", str(output)]
    main([*argv, "--workdir", str(tmp_path / "work")])
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
