"""python -m benchmarks [ingest] [extraction] [trafilatura] [--strict]: run and print the figures.

Kept light at import time: spawned worker processes import this module as ``__mp_main__``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback

BENCHMARKS = {  # name -> module; the order they run in
    "ingest": "benchmarks.ingest",
    "extraction": "benchmarks.extraction",
    "trafilatura": "benchmarks.trafilatura_cli",
}


def _missed(results: dict) -> list[str]:
    missed = []
    ingest = results.get("ingest", {}).get("met")
    if isinstance(ingest, dict):
        missed += [f"ingest {k}" for k, ok in ingest.items() if not ok]
    if results.get("extraction", {}).get("met") is False:
        missed.append("extraction F1")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run chargewatch's benchmarks and write benchmarks/out/results.json. "
                    "Env: CHARGEWATCH_BENCH_PAGES (ingest, default 2000), "
                    "CHARGEWATCH_BENCH_CLI_PAGES (trafilatura, default 500).",
        epilog="example: CHARGEWATCH_BENCH_PAGES=200 python -m benchmarks ingest")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"which to run ({', '.join(BENCHMARKS)}); all when none is given")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r} (choose from {', '.join(BENCHMARKS)})")
    names = list(dict.fromkeys(args.names)) or list(BENCHMARKS)

    from .common import machine_busy, save_results

    busy = machine_busy(1.0)
    if busy > 0.2:
        print(f"WARNING: the machine is already busy before the benchmarks start ({busy:.2f} cores in use by "
              "other processes); the figures will be lower than on a quiet machine")
    results: dict = {"preflight": {"busy_cores_before": round(busy, 2)}}
    failed: list[str] = []
    started = time.perf_counter()
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
