"""What chargewatch writes when what it stored is hostile (issue 14): markup and control characters
in titles, URLs and errors never reach a terminal as markup or escape sequences; nothing XML cannot
carry reaches a feed, an OPML file, a spreadsheet, a digest or a mail; a CSV cell is never a formula
whatever separator the spreadsheet splits at; an SMTP server that trickles cannot hold a send."""

from __future__ import annotations

import csv
import email
import io
import json
import logging
import re
import socket
import sys
import threading
import time
from email import policy

import feedparser
import pytest
from click.testing import CliRunner
from lxml import etree

from monitor.cli import main, printable, term
from monitor.config import MailSettings
from storage import digests as store
from storage import open_db
from storage.articles import NewArticle, clean_text, save_article, update_article
from storage.tags import TagRow
from tests.helpers import respond

# A title as the web can give it: rich markup (a closing tag with nothing to close, an opening one),
# a NUL, ESC sequences (clear the screen; set the window title, ended by BEL), a right-to-left
# override, a C1 CSI, backspace and DEL.
HOSTILE = ("[/] Tesla lithium\x00 refinery \x1b[2J\x1b]0;pwned\x07 opens \u202eexe.txt\u202c"
           " \x9b31m\x08\x7f [red]in Texas")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what XML 1.0 cannot carry
NOT_FOR_A_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # newline aside


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def hostile_story(db_path, *, error: str | None = None) -> int:
    """Give a story about Tesla (and its representative article, and that article's tags' evidence)
    the hostile title, written straight into the database: a row stored before titles were
    cleaned. Returns the story id."""
    db = open_db(db_path)
    story_id, article_id = db.execute(
        "SELECT s.id, s.representative FROM stories s JOIN tags t ON t.article_id = s.representative "
        "WHERE t.kind = 'automaker' AND t.tag_id = 'tesla' AND t.role = 'subject' ORDER BY s.id LIMIT 1").fetchone()
    db.execute("UPDATE stories SET title = ? WHERE id = ?", [HOSTILE, story_id])
    db.execute("UPDATE articles SET title = ?, author = ? WHERE id = ?", [HOSTILE, HOSTILE, article_id])
    db.execute("UPDATE tags SET evidence = ? WHERE article_id = ?", [HOSTILE + " evidence", article_id])
    if error:
        db.execute("UPDATE sources SET last_error = ?, consecutive_failures = 3", [error])
    assert db.execute("SELECT title FROM stories WHERE id = ?", [story_id]).fetchone()[0] == HOSTILE
    db.close()
    return story_id


def assert_terminal_safe(text: str) -> None:
    assert not NOT_FOR_A_TERMINAL.search(text), repr(NOT_FOR_A_TERMINAL.search(text).group())


# --- 3: the terminal -------------------------------------------------------------------------------

def test_the_terminal_helper_escapes_markup_and_replaces_control_characters():
    shown = printable(HOSTILE)
    assert_terminal_safe(shown)
    assert shown.startswith("[/] Tesla lithium\ufffd refinery \ufffd[2J") and shown.endswith("[red]in Texas")
    assert printable("one\ntwo\tthree\r") == "one two three " and printable("a\nb", lines=True) == "a\nb"
    assert printable("\ud800") == "\ufffd"  # a lone surrogate cannot even be encoded
    assert term("[/x] [bold]b[/bold]") == "\\[/x] \\[bold]b\\[/bold]"
    from rich.console import Console

    console = Console(file=io.StringIO(), width=200)
    console.print(f"[red]{term(HOSTILE)}[/red]")  # our own markup around it still works
    assert console.file.getvalue().rstrip("\n") == printable(HOSTILE)


