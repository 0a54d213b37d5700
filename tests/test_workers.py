"""The extraction pool: a slow page fails alone; a lost worker is a retry, not a verdict."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from monitor.errors import ExtractError, ExtractTimeout, WorkerLost
from monitor.workers import ExtractPool

NORMAL = ("<html><body><article><h1>Kia buys green steel</h1>"
          + "<p>Kia will buy green steel made with hydrogen for its EV plant in Georgia, it said.</p>" * 5
          + "</article></body></html>").encode()
# about 4 MB of paragraphs: several seconds of extraction, far over the 1 s limit below
SLOW = ("<html><body>" + "<div><p>Ford and Tesla buy nickel from Indonesia for batteries.</p></div>" * 40000
        + "</body></html>").encode()


def test_a_slow_page_is_stopped_in_its_worker_and_the_others_go_on():
    pool = ExtractPool(2, timeout=1.0)
    try:
        # decided by events, not by the machine's speed: both workers have started (spaCy and
        # trafilatura imported) before any page is timed; the 1 s alarm then applies to the
        # extraction alone, which takes milliseconds for NORMAL and seconds for SLOW
        pool.start(wait=True)
        with ThreadPoolExecutor(8) as threads:
            slow = threads.submit(pool.extract, SLOW, "http://127.0.0.1:9/slow")
            normal = [threads.submit(pool.extract, NORMAL, f"http://127.0.0.1:9/{i}") for i in range(12)]
            results = [(x.page, x.tags, x.signature) for x in (f.result() for f in normal)]
            with pytest.raises(ExtractError, match="took longer than 1s") as err:
                slow.result()
        # a timeout is a timeout: tried again on the next runs (the machine may have been busy)
        assert isinstance(err.value, ExtractTimeout) and not err.value.permanent
        for page, tags, _sig in results:
            assert page.title == "Kia buys green steel" and tags.automaker_ids() == ["kia"]
        page = pool.extract(NORMAL, "http://127.0.0.1:9/after").page  # the pool still works
        assert "green steel" in page.text
    finally:
        pool.close()


def test_a_dead_worker_is_a_transient_error_and_the_pool_recovers():
    import os

    pool = ExtractPool(1, timeout=5.0)
    try:
        with pytest.raises(WorkerLost) as err:
            pool._run(os._exit, "http://127.0.0.1:9/crash", 3)
        assert not err.value.permanent
        tags = pool.extract(NORMAL, "http://127.0.0.1:9/next").tags
        assert tags.topic_ids() == ["green-steel"]
    finally:
        pool.close()


def test_a_pass_starts_on_a_pool_whose_worker_was_killed_between_passes():
    """A worker killed from outside while idle between passes (the OOM killer, an operator)
    leaves a broken pool behind; the next pass's start replaces it instead of failing."""
    import os
    import signal
    import time

    from concurrent.futures.process import BrokenProcessPool

    pool = ExtractPool(1, timeout=5.0)
    try:
        pool.start(wait=True)
        broken = pool._get()
        busy = broken.submit(time.sleep, 60)  # bypasses _run, which would reset the pool itself
        for proc in list(broken._processes.values()):
            os.kill(proc.pid, signal.SIGKILL)
        assert isinstance(busy.exception(timeout=60), BrokenProcessPool)  # the pool knows it is broken
        pool.start(wait=True)
        assert pool._get() is not broken
        assert pool.extract(NORMAL, "http://127.0.0.1:9/after").tags.topic_ids() == ["green-steel"]
    finally:
        pool.close()
