"""`chargewatch run`: every source on its own schedule and the daily digest, unattended.

APScheduler 3 runs the jobs; the decisions (when next, back off, pause, is the digest due) are
``monitor.schedule``'s pure functions; the state they need (each source's next run, failures,
pause) lives in the sources table, so a restart continues the schedule.

The runner owns what must outlive a job: one ``Fetcher`` and one ``ExtractPool`` for the whole
process, handed to every job's pipeline. A fetcher per job would give each source its own
per-host gate (a feed and a sitemap of one site would each get ``max_per_host``), its own
robots.txt cache (robots.txt read again on every run) and its own connection pool.
"""

from __future__ import annotations

import logging
import random
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor as JobThreads
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from storage import clock
from storage import digests as digest_store
from storage import open_db
from storage import sources as source_store

from . import schedule
from .config import Settings
from .errors import INTERNAL
from .fetch import Fetcher
from .pipeline import run_pass
from .workers import ExtractPool

log = logging.getLogger("chargewatch.runner")
WATCH_SECONDS = 60  # how often the runner looks for sources resumed from the page or the CLI
JOB_THREADS = 10  # jobs that may run at once (APScheduler's default); they share the one Fetcher


class Runner:
    def __init__(self, settings: Settings, db_path: str | Path, *, rng: random.Random | None = None,
                 extractor: ExtractPool | None = None, fetcher: Fetcher | None = None):
        self.settings = settings
        self.db_path = str(db_path)
        self.rng = rng or random.Random()
        self.stop = threading.Event()
        self._own_extractor = extractor is None
        self.extractor = extractor or ExtractPool(settings.network.extract_workers)
        self._own_fetcher = fetcher is None
        net = settings.network
        # jobs share its connection pool: room for each to fetch as a pass of its own would
        self.fetcher = fetcher or Fetcher(net, max_connections=max(20, net.workers * 2) * JOB_THREADS)
        self.scheduler = BackgroundScheduler(timezone=timezone.utc, executors={"default": JobThreads(JOB_THREADS)},
                                             job_defaults={"coalesce": True, "max_instances": 1,
                                                           "misfire_grace_time": 3600})
        self.specs = {s.name: s for s in settings.sources if s.enabled}
        self.digests_made = 0
        self.fatal: str | None = None  # why the database became unusable (disk full, damaged): we stop
        self.on_fatal = None  # called once with that reason: `chargewatch run` stops its page too

    # -- planning --------------------------------------------------------------------------------

    def first_runs(self, db) -> dict[str, datetime]:
        """When each enabled, unpaused source runs first after this start."""
        source_store.sync_sources(db, self.settings.sources)
        rows = source_store.schedule_rows(db)
        now = clock.now()
        out = {}
        for name, spec in self.specs.items():
            row = rows.get(name)
            if row is None or row.paused:
                continue
            out[name] = schedule.first_run(now, next_run_at=row.next_run, last_run=row.last_run,
                                           interval=spec.interval, rng=self.rng, spread=self.settings.schedule.spread)
            source_store.set_next_run(db, name, clock.to_iso(out[name]))
        return out

    def due(self, db) -> list[str]:
        """Sources whose next run has come (for --once): never run, or next_run (or last run +
        interval) in the past; paused ones are left alone."""
        source_store.sync_sources(db, self.settings.sources)
        rows = source_store.schedule_rows(db)
        now = clock.now()
        out = []
        for name, spec in self.specs.items():
            row = rows.get(name)
            if row is None or row.paused:
                continue
            planned = clock.from_iso(row.next_run)
            if planned is None and row.last_run:
                last = clock.from_iso(row.last_run)
                planned = last + timedelta(seconds=spec.interval) if last else None
            if planned is None or planned <= now:
                out.append(name)
        return out

    def after_run(self, db, name: str) -> datetime | None:
        """Record what comes next for a source that just ran: its next run (with backoff after
        failures), or a pause after too many failures. Returns the next run, None if paused."""
        row = source_store.schedule_rows(db)[name]
        if schedule.should_pause(row.consecutive_failures, self.settings.schedule):
            source_store.pause(db, name)
            log.warning("source=%s paused after %d consecutive failures (chargewatch sources resume %s)",
                        name, row.consecutive_failures, name)
            return None
        when = schedule.next_run(clock.now(), self.specs[name].interval, row.consecutive_failures,
                                 self.settings.schedule, self.rng)
        source_store.set_next_run(db, name, clock.to_iso(when))
        return when

    # -- jobs ------------------------------------------------------------------------------------

    def run_sources(self, names: list[str]) -> dict[str, datetime | None]:
        """Fetch these sources once (one pass, in this thread) and plan their next runs.

        One source's trouble never stops the others: the pass records a source's unexpected
        error as that source's failure; should the pass itself fail, every source in it is
        recorded as failed (so backoff and pause see it), and each is planned on its own."""
        if not names or self.stop.is_set():
            return {}
        with open_db(self.db_path) as db:
            try:
                run_pass(self.settings, db, names=names, extractor=self.extractor, fetcher=self.fetcher,
                         stop=self.stop)
            except Exception as exc:
                log.exception("the pass over %s failed unexpectedly", ", ".join(names))
                error = f"internal error: {type(exc).__name__}: {exc}"
                for name in names:
                    try:
                        source_store.record_failure(db, name, error, kind=INTERNAL)
                    except Exception:
                        log.exception("source=%s: its failure could not be recorded", name)
            if db.unusable:  # the disk is full or the file damaged: nothing more can be stored
                self._give_up(db.unusable)
                return {name: None for name in names}
            planned: dict[str, datetime | None] = {}
            for name in names:
                try:
                    planned[name] = self.after_run(db, name)
                except Exception:
                    log.exception("source=%s: its next run could not be planned; trying again after its interval",
                                  name)
                    planned[name] = clock.now() + timedelta(seconds=self.specs[name].interval)
            return planned

    def _give_up(self, reason: str) -> None:
        """The database cannot be used any more: start no other job, and say so once."""
        if self.fatal is None:
            self.fatal = reason
            log.error("the database cannot be used: %s; stopping", reason)
            self.stop.set()
            if self.on_fatal is not None:
                self.on_fatal(reason)

    def _source_job(self, name: str) -> None:
        try:
            planned = self.run_sources([name])
        except Exception:
            log.exception("source=%s: the run failed unexpectedly; trying again after its interval", name)
            planned = {name: clock.now() + timedelta(seconds=self.specs[name].interval)}
        when = planned.get(name)
        if when is not None and not self.stop.is_set():
            self._schedule(name, when)

    def _schedule(self, name: str, when: datetime) -> None:
        self.scheduler.add_job(self._source_job, DateTrigger(run_date=when), args=[name], id=f"source:{name}",
                               name=f"fetch {name}", replace_existing=True)

    def watch(self) -> None:
        """Schedule sources that were resumed (or added) since the start."""
        with open_db(self.db_path) as db:
            rows = source_store.schedule_rows(db)
            for name in self.specs:
                row = rows.get(name)
                if row and not row.paused and self.scheduler.get_job(f"source:{name}") is None:
                    when = schedule.first_run(clock.now(), next_run_at=None, last_run=None,
                                              interval=self.specs[name].interval, rng=self.rng,
                                              spread=self.settings.schedule.spread)
                    source_store.set_next_run(db, name, clock.to_iso(when))
                    self._schedule(name, when)
                    log.info("source=%s resumed: next run %s", name, clock.to_iso(when))

    def run_digest(self) -> int | None:
        """Make the digest and send it: mailed (mail configured) or written to digest.dir, and its
        summary posted to chat (notify configured). What earlier runs failed to deliver (a mail,
        a chat channel) is retried first; each outcome is logged, never the chat URL."""
        from .outputs.delivery import deliver_digests
        from .outputs.digest import Presentation

        if self.stop.is_set():
            return None
        settings = self.settings
        with open_db(self.db_path) as db:
            digest_id, made, out, deliveries = deliver_digests(
                db, mail=settings.mail, notify=settings.notify, look=Presentation.of(settings),
                delivery=None if settings.mail is not None else "file")
            for d in deliveries:
                what = "sent" if d.channel == "mail" else f"posted to {d.channel}"
                if d.error:
                    log.error("digest=%d not %s (it stays pending): %s", d.digest_id, what, d.error)
                else:
                    log.info("digest=%d %s: %s", d.digest_id, what, d.subject)
            if settings.mail is None:
                folder = Path(settings.digest.dir)
                folder.mkdir(parents=True, exist_ok=True)
                stem = f"digest-{made.until[:10]}-{digest_id}"
                for fmt, ext in (("html", "html"), ("md", "md"), ("text", "txt")):
                    (folder / f"{stem}.{ext}").write_text(out[fmt], encoding="utf-8")
                log.info("digest=%d (%d stories) written to %s/%s.*", digest_id, made.total, folder, stem)
            self.digests_made += 1
            return digest_id

    def digest_missed(self, db) -> bool:
        return self.settings.digest.enabled and schedule.digest_missed(
            clock.now(), digest_store.last_until(db), self.settings.digest)

    # -- the process -----------------------------------------------------------------------------

    def start(self) -> dict[str, datetime]:
        """Plan every source, the digest and the watch job, and start the scheduler."""
        with open_db(self.db_path) as db:
            plan = self.first_runs(db)
            missed = self.digest_missed(db)
        self.extractor.start()
        for name, when in plan.items():
            self._schedule(name, when)
        if self.settings.digest.enabled:
            self.scheduler.add_job(self.run_digest, schedule.digest_trigger(self.settings.digest), id="digest",
                                   name="daily digest")
            if missed:
                log.info("the last digest time passed while chargewatch was not running: making it now")
                self.scheduler.add_job(self.run_digest, DateTrigger(run_date=clock.now()), id="digest-missed",
                                       name="missed digest")
        self.scheduler.add_job(self.watch, IntervalTrigger(seconds=WATCH_SECONDS), id="watch", name="watch")
        self.scheduler.start()
        for name, when in sorted(plan.items(), key=lambda kv: kv[1]):
            log.info("planned source=%s next=%s", name, clock.to_iso(when))
        return plan

    def run_once(self) -> tuple[list[str], int | None]:
        """--once: run every source that is due and, if due, the digest; then return."""
        with open_db(self.db_path) as db:
            names = self.due(db)
            missed = self.digest_missed(db)
        try:
            self.run_sources(names)
        except Exception:  # the digest is made whatever happened to the sources
            log.exception("running the due sources failed unexpectedly")
        digest_id = self.run_digest() if missed else None
        return names, digest_id

    def shutdown(self, timeout: float = 8.0) -> bool:
        """Stop: no new job or article starts, the one in flight finishes (its own transaction),
        then the workers stop. True if everything ended within ``timeout`` seconds."""
        self.stop.set()
        done = threading.Event()

        def stop_scheduler():
            try:
                if self.scheduler.running:
                    self.scheduler.shutdown(wait=True)
            finally:
                done.set()

        threading.Thread(target=stop_scheduler, name="scheduler-stop", daemon=True).start()
        finished = done.wait(timeout)
        if self._own_extractor:
            if finished:
                self.extractor.close()
            else:
                self.extractor.kill()  # a fetch is stuck on the network: the process exits now
        if self._own_fetcher and finished:  # unfinished: a job still uses it; the process exits now
            self.fetcher.close()
        return finished