def test_every_listing_prints_hostile_titles_urls_and_errors_as_text(demo_db):
    error = "HTTP 404 (http://e.org/[/x]gone\x1b[31m, redirected from http://e.org/[bold]a)"
    story_id = hostile_story(demo_db, error=error)
    db = str(demo_db)
    for args in (["articles"], ["articles", "--all"], ["stories"], ["sources", "--feeds", "none.yaml"]):
        out = run(*args, "--db", db)
        assert out.exit_code == 0, (args, out.output, out.exception)
        assert_terminal_safe(out.output)
        if args[0] == "sources":
            assert "[/x]gone" in out.output and "[bold]a" in out.output
        else:
            assert "[/] Tesla lithium" in out.output and "[red]in" in out.output
    for args in (["articles", "--json"], ["stories", "--json"], ["sources", "--feeds", "none.yaml", "--json"]):
        out = run(*args, "--db", db)
        assert out.exit_code == 0, (args, out.output)
        assert_terminal_safe(out.output)  # written as \uXXXX: the same data for any JSON reader
        rows = json.loads(out.output)
        if args[0] == "sources":
            assert {r["last_error"] for r in rows} == {error}
        else:
            assert HOSTILE in {r["title"] for r in rows}
    story = next(r for r in json.loads(run("stories", "--json", "--db", db).output) if r["id"] == story_id)
    assert story["title"] == HOSTILE
    text = run("digest", "--since", "2000-01-01", "--format", "text", "--db", db)
    assert text.exit_code == 0 and "[/] Tesla lithium" in text.output
    assert_terminal_safe(text.output)
    post = run("post", f"story:{story_id}", "--platform", "x", "--db", db)
    assert post.exit_code == 0 and "Tesla lithium" in post.output
    assert_terminal_safe(post.output)


def test_fetch_prints_markup_in_redirect_urls_and_errors_as_text(tmp_path):
    """A redirect to a URL with ``[/x]`` in it made the fetch summary end in a MarkupError (after
    the pass was stored)."""
    from monitor.demo.sitesrv import SiteServer

    def feed(h):
        respond(h, 200, (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
                         f"<title>[/] a title</title><link>{site.base}/go</link></item></channel></rss>").encode(),
                "application/rss+xml")

    routes = {"/feed.xml": feed, "/go": lambda h: respond(h, 302, Location="/gone[/x]"),
              "/moved": lambda h: respond(h, 302, Location="/nofeed[/]here[bold]")}
    with SiteServer(tmp_path, routes=routes) as site:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(f'network:\n  allow_private: ["{site.base.removeprefix("http://")}"]\n  host_delay: 0s\n'
                         f"  retries: 0\nsources:\n  - {{name: wire, kind: feed, url: '{site.base}/feed.xml'}}\n"
                         f"  - {{name: moved, kind: feed, url: '{site.base}/moved'}}\n")
        out = run("fetch", "--feeds", str(feeds), "--db", str(tmp_path / "f.db"))
    assert out.exit_code == 0, (out.output, out.exception)
    assert "/gone[/x]" in out.output and "/nofeed[/]here[bold]" in out.output
    assert_terminal_safe(out.output)


def test_log_lines_are_one_line_and_never_escape_sequences():
    from monitor.logsetup import LogFormatter as _LogFormatter

    try:
        raise ValueError("boom \x1b[2J")
    except ValueError:
        record = logging.LogRecord("monitor.pipeline", logging.ERROR, __file__, 1, "url=%s internal error",
                                   ("http://e.org/\x1b]0;x\x07",), sys.exc_info())
    line = _LogFormatter("%(levelname)s %(message)s", tracebacks=False).format(record)
    assert "\n" not in line and "Traceback" not in line and "ValueError: boom" in line
    assert_terminal_safe(line)
    assert "Traceback" in _LogFormatter("%(message)s", tracebacks=True).format(record)


# --- 4: what XML cannot carry ------------------------------------------------------------------

def test_titles_text_author_and_evidence_are_stored_without_what_xml_cannot_carry(db):
    title = "Tesla\x00 lithium \x1b[31mrefinery\ud800 opens\uffff"
    article = NewArticle(url="https://e.org/a", title=title, text="Body\x00 text\twith tab\nand lines\r\n\x0b",
                         author="A\x07uthor", published=None, source="s", kind="article", language="en",
                         content_hash="h1")
    tags = [TagRow("automaker", "tesla", "Tesla", "Tesla\x00 opened \x1b[2Ja refinery.", 1, 0.5)]
    article_id, created = save_article(db, article, tags=tags)
    assert created
    row = db.execute("SELECT title, text, author FROM articles WHERE id = ?", [article_id]).fetchone()
    assert row == ("Tesla lithium [31mrefinery opens", "Body text\twith tab\nand lines\r\n", "Author")
    assert db.execute("SELECT evidence FROM tags WHERE article_id = ?", [article_id]).fetchone()[0] == \
        "Tesla opened [2Ja refinery."
    changed = NewArticle(**{**article.__dict__, "title": "New\x1b title", "text": "New\x00 body", "content_hash": "h2"})
    assert update_article(db, article_id, changed)
    assert db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone() == \
        ("New title", "New body")


