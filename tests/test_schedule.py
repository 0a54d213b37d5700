"""`chargewatch run`: what the scheduler decides (driven with a controllable clock, no sleeping),
source health, the digest job across daylight-saving changes, restarts, and real processes."""

from __future__ import annotations

import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import psutil
import pytest
from click.testing import CliRunner

from monitor import schedule
from monitor.cli import main
from monitor.config import DigestSettings, ScheduleSettings, settings_from_yaml
from monitor.demo.sitesrv import SiteServer
from monitor.runner import Runner
from storage import clock, open_db
from storage.sources import schedule_rows
from tests.helpers import free_port, make_settings, respond

ROOT = Path(__file__).resolve().parents[1]
CHARGEWATCH = str(Path(sys.executable).with_name("chargewatch"))
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


@pytest.mark.clock
def test_intervals_and_jitter_stay_within_bounds():
    settings = ScheduleSettings(jitter=0.1)
    rng = random.Random(1)
    waits = [(schedule.next_run(NOW, 1800, 0, settings, rng) - NOW).total_seconds() for _ in range(2000)]
    assert 1620 <= min(waits) and max(waits) <= 1980
    assert max(waits) - min(waits) > 300  # the jitter is used, not constant
    starts = [schedule.first_run(NOW, next_run_at=None, last_run=None, interval=1800, rng=rng, spread=120)
              for _ in range(500)]
    assert all(NOW <= s <= NOW + timedelta(seconds=120) for s in starts)


@pytest.mark.clock
def test_backoff_grows_and_caps():
    waits = [schedule.backoff(1800, n, 6 * 3600) for n in range(0, 8)]
    assert waits[:5] == [1800, 1800, 3600, 7200, 14400]
    assert waits[5:] == [21600, 21600, 21600]
    assert schedule.backoff(7200, 1, 3600) == 7200  # never below the interval itself
    settings = ScheduleSettings(jitter=0.0, max_backoff=3600)
    assert schedule.next_run(NOW, 900, 3, settings, random.Random(0)) == NOW + timedelta(seconds=3600)


def test_a_restart_keeps_the_schedule():
    rng = random.Random(3)
    ahead = NOW + timedelta(minutes=17)
    assert schedule.first_run(NOW, next_run_at=clock.to_iso(ahead), last_run=None, interval=1800, rng=rng) == ahead
    overdue = schedule.first_run(NOW, next_run_at=clock.to_iso(NOW - timedelta(hours=5)), last_run=None,
                                 interval=1800, rng=rng, spread=300)
    assert NOW <= overdue <= NOW + timedelta(seconds=300)
    from_last = schedule.first_run(NOW, next_run_at=None, last_run=clock.to_iso(NOW - timedelta(minutes=10)),
                                   interval=1800, rng=rng)
    assert from_last == NOW + timedelta(minutes=20)


def test_the_digest_fires_at_local_time_across_daylight_saving_changes():
    brussels = DigestSettings(time="07:30", timezone="Europe/Brussels")
    # spring forward on 2026-03-29: 07:30 is 06:30 UTC before, 05:30 UTC after
    assert schedule.next_digest(datetime(2026, 3, 27, 12, 0, tzinfo=timezone.utc), brussels) == \
        datetime(2026, 3, 28, 6, 30, tzinfo=timezone.utc)
    assert schedule.next_digest(datetime(2026, 3, 28, 12, 0, tzinfo=timezone.utc), brussels) == \
        datetime(2026, 3, 29, 5, 30, tzinfo=timezone.utc)
    # fall back on 2026-10-25
    assert schedule.next_digest(datetime(2026, 10, 24, 12, 0, tzinfo=timezone.utc), brussels) == \
        datetime(2026, 10, 25, 6, 30, tzinfo=timezone.utc)
    new_york = DigestSettings(time="02:30", timezone="America/New_York")  # 02:30 does not exist on 2026-03-08
    fire = schedule.next_digest(datetime(2026, 3, 8, 0, 0, tzinfo=timezone.utc), new_york)
    assert fire.date().isoformat() in ("2026-03-08", "2026-03-09")
    assert schedule.last_scheduled_digest(datetime(2026, 3, 29, 5, 29, tzinfo=timezone.utc), brussels) == \
        datetime(2026, 3, 28, 6, 30, tzinfo=timezone.utc)


