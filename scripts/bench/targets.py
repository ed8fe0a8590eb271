"""The targets of the benchmark and their PASS/FAIL verdicts: pure functions of the measurements."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from bench.fmt import both, mib, num, secs
from bench.measure import LineDemo, Scale

CHECK_SPEEDUP = 10.0
FLOOR_RATIO = 1.5  # check at most 1.5× reading and parsing the same files with libyaml
RECEIPTS_RATIO = 3.0  # receipt times at most 3× the raw git log pass
HUGO_RATIO = 2.0  # the full site build at most 2× Hugo rendering the same pages
BUILD_MEMORY_MIB = 1024
STATUS_RATIO = 1.2  # status --format json at most 1.2× check
PAGE_RAW_KB = 500  # any page the visitor opens, its own HTML
VISIT_GZIP_KB = 1000  # a page with what it loads plus one search, as transferred
SITE_SECONDS_AT_10K = 120.0
LINEAR_SLACK = 1.2  # time may grow at most 20 % faster than N
PAGE_GROWTH = 1.10  # a dossier page may grow at most 10 % between sizes
NO_HUGO = "không đo: chưa cài Hugo (`apt-get install hugo`)"


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
        # CPU time: both tools are single-threaded, and on a shared machine wall time measures
        # the other users as much as the tool.
        ratio = total.cpu / scale.check.cpu
        found.append(
            Verdict(
                f"`sangtao check` nhanh hơn `check-jsonschema` ≥ {CHECK_SPEEDUP:.0f} lần "
                f"(N={num(scale.data.n)})",
                f"{secs(total.cpu)} / {secs(scale.check.cpu)} CPU = ×{num(ratio, 1)} "
                f"(thời gian thực ×{num(total.seconds / scale.check.seconds, 1)})",
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
    return found + province_verdicts(scales)


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


def province_verdicts(scales: list[Scale]) -> list[Verdict]:
    """The targets of issue 14, at every size, side by side."""
    found: list[Verdict] = []
    for s in scales:
        at = f"(N={num(s.data.n)})"
        if s.floor is not None:
            # CPU time, as for check-jsonschema above: both are one single-threaded process.
            ratio = s.check.cpu / s.floor.cpu
            found.append(
                Verdict(
                    f"`sangtao check` ≤ {num(FLOOR_RATIO, 1)} × đọc và phân tích cùng các tệp bằng "
                    f"`yaml.load(…, CSafeLoader)` {at}",
                    f"{secs(s.check.cpu)} / {secs(s.floor.cpu)} CPU = ×{num(ratio, 2)} "
                    f"(thời gian thực ×{num(s.check.seconds / s.floor.seconds, 2)})",
                    ratio <= FLOOR_RATIO,
                )
            )
        if s.raw_log is not None:
            ratio = s.receipts.one_pass_seconds / s.raw_log.seconds
            found.append(
                Verdict(
                    f"Thời điểm tiếp nhận ≤ {num(RECEIPTS_RATIO)} × một lượt `git log` thô {at}",
                    f"{secs(s.receipts.one_pass_seconds)} / {secs(s.raw_log.seconds)} = ×{num(ratio, 1)}",
                    ratio <= RECEIPTS_RATIO,
                )
            )
        ratio = s.status.cpu / s.check.cpu
        found.append(
            Verdict(
                f"`sangtao status --format json` ≤ {num(STATUS_RATIO, 1)} × `sangtao check` {at}",
                f"{secs(s.status.cpu)} / {secs(s.check.cpu)} CPU = ×{num(ratio, 2)} "
                f"(thời gian thực ×{num(s.status.seconds / s.check.seconds, 2)})",
                ratio <= STATUS_RATIO,
            )
        )
        if s.hugo is not None:
            ratio = s.site.run.seconds / s.hugo.run.seconds
            found.append(
                Verdict(
                    f"Xây dựng trang web ≤ {num(HUGO_RATIO)} × Hugo trên cùng các trang {at}",
                    f"{secs(s.site.run.seconds)} / {secs(s.hugo.run.seconds)} = ×{num(ratio, 1)} "
                    f"(CPU ×{num(s.site.run.cpu / s.hugo.run.cpu, 1)})",
                    ratio <= HUGO_RATIO,
                )
            )
            if s.hugo.jinja is not None and s.floor is not None:
                # Not a target: what any Python generator of these pages spends at least.
                least = s.floor.seconds + s.hugo.jinja.seconds
                found.append(
                    Verdict(
                        f"Để so: sàn của một bộ dựng viết bằng Python (đọc YAML bằng libyaml + "
                        f"ghi cùng các trang bằng Jinja2, không gì khác) so với Hugo {at}",
                        f"{secs(s.floor.seconds)} + {secs(s.hugo.jinja.seconds)} = "
                        f"{secs(least)}: ×{num(least / s.hugo.run.seconds, 1)} Hugo; "
                        f"`mkdocs build` ×{num(s.site.run.seconds / least, 1)} sàn này",
                        None,
                    )
                )
        else:
            found.append(
                Verdict(
                    f"Xây dựng trang web ≤ {num(HUGO_RATIO)} × Hugo trên cùng các trang {at}",
                    NO_HUGO,
                    None,
                )
            )
        found.extend(yardsticks(s))
        found.append(
            Verdict(
                f"Xây dựng trang web: bộ nhớ đỉnh ≤ 1 GiB, mọi tiến trình cùng lúc {at}",
                mib(s.site.run.peak_kib),
                s.site.run.peak_kib <= BUILD_MEMORY_MIB * 1024,
            )
        )
        # Issue 14, item 4: no page grows with N, the ones the visit below opens or any other
        # (a form page carries every unit's registered models).
        found.append(
            Verdict(
                f"Không trang HTML nào ≥ {PAGE_RAW_KB} KB {at}",
                f"lớn nhất `{s.site.largest[0]}` {num(s.site.largest[1] / 1e3)} KB; trang danh "
                f"sách lớn nhất `{s.site.largest_list[0]}` {num(s.site.largest_list[1] / 1e3)} KB",
                s.site.largest[1] < PAGE_RAW_KB * 1000,
            )
        )
        if s.visits:
            worst_page = max(s.visits, key=lambda v: v.html_raw)
            worst = max(s.visits, key=lambda v: v.total_gzip)
            found.append(
                Verdict(
                    f"Trang người xem mở < {PAGE_RAW_KB} KB (HTML); trang cùng một lần tìm kiếm "
                    f"< {num(VISIT_GZIP_KB / 1000)} MB tải về (gzip) {at}",
                    f"lớn nhất `{worst_page.page}` {num(worst_page.html_raw / 1e3)} KB; "
                    f"tải nhiều nhất `{worst.page}` {num(worst.total_gzip / 1e3)} KB",
                    worst_page.html_raw < PAGE_RAW_KB * 1000
                    and worst.total_gzip < VISIT_GZIP_KB * 1000,
                )
            )
        else:
            found.append(
                Verdict(
                    f"Dung lượng người xem tải về {at}",
                    "không đo: không có Chromium/Playwright",
                    None,
                )
            )
    return found


def yardsticks(s: Scale) -> list[Verdict]:
    """Not targets (decision 84): what MkDocs with Material costs alone on as many pages, and
    Hugo doing the same job as the build (pages and a search index, by Pagefind)."""
    at = f"(N={num(s.data.n)})"
    alone_target = (
        "Để so: MkDocs + Material một mình (cùng số trang, mỗi trang một dòng Markdown, không "
        f"plugin, không tìm kiếm) so với Hugo {at}"
    )
    same_job = (
        f"Để so: Hugo + Pagefind trên cùng các trang (cùng việc: trang và chỉ mục tìm kiếm) {at}"
    )
    hugo = s.hugo
    if hugo is None or hugo.mkdocs is None or hugo.pagefind is None:
        return [Verdict(alone_target, NO_HUGO, None), Verdict(same_job, NO_HUGO, None)]
    build = s.site.run.seconds
    alone = hugo.mkdocs.seconds
    both_jobs = hugo.run.seconds + hugo.pagefind.seconds
    return [
        Verdict(
            alone_target,
            f"{both(alone, hugo.mkdocs.cpu)}: ×{num(alone / hugo.run.seconds, 1)} Hugo; "
            f"`mkdocs build` ×{num(build / alone, 1)}",
            None,
        ),
        Verdict(
            same_job,
            f"{secs(hugo.run.seconds)} + {secs(hugo.pagefind.seconds)} = {secs(both_jobs)} "
            f"(Pagefind: {num(hugo.indexed)} trang, {secs(hugo.pagefind.cpu)} CPU, "
            f"{mib(hugo.pagefind.peak_kib)}); `mkdocs build` ×{num(build / both_jobs, 1)}",
            None,
        ),
    ]
