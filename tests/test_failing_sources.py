"""What is failing, said plainly (issue 17): the inbox's empty state tells "nothing fetched yet",
"every source failing" and "all reviewed" apart; a banner on every page while sources fail or
are paused; the sources page grouped by state with times relative in the configured zone;
`chargewatch fetch`'s closing line and exit code 5; charts from the first story with labels
apart; /favicon.ico. Real SQLite files, real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from monitor.cli import main
from monitor.config import ScheduleSettings, settings_from_yaml
from monitor.dedupe import content_hash
from monitor.demo.sitesrv import SiteServer
from monitor.schedule import health
from monitor.stories import assign_story
from monitor.web.app import create_app
from monitor.web.charts import LABEL_GAP, weekly_bars
from monitor.web.health import banner, empty_state
from monitor.web.timefmt import relative, when
from storage import clock as product_clock
from storage import open_db
from storage.actions import set_status
from storage.coverage import coverage
from storage.sources import (list_sources, pause, record_failure, record_success, source_health, sync_sources,
                             with_configured)
from storage.tags import TagRow, replace_tags
from tests.helpers import closed_port

NAMES = ("alpha", "bravo", "charlie")


def feeds_yaml(urls: dict[str, str], *, allow: list[str] = (), zone: str = "Europe/Berlin") -> str:
    lines = ["network:", "  retries: 0", '  host_delay: "0s"', '  connect_timeout: "2s"', '  total_timeout: "10s"']
    if allow:
        lines.append("  allow_private: [" + ", ".join(f'"{a}"' for a in allow) + "]")
    lines += ["digest:", f"  timezone: {zone}", "sources:"]
    for name, url in urls.items():
        lines += [f"  - name: {name}", "    kind: feed", f"    url: {url}"]
    return "\n".join(lines) + "\n"


def configured(zone: str = "Europe/Berlin"):
    return settings_from_yaml(feeds_yaml({n: f"https://{n}.example.org/feed.xml" for n in NAMES}, zone=zone),
                              "feeds.yaml")


def client(db_path, settings=None, **kwargs) -> TestClient:
    return TestClient(create_app(db_path, settings=settings, **kwargs), base_url="http://127.0.0.1:8000")


def add_story(db, n: int, published: str, tag: str = "tesla") -> int:
    text, title = f"Tesla signed lithium deal number {n} with a refiner.", f"Deal {n}"
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, ?, ?, 'alpha', 'article', ?)",
                     [f"https://alpha.example.org/{n}", title, text, product_clock.now_iso(), published,
                      content_hash(text)])
    assign_story(db, cur.lastrowid, text, content_hash(text))
    replace_tags(db, cur.lastrowid, [TagRow("automaker", tag, "Tesla", text, 2, 0.6, ("Tesla",), role="subject")])
    return cur.lastrowid


@pytest.fixture
def fresh(tmp_path, clock):
    """A database whose three configured sources never ran (as `chargewatch run` leaves it at start)."""
    settings = configured()
    path = tmp_path / "cw.db"
    db = open_db(path)
    sync_sources(db, settings.sources)
    db.close()
    return path, settings


def empty_kind(html: str) -> str:
    return re.search(r'data-empty="([a-z-]+)"', html).group(1)


# -- the inbox's empty states ---------------------------------------------------------------------


def test_sources_that_never_ran_read_nothing_fetched_yet_not_all_reviewed(fresh):
    path, settings = fresh
    page = client(path, settings).get("/").text
    assert empty_kind(page) == "nothing-fetched"
    assert "Nothing fetched yet" in page and "3 sources are configured" in page
    assert "every story is reviewed" not in page
    assert "health-banner" not in page  # nothing has failed: no alarm


def test_every_source_failing_says_so_and_never_looks_like_a_quiet_day(fresh):
    path, settings = fresh
    db = open_db(path)
    for name in NAMES:
        record_failure(db, name, "connection refused (https://x.example.org/feed.xml)", kind="network")
    page = client(path, settings).get("/").text
    assert empty_kind(page) == "all-failing"
    assert "Every source is failing" in page and "not a quiet news day" in page
    assert 'href="/sources"' in page


def test_all_reviewed_is_the_quiet_morning(fresh, clock):
    path, settings = fresh
    db = open_db(path)
    for name in NAMES:
        record_success(db, name)
    add_story(db, 1, "2026-11-24")
    for (story_id,) in db.execute("SELECT id FROM stories").fetchall():
        set_status(db, story_id, "reviewed", "maria")
    page = client(path, settings).get("/").text
    assert empty_kind(page) == "all-reviewed" and "every story is reviewed or dismissed" in page
    assert "health-banner" not in page
    filtered = client(path, settings).get("/?source=bravo").text
    assert empty_kind(filtered) == "filtered" and "matches these filters" in filtered


def test_empty_state_rules():
    from storage.sources import SourceHealth

    assert empty_state(SourceHealth(0, 0, 0, 0, False), filtered=False, status="inbox") == "no sources"
    assert empty_state(SourceHealth(3, 3, 0, 0, False), filtered=False, status="inbox") == "nothing fetched"
    assert empty_state(SourceHealth(3, 0, 2, 1, True), filtered=False, status="inbox") == "all failing"
    assert empty_state(SourceHealth(3, 1, 2, 0, False), filtered=False, status="inbox") == "no articles"
    assert empty_state(SourceHealth(3, 0, 1, 0, True), filtered=False, status="inbox") == "all reviewed"
    assert empty_state(SourceHealth(3, 0, 3, 0, True), filtered=True, status="inbox") == "filtered"


# -- the banner -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search?q=lithium", "/automakers", "/topics/lithium", "/digests", "/sources"])
def test_the_banner_is_on_every_page_while_a_source_fails_or_is_paused(fresh, path):
    db_path, settings = fresh
    db = open_db(db_path)
    record_failure(db, "alpha", "HTTP 503", kind="http")
    record_failure(db, "bravo", "timed out", kind="timeout")
    pause(db, "bravo")
    record_success(db, "charlie")
    page = client(db_path, settings).get(path)
    assert page.status_code == 200
    found = re.search(r'<div class="health-banner"[^>]*>(.*?)</div>', page.text, re.DOTALL)
    assert found, path
    assert "1 of 3 sources failing, 1 paused after repeated failures" in found.group(1)
    assert '<a href="/sources">' in found.group(1)


def test_no_banner_when_every_source_is_healthy(fresh):
    db_path, settings = fresh
    db = open_db(db_path)
    for name in NAMES:
        record_success(db, name)
    c = client(db_path, settings)
    for path in ("/", "/sources", "/automakers"):
        assert "health-banner" not in c.get(path).text, path


def test_the_health_summary_is_one_query_on_the_sources(fresh):
    db_path, _ = fresh
    db = open_db(db_path)
    record_failure(db, "alpha", "x", kind="network")
    record_failure(db, "bravo", "x", kind="network")
    pause(db, "bravo")
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    health_now = source_health(db)
    db.conn.set_trace_callback(None)
    assert len(statements) == 1
    assert (health_now.sources, health_now.never_run, health_now.failing, health_now.paused) == (3, 1, 1, 1)
    assert banner(health_now) == "1 of 3 sources failing, 1 paused after repeated failures"


def test_a_visitor_who_is_not_logged_in_sees_no_banner(fresh):
    db_path, settings = fresh
    db = open_db(db_path)
    record_failure(db, "alpha", "x", kind="network")
    login = client(db_path, settings, require_login=True).get("/login")
    assert login.status_code == 200 and "health-banner" not in login.text


# -- the sources page ---------------------------------------------------------------------------------


def test_the_sources_page_groups_by_state_and_shows_never_fetched(fresh, clock):
    db_path, settings = fresh
    settings = settings_from_yaml(feeds_yaml({n: f"https://{n}.example.org/f.xml" for n in (*NAMES, "delta",
                                                                                              "echo")}), "feeds.yaml")
    db = open_db(db_path)
    sync_sources(db, settings.sources[:4])  # echo is only in the file: the page still lists it
    record_failure(db, "alpha", "HTTP 503 Service Unavailable (https://alpha.example.org/f.xml)", kind="http")
    record_failure(db, "bravo", "timed out", kind="timeout")
    pause(db, "bravo")
    record_success(db, "charlie")
    db.execute("UPDATE sources SET last_new = ? WHERE name = 'charlie'", [product_clock.now_iso()])
    clock.advance(hours=3)
    page = client(db_path, settings).get("/sources").text
    order = re.findall(r'<section class="source-group[^"]*" id="[^"]+" data-state="([a-z ]+)"', page)
    assert order == ["failing", "paused", "never fetched", "ok"]
    section = {s: re.search(rf'data-state="{s}">(.*?)</section>', page, re.DOTALL).group(1) for s in order}
    assert 'data-source="alpha"' in section["failing"] and "HTTP 503 Service Unavailable" in section["failing"]
    assert ">HTTP error</span>" in section["failing"] and "Resume" in section["paused"]
    for name in ("delta", "echo"):
        assert f'data-source="{name}"' in section["never fetched"]
    assert "never fetched" in re.search(r'<tr[^>]*data-source="echo">.*?</tr>', page, re.DOTALL).group()
    assert 'data-source="charlie"' in section["ok"] and ">healthy</span>" in section["ok"]
    charlie = re.search(r'<tr[^>]*data-source="charlie">.*?</tr>', page, re.DOTALL).group()
    assert "3 hours ago" in charlie  # last success, in words


def test_a_configured_source_that_never_ran_is_never_fetched_not_ok(fresh, clock):
    _, settings = fresh
    rows = with_configured([], settings.sources)
    assert {health(r, ScheduleSettings()) for r in rows} == {"never fetched"}


def test_chargewatch_sources_shows_never_fetched(fresh, tmp_path):
    db_path, _ = fresh
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(feeds_yaml({n: f"https://{n}.example.org/feed.xml" for n in (*NAMES, "delta")}))
    record_success(open_db(db_path), "alpha")
    out = CliRunner().invoke(main, ["sources", "--db", str(db_path), "--feeds", str(feeds), "--json"])
    assert out.exit_code == 0, out.output
    states = {s["name"]: s["state"] for s in json.loads(out.output)}
    assert states["bravo"] == states["delta"] == "never fetched" and states["alpha"] == "ok"


# -- relative times -------------------------------------------------------------------------------------


def test_relative_times_read_as_people_say_them_in_the_configured_zone():
    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)  # 09:00 in Berlin
    cases = {
        now - timedelta(seconds=20): "just now",
        now - timedelta(minutes=12): "12 minutes ago",
        now - timedelta(hours=3): "3 hours ago",
        now - timedelta(hours=8, minutes=30): "8 hours ago",  # 00:30 in Berlin: the same day there
        now - timedelta(hours=9, minutes=30): "yesterday 23:30",
        now - timedelta(hours=24, minutes=48): "yesterday 08:12",
        now - timedelta(days=3): "Sun 09:00",
        now - timedelta(days=40): "16 Oct 2026",
        now + timedelta(minutes=20): "in 20 minutes",
        now + timedelta(hours=5): "today 14:00",
        now + timedelta(hours=22): "tomorrow 07:00",
    }
    for at, expected in cases.items():
        assert relative(at, now, berlin) == expected, at
    # in UTC, 23:30 is yesterday: the zone decides what "yesterday" is
    assert relative(now - timedelta(hours=8, minutes=30), now, timezone.utc) == "yesterday 23:30"


def test_the_when_filter_keeps_the_exact_time_in_a_title(clock, fresh):
    shown = when("2026-11-24T07:12:00Z", "Europe/Berlin")
    assert shown.text == "yesterday 08:12" and shown.iso == "2026-11-24T07:12:00Z"
    assert shown.title == "2026-11-24 08:12 CET (2026-11-24T07:12:00Z)"
    assert when(None, "Europe/Berlin") is None and when("not a time", "UTC") is None
    db_path, settings = fresh
    record_success(open_db(db_path), "alpha", at="2026-11-24T07:12:00Z")
    page = client(db_path, settings).get("/sources").text
    assert ('<time datetime="2026-11-24T07:12:00Z" title="2026-11-24 08:12 CET (2026-11-24T07:12:00Z)">'
            'yesterday 08:12</time>') in page
    assert "times in Europe/Berlin" in page


# -- chargewatch fetch ----------------------------------------------------------------------------------


def rss(base: str) -> bytes:
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>A</title>"
            f"<link>{base}/a.html</link></item></channel></rss>").encode()


def test_fetch_exits_5_when_every_source_failed_and_says_how_many(tmp_path):
    ports = [closed_port(), closed_port()]
    urls = {f"down{i}": f"http://127.0.0.1:{p}/feed.xml" for i, p in enumerate(ports)}
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(feeds_yaml(urls, allow=[f"127.0.0.1:{p}" for p in ports]))
    out = CliRunner().invoke(main, ["fetch", "--feeds", str(feeds), "--db", str(tmp_path / "cw.db")])
    assert out.exit_code == 5, out.output
    assert "2 of 2 sources failed: 2 network error" in out.output
    assert "every source failed" in out.output


def test_fetch_exits_0_when_one_source_worked_and_ends_with_the_count(tmp_path):
    port = closed_port()
    with SiteServer(tmp_path, pages={}) as site:
        site.pages = {"/feed.xml": ("application/rss+xml", rss(site.base)),
                      "/a.html": ("text/html; charset=utf-8", b"<html><body><article><p>Tesla said so. " * 20
                                  + b"</p></article></body></html>")}
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(feeds_yaml({"up": site.base + "/feed.xml", "down": f"http://127.0.0.1:{port}/feed.xml"},
                                    allow=[site.base[7:], f"127.0.0.1:{port}"]))
        out = CliRunner().invoke(main, ["fetch", "--feeds", str(feeds), "--db", str(tmp_path / "cw.db")])
    assert out.exit_code == 0, out.output
    assert out.output.rstrip().splitlines()[-1] == "1 of 2 sources failed: 1 network error"


# -- charts -----------------------------------------------------------------------------------------


def test_the_chart_starts_at_the_first_story_with_at_least_eight_weeks(db, clock):
    add_story(db, 1, "2026-11-20")
    cov = coverage(db, "automaker", "tesla")
    assert len(cov.weeks) == 8 and cov.weeks[-1][0] == "2026-11-23" and sum(n for _, n in cov.weeks) == 1
    add_story(db, 2, "2026-07-01")  # a Wednesday: its week's Monday is June 29
    cov = coverage(db, "automaker", "tesla")
    assert cov.weeks[0] == ("2026-06-29", 1) and len(cov.weeks) == 22
    add_story(db, 3, "2024-01-10")  # older than a year: the chart stays a year long
    assert len(coverage(db, "automaker", "tesla").weeks) == 52


def test_month_labels_keep_apart_and_inside_the_chart():
    for weeks_count in (8, 13, 22, 30, 52):
        for start in (date(2025, 11, 24), date(2026, 1, 26), date(2026, 6, 29), date(2026, 9, 28)):
            monday = start - timedelta(days=start.weekday())
            weeks = [((monday + timedelta(weeks=i)).isoformat(), i % 4) for i in range(weeks_count)]
            for width in (760, 480):
                chart = weekly_bars("t", weeks, width=width)
                ticks = chart.x_ticks
                assert ticks, (weeks_count, start)
                for a, b in zip(ticks, ticks[1:]):
                    assert a.x + a.width / 2 + LABEL_GAP <= b.x - b.width / 2, (weeks_count, start, width, a, b)
                assert ticks[0].x - ticks[0].width / 2 >= 0 and ticks[-1].x + ticks[-1].width / 2 <= width
                assert re.fullmatch(r"[A-Z][a-z]{2} \d{4}", ticks[0].text)  # the year on the first label


def test_a_first_weeks_label_gives_way_to_the_next_month():
    weeks = [((date(2025, 11, 24) + timedelta(weeks=i)).isoformat(), 1) for i in range(52)]
    texts = [t.text for t in weekly_bars("t", weeks).x_ticks]
    assert texts[:3] == ["Dec 2025", "Jan 2026", "Feb"]  # not "Nov 2025" a week before "Dec"


# -- the favicon -----------------------------------------------------------------------------------------


def test_favicon_is_served_even_before_a_login(fresh):
    db_path, settings = fresh
    for c in (client(db_path, settings), client(db_path, settings, require_login=True)):
        icon = c.get("/favicon.ico", follow_redirects=False)
        assert icon.status_code == 200 and icon.headers["content-type"] == "image/x-icon"
        assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client(db_path, settings).get("/").text
    assert '<link rel="icon" href="/static/favicon.svg"' in page
    assert client(db_path, settings).get("/static/favicon.svg").status_code == 200