def test_a_missed_digest_is_made_once_when_the_process_comes_back(demo_db, extractor, tmp_path, clock):
    settings = settings_from_yaml(f"digest: {{time: '07:30', timezone: Europe/Brussels, dir: '{tmp_path / 'out'}'}}\n"
                                  "sources: []\n", "f.yaml")
    db = open_db(demo_db)
    db.execute("INSERT INTO digests (created, since, until, stories, subject, text, html, markdown) "
               "VALUES ('2026-11-23T06:30:00Z', '2026-11-22T06:30:00Z', '2026-11-23T06:30:00Z', 0, 's', '', '', '')")
    clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)  # the 24th and the 25th were missed
    runner = Runner(settings, demo_db, extractor=extractor)
    assert runner.digest_missed(db)
    _, digest_id = runner.run_once()
    assert digest_id is not None
    assert not runner.digest_missed(db)
    assert runner.run_once() == ([], None)  # once, not once per missed day
    assert len(list((tmp_path / "out").glob(f"digest-*-{digest_id}.*"))) == 3  # html, md, txt
    clock.now = datetime(2026, 11, 26, 6, 0, tzinfo=timezone.utc)  # before the 26th's 07:30
    assert not runner.digest_missed(db)
    clock.now = datetime(2026, 11, 26, 6, 31, tzinfo=timezone.utc)
    assert runner.digest_missed(db)


@pytest.fixture
def failing_site():
    hits = {"feed": 0}

    def feed(h):
        hits["feed"] += 1
        respond(h, 500, b"broken")

    with SiteServer(routes={"/feed.xml": feed}) as site:
        yield site, hits


def test_a_failing_source_backs_off_is_paused_and_resumed(failing_site, tmp_path, extractor, clock):
    site, hits = failing_site
    base = make_settings(site.base, f"  - name: flaky\n    kind: feed\n    url: {site.base}/feed.xml\n    interval: 30m\n")
    settings = base.model_copy(update={"schedule": ScheduleSettings(pause_after=3, jitter=0.0, max_backoff=7200)})
    db_path = tmp_path / "run.db"
    clock.now = NOW
    runner = Runner(settings, db_path, extractor=extractor)
    waits = []
    for _ in range(3):
        planned = runner.run_sources(["flaky"])
        if planned["flaky"] is not None:
            waits.append((planned["flaky"] - clock.now).total_seconds())
    db = open_db(db_path)
    row = schedule_rows(db)["flaky"]
    assert waits == [1800, 3600] and row.paused and row.consecutive_failures == 3 and hits["feed"] == 3
    assert runner.due(db) == []  # paused: --once leaves it alone
    out = CliRunner().invoke(main, ["sources", "--db", str(db_path), "--feeds", "/nonexistent", "--json"])
    assert '"state": "paused"' in out.output
    resumed = CliRunner().invoke(main, ["sources", "resume", "flaky", "--db", str(db_path)])
    assert resumed.exit_code == 0
    row = schedule_rows(db)["flaky"]
    assert not row.paused and row.consecutive_failures == 0
    runner.watch()  # a running scheduler picks the resumed source up
    assert runner.scheduler.get_job("source:flaky") is not None
    assert CliRunner().invoke(main, ["sources", "resume", "nope", "--db", str(db_path)]).exit_code == 1


@pytest.mark.clock
def test_a_stale_source_is_flagged():
    settings = ScheduleSettings(stale_after=14 * 86400)
    assert schedule.is_stale(NOW, clock.to_iso(NOW - timedelta(days=15)), None, settings)
    assert not schedule.is_stale(NOW, clock.to_iso(NOW - timedelta(days=2)), None, settings)
    assert schedule.is_stale(NOW, None, clock.to_iso(NOW - timedelta(days=20)), settings)


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


def _wait_for(lines: queue.Queue, predicate, timeout: float = 90) -> list[str]:
    seen = []
    while True:
        line = lines.get(timeout=timeout)
        if line is None:
            raise AssertionError("the process ended early:\n" + "".join(seen[-30:]))
        seen.append(line)
        if predicate(line, seen):
            return seen


def _demo_feeds(site, tmp_path, extra: str = "") -> Path:
    from monitor.demo import DEMO_FEEDS

    text = DEMO_FEEDS.read_text().replace("{BASE}", site.base).replace("{HOSTPORT}", site.base.removeprefix("http://"))
    text = text.replace("\nsources:", f"\nschedule:\n  spread: 0s\n{extra}sources:", 1)
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    return path


