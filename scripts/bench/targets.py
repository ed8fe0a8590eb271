"""The targets of the benchmark and their PASS/FAIL verdicts: pure functions of the measurements."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from bench.fmt import both, num, secs
from bench.measure import LineDemo, Scale

CHECK_SPEEDUP = 5.0
SITE_SECONDS_AT_10K = 120.0
LINEAR_SLACK = 1.2  # time may grow at most 20 % faster than N
PAGE_GROWTH = 1.10  # a dossier page may grow at most 10 % between sizes


@dataclass
class Verdict:
    target: str
    measured: str
    passed: bool | None  # None: not applicable in this run

    @property
    def label(self) -> str:
        return {True: "PASS", False: "FAIL", None: "N/A"}[self.passed]


def verdicts(scales: list[Scale], demo: LineDemo) -> list[Verdict]:
    small, large = scales[0], scales[-1]
    found = [
        Verdict(
            "Dữ liệu tổng hợp hợp lệ: `sangtao check` không báo lỗi",
            "; ".join(f"N={num(s.data.n)}: {s.problems}" for s in scales),
            all(s.check.code == 0 for s in scales),
        )
    ]
    for scale in scales:
        total = scale.validator_total
        if not scale.validators:
            found.append(
                Verdict(
                    f"`sangtao check` nhanh hơn `check-jsonschema` (N={num(scale.data.n)})",
                    "không đo: chưa cài check-jsonschema (nhóm `bench`)",
                    None,
                )
            )
            continue
        ratio = total.seconds / scale.check.seconds
        found.append(
            Verdict(
                f"`sangtao check` nhanh hơn `check-jsonschema` ≥ {CHECK_SPEEDUP:.0f} lần "
                f"(N={num(scale.data.n)})",
                f"{secs(total.seconds)} / {secs(scale.check.seconds)} = ×{num(ratio, 1)} "
                f"(CPU ×{num(total.cpu / scale.check.cpu, 1)})",
                ratio >= CHECK_SPEEDUP and total.failed == 0,
            )
        )
    found.append(_line_numbers(demo))
    found.append(
        Verdict(
            "Thời điểm tiếp nhận: một lượt `git log` cho cùng kết quả với mỗi tệp một lệnh git",
            "; ".join(
                f"N={num(s.data.n)}: {s.receipts.sample - len(s.receipts.mismatches)}/"
                f"{s.receipts.sample} khớp, nhanh hơn ×{num(s.receipts.ratio)}"
                for s in scales
            ),
            all(not s.receipts.mismatches for s in scales),
        )
    )
    growth = large.data.n / small.data.n
    cpu_ratio = large.site.run.cpu / small.site.run.cpu
    found.append(
        Verdict(
            f"Xây dựng trang web tăng tuyến tính: N ×{num(growth)} → thời gian CPU "
            f"≤ ×{num(growth * LINEAR_SLACK)}",
            f"{secs(small.site.run.cpu)} → {secs(large.site.run.cpu)} CPU: ×{num(cpu_ratio, 1)} "
            f"(thời gian thực ×{num(large.site.run.seconds / small.site.run.seconds, 1)})",
            cpu_ratio <= growth * LINEAR_SLACK,
        )
    )
    page_ratio = large.site.dossier_median / small.site.dossier_median
    found.append(
        Verdict(
            "Trang hồ sơ không lớn lên theo N (trung vị tăng ≤ 10 %)",
            f"{num(small.site.dossier_median / 1024, 1)} KB → "
            f"{num(large.site.dossier_median / 1024, 1)} KB: ×{num(page_ratio, 2)}",
            page_ratio <= PAGE_GROWTH,
        )
    )
    at_10k = next((s for s in scales if s.data.n == 10_000), None)
    found.append(
        Verdict(
            f"10.000 hồ sơ: xây dựng trang web dưới {SITE_SECONDS_AT_10K:.0f} s "
            f"trên {os.cpu_count()} nhân",
            both(at_10k.site.run.seconds, at_10k.site.run.cpu) if at_10k else "không đo",
            at_10k.site.run.seconds < SITE_SECONDS_AT_10K if at_10k else None,
        )
    )
    return found


def _line_numbers(demo: LineDemo) -> Verdict:
    with_line = re.search(r"dang-ky\.yaml:\d+", demo.sangtao) is not None
    if demo.other is None:
        return Verdict(
            "`sangtao check` chỉ ra số dòng",
            "sangtao: có" if with_line else "sangtao: KHÔNG có",
            with_line,
        )
    without = re.search(r"dang-ky\.yaml:\d+|line \d+|dòng \d+", demo.other) is None
    return Verdict(
        "`sangtao check` chỉ ra số dòng, `check-jsonschema` thì không",
        ("sangtao: có" if with_line else "sangtao: KHÔNG có")
        + (", check-jsonschema: không có" if without else ", check-jsonschema: có"),
        with_line and without,
    )