def test_atom_feed_of_a_story_with_control_characters_is_valid_xml(demo_db):
    from monitor.outputs.atom import atom
    from storage.review import Filters, inbox

    hostile_story(demo_db)
    stories = inbox(open_db(demo_db), Filters(status=None, automaker="tesla"), limit=100).stories
    assert HOSTILE in {s.title for s in stories}
    body = atom("chargewatch: Tesla\x00", "http://127.0.0.1:8000", "/feeds/automakers/tesla.atom", stories)
    etree.fromstring(body)  # well-formed XML
    assert not NOT_XML.search(body.decode("utf-8"))
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert any(e.title.startswith("[/] Tesla lithium refinery") for e in feed.entries)


def test_opml_csv_and_json_lines_carry_no_control_characters(demo_db, tmp_path):
    hostile_story(demo_db)
    feeds = tmp_path / "feeds.yaml"  # YAML's double quotes can write any character: "\e" is ESC
    feeds.write_text('sources:\n  - name: wire\n    kind: feed\n    url: "https://e.org/feed\\e[2J"\n'
                     '    include: ["/news/\\0", "\\e]0;x\\a"]\n')
    opml = run("sources", "export", "--feeds", str(feeds))
    assert opml.exit_code == 0, opml.output
    root = etree.fromstring(opml.output.encode("utf-8"))
    assert root.find("body/outline").get("xmlUrl") == "https://e.org/feed[2J"

    out = run("export", "--db", str(demo_db))
    assert out.exit_code == 0 and not NOT_XML.search(out.output)
    titles = {r["title"] for r in csv.DictReader(io.StringIO(out.output))}
    assert clean_text(HOSTILE) in titles

    lines = run("export", "--format", "jsonl", "--per", "article", "--db", str(demo_db))
    assert lines.exit_code == 0 and not NOT_XML.search(lines.output)
    assert_terminal_safe(lines.output)  # C1 and bidirectional controls are \u escapes
    rows = [json.loads(line) for line in lines.output.splitlines()]
    assert clean_text(HOSTILE) in {r["title"] for r in rows}
    assert any(t["evidence"] == clean_text(HOSTILE) + " evidence" for r in rows for t in r["tags"])
    from monitor.outputs.exchange import to_jsonl

    assert json.loads(to_jsonl([{"title": "lone \ud800 surrogate\x00"}])) == {"title": "lone  surrogate"}


def test_digest_in_every_format_and_its_mail_carry_no_control_characters(demo_db):
    from monitor.outputs.digest import make_digest
    from monitor.outputs.mailer import build_message

    hostile_story(demo_db)
    _, _, out = make_digest(open_db(demo_db), since="2000-01-01T00:00:00Z")
    for fmt in ("html", "md", "text"):
        assert not NOT_XML.search(out[fmt]), fmt
        assert "Tesla lithium refinery" in out[fmt], fmt
    assert "[/] Tesla lithium refinery [2J]0;pwned opens" in out["text"]
    mail = MailSettings(host="127.0.0.1", sender="chargewatch <d@example.org>", recipients=["c@example.org"],
                        subject_prefix="[cw] ")
    msg = build_message(mail, f"digest: {HOSTILE}\r\nBcc: spy@example.org", out["text"], out["html"])
    raw = msg.as_bytes()
    assert b"\x00" not in raw and b"\x1b" not in raw
    back = email.message_from_bytes(raw, policy=policy.default)
    assert back["Bcc"] is None and back["Subject"].startswith("[cw] digest: [/] Tesla lithium refinery")
    for part in ("plain", "html"):
        body = back.get_body(preferencelist=(part,)).get_content()
        assert "Tesla lithium refinery" in body and not NOT_XML.search(body.replace("\r\n", "\n"))