def test_chargewatch_run_fetches_serves_and_stops_on_sigterm(tmp_path):
    with SiteServer() as site:
        feeds = _demo_feeds(site, tmp_path)
        names = [s.name for s in settings_from_yaml(feeds.read_text(), "f").sources if s.enabled]
        port = free_port()
        db_path = tmp_path / "run.db"
        proc = subprocess.Popen([CHARGEWATCH, "run", "--feeds", str(feeds), "--db", str(db_path), "--port", str(port)],
                                stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_lines, args=(proc.stderr, lines), daemon=True).start()
        fetched: set[str] = set()

        def note(line):
            if "fetched source=" in line:
                fetched.add(line.split("fetched source=")[1].split()[0])

        try:
            _wait_for(lines, lambda line, _: note(line) or "review page on" in line)
            page = httpx.get(f"http://127.0.0.1:{port}/sources", timeout=10)
            assert page.status_code == 200 and "Sources" in page.text
            if not fetched >= set(names):
                _wait_for(lines, lambda line, _: note(line) or fetched >= set(names))
            assert "electrive" in httpx.get(f"http://127.0.0.1:{port}/sources", timeout=10).text
            workers = psutil.Process(proc.pid).children(recursive=True)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            _, alive = psutil.wait_procs(workers, timeout=10)
            assert not alive, "worker processes outlived chargewatch run"
        finally:
            if proc.poll() is None:
                proc.kill()
        db = sqlite3.connect(db_path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        planned = dict(db.execute("SELECT name, next_run FROM sources").fetchall())
        assert all(planned[n] for n in names)  # the next runs are kept for the restart
        assert db.execute("SELECT count(*) FROM runs WHERE ended IS NOT NULL").fetchone()[0] >= len(names)


def test_sigterm_during_a_fetch_exits_cleanly_and_the_next_run_completes(tmp_path):
    arrived, release = threading.Event(), threading.Event()

    def slow_article(h):
        arrived.set()
        release.wait(timeout=60)
        respond(h, 200, b"<html><head><title>Late</title></head><body><article><p>" + b"Tesla buys lithium. " * 80
                + b"</p></article></body></html>")

    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
            "<item><title>Late</title><link>{BASE}/late.html</link></item></channel></rss>")
    with SiteServer(routes={"/feed.xml": lambda h: respond(h, 200, feed.replace("{BASE}", site_base[0]).encode(),
                                                           "application/rss+xml"),
                            "/late.html": slow_article}) as site:
        site_base = [site.base]
        settings = make_settings(site.base, f"  - name: slow\n    kind: feed\n    url: {site.base}/feed.xml\n")
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(_yaml_of(settings, site.base) + "schedule:\n  spread: 0s\n")
        db_path = tmp_path / "run.db"
        proc = subprocess.Popen([CHARGEWATCH, "run", "--feeds", str(feeds), "--db", str(db_path),
                                 "--port", str(free_port())], stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        try:
            assert arrived.wait(timeout=90), "the article was never requested"
            workers = psutil.Process(proc.pid).children(recursive=True)
            assert workers  # the extraction workers
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            _, alive = psutil.wait_procs(workers, timeout=10)
            assert not alive, "worker processes outlived chargewatch run"
        finally:
            release.set()
            if proc.poll() is None:
                proc.kill()
        db = sqlite3.connect(db_path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        state = db.execute("SELECT state FROM items").fetchall()
        assert state in ([("pending",)], [("done",)])
        db.close()
        done = subprocess.run([CHARGEWATCH, "fetch", "--feeds", str(feeds), "--db", str(db_path)],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        db = sqlite3.connect(db_path)
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def _yaml_of(settings, base: str) -> str:
    hostport = base.removeprefix("http://")
    lines = ["network:", f"  allow_private: [\"{hostport}\"]", "  host_delay: 0s", "  retries: 0",
             "sources:"]
    for s in settings.sources:
        lines += [f"  - name: {s.name}", f"    kind: {s.kind}", f"    url: {s.url}"]
    return "\n".join(lines) + "\n"


def test_run_once_runs_what_is_due_and_exits(tmp_path):
    with SiteServer() as site:
        feeds = _demo_feeds(site, tmp_path)
        db_path = tmp_path / "once.db"
        first = subprocess.run([CHARGEWATCH, "run", "--once", "--feeds", str(feeds), "--db", str(db_path)],
                               capture_output=True, text=True, timeout=180, cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        assert "ran 6 due sources" in first.stderr
        second = subprocess.run([CHARGEWATCH, "run", "--once", "--feeds", str(feeds), "--db", str(db_path)],
                                capture_output=True, text=True, timeout=180, cwd=tmp_path)
        assert second.returncode == 0 and "ran 0 due sources" in second.stderr  # nothing due yet
