"""Shared fixtures and pytest hooks. Every socket a test opens must go to 127.0.0.0/8: enforced here.

Plain helpers that tests import (paths, make_settings, respond, free_port...) are in tests/helpers.py:
no test imports from this file.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from monitor.workers import ExtractPool
from storage import clock as product_clock
from storage import open_db
from tests.helpers import CLOCK_START, DEMO_FETCHED, FakeClock, check_destination

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any test that would send traffic outside the loopback range; clear proxy variables.

    The tests name private and metadata addresses (10.0.0.1, 169.254.169.254) only as faked DNS
    answers and as links the guard must refuse. A connection attempt to one is stopped here, and,
    since code under test may catch the error and record it as a failed fetch, the test is failed
    afterwards too: no attempt may have been made at all."""
    refused: list = []

    def connect(self, address):
        check_destination(address, refused)
        return _real_connect(self, address)

    def connect_ex(self, address):
        check_destination(address, refused)
        return _real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    yield
    assert not refused, f"the test tried to connect outside 127.0.0.0/8: {refused}"


@pytest.fixture
def clock():
    """Sets chargewatch's clock to 2026-11-25 08:00 UTC for one test (move it with .now or
    .advance()); the machine's clock is never compared with a date written in a test."""
    fake = FakeClock(CLOCK_START)
    previous = product_clock.set_clock(fake)
    yield fake
    product_clock.set_clock(previous)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Captured output may quote a lone surrogate that a test fed the product on purpose; pytest-xdist
    cannot send such text between processes, so it travels escaped."""
    outcome = yield
    report = outcome.get_result()
    report.sections = [(name, text.encode("utf-8", "backslashreplace").decode("utf-8"))
                       for name, text in report.sections]


def pytest_collection_modifyitems(items):
    """A test that sets the clock is time-dependent: .ci/run runs those again a year ahead."""
    for item in items:
        if "clock" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.clock)


@pytest.fixture(scope="session")
def tagger():
    """One default tagger for the session's tag-level tests (building one takes a second)."""
    from nlp import Tagger

    return Tagger()


@pytest.fixture(scope="session")
def extractor():
    """One extraction process pool for the whole session (spawning workers costs ~1 s)."""
    pool = ExtractPool(2)
    yield pool
    pool.close()


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "test.db")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory, extractor) -> Path:
    """The bundled sample site fetched once (three passes, like `make demo`) into a database file
    that tests copy before they change anything."""
    from monitor.demo import demo_settings
    from monitor.demo.sitesrv import SiteServer
    from monitor.pipeline import run_pass

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    previous = product_clock.set_clock(lambda: DEMO_FETCHED)  # every row stamped at a known time
    with SiteServer() as site:
        database = open_db(path)
        settings = demo_settings(site.base)
        run_pass(settings, database, extractor=extractor)
        site.version = 2
        run_pass(settings, database, extractor=extractor)
        database.close()
    product_clock.set_clock(previous)
    return path


@pytest.fixture
def demo_db(demo_db_file, tmp_path) -> Path:
    """A fresh copy of the demo database for one test."""
    import sqlite3

    copy = tmp_path / "demo.db"
    source = sqlite3.connect(demo_db_file)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy
