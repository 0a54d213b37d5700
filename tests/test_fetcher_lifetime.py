"""Issue 16: one Fetcher for the life of `chargewatch run`, shared by every job.

Two sources of one site (a feed and a sitemap) run as separate jobs, side by side, over several
runs: the site's robots.txt is read once, and the host's ``max_per_host`` holds across both
sources. robots.txt is read again after a day (RFC 9309 2.4), on chargewatch's clock.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from monitor.config import NetworkSettings
from monitor.demo.sitesrv import SiteServer
from monitor.errors import HTTPStatusError, RobotsDisallowed
from monitor.fetch import Fetcher
from monitor.runner import Runner
from storage import open_db
from tests.helpers import make_settings, respond

MAX_PER_HOST = 2
ROUNDS = 3
ARTICLES = 2  # per source and run: a job alone never wants more than max_per_host at once
HOLD_LIMIT = 60.0  # a safety net for a broken build, never reached when the gate works

SOURCES = """\
  - name: news
    kind: feed
    url: "{BASE}/feed.xml"
    interval: 1m
  - name: map
    kind: sitemap
    url: "{BASE}/sitemap.xml"
    interval: 1m
"""


class OneHost:
    """A site whose requests are counted while in flight (under a lock, from arrival until the
    answer starts: a count that can only miss overlap, never invent it).

    Article requests are held until the host is seen saturated: ``max_per_host`` requests in
    flight with another fetch queued at the runner's gate behind them. Each source has at most
    ``ARTICLES`` (= max_per_host) requests outstanding at once, so the queued fetch is the other
    source's: the two sources are seen to share the host's slots, decided by events alone. A
    gate per source would let that fetch through and the count would pass ``max_per_host``
    (which releases the hold too, so the test fails on the count, not on a time limit)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self.queued = 0  # fetches waiting at the gate for a slot
        self.saturated = threading.Event()  # this run: the host was seen full with a fetch queued
        self.stuck: list[str] = []
        self.round = 0
        self.server = SiteServer(routes={"/robots.txt": self._counted(self._robots),
                                         "/feed.xml": self._counted(self._feed),
                                         "/sitemap.xml": self._counted(self._sitemap)})
        self.base = self.server.base

    # -- what is served ---------------------------------------------------------------------------

    def _articles(self, kind: str) -> list[str]:
        return [f"{self.base}/{kind}/{self.round}-{i}.html" for i in range(ARTICLES)]

    @staticmethod
    def _robots(h):
        respond(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")

    def _feed(self, h):
        items = "".join(f"<item><title>Story {url}</title><link>{url}</link></item>" for url in self._articles("news"))
        respond(h, 200, f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
                .encode(), "application/rss+xml")

    def _sitemap(self, h):
        urls = "".join(f"<url><loc>{url}</loc></url>" for url in self._articles("map"))
        respond(h, 200, ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                         f"{urls}</urlset>").encode(), "application/xml")

    @staticmethod
    def _article(h):
        text = f"Tesla buys lithium for the page {h.path}. " * 40
        respond(h, 200, f"<html><head><title>Page {h.path}</title></head><body><article><p>{text}</p>"
                        "</article></body></html>".encode())

    def next_round(self) -> None:
        self.round += 1
        self.saturated.clear()
        for url in self._articles("news") + self._articles("map"):
            self.server.routes[url.removeprefix(self.base)] = self._counted(self._article, hold=True)

    # -- counting ---------------------------------------------------------------------------------

    def _check(self) -> None:  # under self.lock
        if self.in_flight > MAX_PER_HOST or (self.in_flight >= MAX_PER_HOST and self.queued):
            self.saturated.set()

    def _counted(self, handler, hold: bool = False):
        def route(h):
            with self.lock:
                self.in_flight += 1
                self.peak = max(self.peak, self.in_flight)
                self._check()
            try:
                if hold and not self.saturated.wait(HOLD_LIMIT):
                    self.stuck.append(h.path)
            finally:
                with self.lock:
                    self.in_flight -= 1
            handler(h)
        return route

    def watch_gate(self, fetcher: Fetcher) -> None:
        """Count the fetches waiting for one of the host's slots at ``fetcher``'s (real) gate."""
        real_slot = fetcher.gate.slot

        @contextmanager
        def slot(host):
            with self.lock:
                self.queued += 1
                self._check()
            waiting = True
            try:
                with real_slot(host):
                    with self.lock:
                        self.queued -= 1
                    waiting = False
                    yield
            finally:
                if waiting:
                    with self.lock:
                        self.queued -= 1

        fetcher.gate.slot = slot

    def robots_requests(self) -> int:
        return self.server.paths_requested().count("/robots.txt")


@pytest.fixture
def one_host():
    site = OneHost()
    site.server.start()
    yield site
    site.saturated.set()  # nothing stays held after the test
    site.server.stop()


def test_the_runner_shares_one_fetcher_across_jobs_and_runs(one_host, tmp_path, extractor, clock):
    settings = make_settings(one_host.base, SOURCES, max_per_host=MAX_PER_HOST, read_timeout="90s",
                             total_timeout="120s")
    db_path = tmp_path / "run.db"
    runner = Runner(settings, db_path, extractor=extractor)
    one_host.watch_gate(runner.fetcher)
    db = open_db(db_path)
    try:
        with ThreadPoolExecutor(2, thread_name_prefix="job") as jobs:  # two scheduler jobs at once
            for _ in range(ROUNDS):
                clock.advance(minutes=2)  # past both sources' 1m interval
                assert sorted(runner.due(db)) == ["map", "news"]
                one_host.next_round()
                runs = [jobs.submit(runner.run_sources, [name]) for name in ("news", "map")]
                for run in runs:
                    assert run.result() is not None
                assert one_host.saturated.is_set()  # the two sources met at the host's gate
    finally:
        assert runner.shutdown()
        db.close()

    assert one_host.stuck == []
    assert one_host.peak == MAX_PER_HOST  # reached (the sources competed), never passed
    assert one_host.robots_requests() == 1, one_host.server.paths_requested()
    db = open_db(db_path)
    try:
        stored = db.execute("SELECT source, count(*) FROM articles GROUP BY source ORDER BY source").fetchall()
        assert stored == [("map", ROUNDS * ARTICLES), ("news", ROUNDS * ARTICLES)]
        failed = db.execute("SELECT count(*) FROM fetches WHERE error IS NOT NULL").fetchone()[0]
        assert failed == 0
        # the one robots.txt request is recorded, against the source whose fetch needed it
        robots = db.execute("SELECT source FROM fetches WHERE url LIKE '%/robots.txt'").fetchall()
        assert len(robots) == 1 and robots[0][0] in ("news", "map")
    finally:
        db.close()
    assert runner.fetcher.client.is_closed  # the runner's own fetcher ends with it


@pytest.fixture
def changing_robots(tmp_path):
    robots = {"status": 200, "body": b"User-agent: *\nDisallow: /private/\n"}
    server = SiteServer(tmp_path, routes={
        "/robots.txt": lambda h: respond(h, robots["status"], robots["body"], "text/plain")}, pages={
        "/feed.xml": ("application/rss+xml", b"<rss version='2.0'><channel><title>t</title></channel></rss>"),
        "/news/a.html": ("text/html", b"<html>a</html>"),
    }).start()
    server.robots = robots
    yield server
    server.stop()


def test_robots_txt_is_read_again_after_a_day(changing_robots, clock):
    site = changing_robots
    f = Fetcher(NetworkSettings(allow_private=[site.base.removeprefix("http://")], host_delay=0, retries=0))
    try:
        first = f.fetch(site.base + "/news/a.html")
        assert [a.url for a in first.attempts] == [site.base + "/robots.txt", site.base + "/news/a.html"]
        site.robots["body"] = b"User-agent: *\nDisallow: /news/\n"  # the site changes its rules
        clock.advance(hours=23, minutes=59)
        again = f.fetch(site.base + "/news/a.html")  # still the cached copy: allowed
        assert again.status == 200 and [a.url for a in again.attempts] == [site.base + "/news/a.html"]
        assert site.paths_requested().count("/robots.txt") == 1
        clock.advance(minutes=2)  # a day and a minute after it was read
        with pytest.raises(RobotsDisallowed) as err:
            f.fetch(site.base + "/news/a.html")
        assert [a.url for a in err.value.attempts] == [site.base + "/robots.txt"]  # carried on the error
        assert site.paths_requested().count("/robots.txt") == 2
        assert site.paths_requested().count("/news/a.html") == 2

        # a refresh that fails follows the rules of a first read: the page waits, nothing is cached
        clock.advance(days=1, minutes=1)
        site.robots["status"] = 503
        with pytest.raises(HTTPStatusError, match="reading robots.txt"):
            f.fetch(site.base + "/feed.xml")
        site.robots.update(status=200, body=b"User-agent: *\nAllow: /\n")
        assert f.fetch(site.base + "/feed.xml").status == 200  # read again, and it is allowed now
        assert site.paths_requested().count("/robots.txt") == 4
        assert site.paths_requested().count("/feed.xml") == 1
    finally:
        f.close()
