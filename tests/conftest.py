"""Shared fixtures. Every socket a test opens must go to 127.0.0.0/8: enforced here."""

from __future__ import annotations

import ipaddress
import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor.config import Settings, settings_from_yaml
from monitor.workers import ExtractPool
from storage import clock as product_clock
from storage import open_db

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check_destination(address, refused: list) -> None:
    if isinstance(address, (str, bytes)):  # unix socket
        return
    host = address[0]
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        refused.append(host)
        raise AssertionError(f"test tried to connect to a name, not an address: {host!r}")
    if not ip.is_loopback:
        refused.append(host)
        raise AssertionError(f"test tried to open a connection to {host}: only 127.0.0.0/8 is allowed")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any test that would send traffic outside the loopback range; clear proxy variables.

    The tests name private and metadata addresses (10.0.0.1, 169.254.169.254) only as faked DNS
    answers and as links the guard must refuse. A connection attempt to one is stopped here, and,
    since code under test may catch the error and record it as a failed fetch, the test is failed
    afterwards too: no attempt may have been made at all."""
    refused: list = []

    def connect(self, address):
        _check_destination(address, refused)
        return _real_connect(self, address)

    def connect_ex(self, address):
        _check_destination(address, refused)
        return _real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    yield
    assert not refused, f"the test tried to connect outside 127.0.0.0/8: {refused}"


class FakeClock:
    """A clock the test moves by hand: chargewatch's one clock (storage.clock) reads it."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


CLOCK_START = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)
DEMO_FETCHED = CLOCK_START - timedelta(hours=1)  # when the demo database was fetched


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


def make_settings(base: str, sources: str, **network) -> Settings:
    """Settings for a loopback server at base (http://127.0.0.1:PORT) with the given sources YAML."""
    net = {"allow_private": [base.removeprefix("http://")], "host_delay": "0s", "retries": 0,
           "read_timeout": "5s", "connect_timeout": "2s", "total_timeout": "10s"}
    net.update(network)
    lines = ["network:"]
    for key, value in net.items():
        lines.append(f"  {key}: {value!r}" if not isinstance(value, list) else f"  {key}: {value}")
    text = "\n".join(lines).replace("'", '"') + "\nsources:\n" + sources.replace("{BASE}", base)
    return settings_from_yaml(text, "test-feeds.yaml")


def shared_data(name: str) -> Path:
    """A folder of ../shared/data; fails (never skips silently) when it is missing."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.fail(f"{path} is missing: these tests read ../shared/data beside the project "
                    "(outside CI, deselect them with -m 'not shared')")
    return path


def respond(h, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
    """Write a whole response from a SiteServer route handler."""
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    if "Content-Length" not in headers and "no_length" not in headers:
        h.send_header("Content-Length", str(len(body)))
    for k, v in headers.items():
        if k != "no_length":
            h.send_header(k.replace("_", "-"), str(v))
    if "no_length" in headers:
        h.send_header("Connection", "close")
        h.close_connection = True
    h.end_headers()
    if h.command != "HEAD":
        h.wfile.write(body)


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
