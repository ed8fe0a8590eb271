"""The floors sangtao is held to: what reading the same files, or the same history, costs
with nothing of sangtao's own in between."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.measure import Run, best_of

# libyaml's C loader over every YAML file of the repository, in one Python process: the least
# any checker that reads these files must spend.
PARSE_FLOOR = """
from pathlib import Path
import yaml
for path in sorted(Path("submissions").rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

# The one `git log` pass sangtao.history.read_history makes, its output thrown away.
RAW_LOG = [
    "git", "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw",
    "--no-abbrev", "-z", "--reverse", "--format=%x00%H%x00%an%x00%ae%x00%cn%x00%ct%x00%s", "HEAD",
]  # fmt: skip


def parse_floor(repo: Path) -> Run:
    return best_of([sys.executable, "-c", PARSE_FLOOR], repo)


def raw_log(repo: Path) -> Run:
    return best_of(RAW_LOG, repo)