# --- 11: CSV formulas, whatever the separator ------------------------------------------------------

FORMULAS = ["Costs;=1+1;+2+3", "=HYPERLINK(\"http://evil\")", "Q3|@SUM(A1:A9)", "tab\t-2+3", "plain, +1 month",
            "line one\n=cmd|' /C calc'!A0", 'quoted;"=1+1"', " =leading space", "\r=cr first", "@handle says",
            "a;  -  spaced", "fine, text; nothing | here", "lone\rCR"]


def test_csv_cells_are_never_formulas_whatever_separator_the_spreadsheet_uses():
    from monitor.outputs.exchange import to_csv

    rows = [{"title": f, "note": f"{i}"} for i, f in enumerate(FORMULAS)]
    text = to_csv(rows, ("title", "note"))
    back = [r["title"] for r in csv.DictReader(io.StringIO(text))]
    assert back[0] == "'Costs;'=1+1;'+2+3" and back[1] == "'=HYPERLINK(\"http://evil\")"
    assert back[-2] == "fine, text; nothing | here"  # nothing that could become a formula: unchanged
    assert back[-1] == "lone\nCR"  # a line break inside a cell is quoted (a lone CR was not)
    for i, cell in enumerate(back):  # only apostrophes were added (and line breaks made \n)
        assert cell.replace("'", "") == FORMULAS[i].replace("'", "").replace("\r", "\n")
    # Excel in a Belgian, German or French locale splits at ";", others at tab or "|", every one at
    # line breaks: split the whole file at any of them, as some spreadsheet would, and no piece may
    # start (after spaces and quotes) with =, +, - or @
    for piece in re.split(r"[,;\t|\r\n]", text):
        assert not re.match(r"""[ "]*[=+\-@]""", piece), piece


# --- 7: a trickling SMTP server ------------------------------------------------------------------

class TricklingSMTP:
    """A raw-socket SMTP server on loopback, in a thread, that never finishes its greeting: it
    sends one byte every ``pace`` seconds (far inside the client's per-read timeout, so no read
    ever times out), an endless multi-line "220-" reply. The pace is the behaviour simulated, not
    a synchronisation; after ``give_up_after`` seconds it hangs up, so a client without a deadline
    ends too (late) rather than hanging the test run."""

    def __init__(self, pace: float = 0.02, give_up_after: float = 90.0):
        self.pace, self.give_up_after = pace, give_up_after
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            conn, _ = self.listener.accept()
            if self.stop.is_set():
                conn.close()
                return
            self.connections += 1
            self._trickle(conn)

    def _trickle(self, conn: socket.socket) -> None:
        line = b"220-smtp.example.org at your service, slowly\r\n"
        ends = time.monotonic() + self.give_up_after
        i = 0
        with conn:
            while not self.stop.wait(self.pace) and time.monotonic() < ends:
                try:
                    conn.sendall(line[i % len(line):i % len(line) + 1])
                except OSError:  # the client hung up
                    return
                i += 1

    def close(self) -> None:
        self.stop.set()
        with socket.create_connection(("127.0.0.1", self.port)):  # wakes accept()
            pass
        self.thread.join()
        self.listener.close()


@pytest.fixture
def trickling():
    server = TricklingSMTP()
    yield server
    server.close()


def test_the_send_deadline_is_send_timeout_or_three_times_the_timeout():
    base = {"host": "127.0.0.1", "sender": "d@example.org", "recipients": ["c@example.org"]}
    assert MailSettings(**base, timeout="5s").deadline == 15
    assert MailSettings(**base, timeout="5s", send_timeout="40s").deadline == 40


