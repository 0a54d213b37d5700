"""Tag many texts on several cores, returning plain tags from the workers.

spaCy's own ``nlp.pipe(n_process=2)`` sends every Doc back to the parent, which then rebuilds
it: on two cores that was slower than one process. Here each worker builds its own Tagger once
and sends back only the small ``Tags`` dataclasses.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .tagger import Tagger, Tags

_worker_tagger: Tagger | None = None


def _init() -> None:
    global _worker_tagger
    _worker_tagger = Tagger()


def _tag_batch(batch: list[tuple[str, str | None]]) -> list[Tags]:
    assert _worker_tagger is not None
    return list(_worker_tagger.pipe(batch))


def tag_many(items: Iterable[tuple[str, str | None]], processes: int = 2,
             batch_size: int = 200) -> Iterator[Tags]:
    """Tags for each (text, title), in order. processes=1 tags in this process."""
    if processes <= 1:
        yield from Tagger().pipe(items)
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init) as pool:
        pending = []
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                pending.append(pool.submit(_tag_batch, batch))
                batch = []
                while len(pending) > processes * 2:
                    yield from pending.pop(0).result()
        if batch:
            pending.append(pool.submit(_tag_batch, batch))
        for future in pending:
            yield from future.result()
