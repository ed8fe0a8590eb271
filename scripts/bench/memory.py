"""The memory a command holds together with every process it starts, sampled while it runs.

``wait4`` (and ``/usr/bin/time``) give the peak of the largest single process only: a build
whose forked process draws beside it, or whose Pagefind indexes while it writes pages, holds
the sum of them at once. Each sample adds up the proportional set size (PSS: a page shared by
two processes counts half in each, so a forked copy is not counted twice) of the process and
all its descendants, from Linux's ``/proc``; the largest sum is the tree's peak.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
INTERVAL = 0.1  # seconds between samples: the build's peaks last seconds, not milliseconds


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from the kernel's per-thread lists of children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in (PROC / str(current) / "task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except OSError:  # the process has just ended
            continue
    return found


def pss_kib(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_kib(pid: int) -> int:
    return sum(pss_kib(process) for process in descendants(pid))


class TreePeak:
    """Samples the tree below ``pid`` in a thread while the ``with`` block runs; ``peak_kib``
    is the largest sum seen (0 where ``/proc`` does not tell)."""

    def __init__(self, pid: int, interval: float = INTERVAL) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak_kib = max(self.peak_kib, tree_pss_kib(self.pid))
            if self._done.wait(self.interval):
                return

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._done.set()
        self._thread.join()
