"""What the benchmarks share: the results file, the memory sampler and one timed pipeline pass."""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psutil

OUT_DIR = Path(__file__).resolve().parent / "out"
RESULTS = OUT_DIR / "results.json"
MB = 1024 * 1024


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        n = int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {value!r}") from None
    if n < 1:
        raise SystemExit(f"{name} must be at least 1, got {n}")
    return n


def save_results(results: dict) -> Path:
    """Merge this run's results into benchmarks/out/results.json (one key per benchmark)."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        data = json.loads(RESULTS.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data.update(results)
    data["machine"] = machine_info()
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return RESULTS


def machine_info() -> dict:
    try:
        from importlib.metadata import version

        trafilatura = version("trafilatura")
    except Exception:  # not installed: the figures say so
        trafilatura = None
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "trafilatura": trafilatura,
            "measured_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def system_busy_seconds() -> float:
    """CPU time every process on the machine has used (all cores), from /proc/stat."""
    t = psutil.cpu_times()
    idle = t.idle + getattr(t, "iowait", 0.0)
    guest = getattr(t, "guest", 0.0) + getattr(t, "guest_nice", 0.0)  # already inside user/nice
    return sum(t) - idle - guest - getattr(t, "steal", 0.0)  # steal: see steal_seconds


def steal_seconds() -> float:
    """CPU time the hypervisor gave to other machines while ours wanted it (all cores)."""
    return getattr(psutil.cpu_times(), "steal", 0.0)


def speed_index(seconds: float = 0.3) -> float:
    """Millions of simple Python loop steps per second on one core: to compare runs and machines
    (this machine's speed varies from run to run with its neighbours)."""
    best, n = 0.0, 200_000
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        x = 0
        for i in range(n):
            x += i
        best = max(best, n / (time.perf_counter() - t0) / 1e6)
    return best


def machine_busy(seconds: float = 1.0) -> float:
    """How many cores' worth of CPU the machine is using right now (everyone's), over ``seconds``."""
    b0, t0 = system_busy_seconds(), time.perf_counter()
    time.sleep(seconds)
    return (system_busy_seconds() - b0) / (time.perf_counter() - t0)


def warn_other_load(other_cpu: float, wall: float, indent: str = "    ") -> None:
    if wall > 0 and other_cpu > 0.1 * wall:
        print(f"{indent}WARNING: other processes on this machine used {other_cpu:.1f} CPU-seconds during this "
              f"{wall:.1f} s run ({other_cpu / wall:.2f} cores): the figures above are depressed by them")


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    """CPU of children already reaped (e.g. extraction workers after the pool shut down)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class TreeSampler(threading.Thread):
    """Every ``interval`` s: RSS of this process plus the child processes started after it began.

    Children that existed before (the site server, multiprocessing's resource tracker) are left
    out, so the sum is the pipeline process and its extraction workers. Listing children scans
    all of /proc (about 1.5 ms of CPU in the measured process), so the list is refreshed only
    every ``refresh`` s; reading a known process's RSS is cheap.
    """

    def __init__(self, interval: float = 0.05, refresh: float = 0.5):
        super().__init__(name="rss-sampler", daemon=True)
        self.interval, self.refresh = interval, refresh
        self.me = psutil.Process()
        self.exclude = {p.pid for p in self.me.children(recursive=True)}
        self._stop_event = threading.Event()
        self._kids: list[psutil.Process] = []
        self._listed_at = float("-inf")
        self.max_total = self.max_parent = self.max_children_rss = 0
        self.max_children = 0
        self.samples = 0
        self.child_pids: set[int] = set()

    def _list_children(self) -> None:
        try:
            self._kids = [p for p in self.me.children(recursive=True) if p.pid not in self.exclude]
        except psutil.Error:
            return
        self._listed_at = time.monotonic()
        self.child_pids.update(p.pid for p in self._kids)

    def sample(self) -> None:
        if time.monotonic() - self._listed_at >= self.refresh:
            self._list_children()
        try:
            parent = self.me.memory_info().rss
        except psutil.Error:
            return
        rss, gone = 0, False
        for p in self._kids:
            try:
                rss += p.memory_info().rss
            except psutil.Error:  # exited: list again next time
                gone = True
        if gone:
            self._listed_at = float("-inf")
        self.samples += 1
        self.max_parent = max(self.max_parent, parent)
        self.max_children_rss = max(self.max_children_rss, rss)
        self.max_total = max(self.max_total, parent + rss)
        self.max_children = max(self.max_children, len(self._kids))

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def __enter__(self) -> "TreeSampler":
        self.sample()
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop_event.set()
        self.join()


class Timeline:
    """``run_pass``'s progress callback: when the links were queued and when articles finished."""

    def __init__(self):
        self.started = time.perf_counter()
        self.queued_at: float | None = None
        self.first_done_at: float | None = None
        self.done = 0
        self._lock = threading.Lock()

    def __call__(self, event: str, n: int) -> None:
        now = time.perf_counter() - self.started
        with self._lock:
            if event == "queued" and self.queued_at is None:
                self.queued_at = now
            elif event == "done":
                self.done += n
                if self.first_done_at is None:
                    self.first_done_at = now


@dataclass
class PassResult:
    pages: int
    articles: int
    seconds: float
    rate: float
    peak_rss_mb: float
    peak_parent_rss_mb: float
    peak_children_rss_mb: float
    extraction_processes: int
    rss_samples: int
    parent_cpu_seconds: float
    workers_cpu_seconds: float
    site_cpu_seconds: float
    other_cpu_seconds: float  # everything else on the machine meanwhile (should be near 0)
    steal_seconds: float  # CPU the hypervisor withheld meanwhile
    discovery_seconds: float  # feed fetched, parsed and its links queued
    first_article_seconds: float  # the first item finished (extraction pool started by then)
    steady_rate: float  # articles/s from the first finished item to the end
    speed_index: float  # see speed_index(), measured just before the pass
    failed: int
    errors: list[str] = field(default_factory=list)
    source_status: str = ""
    source_error: str | None = None

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        for k, v in d.items():
            if isinstance(v, float):
                d[k] = round(v, 3)
        return d


def settings_yaml(site_base: str, port: int) -> str:
    return f"""\
network:
  contact: https://example.org/chargewatch-bench
  allow_private: ["127.0.0.1:{port}"]   # the benchmark site is on loopback: allow exactly it
  host_delay: 0s
  max_per_host: {os.environ.get("CHARGEWATCH_BENCH_PER_HOST", "4")}
  workers: {os.environ.get("CHARGEWATCH_BENCH_THREADS", "6")}
  retries: 0
sources:
  - name: bench
    kind: feed
    url: "{site_base}/feed/"
    max_items: 5000
"""


def run_pipeline_pass(site, db_path: Path) -> PassResult:
    """One ``run_pass`` of the bench source against ``site`` (a started SiteProcess), timed."""
    from monitor.config import settings_from_yaml
    from monitor.pipeline import run_pass
    from storage import open_db
    from storage.articles import count_articles

    settings = settings_from_yaml(settings_yaml(site.base, site.info["port"]), "bench-feeds.yaml")
    db = open_db(db_path)
    try:
        speed = speed_index()
        busy0, steal0 = system_busy_seconds(), steal_seconds()
        site_cpu0, self_cpu0, kids_cpu0 = site.cpu_seconds(), cpu_self(), cpu_children()
        with TreeSampler() as sampler:
            timeline = Timeline()
            reports = run_pass(settings, db, progress=timeline)
            seconds = time.perf_counter() - timeline.started
        site_cpu, self_cpu, kids_cpu = site.cpu_seconds(), cpu_self(), cpu_children()
        busy = system_busy_seconds() - busy0
        steal = steal_seconds() - steal0
        articles = count_articles(db)
    finally:
        db.close()
    report = reports[0] if reports else None
    return PassResult(
        pages=site.info["pages"], articles=articles, seconds=seconds,
        rate=articles / seconds if seconds else 0.0,
        peak_rss_mb=sampler.max_total / MB, peak_parent_rss_mb=sampler.max_parent / MB,
        peak_children_rss_mb=sampler.max_children_rss / MB,
        extraction_processes=len(sampler.child_pids), rss_samples=sampler.samples,
        parent_cpu_seconds=self_cpu - self_cpu0, workers_cpu_seconds=kids_cpu - kids_cpu0,
        site_cpu_seconds=site_cpu - site_cpu0,
        other_cpu_seconds=max(0.0, busy - (self_cpu - self_cpu0) - (kids_cpu - kids_cpu0)
                              - (site_cpu - site_cpu0)),
        steal_seconds=steal, speed_index=speed,
        discovery_seconds=timeline.queued_at or 0.0, first_article_seconds=timeline.first_done_at or 0.0,
        steady_rate=((articles - 1) / (seconds - timeline.first_done_at)
                     if timeline.first_done_at is not None and articles > 1 and seconds > timeline.first_done_at
                     else 0.0),
        failed=report.failed if report else 0, errors=list(report.errors[:5]) if report else [],
        source_status=report.status if report else "no report",
        source_error=report.error if report else None)


def print_pass(label: str, r: PassResult) -> None:
    print(f"  {label}: {r.articles} of {r.pages} pages stored in {r.seconds:.1f} s = {r.rate:.1f} articles/s; "
          f"peak RSS {r.peak_rss_mb:.0f} MB (parent {r.peak_parent_rss_mb:.0f} MB, "
          f"{r.extraction_processes} worker processes {r.peak_children_rss_mb:.0f} MB)")
    print(f"    timeline: links queued after {r.discovery_seconds:.1f} s (feed fetched and parsed), first article "
          f"done at {r.first_article_seconds:.1f} s (extraction workers started), then {r.steady_rate:.1f} articles/s")
    busy = r.parent_cpu_seconds + r.workers_cpu_seconds + r.site_cpu_seconds
    print(f"    CPU: pipeline process {r.parent_cpu_seconds:.1f} s, extraction workers {r.workers_cpu_seconds:.1f} s, "
          f"site server {r.site_cpu_seconds:.1f} s = {busy:.1f} s over {r.seconds:.1f} s wall "
          f"({busy / r.seconds if r.seconds else 0:.2f} of {os.cpu_count()} cores; other processes "
          f"{r.other_cpu_seconds:.1f} s, hypervisor steal {r.steal_seconds:.1f} s; speed index {r.speed_index:.0f})")
    warn_other_load(r.other_cpu_seconds, r.seconds)
    if r.source_error or r.failed:
        print(f"    source status {r.source_status}: error={r.source_error!r}, {r.failed} failed items")
        for err in r.errors:
            print(f"      - {err}")


def header(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 72 - len(title)))
    sys.stdout.flush()
