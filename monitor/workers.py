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
from .extract import extract_page

_tagger = None


def _warm() -> None:
    """Paid once per worker, not per page: trafilatura's imports and the tagger's matchers."""
    global _tagger
    import trafilatura  # noqa: F401

    from nlp import Tagger

    _tagger = Tagger()


def extract_and_tag(body: bytes, url: str, **kwargs):
    """Extract the page, then tag its text: one trip to the worker for both CPU-bound jobs."""
    page = extract_page(body, url, **kwargs)
    return page, tag_text(page.text, page.title)


def tag_text(text: str, title: str | None):
    global _tagger
    if _tagger is None:
        from nlp import Tagger

        _tagger = Tagger()
    return _tagger.tag(text, title)


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

    def extract(self, body: bytes, url: str, **kwargs):
        """(Page, Tags) for a fetched body."""
        return self._run(extract_and_tag, url, body, url, **kwargs)

    def tag(self, text: str, title: str | None, url: str = ""):
        return self._run(tag_text, url, text, title)

    def _run(self, fn, url: str, *args, **kwargs):
        pool = self._get()
        try:
            future = pool.submit(fn, *args, **kwargs)
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
