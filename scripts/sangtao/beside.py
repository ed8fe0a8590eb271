"""The build's second core (decision 83): work done by a forked process beside the rest.

A province's build reads 60,000 files and draws 30,000 pages, work that splits by file or by
unit. On Linux with a second core (the publishing workflow's runners have 2–4), a forked
process reads a share of the files (and the git history), then draws the exports and a share
of the dossier pages, while the build's own process does the rest; what it made comes back
pickled. Without fork or a second core, the build's process does it all, in the same order:
the same bytes.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sangtao.problems import FatalError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported when work goes beside, not before:
# `sangtao check` reads files through this module and never forks (decision 80's start-up).

T = TypeVar("T")


@dataclass(frozen=True)
class Share:
    """The items (units, files) a process takes: of every ``count`` items in a list, the
    first goes beside (to the forked process), the others stay here."""

    count: int = 1
    beside: bool = False

    def owns(self, position: int) -> bool:
        first = self.count > 1 and position % self.count == 0
        return first == self.beside

    def other(self) -> Share:
        """The rest of the units (none, for the one process of a build without fork)."""
        return Share(self.count, not self.beside)


EVERY_UNIT = Share()
# The forked process also writes the exports (about two fifths of what is drawn beside the
# pages at 30,000 dossiers), so it takes one unit in four, the build's process three.
SHARES = 4
# While reading, the forked process also reads the git history: one file in three.
FILE_SHARES = 3


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """A second core, and a process that may fork safely: on Linux (macOS's system libraries
    may hold threads of their own, which is why Python spawns there), with no other thread
    (``mkdocs serve`` runs its server beside the build; a lock held there would stay held in
    a fork)."""
    import multiprocessing

    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and cores() > 1
        and threading.active_count() == 1
    )


# The work a forked process runs: it inherits this table, so no closure is ever pickled.
# Work done there must not log warnings: `mkdocs build --strict` counts only its own process's.
_PENDING: dict[int, Callable[[], Any]] = {}


def _run(key: int) -> Any:
    try:
        return _PENDING.pop(key)()
    except Exception as error:
        try:  # an error that cannot be rebuilt from its pickle would arrive as a broken pool
            pickle.loads(pickle.dumps(error))
        except Exception:
            raise RuntimeError(traceback.format_exc()) from None
        raise


class Beside(Generic[T]):
    """``work`` started in a forked process now, its result taken later with ``result``; with
    ``forked=False`` (or if the fork fails) it runs in this process when its result is asked
    for. Used as a context manager, the forked process is stopped if the code beside it
    fails, so that it writes nothing more and leaves no process behind."""

    def __init__(self, work: Callable[[], T], forked: bool) -> None:
        self._work = work
        self._future: Future[T] | None = None
        self._pool: ProcessPoolExecutor | None = None
        if forked:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            key = id(work)
            _PENDING[key] = work
            try:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                self._future = self._pool.submit(_run, key)  # the fork happens here
            except OSError:  # no memory for a fork (strict overcommit): one process does it
                self.cancel()
            finally:
                _PENDING.pop(key, None)

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is not None:
            self.cancel()

    def result(self) -> T:
        if self._future is None:
            return self._work()
        from concurrent.futures.process import BrokenProcessPool

        assert self._pool is not None
        try:
            return self._future.result()
        except BrokenProcessPool:
            raise FatalError(
                "Tiến trình thứ hai của bản dựng dừng bất thường (có thể vì hết bộ nhớ). "
                "Dựng lại với tùy chọn `parallel: false` của plugin sangtao để dùng một tiến trình."
            ) from None
        finally:
            self._pool.shutdown()
            self._pool = self._future = None

    def cancel(self) -> None:
        """Stop the forked process, whatever it is doing."""
        pool, self._pool, self._future = self._pool, None, None
        if pool is None:
            return
        # The executor shuts down only between tasks: its worker is stopped by hand (Python
        # 3.14's terminate_workers does this).
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
