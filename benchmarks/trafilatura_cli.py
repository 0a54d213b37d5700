"""The ``trafilatura`` command line against the same generated site, then our pipeline on it.

``trafilatura -i URLLIST --parallel 2 --config-file CFG -o OUTDIR`` downloads and extracts the
article pages (the settings file is trafilatura's own default with two changes, see
``write_config``); then ``run_pass`` ingests the same pages from the site's feed into a fresh
database. Pages: CHARGEWATCH_BENCH_CLI_PAGES (default 500).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import (cpu_children, cpu_self, env_int, header, print_pass, run_pipeline_pass, system_busy_seconds,
                     warn_other_load)
from .siteserver import SEED, SiteProcess

ISSUE_RATE = 30.0  # pages/s the issue reports for the trafilatura CLI on this machine
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


def trafilatura_bin() -> Path:
    return Path(sys.executable).parent / "trafilatura"


def write_config(path: Path) -> None:
    """trafilatura's default settings.cfg with no pause between requests and the SSRF guard off."""
    import trafilatura

    text = (Path(trafilatura.__file__).with_name("settings.cfg")).read_text(encoding="utf-8")
    changes = {
        r"^SLEEP_TIME\s*=.*$": "# benchmark: no pause between requests (one local site, as host_delay: 0s for ours)\n"
                               "SLEEP_TIME = 0",
        r"^SSRF_PROTECTION\s*=.*$": "# benchmark: off because the site is on 127.0.0.1, which the SSRF guard refuses\n"
                                    "# (ours is allowed exactly that host:port through network.allow_private)\n"
                                    "SSRF_PROTECTION = off",
    }
    for pattern, replacement in changes.items():
        text, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
        if n != 1:
            raise RuntimeError(f"trafilatura's settings.cfg has no line matching {pattern!r}")
    path.write_text(text, encoding="utf-8")


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in PROXY_VARS}  # straight to 127.0.0.1


def startup_seconds() -> float:
    """The command's own start-up (interpreter and imports): ``trafilatura --version``, best of 2."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([str(trafilatura_bin()), "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, env=_env(), timeout=120)
        best = min(best, time.perf_counter() - started)
    return best


def run_cli(urls: list[str], work: Path, startup: float) -> dict:
    url_list, cfg, out, log = work / "urls.txt", work / "trafilatura.cfg", work / "out", work / "trafilatura.log"
    url_list.write_text("\n".join(urls) + "\n", encoding="utf-8")
    write_config(cfg)
    out.mkdir()
    cmd = [str(trafilatura_bin()), "-i", str(url_list), "--parallel", "2", "--config-file", str(cfg), "-o", str(out)]
    cpu0 = cpu_children()
    started = time.perf_counter()
    with log.open("wb") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=_env(),
                              cwd=work, timeout=3600)
    seconds = time.perf_counter() - started
    written = [p for p in out.rglob("*") if p.is_file()]
    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
    return {"command": " ".join(["trafilatura"] + cmd[1:]), "exit_code": proc.returncode,
            "pages": len(urls), "files_written": len(written), "seconds": round(seconds, 3),
            "pages_per_second": round(len(written) / seconds, 2) if seconds else 0.0,
            "startup_seconds": round(startup, 2),
            "pages_per_second_after_startup": round(len(written) / (seconds - startup), 2) if seconds > startup else 0.0,
            "cpu_seconds": round(cpu_children() - cpu0, 2), "log_tail": tail}


def run() -> dict:
    pages = env_int("CHARGEWATCH_BENCH_CLI_PAGES", 500)
    header(f"trafilatura CLI vs our pipeline: {pages} generated pages")
    if not trafilatura_bin().is_file():
        note = f"skipped: no trafilatura command at {trafilatura_bin()}"
        print(f"  {note}")
        return {"trafilatura": {"skipped": note}}
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-cli-") as tmp, SiteProcess(pages, SEED) as site:
        work = Path(tmp)
        urls = [site.base + p for p in site.info["paths"]]
        startup = startup_seconds()
        site_cpu0, busy0, self0 = site.cpu_seconds(), system_busy_seconds(), cpu_self()
        cli = run_cli(urls, work, startup)
        cli["site_cpu_seconds"] = round(site.cpu_seconds() - site_cpu0, 2)
        cli["other_cpu_seconds"] = round(max(0.0, system_busy_seconds() - busy0 - cli["cpu_seconds"]
                                             - cli["site_cpu_seconds"] - (cpu_self() - self0)), 2)
        ours = run_pipeline_pass(site, work / "ours.db")
    print(f"  site: {site.info['pages']} pages at {site.base} "
          f"({'TCP_NODELAY set' if site.info['nodelay'] else 'stock sockets, Nagle on'})")
    print(f"  {cli['command']}")
    print(f"  trafilatura CLI: {cli['files_written']} of {cli['pages']} pages written in {cli['seconds']:.1f} s = "
          f"{cli['pages_per_second']:.1f} pages/s (exit code {cli['exit_code']}; CPU {cli['cpu_seconds']:.1f} s, "
          f"site server {cli['site_cpu_seconds']:.1f} s)")
    print(f"    its start-up alone (trafilatura --version) takes {cli['startup_seconds']:.1f} s; "
          f"without it {cli['pages_per_second_after_startup']:.1f} pages/s")
    warn_other_load(cli["other_cpu_seconds"], cli["seconds"])
    if cli["exit_code"] != 0 or cli["files_written"] != cli["pages"]:
        for line in cli["log_tail"]:
            print(f"    | {line}")
    print_pass("our pipeline", ours)
    ratio = ours.rate / cli["pages_per_second"] if cli["pages_per_second"] else float("inf")
    print(f"trafilatura: CLI {cli['pages_per_second']:.1f} pages/s (the issue saw about {ISSUE_RATE:.0f}), "
          f"ours {ours.rate:.1f} articles/s, ours/trafilatura = {ratio:.2f}x")
    return {"trafilatura": {"server_nodelay": site.info["nodelay"], "cli": cli, "ours": ours.as_dict(), "ratio_ours_to_cli": round(ratio, 3),
                            "issue_cli_pages_per_second": ISSUE_RATE}}


if __name__ == "__main__":
    run()
