"""The command-line contract: commands, options, JSON shapes and exit codes."""

from __future__ import annotations

import json
import re

import click
from click.testing import CliRunner

from monitor.cli import main
from tests.conftest import ROOT


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
