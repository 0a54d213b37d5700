"""The digest where staff are (issue 17): its page on the review site as HTML, links to the review
site in every format, its summary in chat through Apprise (a real json:// post to a loopback
server), chat failures recorded and retried per channel, and the source-health line."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from monitor.cli import main
from monitor.config import ConfigError, settings_from_yaml
from monitor.config_notify import NotifySettings
from monitor.outputs import notify as chat
from monitor.outputs.delivery import deliver_digests
from monitor.outputs.digest import Presentation, make_digest
from monitor.web.app import create_app
from storage import digests as store
from storage import open_db
from storage import sources as source_store
from tests.helpers import closed_port
from tests.test_digest import mail_settings, smtp  # noqa: F401  (the loopback SMTP server fixture)

pytestmark = pytest.mark.clock  # windows, health and the zone's offset are about dates

REVIEW = "https://review.example.org"
BRUSSELS = Presentation(zone="Europe/Brussels", base_url=REVIEW)


class ChatServer:
    """A loopback HTTP server that records every JSON body posted to it (Apprise's json://)."""

    def __init__(self):
        self.posts: list[tuple[str, dict]] = []
        self.arrived = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with outer.arrived:
                    outer.posts.append((self.path, json.loads(body)))
                    outer.arrived.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def at(self, path: str) -> list[dict]:
        return [body for p, body in self.posts if p == path]

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def chat_server():
    with ChatServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Apprise posts with requests, which honours proxy variables: loopback is reached directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def _fail_sources(db, *names: str) -> None:
    """Sources configured, each failing (a run logged, then its failure recorded)."""
    for name in names:
        db.execute("INSERT OR IGNORE INTO sources (name, kind, url, enabled) VALUES (?, 'feed', ?, 1)",
                   [name, f"https://{name}.example.org/feed"])
        run = source_store.record_run_start(db, name)
        source_store.record_run_end(db, run, status="failed", new=0, updated=0, unchanged=0, failed=0, bytes_=0,
                                    error="timed out")
        source_store.record_failure(db, name, "timed out", kind="timeout")


def _heal_all(db) -> None:
    db.execute("UPDATE sources SET consecutive_failures = 0, paused = 0")


def _items(digest):
    return [i for sec in digest.sections for i in sec.items]


# -- the page on the review site --------------------------------------------------------------

def test_the_digest_page_is_html_with_links_to_article_pages_and_originals(demo_db, clock):
    db = open_db(demo_db)
    digest_id, digest, _ = make_digest(db, since="2000-01-01T00:00:00Z", look=BRUSSELS)
    page = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/digests/{digest_id}")
    assert page.status_code == 200 and "<pre" not in page.text
    for item in _items(digest):
        # on the review site itself a story links to its article page relatively (right under any
        # name the site is opened by), and to its original
        assert f'<a class="title" href="/articles/{item.story.article_id}">' in page.text
        assert f'href="{item.link}"'.replace("&", "&amp;") in page.text
    # times in the configured zone: the clock's 08:00 UTC is 09:00 in Brussels in November
    assert "to 2026-11-25 09:00 CET" in page.text
    assert page.text.count('class="digest-section"') == len(digest.sections)


def test_a_digest_made_before_its_layout_was_kept_shows_its_text(demo_db, clock):
    db = open_db(demo_db)
    digest_id, _, _ = make_digest(db, since="2000-01-01T00:00:00Z")
    db.execute("UPDATE digests SET data = NULL WHERE id = ?", [digest_id])
    page = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/digests/{digest_id}")
    assert page.status_code == 200 and '<pre class="digest-text">' in page.text and "made before" in page.text


def test_without_base_url_the_outputs_link_only_to_originals(demo_db, clock):
    db = open_db(demo_db)
    _, digest, out = make_digest(db, since="2000-01-01T00:00:00Z")
    assert "/articles/" not in out["html"] + out["md"] + out["text"]
    first = _items(digest)[0]
    assert f'href="{first.link}"'.replace("&", "&amp;") in out["html"]
    assert "2026-11-25 08:00 UTC" in out["text"]  # the default zone


def test_every_format_links_each_story_to_the_review_site_and_its_original(demo_db, clock):
    db = open_db(demo_db)
    _, digest, out = make_digest(db, since="2000-01-01T00:00:00Z", look=BRUSSELS)
    for item in _items(digest):
        review = f"{REVIEW}/articles/{item.story.article_id}"
        assert f'href="{review}"' in out["html"] and f"(<{review}>)" in out["md"]
        assert f"  review: {review}\n" in out["text"] and f"  original: {item.link}\n" in out["text"]
    assert out["html"].count(">original</a>") == len(_items(digest))


def test_the_mailed_digest_carries_review_site_links(demo_db, smtp):  # noqa: F811
    controller, inbox = smtp
    db = open_db(demo_db)
    _, digest, _, deliveries = deliver_digests(db, mail=mail_settings(controller.port), look=BRUSSELS,
                                               since="2000-01-01T00:00:00Z")
    assert [d.error for d in deliveries] == [None]
    [msg] = inbox.messages
    html = msg.get_body(preferencelist=("html",)).get_content()
    text = msg.get_body(preferencelist=("plain",)).get_content()
    for item in _items(digest):
        assert f'href="{REVIEW}/articles/{item.story.article_id}"' in html
        assert f"review: {REVIEW}/articles/{item.story.article_id}" in text
    assert f'href="{REVIEW}/"' in html  # the footer's way to the review site


# -- chat -------------------------------------------------------------------------------------

def test_the_summary_arrives_in_chat_with_counts_and_top_stories(demo_db, clock, chat_server, monkeypatch):
    monkeypatch.setenv("CW_TEST_CHAT", f"json://{chat_server.base}/hook")
    db = open_db(demo_db)
    _heal_all(db)
    notify = NotifySettings(urls=["${CW_TEST_CHAT}"], top=3)
    digest_id, digest, _, deliveries = deliver_digests(db, notify=notify, look=BRUSSELS,
                                                       since="2000-01-01T00:00:00Z")
    assert [(d.channel, d.error) for d in deliveries] == [("${CW_TEST_CHAT}", None)]
    [body] = chat_server.at("/hook")
    assert body["title"] == digest.subject
    message = body["message"]
    assert message.startswith(f"**{digest.total} stories**") and "Source health" not in message
    top = digest.top(3)
    for n, item in enumerate(top, 1):
        assert f"{n}. [{item.story.title}]({REVIEW}/articles/{item.story.article_id})" in message
        assert f"[original]({item.link})" in message
    assert "4. [" not in message
    assert f"The whole digest: {REVIEW}/digests/{digest_id}" in message
    name, about, _ = digest.automaker_counts[0]
    assert f"Automakers: {name} {about}" in message
    [record] = store.chat_deliveries(db, digest_id)
    assert record.sent_at and record.attempts == 1 and record.last_error is None


def test_a_failed_channel_is_retried_next_run_without_posting_again_to_the_others(
        demo_db, clock, chat_server, monkeypatch):
    monkeypatch.setenv("CW_GOOD", f"json://{chat_server.base}/good")
    monkeypatch.setenv("CW_BAD", f"json://127.0.0.1:{closed_port()}/bad")  # refused: nothing listens
    db = open_db(demo_db)
    notify = NotifySettings(urls=["${CW_GOOD}", "${CW_BAD}"], timeout="3s")
    first_id, first, _, deliveries = deliver_digests(db, notify=notify, look=BRUSSELS)
    errors = {d.channel: d.error for d in deliveries}
    assert errors["${CW_GOOD}"] is None and "${CW_BAD}" in errors["${CW_BAD}"]
    assert len(chat_server.at("/good")) == 1
    [pending] = store.pending_chats(db)
    assert (pending.digest_id, pending.channel, pending.attempts) == (first_id, "${CW_BAD}", 1)
    assert pending.last_error
    listing = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get("/digests")
    assert "chat: posted to 1 of 2 (the next run retries)" in listing.text

    clock.advance(days=1)
    monkeypatch.setenv("CW_BAD", f"json://{chat_server.base}/bad")  # the channel is back
    second_id, second, _, deliveries = deliver_digests(db, notify=notify, look=BRUSSELS)
    assert [(d.digest_id, d.channel, d.error) for d in deliveries] == [
        (first_id, "${CW_BAD}", None), (second_id, "${CW_GOOD}", None), (second_id, "${CW_BAD}", None)]
    assert [b["title"] for b in chat_server.at("/bad")] == [first.subject, second.subject]
    assert [b["title"] for b in chat_server.at("/good")] == [first.subject, second.subject]  # never twice
    assert store.pending_chats(db) == []
    listing = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get("/digests")
    assert listing.text.count("posted to chat (2 channels)") == 2
    retried = {c.channel: c for c in store.chat_deliveries(db, first_id)}
    assert retried["${CW_BAD}"].attempts == 2 and retried["${CW_GOOD}"].attempts == 1


def test_an_unset_variable_is_an_error_naming_the_key_and_the_variable(demo_db, clock):
    db = open_db(demo_db)
    notify = NotifySettings(urls=["json://127.0.0.1:9/ok", "${CW_UNSET_FOR_TEST}"])
    _, _, _, deliveries = deliver_digests(db, notify=notify, env={})
    error = deliveries[-1].error
    assert "notify.urls[1]" in error and "CW_UNSET_FOR_TEST" in error and "not set" in error


def test_the_secret_url_is_never_stored_logged_or_shown(demo_db, clock, caplog, monkeypatch):
    import logging

    caplog.set_level(logging.DEBUG)  # Apprise logs the URL it posts to at debug
    secret = "s3cr3t-t0ken-0123456789"
    monkeypatch.setenv("CW_SECRET_CHAT", f"json://user:{secret}@127.0.0.1:{closed_port()}/{secret}")
    db = open_db(demo_db)
    digest_id, _, _, deliveries = deliver_digests(db, notify=NotifySettings(urls=["${CW_SECRET_CHAT}"]))
    [failed] = deliveries
    assert failed.error and secret not in failed.error and "${CW_SECRET_CHAT}" in failed.error
    assert secret not in caplog.text and "POST URL" not in caplog.text  # Apprise's debug line is dropped
    db.close()
    stored = b"".join(p.read_bytes() for p in demo_db.parent.glob("demo.db*"))
    assert secret.encode() not in stored
    page = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/digests/{digest_id}")
    assert "${CW_SECRET_CHAT}" in page.text and "not posted yet" in page.text and secret not in page.text


def test_a_literal_url_is_known_by_its_redacted_form():
    [channel] = chat.channels(NotifySettings(urls=["json://user:hunter2@127.0.0.1:8080/hook"]))
    assert "hunter2" not in channel.label and channel.label.startswith("json://user:")


# -- source health ----------------------------------------------------------------------------

def test_the_health_line_opens_every_format_and_the_chat_when_sources_fail(demo_db, clock, chat_server):
    db = open_db(demo_db)
    _heal_all(db)
    _fail_sources(db, "wire-a", "wire-b")
    clock.advance(hours=2)
    _fail_sources(db, "wire-c")
    db.execute("UPDATE sources SET paused = 1 WHERE name = 'wire-c'")
    clock.advance(hours=1)
    notify = NotifySettings(urls=[f"json://{chat_server.base}/h"])
    digest_id, digest, out, _ = deliver_digests(db, notify=notify, look=BRUSSELS)
    line = "3 sources failing since 2026-11-25 09:00 CET: wire-a, wire-b, wire-c (paused)"
    assert digest.health.startswith(line)
    assert f"SOURCE HEALTH: {line}" in out["text"]
    assert f"**Source health:** {line}" in out["md"]
    assert line in out["html"] and out["html"].index(line) < out["html"].index(digest.intro)
    [body] = chat_server.at("/h")
    assert body["message"].startswith(f"**Source health:** {line}")
    page = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/digests/{digest_id}")
    assert 'class="digest-health"' in page.text and line in page.text


def test_no_health_line_when_every_source_is_well(demo_db, clock, chat_server):
    db = open_db(demo_db)
    _heal_all(db)
    notify = NotifySettings(urls=[f"json://{chat_server.base}/h"])
    digest_id, digest, out, _ = deliver_digests(db, notify=notify)
    assert digest.health == ""
    assert not re.search("source health", out["text"] + out["md"] + out["html"], re.IGNORECASE)
    [body] = chat_server.at("/h")
    assert "Source health" not in body["message"]
    page = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/digests/{digest_id}")
    assert "digest-health" not in page.text


def test_an_empty_digest_with_failing_sources_says_why(demo_db, clock):
    db = open_db(demo_db)
    make_digest(db)
    clock.advance(days=1)
    _fail_sources(db, "wire-a")
    _, digest, out = make_digest(db)
    assert digest.total == 0 and "1 source failing since" in out["text"] and "wire-a" in out["text"]


# -- configuration and the command ------------------------------------------------------------

def test_configuration_checks_base_url_and_chat_urls():
    settings = settings_from_yaml("base_url: https://review.example.org/\nnotify:\n  urls: ['${CW_SLACK}']\n"
                                  "  top: 3\nsources: []\n")
    assert settings.base_url == REVIEW and settings.notify.urls == ("${CW_SLACK}",) and settings.notify.top == 3
    for text, says in (("base_url: ftp://review.example.org\n", ":1: base_url:"),
                       ("base_url: https://review.example.org/?x=1\n", "without ?query"),
                       ("notify:\n  urls: ['${1BAD}']\n", "notify.urls"),
                       ("notify:\n  urls: ['hooks.slack.com/x']\n", "neither an Apprise URL"),
                       ("notify:\n  urls: []\n", "at least one Apprise URL")):
        with pytest.raises(ConfigError) as err:
            settings_from_yaml(text + "sources: []\n", "f.yaml")
        assert says in str(err.value), str(err.value)


def test_cli_digest_notify_posts_and_fails_clearly(demo_db, tmp_path, clock, chat_server, monkeypatch):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("sources: []\n")
    runner = CliRunner()
    out = runner.invoke(main, ["digest", "--db", str(demo_db), "--feeds", str(feeds), "--notify"])
    assert out.exit_code == 2 and "no 'notify' section" in out.output
    feeds.write_text(f"base_url: {REVIEW}\ndigest:\n  timezone: Europe/Brussels\n"
                     "notify:\n  urls: ['${CW_CLI_CHAT}']\nsources: []\n")
    monkeypatch.setenv("CW_CLI_CHAT", f"json://127.0.0.1:{closed_port()}/x")
    out = runner.invoke(main, ["digest", "--db", str(demo_db), "--feeds", str(feeds), "--notify"])
    assert out.exit_code == 1 and "NOT posted to ${CW_CLI_CHAT}" in out.output
    monkeypatch.setenv("CW_CLI_CHAT", f"json://{chat_server.base}/cli")
    out = runner.invoke(main, ["digest", "--db", str(demo_db), "--feeds", str(feeds), "--notify"])
    assert out.exit_code == 0 and out.output.count("posted to ${CW_CLI_CHAT}") == 2  # the pending one, then today's
    assert len(chat_server.at("/cli")) == 2 and f"{REVIEW}/articles/" in chat_server.at("/cli")[0]["message"]
    out = runner.invoke(main, ["digest", "--db", str(demo_db), "--feeds", str(feeds), "--since", "7d", "--format", "md"])
    assert out.exit_code == 0 and f"(<{REVIEW}/articles/" in out.output and " CET" in out.output


def test_the_daily_run_posts_to_chat_retries_and_writes_files(demo_db, tmp_path, clock, chat_server, extractor,
                                                                monkeypatch, caplog):
    from monitor.runner import Runner

    secret = "runner-secret-4242"
    monkeypatch.setenv("CW_RUN_CHAT", f"json://{chat_server.base}/run")
    monkeypatch.setenv("CW_RUN_DOWN", f"json://127.0.0.1:{closed_port()}/{secret}")
    settings = settings_from_yaml(f"base_url: {REVIEW}\ndigest:\n  dir: {tmp_path / 'out'}\n"
                                  "notify:\n  urls: ['${CW_RUN_CHAT}', '${CW_RUN_DOWN}']\n  timeout: 3s\nsources: []\n")
    runner = Runner(settings, demo_db, extractor=extractor)
    try:
        first = runner.run_digest()
        assert len(chat_server.at("/run")) == 1 and len(list((tmp_path / "out").glob(f"digest-*-{first}.*"))) == 3
        assert "not posted to ${CW_RUN_DOWN} (it stays pending)" in caplog.text and secret not in caplog.text
        clock.advance(days=1)
        monkeypatch.setenv("CW_RUN_DOWN", f"json://{chat_server.base}/down")
        second = runner.run_digest()
    finally:
        runner.shutdown()
    titles = [b["title"] for b in chat_server.at("/run")]
    assert [b["title"] for b in chat_server.at("/down")] == titles  # the first digest, retried, then the second
    assert len(chat_server.at("/run")) == 2 and second == first + 1
    assert store.pending_chats(open_db(demo_db)) == []


def test_a_token_in_the_url_is_cut_out_of_what_apprise_says():
    """Apprise's warnings may quote the URL; each token-like piece of it is redacted."""
    said = "Slack notification to https://hooks.slack.com/services/TokenAAAA/TokenBBBB/TokenCCCC failed"
    redacted = chat.scrub(said, "slack://TokenAAAA/TokenBBBB/TokenCCCC")
    assert "Token" not in redacted and "hooks.slack.com" in redacted
