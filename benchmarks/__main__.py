"""python -m benchmarks [ingest] [extraction] [trafilatura] [tagging] [realtext] [stories] [web] [--strict]: run and print the figures.

Kept light at import time: spawned worker processes import this module as ``__mp_main__``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

BENCHMARKS = {  # name -> module; the order they run in
    "ingest": "benchmarks.ingest",
    "extraction": "benchmarks.extraction",
    "trafilatura": "benchmarks.trafilatura_cli",
    "tagging": "benchmarks.tagging",
    "realtext": "benchmarks.realtext",
    "proposals-real": "benchmarks.proposals_real",
    "stories": "benchmarks.stories",
    "web": "benchmarks.web",
}


def _missed(results: dict) -> list[str]:
    missed = []
    ingest = results.get("ingest", {}).get("met")
    if isinstance(ingest, dict):
        missed += [f"ingest {k}" for k, ok in ingest.items() if not ok]
    if results.get("extraction", {}).get("met") is False:
        missed.append("extraction F1")
    realtext = results.get("realtext", {}).get("met")
    if isinstance(realtext, dict):
        missed += [f"realtext held-out {k}" for k, ok in realtext.items() if not ok]
    tagging = results.get("tagging", {})
    if tagging.get("quality", {}).get("met") is False:
        missed.append("tagging quality")
    speed = tagging.get("speed", {}).get("met")
    if isinstance(speed, dict):
        missed += [f"tagging {k.replace('_', ' ')}" for k, ok in speed.items() if not ok]
    if tagging.get("retag", {}).get("met") is False:
        missed.append("retag time")
    stories = results.get("stories", {}).get("met")
    if isinstance(stories, dict):
        missed += [f"stories {k}" for k, ok in stories.items() if not ok]
    web = results.get("web", {})
    if web.get("met") is False:
        missed.append("web p95")
    if web.get("rss_met") is False:
        missed.append("web serve RSS")
    return missed


def _run_here(names: list[str], failed: list[str]) -> dict:
    results: dict = {}
    for name in names:
        try:
            results.update(importlib.import_module(BENCHMARKS[name]).run())
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # one broken benchmark must not hide the others' figures
            if isinstance(exc, SystemExit) and exc.code in (0, None):
                continue
            traceback.print_exc()
            failed.append(name)
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.flush()
    return results


def _run_isolated(name: str, failed: list[str]) -> dict:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-") as tmp:
        out = Path(tmp) / "result.json"
        sys.stdout.flush()
        proc = subprocess.run([sys.executable, "-m", "benchmarks", name, "--result-file", str(out)],
                              cwd=root, stdin=subprocess.DEVNULL, env=os.environ.copy())
        try:
            results = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            results = {name: {"error": f"the benchmark process exited with code {proc.returncode} and no results"}}
    if proc.returncode != 0 or any(isinstance(v, dict) and "error" in v for v in results.values()):
        failed.append(name)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run chargewatch's benchmarks and write benchmarks/out/results.json. "
                    "Env: CHARGEWATCH_BENCH_PAGES (ingest, default 2000), "
                    "CHARGEWATCH_BENCH_REPEAT (ingest passes, median reported; default 1), "
                    "CHARGEWATCH_BENCH_CLI_PAGES (trafilatura, default 500), "
                    "CHARGEWATCH_BENCH_STOCK_SERVER=1 (leave Nagle on in the site server; see siteserver.py).",
        epilog="examples: CHARGEWATCH_BENCH_PAGES=200 python -m benchmarks ingest; "
               "CHARGEWATCH_BENCH_WEB_DB=/tmp/web1m.db python -m benchmarks web --articles 1000000")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"which to run ({', '.join(BENCHMARKS)}); all when none is given")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--articles", type=int, metavar="N",
                        help="web: time the review page on N articles (default 100000; the scale target is "
                             "1000000: set CHARGEWATCH_BENCH_WEB_DB=FILE to fill it once and reuse it)")
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)  # child mode, see _run_isolated
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r} (choose from {', '.join(BENCHMARKS)})")
    names = list(dict.fromkeys(args.names)) or list(BENCHMARKS)
    if args.articles is not None:
        if args.articles < 1000:
            parser.error("--articles: at least 1000")
        os.environ["CHARGEWATCH_BENCH_WEB_ARTICLES"] = str(args.articles)  # the benchmark's own process reads it

    if args.result_file:  # a child started by _run_isolated: run, hand the results back, save nothing
        results = _run_here(names, [])
        args.result_file.write_text(json.dumps(results, default=str), encoding="utf-8")
        return 0

    from .common import machine_busy, save_results

    busy = machine_busy(1.0)
    if busy > 0.2:
        print(f"WARNING: the machine is already busy before the benchmarks start ({busy:.2f} cores in use by "
              "other processes); the figures will be lower than on a quiet machine")
    results: dict = {"preflight": {"busy_cores_before": round(busy, 2)}}
    failed: list[str] = []
    started = time.perf_counter()
    if len(names) == 1:
        results.update(_run_here(names, failed))
    else:  # each in a fresh process, so one's memory does not show in the next one's peak RSS
        for name in names:
            results.update(_run_isolated(name, failed))
    path = save_results(results)
    print(f"\nresults written to {path} ({time.perf_counter() - started:.0f} s in all)")
    missed = _missed(results)
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}")
        return 2
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