def test_a_trickling_smtp_server_cannot_hold_a_send_and_the_digest_stays_pending(demo_db, trickling):
    from monitor.outputs.digest import send_digests

    db = open_db(demo_db)
    mail = MailSettings(host="127.0.0.1", port=trickling.port, security="none", sender="d@example.org",
                        recipients=["c@example.org"], timeout="5s", send_timeout="1500ms")
    started = time.monotonic()
    _, _, _, deliveries = send_digests(db, mail, since="2000-01-01T00:00:00Z")
    elapsed = time.monotonic() - started
    # generous on purpose: the deadline is 1.5 s, and the bound only has to tell "gave up" from
    # "hung" (without a deadline the send goes on for as long as the server trickles, 90 s here)
    assert elapsed < 45, elapsed
    [failed] = deliveries
    assert trickling.connections == 1
    assert "did not take the digest within 1.5 s" in failed.error and f"127.0.0.1:{trickling.port}" in failed.error
    [pending] = store.pending(db)
    assert pending.id == failed.digest_id and pending.attempts == 1 and "1.5 s" in pending.last_error


def test_cli_digest_send_gives_up_on_a_trickling_server_then_the_next_send_delivers(demo_db, trickling, tmp_path):
    from aiosmtpd.controller import Controller

    from tests.helpers import free_port
    from tests.test_digest import Inbox

    feeds = tmp_path / "feeds.yaml"
    mail = "mail:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n  sender: d@example.org\n" \
           "  recipients: [c@example.org]\n  timeout: 5s\n  send_timeout: 2s\nsources: []\n"
    feeds.write_text(mail.format(port=trickling.port))
    started = time.monotonic()
    out = run("digest", "--send", "--db", str(demo_db), "--feeds", str(feeds))
    assert time.monotonic() - started < 45  # generous: the point is that it returns (deadline 2 s)
    assert out.exit_code == 1 and "NOT sent (it stays pending)" in out.output and "within 2 s" in out.output
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        feeds.write_text(mail.format(port=controller.port))
        again = run("digest", "--send", "--db", str(demo_db), "--feeds", str(feeds))
    finally:
        controller.stop()
    assert again.exit_code == 0 and again.output.count(" sent to c@example.org") == 2, again.output
    assert len(inbox.messages) == 2 and store.pending(open_db(demo_db)) == []


def test_the_review_pages_of_a_story_with_control_characters_carry_none(demo_db):
    """The inbox, the article page, a search and a topic page: what XML cannot carry is gone;
    the title's words (and its markup-looking brackets, escaped by Jinja) are still there."""
    from starlette.testclient import TestClient

    from monitor.web.app import create_app

    story_id = hostile_story(demo_db)
    db = open_db(demo_db)
    article_id = db.execute("SELECT representative FROM stories WHERE id = ?", [story_id]).fetchone()[0]
    db.close()
    client = TestClient(create_app(demo_db), base_url="http://127.0.0.1")
    for path in ("/", f"/articles/{article_id}", "/search?q=refinery", "/automakers/tesla"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "Tesla lithium refinery" in page.text and "[/]" in page.text, path
        assert not NOT_XML.search(page.text), (path, NOT_XML.search(page.text).group())


def test_a_damaged_database_is_a_clear_error_page_on_the_review_site(demo_db):
    """Every page and the API say the database cannot be used (503, with the security headers),
    not "something went wrong"."""
    import os

    from starlette.testclient import TestClient

    from monitor.web.app import create_app

    import sqlite3

    vacuum = sqlite3.connect(demo_db)  # the schema first in the file, whatever migrations added it late:
    vacuum.execute("VACUUM")  # the damage below hits the data, so the app opens and each page says so
    # (VACUUM writes a virtual table's schema row after the data: the schema's last page may sit
    # amid the data, so the damage starts after it)
    schema_end = vacuum.execute("SELECT max(pageno) FROM dbstat WHERE name = 'sqlite_schema'").fetchone()[0] * \
        vacuum.execute("PRAGMA page_size").fetchone()[0]
    vacuum.close()
    size = os.path.getsize(demo_db)
    with open(demo_db, "r+b") as f:  # garbage over the middle of the file, as a failing disk leaves it
        f.seek(max(size // 3, schema_end))
        f.write(b"\xa5" * (size // 3))
    client = TestClient(create_app(demo_db), base_url="http://127.0.0.1", raise_server_exceptions=False)
    for path in ("/", "/search?q=lithium", "/api/stories"):
        page = client.get(path)
        assert page.status_code == 503, (path, page.status_code)
        assert "the database cannot be used: the database file is damaged" in page.text, page.text[:300]
        assert page.headers["content-security-policy"].startswith("default-src 'none'")
