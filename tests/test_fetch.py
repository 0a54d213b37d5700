"""The fetcher against a real loopback server: conditional GET, caps, redirects, retries, guard."""

from __future__ import annotations

import gzip
import threading

import pytest

from monitor.config import NetworkSettings
from monitor.demo.sitesrv import SiteServer
from monitor.errors import (BlockedAddress, FetchTimeout, HTTPStatusError, NetworkError,
                            RobotsDisallowed, TooLarge, TooManyRedirects)
from monitor.fetch import Fetcher, gunzip_capped
from monitor.fetch.netguard import is_public_address, system_resolver
from tests.helpers import closed_port, respond

BOMB = gzip.compress(b"\0" * 60_000_000, compresslevel=9)  # ~60 KB on the wire, 60 MB unpacked


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def hostile(tmp_path):
    release = threading.Event()
    calls: dict[str, int] = {}
    seen_headers: list[dict] = []

    def count(path):
        calls[path] = calls.get(path, 0) + 1
        return calls[path]

    def flaky(h):
        respond(h, 500 if count("/flaky") < 3 else 200, b"<html>finally</html>")

    def always500(h):
        count("/down")
        respond(h, 503, b"down")

    def ratelimited(h):
        if count("/limited") == 1:
            respond(h, 429, b"slow down", Retry_After="7")
        else:
            respond(h, 200, b"ok")

    def slow(h):
        release.wait(30)  # a server that never answers in time; released at teardown
        respond(h, 200, b"late")

    def big(h):
        respond(h, 200, b"x" * 2_000_000)

    def big_unlabelled(h):
        respond(h, 200, b"y" * 2_000_000, no_length=True)

    def bomb(h):
        respond(h, 200, BOMB, Content_Encoding="gzip")

    def loop_a(h):
        respond(h, 302, b"", Location="/loop-b")

    def loop_b(h):
        respond(h, 302, b"", Location="/loop-a")

    def headers(h):
        seen_headers.append(dict(h.headers))
        respond(h, 200, b"<html>hi</html>")

    robots = b"User-agent: *\nDisallow: /private/\n"
    routes = {"/flaky": flaky, "/down": always500, "/limited": ratelimited, "/slow": slow, "/big": big,
              "/big-unlabelled": big_unlabelled, "/bomb": bomb, "/loop-a": loop_a, "/loop-b": loop_b,
              "/headers": headers,
              "/robots.txt": lambda h: respond(h, 200, robots, "text/plain")}
    server = SiteServer(tmp_path, routes=routes, pages={
        "/feed.xml": ("application/rss+xml", b"<rss version='2.0'><channel><title>t</title></channel></rss>"),
        "/private/secret.html": ("text/html", b"<html>secret</html>"),
    }).start()
    server.calls, server.seen_headers = calls, seen_headers
    yield server
    release.set()
    server.stop()


def fetcher_for(server, sleeps=None, resolver=None, **net) -> Fetcher:
    settings = dict(allow_private=[server.base.removeprefix("http://")], host_delay=0, retries=2,
                    backoff=0.5, read_timeout=5, total_timeout=10, contact="https://example.org/about")
    settings.update(net)
    return Fetcher(NetworkSettings(**settings), sleep=sleeps if sleeps is not None else Sleeps(),
                   resolver=resolver)


