"""Tag many texts on several cores, returning plain tags from the workers.

spaCy's own ``nlp.pipe(n_process=2)`` sends every Doc back to the parent, which then rebuilds
it: on two cores that was slower than one process. Here each worker builds its own Tagger once
and sends back only the small ``Tags`` dataclasses.

Starting a worker (importing spaCy, building the matchers) takes about two seconds. ``TagPool``
starts them all and waits until every one is ready, so a caller that tags in several rounds, or
a benchmark, pays that once and can tell it apart from the tagging itself.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .tagger import Tagger

READY_TIMEOUT = 120.0
_worker_tagger: Tagger | None = None


def _init(ready) -> None:
    global _worker_tagger
    _worker_tagger = Tagger()
    list(_worker_tagger.pipe([("Tesla buys lithium.", None)]))  # the first call allocates
    ready.wait(timeout=READY_TIMEOUT)


def _tag_batch(batch: list[tuple[str, str | None]], convert: Callable | None = None) -> list:
    assert _worker_tagger is not None
    tags = _worker_tagger.pipe(batch)
    return [convert(t) for t in tags] if convert else list(tags)


class TagPool:
    """Worker processes, each with a Tagger; ``with TagPool(2) as pool: pool.tag(items)``."""

    def __init__(self, processes: int = 2, batch_size: int = 200):
        self.processes = processes
        self.batch_size = batch_size
        ctx = multiprocessing.get_context("spawn")
        ready = ctx.Barrier(processes + 1)
        self._pool = ctx.Pool(processes, initializer=_init, initargs=(ready,))
        try:
            ready.wait(timeout=READY_TIMEOUT)  # every worker has built its tagger
        except threading.BrokenBarrierError:
            self._pool.terminate()
            raise RuntimeError(f"the tagging workers were not ready after {READY_TIMEOUT} s "
                               "(a worker failed to build its tagger: run `chargewatch tag` to see why)") from None

    def tag(self, items: Iterable[tuple[str, str | None]], convert: Callable | None = None) -> Iterator:
        """Tags for each (text, title), in order; at most two batches a worker are in flight, so
        a stream of any length (a whole database) is never all in memory. ``convert`` (a
        module-level function of the Tags) runs in the worker: what it returns comes back
        instead, smaller to send than the Tags themselves."""
        pending: deque = deque()
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.batch_size:
                pending.append(self._pool.apply_async(_tag_batch, (batch, convert)))
                batch = []
                while len(pending) > self.processes * 2:
                    yield from pending.popleft().get()
        if batch:
            pending.append(self._pool.apply_async(_tag_batch, (batch, convert)))
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> "TagPool":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None:
            self._pool.terminate()
        self.close()


def tag_many(items: Iterable[tuple[str, str | None]], processes: int = 2,
             batch_size: int = 200, convert: Callable | None = None) -> Iterator:
    """Tags for each (text, title), in order (or ``convert`` of them). processes=1 tags in this process."""
    if processes <= 1:
        for tags in Tagger().pipe(items):
            yield convert(tags) if convert else tags
        return
    with TagPool(processes, batch_size) as pool:
        yield from pool.tag(items, convert)
