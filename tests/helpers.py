"""Plain helpers the tests import: paths, a hand-moved clock, settings for a loopback server, a
route-handler reply, a free port.

They live here, not in conftest.py, because conftest.py is pytest's hook file: pytest finds and
loads it itself for its fixtures and hooks, and it is not a module for tests to import (a bare
``from conftest import`` even depends on how pytest set up sys.path). Helpers are plain importable
code: fixtures and hooks stay in conftest.py, which imports what it needs from here, and a test
imports from ``tests.helpers`` (tests/ is a package; pytest puts the project root on sys.path).
"""

from __future__ import annotations

import ipaddress
import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor.config import Settings, settings_from_yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read, released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on: a connection to it is refused."""
    return free_port()


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


def assert_topics(tagger, name: str, text: str, present, absent) -> None:
    """The topics a class-of-error case must get (``present``) and must not (``absent``), with the
    case's name and the tags found in the message: one check for every file of topic classes."""
    got = set(tagger.tag(text).topic_ids())
    assert set(present) <= got, f"{name}: missing {sorted(set(present) - got)} in {text!r} (got {sorted(got)})"
    assert not set(absent) & got, f"{name}: wrongly tagged {sorted(set(absent) & got)} in {text!r}"


def subjects(tags) -> list[str]:
    """The automaker ids a text's tags make subjects, sorted: what the role-class cases compare."""
    return sorted(a.id for a in tags.automakers if a.role == "subject")


def check_destination(address, refused: list) -> None:
    """Refuse (AssertionError, and the host noted in ``refused``) any socket destination outside
    127.0.0.0/8 or ::1, before a connection is made: conftest's autouse guard calls it."""
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
