"""The commands do what they say, the same way everywhere: listings never write, one reading of
dates, ids checked, a database in use is never deleted, clean stops, clear errors."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.outputs.exchange import opml_to_sources
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[1]
CHARGEWATCH = str(Path(sys.executable).with_name("chargewatch"))


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_listings_leave_the_database_byte_for_byte_unchanged(demo_db):
    before = digest_of(demo_db)
    db = str(demo_db)
    feeds = str(ROOT / "feeds.yaml")  # 18 sources, other kinds and URLs than the demo's
    listings = [
        ["sources", "--db", db, "--feeds", feeds], ["sources", "--db", db, "--feeds", feeds, "--json"],
        ["articles", "--db", db], ["articles", "--db", db, "--all", "--json"], ["stories", "--db", db, "--json"],
        ["export", "--db", db], ["export", "--db", db, "--format", "jsonl", "--per", "article"],
        ["corrections", "--db", db], ["users", "list", "--db", db], ["tags"],
    ]
    for args in listings:
        out = run(*args)
        assert out.exit_code == 0, (args, out.output)
        assert digest_of(demo_db) == before, f"{' '.join(args[:2])} changed the database"
    shown = json.loads(run("sources", "--db", db, "--feeds", feeds, "--json").output)
    configured = {s["name"] for s in shown}
    assert len(configured) >= 18 and "icct" in configured  # the file's sources are listed, not stored
    electrive = next(s for s in shown if s["name"] == "electrive")
    assert electrive["url"].startswith("https://")  # as configured now, though the demo fetched it on loopback


def _ids(output: str, key: str = "id") -> set:
    return {row[key] for row in json.loads(output)}


def test_one_reading_of_dates_for_every_command(demo_db, clock):
    db = str(demo_db)  # the clock reads 2026-11-25 08:00 UTC
    week = _ids(run("stories", "--db", db, "--since", "7d", "--json").output)
    assert week and week == {r["story_id"] for r in json.loads(run("articles", "--db", db, "--since", "7d", "--json").output)}
    exported = run("export", "--db", db, "--since", "7d", "--format", "jsonl")
    assert exported.exit_code == 0 and week == {json.loads(line)["story_id"] for line in exported.output.splitlines()}
    rows = json.loads(run("stories", "--db", db, "--since", "2026-11-18", "--json").output)
    assert {r["id"] for r in rows} == week and all(r["first_seen"] >= "2026-11-18" for r in rows)
    assert _ids(run("stories", "--db", db, "--since", "yesterday", "--json").output) == \
        _ids(run("stories", "--db", db, "--since", "2026-11-24", "--json").output) != set()
    assert run("stories", "--db", db, "--since", "today", "--json").output.strip() == "[]"
    # a report dated only by its day (2026-11-12) is inside "since 2026-11-12T07:30"
    titles = {r["title"] for r in json.loads(run("stories", "--db", db, "--since", "2026-11-12T07:30Z", "--json").output)}
    assert any(t.startswith("Battery recycling capacity in Europe") for t in titles)
    until = run("export", "--db", db, "--until", "2026-11-12T06:00Z", "--format", "jsonl")
    assert any(json.loads(line)["title"].startswith("Battery recycling capacity") for line in until.output.splitlines())
    for args in (["stories", "--since", "last week"], ["articles", "--since", "7x"], ["export", "--until", "soon"],
                 ["digest", "--since", "someday"]):
        out = run(*args, "--db", db)
        assert out.exit_code == 2 and args[1] in out.output and "24h, 7d" in out.output, out.output
    assert "first published" in " ".join(run("stories", "--help").output.split())
    assert "stored since WHEN" in " ".join(run("digest", "--help").output.split())


def test_limits_and_ids_are_checked(demo_db):
    db = str(demo_db)
    for args in (["articles", "--limit", "-3"], ["stories", "--limit", "0"]):
        out = run(*args, "--db", db)
        assert out.exit_code == 2 and "--limit" in out.output
    assert len(json.loads(run("articles", "--db", db, "--limit", "3", "--json").output)) == 3
    out = run("export", "--db", db, "--automaker", "teslaa")
    assert out.exit_code == 2 and "teslaa" in out.output and "tesla" in out.output and "volkswagen" in out.output
    out = run("export", "--db", db, "--topic", "steel")
    assert out.exit_code == 2 and "green-steel" in out.output
    for cmd in ("articles", "stories", "export"):
        out = run(cmd, "--db", db, "--source", "reuter")
        assert out.exit_code == 2 and "reuters" in out.output and "mongabay" in out.output, cmd
    listed = json.loads(run("tags", "--json").output)
    assert len(listed["automakers"]) >= 18 and "deep-sea-mining" in {t["id"] for t in listed["topics"]}


def test_demo_never_deletes_a_database_another_process_has_open(tmp_path):
    target = tmp_path / "demo.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from storage import open_db; db = open_db(sys.argv[1]); "
         "db.execute('CREATE TABLE IF NOT EXISTS mine (x)'); print('open', flush=True); sys.stdin.read()",
         str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "open"
        out = run("demo", "--db", str(target), "--port", str(free_port()))
        assert out.exit_code == 3 and "open in another chargewatch process" in out.output
        assert target.exists()
        import sqlite3

        assert sqlite3.connect(target).execute("SELECT count(*) FROM sqlite_master WHERE name = 'mine'").fetchone()[0] == 1
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_busy_port_is_a_clear_error_with_its_own_exit_code(demo_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        out = run("serve", "--db", str(demo_db), "--port", port)
        assert out.exit_code == 4 and f"port {port} on 127.0.0.1 is already in use" in out.output
        feeds = demo_db.parent / "f.yaml"
        feeds.write_text("sources: []\n")
        out = run("run", "--db", str(demo_db), "--feeds", str(feeds), "--port", port)
        assert out.exit_code == 4 and "already in use" in out.output


def test_ctrl_c_stops_run_cleanly_without_tracebacks(tmp_path):
    """Ctrl-C reaches the whole process group, extraction workers included."""
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("sources: []\n")
    proc = subprocess.Popen([CHARGEWATCH, "run", "--feeds", str(feeds), "--db", str(tmp_path / "r.db"),
                             "--port", str(free_port())], stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            start_new_session=True)
    lines = []
    try:
        for line in proc.stderr:
            lines.append(line)
            if "review page on" in line:
                break
        os.killpg(proc.pid, signal.SIGINT)
        rest = proc.stderr.read()
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    err = "".join(lines) + rest
    assert code == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.rstrip().endswith("stopped")


def test_resume_says_when_a_source_is_not_paused(tmp_path):
    from storage import open_db
    from storage.sources import pause, sync_sources
    from monitor.config import settings_from_yaml

    path = tmp_path / "s.db"
    db = open_db(path)
    sync_sources(db, settings_from_yaml("sources:\n  - name: wire\n    kind: feed\n    url: https://e.org/f\n",
                                        "f.yaml").sources)
    out = run("sources", "resume", "wire", "--db", str(path))
    assert out.exit_code == 0 and "wire is not paused" in out.output
    pause(db, "wire")
    out = run("sources", "resume", "wire", "--db", str(path))
    assert out.exit_code == 0 and "resumed wire" in out.output
    assert run("sources", "resume", "nope", "--db", str(path)).exit_code == 1


def test_users_add_reads_a_piped_password_without_a_warning(tmp_path):
    path = tmp_path / "u.db"
    proc = subprocess.run([CHARGEWATCH, "users", "add", "maria", "--db", str(path)], input="a long password\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "created user maria" in proc.stdout
    assert "Warning" not in proc.stderr and "echo" not in proc.stderr, proc.stderr


def test_opml_import_gives_the_real_reason_and_readable_names():
    reader = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><body>
  <outline text="Rüber Sühne Ölkrise" type="rss" xmlUrl="https://example.de/feed"/>
  <outline text="电动车新闻" type="rss" xmlUrl="https://www.example.cn/rss"/>
  <outline text="Old" type="rss" xmlUrl="ftp://example.org/feed"/>
  <outline text="Slow" type="rss" xmlUrl="https://example.org/slow" max_items="0"/>
</body></opml>""".encode()
    imported = opml_to_sources(reader, "reader.opml")
    assert [s["name"] for s in imported.sources] == ["ruber-suhne-olkrise", "example.cn"]
    assert len(imported.skipped) == 2
    assert not any("further information" in s or "errors.pydantic" in s for s in imported.skipped), imported.skipped
    old, slow = imported.skipped
    assert old.startswith("old: url:") and "http" in old
    assert slow.startswith("slow: max_items:") and "greater than or equal to 1" in slow
