"""A process pool for extraction and tagging: both are CPU-bound (trafilatura about 12 ms a page,
the tagger about 3 ms), so they run in worker processes and both cores work. Threads would
share one core through the GIL. The pool starts on first use with the ``spawn`` method (no fork
of a threaded parent).

A page that takes too long is stopped inside its worker by an alarm, so one slow page fails
alone, as a timeout (``ExtractTimeout``, tried again on a later run); any other exception the
page's extraction or tagging raises is a permanent ``ExtractError`` naming the URL and the
error, since it would fail the same way again. A worker that dies (or, as a last resort, hangs
in C code past a much longer limit) is replaced; the pages caught in it are reported as
``WorkerLost`` and retried on the next run.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from .dedupe import NUM_PERM, content_hash, signature, words_of
from .errors import ChargewatchError, ExtractError, ExtractTimeout, WorkerLost
from .extract import extract_page
from .records import Extracted

_tagger = None


def _die_with_parent() -> None:
    """Linux: the kernel sends this worker SIGTERM when the process that started it dies, however
    it died (SIGKILL, os._exit), so no orphaned worker outlives chargewatch.

    Ctrl-C sends SIGINT to the whole process group, workers included: they ignore it, since the
    parent stops them in order (it finishes or rolls back the article in flight), instead of each
    printing a KeyboardInterrupt traceback."""
    import ctypes
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _warm(ready=None) -> None:
    """Paid once per worker, not per page: trafilatura's imports, the MinHash permutations, the
    matchers. Then the worker says it is ready (``ready``: a semaphore the pool waits on)."""
    _die_with_parent()
    import trafilatura  # noqa: F401

    signature("warm up the MinHash permutations once")
    _get_tagger()
    if ready is not None:
        ready.release()


def _get_tagger():
    global _tagger
    if _tagger is None:
        from nlp import Tagger

        _tagger = Tagger()
    return _tagger


class _Alarm(BaseException):
    """Raised by the SIGALRM handler inside the page's code. A BaseException, so that no
    library's ``except Exception`` (pypdf has dozens, trafilatura too) can take it for a broken
    file and swallow it or report it as one."""


ALARM_REPEAT = 1.0  # after the first alarm, another each second until the work stops


class _Armed:
    on = True


def _with_alarm(seconds: float, url: str, fn, *args, what: str = "extraction", **kwargs):
    """Run fn with a time limit, in the worker's main thread; what it raises becomes an
    ExtractError naming the URL: ``ExtractTimeout`` (not permanent) past the limit, the error
    itself if it is one of ours, and a permanent ExtractError for anything else, since the same
    bytes through the same code fail the same way on every run (a bug, or input the code
    cannot take, such as a text spaCy refuses): retrying it would only fail again.

    The alarm repeats every ALARM_REPEAT seconds until fn returns: one raised where Python
    cannot pass it on (a __del__, a callback whose exceptions are ignored) is followed by another."""
    armed = _Armed()

    def on_alarm(signum, frame):
        if armed.on:
            raise _Alarm()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT)
    try:
        try:
            return fn(*args, **kwargs)
        finally:
            armed.on = False  # from here on a late alarm is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Alarm:
        raise ExtractTimeout(f"{what} took longer than {seconds:g}s", url) from None
    except ChargewatchError:
        raise
    except Exception as exc:
        raise _permanent(what, url, exc) from None
    finally:  # again: an alarm at the very end of fn may have cut the inner finally short
        armed.on = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _permanent(what: str, url: str, exc: BaseException) -> ExtractError:
    message = " ".join(str(exc).split())
    if len(message) > 300:
        message = message[:300] + "..."
    return ExtractError(f"{what} failed: {type(exc).__name__}: {message}", url)


def extract_and_tag(body: bytes, url: str, seconds: float, num_perm: int = NUM_PERM, **kwargs) -> Extracted:
    """Extract the page, tag it, hash and sign it for story grouping: one trip to the worker."""
    def work():
        page = extract_page(body, url, **kwargs)
        words = words_of(page.text)
        tags = _get_tagger().tag(page.text, page.title)
        return Extracted(page, tags, signature(page.text, num_perm, words), content_hash(page.text, words),
                         _proposals(page.text, tags))
    return _with_alarm(seconds, url, work)


def _proposals(text: str, tags) -> tuple:
    """The supply links the page's sentences state (issue 18): only when it names both an automaker
    and a supplier, so the sentence splitting is paid by the few pages that can hold one."""
    if not tags.automakers or not getattr(tags, "suppliers", ()):
        return ()
    from nlp.proposals_text import proposals_for

    # the tagger's registry: every brand and spelling it tagged the automaker by can be found
    return proposals_for(text, tags, _get_tagger().registry)


def tag_text(text: str, title: str | None, seconds: float = 60.0, url: str = ""):
    return _with_alarm(seconds, url, lambda: _get_tagger().tag(text, title), what="tagging")


STUCK_SECONDS = 300.0  # at least this long before a worker that does not answer is replaced


def _submit(pool: ProcessPoolExecutor, fn, *args, **kwargs):
    """pool.submit, with SIGINT blocked in this thread while it may start worker processes: a
    new worker inherits the blocked signal, so a Ctrl-C that comes while it is still importing
    (before its initializer runs) is not a KeyboardInterrupt traceback in every worker. The
    parent stops the workers itself."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(fn, *args, **kwargs)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class ExtractPool:
    def __init__(self, workers: int = 2, timeout: float = 60.0):
        self.workers = workers
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._ready = None  # released once by each worker of the current pool when it is warm
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._ready = context.Semaphore(0)
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm,
                                                 initargs=(self._ready,))
            return self._pool

    def start(self, wait: bool = False) -> None:
        """Start the workers now (they take a second to import), not at the first page; with
        ``wait``, return once every worker has answered (its imports and matchers are ready)."""
        pool = self._get()
        try:
            probes = [_submit(pool, int) for _ in range(self.workers)]
        except (BrokenProcessPool, RuntimeError):  # a worker died since the last pass: start anew
            self._reset(pool)
            pool = self._get()
            probes = [_submit(pool, int) for _ in range(self.workers)]
        if not wait:
            return
        # Each worker releases the semaphore once, when its initializer has run. A worker whose
        # imports fail breaks the pool at once (its probe fails with BrokenProcessPool): say so
        # then, instead of waiting STUCK_SECONDS for a semaphore that will never be released.
        until = time.monotonic() + STUCK_SECONDS
        for _ in range(self.workers):
            while not self._ready.acquire(timeout=0.25):
                failed = next((f for f in probes if f.done() and not f.cancelled() and f.exception()), None)
                if failed is not None:
                    self._reset(pool)
                    raise WorkerLost(f"an extraction worker could not start: {failed.exception()}", "")
                if time.monotonic() > until:
                    raise WorkerLost(f"an extraction worker did not start within {STUCK_SECONDS:.0f}s", "")

    def _reset(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.kill()
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def extract(self, body: bytes, url: str, **kwargs) -> Extracted:
        """Page, tags, signature and content hash for a fetched body."""
        return self._run(extract_and_tag, url, body, url, self.timeout, **kwargs)

    def tag(self, text: str, title: str | None, url: str = ""):
        return self._run(tag_text, url, text, title, self.timeout, url)

    def _run(self, fn, url: str, *args, **kwargs):
        pool = self._get()
        try:
            future = _submit(pool, fn, *args, **kwargs)
        except (BrokenProcessPool, RuntimeError):
            self._reset(pool)
            raise WorkerLost("extraction worker pool was restarting", url) from None
        try:
            # The alarm in the worker stops slow pages; this much longer limit only catches a
            # worker stuck where signals cannot reach it. It counts the wait in the queue and a
            # new worker's start (spaCy, trafilatura: seconds, more on a busy machine), so it is
            # generous: a few minutes lost to a stuck worker beat a healthy one declared lost.
            return future.result(timeout=max(self.timeout * 10, STUCK_SECONDS))
        except FutureTimeout:
            self._reset(pool)
            raise WorkerLost("extraction worker stopped answering and was replaced", url) from None
        except (BrokenProcessPool, CancelledError):
            self._reset(pool)
            raise WorkerLost("extraction worker died", url) from None
        except ChargewatchError:
            raise
        except Exception as exc:  # raised in the worker outside _with_alarm, or its result could
            raise _permanent("extraction", url, exc) from None  # not be pickled: fails every time

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def kill(self) -> None:
        """Stop the workers now, whatever they are doing (the process is about to exit)."""
        with self._lock:
            if self._pool is not None:
                for proc in list(getattr(self._pool, "_processes", {}).values()):
                    proc.kill()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
