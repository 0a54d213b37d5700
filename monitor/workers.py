"""A process pool for extraction: trafilatura is CPU-bound (~15 ms a page), so both cores work.

Threads would share one core through the GIL. The pool starts on first use with the ``spawn``
method (no fork of a threaded parent). A worker that crashes or hangs is replaced and the page
that caused it is reported as an extraction error, never a stuck run.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from .errors import ExtractError
from .extract import Page, extract_page


def _warm() -> None:
    import trafilatura  # noqa: F401  (import cost paid once per worker, not per page)


class ExtractPool:
    def __init__(self, workers: int = 2, timeout: float = 120.0):
        self.workers = workers
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
            return self._pool

    def _reset(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.kill()
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def extract(self, body: bytes, url: str, **kwargs) -> Page:
        pool = self._get()
        try:
            future = pool.submit(extract_page, body, url, **kwargs)
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            self._reset(pool)
            raise ExtractError(f"extraction took longer than {self.timeout:.0f}s", url) from None
        except BrokenProcessPool:
            self._reset(pool)
            raise ExtractError("extraction worker crashed", url) from None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
