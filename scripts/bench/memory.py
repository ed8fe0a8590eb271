"""The memory a command holds together with every process it starts, sampled while it runs.

``wait4`` (and ``/usr/bin/time``) give the peak of the largest single process only: a build
whose forked process draws beside it, or whose Pagefind indexes while it writes pages, holds
the sum of them at once. Each sample adds up the resident set size of the process and all its
descendants, from Linux's ``/proc``; the largest sum is the tree's peak. A page two processes
share (a forked copy not yet written to) counts in each, so the sum never falls short of what
the machine held. The proportional size (PSS, shared pages split) would be exact, but reading it
walks every page: 28 ms for a 1 GiB process, a quarter of a core at ten samples a second,
taken from the build being measured; the resident size is a counter. On a province's build the
two differ by about 4 %, most of a forked copy being written to (decision 85).
"""

from __future__ import annotations

import os
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


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def rss_kib(pid: int) -> int:
    try:  # statm: sizes in pages; the second is the resident set
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):  # the process has just ended
        return 0


def tree_rss_kib(pid: int) -> int:
    return sum(rss_kib(process) for process in descendants(pid))


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
            self.peak_kib = max(self.peak_kib, tree_rss_kib(self.pid))
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
