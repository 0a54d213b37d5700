"""The command-line contract: commands, options, JSON shapes and exit codes."""

from __future__ import annotations

import json
import re

import click
from click.testing import CliRunner

from monitor.cli import main
from tests.helpers import ROOT


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = []
    for name, cmd in main.commands.items():
        if isinstance(cmd, click.Group):
            names += [f"{name} {sub}" for sub in cmd.commands]
        else:
            names.append(name)
    missing = [n for n in names if f"chargewatch {n}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_help_has_an_example():
    for name, cmd in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, name


def test_bad_configuration_exits_2_naming_file_line_and_key(tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("sources:\n  - name: x\n    kind: feed\n    url: https://e.org/f\n    interval: often\n")
    result = run("fetch", "--feeds", str(feeds), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert re.search(r"feeds.yaml:5: sources\[0\].interval: invalid duration 'often'", result.output)
    assert "Traceback" not in result.output


def test_unusable_database_exits_3(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 200)
    for args in (["articles", "--db", str(bad)], ["sources", "--db", str(bad), "--feeds", "none.yaml"]):
        result = run(*args)
        assert result.exit_code == 3 and "bad.db" in result.output


def test_missing_database_for_articles_is_explained(tmp_path):
    result = run("articles", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3 and "run 'chargewatch fetch' first" in result.output


def test_db_from_the_environment(tmp_path):
    from storage import open_db
    from storage.articles import NewArticle, save_article

    path = tmp_path / "env.db"
    save_article(open_db(path), NewArticle(url="https://e.org/a", title="A", text="t", author=None,
                                            published="2026-11-02", source="s", kind="report",
                                            language=None, content_hash="h"))
    result = run("articles", "--json", env={"CHARGEWATCH_DB": str(path)})
    assert result.exit_code == 0
    [row] = json.loads(result.output)
    assert {"id", "url", "title", "source", "published", "kind"} <= set(row)
    assert (row["url"], row["kind"], row["source"]) == ("https://e.org/a", "report", "s")


# --- an unusable database, and ids beyond any row (issue 14) -----------------------------------------

def damage_mid_file(path) -> int:
    """Garbage over every page of the file but the header page, the schema's pages and the
    migrations table's (found with SQLite's dbstat), as a disk that failed mid-file leaves it: the
    file opens and says it is up to date, and the damage shows only when data is read. Returns
    the number of pages overwritten."""
    import random
    import sqlite3

    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    count = conn.execute("PRAGMA page_count").fetchone()[0]
    keep = {n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name IN ('sqlite_schema', "
                                       "'_sqlite_migrations', 'idx__sqlite_migrations_migration_set_name')")}
    conn.close()
    garbage = random.Random(14)
    damaged = 0
    with open(path, "r+b") as f:
        for n in range(2, count + 1):
            if n not in keep:
                f.seek((n - 1) * page)
                f.write(garbage.randbytes(page))
                damaged += 1
    return damaged


def test_a_database_damaged_mid_file_is_a_clear_error_for_every_command(demo_db, tmp_path):
    from monitor.demo import DEMO_FEEDS
    from monitor.demo.sitesrv import SiteServer

    assert damage_mid_file(demo_db) > 100
    db = str(demo_db)
    commands = [["articles"], ["articles", "--all", "--json"], ["stories"], ["stories", "--json"], ["digest"],
                ["digest", "--since", "7d", "--format", "html"], ["export"], ["sources", "--feeds", "none.yaml"],
                ["post", "3", "--platform", "x"]]
    with SiteServer() as site:  # the demo's own sources, on loopback
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(DEMO_FEEDS.read_text().replace("{BASE}", site.base)
                         .replace("{HOSTPORT}", site.base.removeprefix("http://")))
        commands.append(["fetch", "--feeds", str(feeds)])
        for args in commands:
            result = CliRunner().invoke(main, [*args, "--db", db])
            assert result.exit_code == 3, (args, result.output, result.exception)
            assert f"database error: {db}: " in result.output and "damaged" in result.output, (args, result.output)
            assert "Traceback" not in result.output


def test_a_full_disk_stops_fetch_with_exit_3_and_no_traceback(tmp_path):
    """The disk fills during a pass (SQLite's max_page_count caps the database at its size when
    fetch opens it, so every page it would add is refused as "database or disk is full"): the
    command stops starting articles, says so with the file's name, exits 3, and prints no
    traceback. It runs in its own process so that standard error is the real one (logging too)."""
    import subprocess
    import sys

    from monitor.demo import DEMO_FEEDS
    from monitor.demo.sitesrv import SiteServer

    capped = tmp_path / "capped.py"  # chargewatch, its databases capped at their size when opened
    capped.write_text("import storage\n\nreal = storage.open_db\n\n\ndef open_db(*args, **kwargs):\n"
                      "    db = real(*args, **kwargs)\n"
                      "    db.execute(f\"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}\")\n"
                      "    return db\n\n\nstorage.open_db = open_db\n\nif __name__ == '__main__':\n"
                      "    from monitor.cli import main\n    main()\n")
    path = tmp_path / "full.db"
    with SiteServer() as site:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(DEMO_FEEDS.read_text().replace("{BASE}", site.base)
                         .replace("{HOSTPORT}", site.base.removeprefix("http://")))
        done = subprocess.run([sys.executable, str(capped), "fetch", "--feeds", str(feeds), "--db", str(path)],
                              capture_output=True, text=True, cwd=str(ROOT), timeout=300)
    assert done.returncode == 3, (done.stdout[-2000:], done.stderr[-3000:])
    assert f"database error: {path}: the disk is full" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    from storage import open_db

    assert open_db(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # and nothing was broken


def test_ids_beyond_any_row_are_usage_errors(demo_db):
    from storage import open_db
    from storage.articles import resolve_item

    huge = "99999999999999999999999"
    for item in (huge, f"story:{huge}", f"article:{huge}", "story:0", "story:-1", "x:1"):
        result = CliRunner().invoke(main, ["post", item, "--platform", "x", "--db", str(demo_db)])
        assert result.exit_code == 2, (item, result.output, result.exception)
        assert "ITEM" in result.output and "story:ID" in result.output
    db = open_db(demo_db)
    assert resolve_item(db, huge) is None and resolve_item(db, f"story:{huge}") is None
    assert resolve_item(db, str(2**63 - 1)) is None  # the largest id SQLite holds: no such row, no error
