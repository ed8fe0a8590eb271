"""`make bench`: `python -m bench [--quick] [--sizes N N …]` with scripts/ on the path."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import bench
from bench import PROJECT
from bench.fmt import say
from bench.measure import line_demo, run_scale
from bench.report import report
from bench.synthetic import Shape
from bench.targets import verdicts

FULL_SIZES = (1_000, 10_000, 30_000)
PROVINCE = 30_000  # from this size on: a province, 5 dossiers per organisation, 200 per committee
QUICK_SIZES = (100, 1_000)
WARM_UP = 30


def shape(n: int) -> Shape:
    """A district's repository, or from PROVINCE dossiers on a province's: 6,000 organisations
    in 150 commune, ward and bloc committees at 30,000 dossiers."""
    if n < PROVINCE:
        return Shape(n)
    return Shape(n, per_unit=5, committees=n // 200)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(bench.__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 dossiers; no report")
    parser.add_argument("--sizes", type=int, nargs="+", help="dossier counts (default 1000 10000)")
    parser.add_argument("--output", type=Path, help="report file (default docs/performance.md)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic repositories")
    parser.add_argument(
        "--warm-up", type=int, default=WARM_UP, help="dossiers of the unmeasured round (0: none)"
    )
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES))
    if len(sizes) < 2:
        parser.error("--sizes needs at least two sizes to compare")
    output = args.output or (None if args.quick or args.sizes else PROJECT / "docs/performance.md")
    started = time.perf_counter()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="sangtao-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        # One small unreported round first, so that no measured tool pays for a cold start.
        say("Khởi động (không tính) …")
        if args.warm_up:
            run_scale(workdir / "warm-up", Shape(args.warm_up))
        scales = [run_scale(workdir, shape(n)) for n in sizes]
        first = scales[0]
        demo = line_demo(first.data.root, first.data.by_schema["dang-ky"][0])
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            say(f"Kho tổng hợp giữ lại ở {workdir}")
    wall = time.perf_counter() - started
    found = verdicts(scales, demo)
    say("")
    for verdict in found:
        say(f"{verdict.label:4}  {verdict.target}: {verdict.measured}")
    if output is not None:
        output.write_text(report(scales, found, demo, wall) + "\n", encoding="utf-8")
        say(f"Đã ghi {output.relative_to(PROJECT) if output.is_relative_to(PROJECT) else output}")
    say(f"Tổng thời gian: {wall:.0f} s")
    return 0 if all(v.passed is not False for v in found) else 1


if __name__ == "__main__":
    sys.exit(main())
