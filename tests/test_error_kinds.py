"""One error tree with ``message`` and ``url`` as fields and a ``kind`` per class; the kind stored
on source and queue rows (migration m015), cleared by success, and failing sources grouped by it
on the sources page and in ``chargewatch sources``. Real SQLite files, real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import re
import sqlite3
import threading

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.demo.sitesrv import SiteServer
from monitor.errors import (KIND_LABELS, BlockedAddress, ChargewatchError, ConfigError, DatabaseError, ExtractError,
                            FetchError, FetchTimeout, HTTPStatusError, ParseError, failure_summary, group_failures,
                            kind_label, kind_of)
from monitor.outputs.mailer import MailError
from monitor.pipeline import run_pass
from storage import open_db
from storage.migrations import migrations
from storage.search_query import QueryError, TooBroad
from storage.sources import list_sources
from tests.helpers import closed_port, make_settings, respond


def article(title: str, text: str) -> bytes:
    body = f"<p>{text}</p>" * 5
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav>Home | News</nav><article><h1>{title}</h1>{body}</article></body></html>").encode()


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode()


# -- the tree ------------------------------------------------------------------------------------


def test_every_error_has_a_message_and_a_url_and_str_composes_them():
    err = HTTPStatusError("HTTP 404", "https://e.org/feed.xml", status=404)
    assert (err.message, err.url, err.status, err.kind) == ("HTTP 404", "https://e.org/feed.xml", 404, "http")
    assert str(err) == "HTTP 404 (https://e.org/feed.xml)"
    named = BlockedAddress("http://10.0.0.1/x resolves to a private address", "http://10.0.0.1/x")
    assert str(named) == named.message  # the URL is not repeated when the message names it
    hop = FetchTimeout("timed out (ReadTimeout)", "https://e.org/b", redirected_from="https://e.org/a")
    assert str(hop) == "timed out (ReadTimeout) (https://e.org/b, redirected from https://e.org/a)"
    assert hop.message == "timed out (ReadTimeout)"
    parse = ExtractError("no main text found on the page", "https://e.org/p")
    assert (parse.kind, str(parse)) == ("extract", "no main text found on the page (https://e.org/p)")
    assert str(ParseError("empty sitemap")) == "empty sitemap" and ParseError("x").url == ""
    assert str(ConfigError("feeds.yaml:3: bad key")) == "feeds.yaml:3: bad key"


def test_mail_and_query_errors_are_in_the_one_tree():
    for cls in (MailError, QueryError, TooBroad, DatabaseError, ConfigError, FetchError, ParseError):
        assert issubclass(cls, ChargewatchError), cls
    assert issubclass(QueryError, ValueError) and issubclass(TooBroad, QueryError)  # callers catch ValueError
    err = TooBroad("'a*' is the start of too many words")
    assert (err.message, err.url, str(err), err.kind) == ("'a*' is the start of too many words", "",
                                                          "'a*' is the start of too many words", "too_broad")
    assert MailError("cannot reach the mail server").kind == "mail"


def test_kinds_have_one_label_each_and_unknown_ones_read_other():
    for kind in ("network", "timeout", "tls", "http", "too_large", "blocked", "robots", "redirect", "parse",
                 "extract", "internal"):
        assert KIND_LABELS[kind], kind
    assert kind_label("timeout") == "Timed out" and kind_label(None) == kind_label("gremlins") == "Other error"
    assert kind_of(HTTPStatusError("HTTP 500", status=500)) == "http" and kind_of(RuntimeError("bug")) == "internal"


def test_failing_sources_are_grouped_by_kind_biggest_first():
    class Row:
        def __init__(self, name, failures, kind):
            self.name, self.consecutive_failures, self.error_kind = name, failures, kind

    rows = [Row("a", 2, "timeout"), Row("b", 1, "http"), Row("c", 1, "timeout"), Row("d", 0, "http"),
            Row("e", 3, None)]
    groups = group_failures(rows)
    assert [(g.kind, g.label, g.names) for g in groups] == [
        ("timeout", "Timed out", ("a", "c")), ("http", "HTTP error", ("b",)), (None, "Other error", ("e",))]
    assert failure_summary(groups) == "4 failing: 2 timed out, 1 HTTP error, 1 other error"
    assert failure_summary(group_failures([Row("d", 0, "http")])) == ""


# -- the fetcher fills the fields -------------------------------------------------------------------


@pytest.fixture
def site(tmp_path):
    release = threading.Event()  # the slow routes answer only at teardown: the fetch times out first
    good_feed = rss("{BASE}/items/ok.html", "{BASE}/items/gone.html", "{BASE}/items/flaky.html",
                    "{BASE}/items/slow.html")
    pages = {"/good/feed.xml": ("application/rss+xml", good_feed),
             "/items/ok.html": ("text/html; charset=utf-8", article("A good article", (
                 "Hyundai and Kia said their suppliers in Georgia would switch to renewable electricity "
                 "under new power purchase agreements, cutting the embodied emissions of their batteries."))),
             "/fixed/feed.xml": ("application/rss+xml", rss())}
    server = SiteServer(tmp_path, pages={})
    server.pages = {k: (t, b.replace(b"{BASE}", server.base.encode())) for k, (t, b) in pages.items()}
    server.flaky = True  # /items/flaky.html and /flaky/feed.xml answer 500 until a test sets it False
    flaky_page = article("An article that was down", (
        "Volkswagen told investors its new battery plant in Salzgitter would start cell production next "
        "year, after delays caused by equipment shortages and a slower market for electric cars."))

    def flaky(h, body, ctype):
        if server.flaky:
            respond(h, 500, b"oops")
        else:
            respond(h, 200, body, ctype)

    server.routes.update({
        "/404/feed.xml": lambda h: respond(h, 404, b"gone"),
        "/flaky/feed.xml": lambda h: flaky(h, rss(), "application/rss+xml"),
        "/slow/feed.xml": lambda h: (release.wait(30), respond(h, 200, b"late")),
        "/items/gone.html": lambda h: respond(h, 404, b"gone"),
        "/items/flaky.html": lambda h: flaky(h, flaky_page, "text/html; charset=utf-8"),
        "/items/slow.html": lambda h: (release.wait(30), respond(h, 200, b"late")),
        "/hop": lambda h: respond(h, 302, b"", Location="/items/gone.html"),
    })
    server.start()
    yield server
    release.set()
    server.stop()


def test_a_failure_after_a_redirect_names_both_urls_in_fields(site):
    from monitor.config import NetworkSettings
    from monitor.fetch import Fetcher

    with Fetcher(NetworkSettings(allow_private=[site.base[7:]], retries=0, host_delay=0)) as fetcher:
        with pytest.raises(HTTPStatusError) as raised:
            fetcher.fetch(site.base + "/hop")
    err = raised.value
    assert (err.message, err.url, err.redirected_from) == ("HTTP 404", site.base + "/items/gone.html", site.base + "/hop")
    assert str(err) == f"HTTP 404 ({site.base}/items/gone.html, redirected from {site.base}/hop)"


# -- the rows record the kind ---------------------------------------------------------------------


def sources_yaml(refused_port: int) -> str:
    names = {"good": "{BASE}/good/feed.xml", "missing": "{BASE}/404/feed.xml", "flaky": "{BASE}/flaky/feed.xml",
             "slow": "{BASE}/slow/feed.xml", "refused": f"http://127.0.0.1:{refused_port}/feed.xml"}
    return "".join(f"\n  - name: {name}\n    kind: feed\n    url: {url}" for name, url in names.items()) + "\n"


def kinds(db, table: str, key: str) -> dict:
    return dict(db.execute(f"SELECT {key}, error_kind FROM {table}").fetchall())


def test_failures_record_their_kind_on_the_source_and_queue_rows_and_success_clears_it(
        site, tmp_path, extractor, clock):
    port = closed_port()
    settings = make_settings(site.base, sources_yaml(port), read_timeout="0.3s",
                             allow_private=[site.base[7:], f"127.0.0.1:{port}"])
    db_path = tmp_path / "kinds.db"
    db = open_db(db_path)
    reports = {r.name: r for r in run_pass(settings, db, extractor=extractor)}
    assert {n: r.error_kind for n, r in reports.items()} == {
        "good": None, "missing": "http", "flaky": "http", "slow": "timeout", "refused": "network"}
    assert kinds(db, "sources", "name") == {n: r.error_kind for n, r in reports.items()}
    assert "HTTP 404" in reports["missing"].error and "connection refused" in reports["refused"].error
    base = site.base + "/items/"
    assert kinds(db, "items", "url") == {base + "ok.html": None, base + "gone.html": "http",
                                         base + "flaky.html": "http", base + "slow.html": "timeout"}
    states = dict(db.execute("SELECT url, state FROM items").fetchall())
    assert states[base + "gone.html"] == "failed" and states[base + "flaky.html"] == "pending"
    rows = {r.name: r for r in list_sources(db)}
    assert rows["slow"].error_kind == "timeout" and rows["good"].error_kind is None

    site.flaky = False  # the server recovers: the source and the queued page succeed
    clock.advance(hours=1)
    run_pass(settings, db, extractor=extractor)
    rows = {r.name: r for r in list_sources(db)}
    assert rows["flaky"].error_kind is None and rows["flaky"].consecutive_failures == 0
    assert rows["flaky"].last_error  # the message stays, as history; the kind says it is over
    assert rows["missing"].error_kind == "http" and rows["missing"].consecutive_failures == 2
    item = db.execute("SELECT state, error_kind FROM items WHERE url = ?", [base + "flaky.html"]).fetchone()
    assert tuple(item) == ("done", None)
    db.close()

    # the page groups the failing sources by kind, and labels each failing row
    from starlette.testclient import TestClient

    from monitor.web.app import create_app

    page = TestClient(create_app(db_path), base_url="http://127.0.0.1:8000").get("/sources")
    assert page.status_code == 200
    assert "3 failing: 1 HTTP error, 1 network error, 1 timed out" in page.text
    assert '<li data-kind="timeout"><span class="badge error-kind">Timed out</span> 1: slow</li>' in page.text
    for name, label in (("missing", "HTTP error"), ("slow", "Timed out"), ("refused", "Network error")):
        row = re.search(rf'<tr[^>]*data-source="{name}">.*?</tr>', page.text, re.DOTALL).group()
        assert f">{label}</span>" in row, name
    for name in ("good", "flaky"):  # not failing: no kind shown
        row = re.search(rf'<tr[^>]*data-source="{name}">.*?</tr>', page.text, re.DOTALL).group()
        assert "error-kind" not in row, name

    # and so does `chargewatch sources`, in its table and its --json
    runner = CliRunner()
    out = runner.invoke(main, ["sources", "--db", str(db_path), "--feeds", str(tmp_path / "none.yaml")])
    assert out.exit_code == 0, out.output
    assert "3 failing: 1 HTTP error, 1 network error, 1 timed out" in out.output and "Timed out" in out.output
    shown = json.loads(runner.invoke(main, ["sources", "--db", str(db_path), "--feeds", "none.yaml", "--json"]).output)
    assert {s["name"]: s["error_kind"] for s in shown}["refused"] == "network"


# -- the migration ----------------------------------------------------------------------------------


def test_m015_adds_the_columns_to_an_old_database_and_infers_kinds_it_can(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path, migrate=False)
    migrations.apply(db, stop_before="m015_error_kinds")  # the schema as m014 left it
    assert "error_kind" not in db["sources"].columns_dict and "error_kind" not in db["items"].columns_dict
    failing = [("a", "HTTP 404 (https://e.org/a)", 2), ("b", "timed out (ReadTimeout) (https://e.org/b)", 1),
               ("c", "network error: connection refused (https://e.org/c)", 1),
               ("d", "feed could not be parsed: SAXParseException (https://e.org/d)", 1),
               ("e", "HTTP 500 (https://e.org/e)", 0)]  # recovered since: no kind
    for name, error, failures in failing:
        db.execute("INSERT INTO sources (name, kind, url, last_error, consecutive_failures) VALUES (?, 'feed', ?, ?, ?)",
                   [name, f"https://e.org/{name}", error, failures])
    db.execute("INSERT INTO items (url, source, state, last_error) VALUES "
               "('https://e.org/1', 'a', 'pending', 'TLS error: certificate verify failed'), "
               "('https://e.org/2', 'a', 'failed', 'internal error: KeyError: x'), "
               "('https://e.org/3', 'a', 'done', 'HTTP 503'), ('https://e.org/4', 'a', 'pending', NULL)")
    db.close()

    db = open_db(path)  # opening applies m015
    assert migrations.pending(db) == []
    assert kinds(db, "sources", "name") == {"a": "http", "b": "timeout", "c": "network", "d": None, "e": None}
    assert kinds(db, "items", "url") == {"https://e.org/1": "tls", "https://e.org/2": "internal",
                                         "https://e.org/3": None, "https://e.org/4": None}
    assert {r.name: r.error_kind for r in list_sources(db)}["a"] == "http"
    db.close()
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    conn.close()
    assert "m015_error_kinds" in names and names.index("m015_error_kinds") == names.index("m014_tag_roles") + 1