def test_conditional_get_gives_304_the_second_time(hostile):
    f = fetcher_for(hostile)
    first = f.fetch(hostile.base + "/feed.xml")
    assert first.status == 200 and first.etag and first.last_modified and b"<rss" in first.body
    again = f.fetch(hostile.base + "/feed.xml", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert hostile.requests[-1] == ("/feed.xml", 304)


def test_user_agent_names_us_and_the_contact(hostile):
    fetcher_for(hostile).fetch(hostile.base + "/headers")
    ua = hostile.seen_headers[0]["User-Agent"]
    assert ua.startswith("chargewatch/") and "https://example.org/about" in ua


def test_404_is_a_permanent_http_error(hostile):
    with pytest.raises(HTTPStatusError) as err:
        fetcher_for(hostile).fetch(hostile.base + "/missing")
    assert err.value.status == 404 and err.value.permanent and "/missing" in str(err.value)


def test_5xx_is_retried_with_growing_backoff(hostile):
    sleeps = Sleeps()
    result = fetcher_for(hostile, sleeps).fetch(hostile.base + "/flaky")
    assert result.status == 200 and hostile.calls["/flaky"] == 3
    assert len(sleeps) == 2 and 0.5 <= sleeps[0] < sleeps[1] <= 1.25


def test_5xx_gives_up_after_the_retries(hostile):
    sleeps = Sleeps()
    with pytest.raises(HTTPStatusError) as err:
        fetcher_for(hostile, sleeps, retries=1).fetch(hostile.base + "/down")
    assert err.value.status == 503 and not err.value.permanent
    assert hostile.calls["/down"] == 2 and len(sleeps) == 1


def test_429_honours_retry_after(hostile):
    sleeps = Sleeps()
    assert fetcher_for(hostile, sleeps).fetch(hostile.base + "/limited").body == b"ok"
    assert sleeps == [7.0]


def test_retry_after_longer_than_the_cap_is_not_waited_for(hostile):
    sleeps = Sleeps()
    with pytest.raises(HTTPStatusError, match="429"):
        fetcher_for(hostile, sleeps, max_retry_after=5).fetch(hostile.base + "/limited")
    assert sleeps == []


def test_read_timeout(hostile):
    with pytest.raises(FetchTimeout) as err:
        fetcher_for(hostile, retries=0, read_timeout=0.3).fetch(hostile.base + "/slow")
    assert "/slow" in str(err.value) and err.value.kind == "timeout"


def test_connection_refused():
    port = closed_port()
    f = Fetcher(NetworkSettings(allow_private=[f"127.0.0.1:{port}"], retries=0))
    with pytest.raises(NetworkError, match="connection refused"):
        f.fetch(f"http://127.0.0.1:{port}/feed.xml")


@pytest.mark.parametrize("path", ["/big", "/big-unlabelled"])
def test_body_over_the_cap(hostile, path):
    with pytest.raises(TooLarge, match="1,000,000"):
        fetcher_for(hostile, max_bytes=1_000_000).fetch(hostile.base + path)


def test_gzip_bomb_is_stopped_at_the_cap(hostile):
    with pytest.raises(TooLarge, match="decompressed"):
        fetcher_for(hostile, max_bytes=10_000_000).fetch(hostile.base + "/bomb")
    with pytest.raises(TooLarge):
        gunzip_capped(BOMB, 1_000_000)


def test_redirect_loop(hostile):
    with pytest.raises(TooManyRedirects, match="loop"):
        fetcher_for(hostile).fetch(hostile.base + "/loop-a")


def test_redirect_to_another_loopback_address_is_refused(hostile):
    # 127.0.0.2 is loopback but not in allow_private: refused before any connection.
    hostile.routes["/to-other"] = lambda h: respond(h, 301, b"", Location=f"http://127.0.0.2:{hostile.port}/x")
    with pytest.raises(BlockedAddress, match="127.0.0.2"):
        fetcher_for(hostile).fetch(hostile.base + "/to-other")


@pytest.mark.parametrize("name, address", [("metadata.example", "169.254.169.254"),
                                           ("intranet.example", "10.0.0.1"),
                                           ("mapped.example", "::ffff:192.168.1.1")])
def test_redirect_to_a_name_resolving_to_a_private_address_is_refused(hostile, name, address):
    asked = []

    def fake_dns(host, port):
        asked.append(host)
        return [address] if host == name else system_resolver(host, port)

    hostile.routes["/to-name"] = lambda h: respond(h, 302, b"", Location=f"http://{name}/latest/meta-data")
    with pytest.raises(BlockedAddress, match=address):
        fetcher_for(hostile, resolver=fake_dns).fetch(hostile.base + "/to-name")
    assert name in asked  # it was resolved and checked, and the loopback_only fixture saw no connection


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    f = Fetcher(NetworkSettings(retries=0), resolver=lambda h, p: ["93.184.215.14", "10.1.2.3"])
    with pytest.raises(BlockedAddress, match="10.1.2.3"):
        f.fetch("http://mixed.example/feed")


def test_non_http_schemes_and_credentials_are_refused(hostile):
    f = fetcher_for(hostile)
    for url in ("file:///etc/passwd", "gopher://127.0.0.1/", f"http://user:pw@{hostile.base[7:]}/feed.xml"):
        with pytest.raises(BlockedAddress):
            f.fetch(url)


def test_robots_txt_is_honoured_and_cached(hostile):
    f = fetcher_for(hostile)
    with pytest.raises(RobotsDisallowed):
        f.fetch(hostile.base + "/private/secret.html")
    assert f.fetch(hostile.base + "/feed.xml").status == 200
    assert [p for p, _ in hostile.requests].count("/robots.txt") == 1
    assert "/private/secret.html" not in [p for p, _ in hostile.requests]


def test_crawl_delay_spaces_requests_to_one_host(hostile):
    robots = b"User-agent: *\nCrawl-delay: 3\n"
    hostile.routes["/robots.txt"] = lambda h: respond(h, 200, robots, "text/plain")
    sleeps = Sleeps()
    f = fetcher_for(hostile, sleeps)
    f.fetch(hostile.base + "/feed.xml")
    f.fetch(hostile.base + "/headers")
    assert sleeps and 2.0 < max(sleeps) <= 3.0  # Crawl-delay: 3 between the two requests


@pytest.mark.parametrize("address, public", [
    ("93.184.215.14", True), ("2606:4700::1111", True), ("127.0.0.1", False), ("10.0.0.1", False),
    ("172.16.5.4", False), ("192.168.0.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:10.0.0.1", False), ("240.0.0.1", False), ("not-an-ip", False),
    # issue 14: old site-local, IETF protocol assignments, 6to4 relay, IPv6 documentation
    ("fec0::1", False), ("192.0.0.8", False), ("192.88.99.1", False), ("3fff::1", False)])
def test_public_address_rule(address, public):
    assert is_public_address(address) is public
