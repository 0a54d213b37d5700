"""The review app over HTTP (Starlette's test client, a real SQLite file): security headers, CSRF,
logins, the JSON API, search errors, and the pure helpers behind the pages."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.web.app import create_app, safe_url, snippet_parts
from monitor.web.charts import weekly_bars
from monitor.web.highlight import Evidence, highlight
from storage import open_db


def client(db_path, **kwargs):
    from starlette.testclient import TestClient

    return TestClient(create_app(db_path, **kwargs), base_url="http://127.0.0.1:8000")


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf" content="([^"]+)"', html).group(1)


def test_every_page_has_a_strict_csp_and_no_inline_script(demo_db):
    c = client(demo_db)
    for path in ("/", "/search?q=lithium", "/articles/1", "/automakers/tesla", "/topics/nickel", "/sources",
                 "/automakers", "/topics"):
        r = c.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        scripts = re.findall(r"<script[^>]*>", r.text)
        extra = ['<script src="/static/keys.js" defer>'] if path.startswith("/articles/") else []  # its keyboard
        assert scripts == ['<script src="/static/app.js" defer>', *extra], path  # nothing inline, nothing external
        assert not re.search(r"""(src|href)=["']https?://(?!127\.0\.0\.1)""", r.text.split("<main>")[0]), path


def test_posts_need_the_csrf_token_and_a_same_origin(demo_db):
    c = client(demo_db)
    token = csrf_of(c.get("/").text)
    assert c.post("/stories/1/status", data={"status": "reviewed"}).status_code == 403
    assert c.post("/stories/1/status", data={"status": "reviewed", "csrf": "forged"}).status_code == 403
    r = c.post("/stories/1/status", data={"status": "reviewed", "csrf": token},
               headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.text
    assert open_db(demo_db).execute("SELECT count(*) FROM story_reviews").fetchone()[0] == 0
    r = c.post("/stories/1/status", data={"status": "reviewed", "csrf": token, "next": "//evil.example/"},
               headers={"Origin": "http://127.0.0.1:8000"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"  # never redirected off the site
    r = c.post("/stories/1/status", data={"status": "bogus", "csrf": token})
    assert r.status_code == 400


def test_review_actions_and_notes_are_recorded_with_who(demo_db):
    c = client(demo_db, local_user="maria")
    token = csrf_of(c.get("/").text)
    ids = [s["id"] for s in c.get("/api/stories").json()["stories"]]
    headers = {"Accept": "application/json", "X-CSRF-Token": token}
    assert c.post(f"/stories/{ids[0]}/status", data={"status": "starred"}, headers=headers).json()["ok"]
    assert c.post(f"/stories/{ids[1]}/status", data={"status": "dismissed"}, headers=headers).json()["ok"]
    assert c.post(f"/stories/{ids[0]}/note", data={"note": "use for the cobalt report"}, headers=headers).json()["ok"]
    inbox = [s["id"] for s in c.get("/api/stories").json()["stories"]]
    assert ids[0] in inbox and ids[1] not in inbox  # starred stays in the inbox, dismissed leaves
    assert [s["id"] for s in c.get("/api/stories?status=dismissed").json()["stories"]] == [ids[1]]
    starred = c.get("/api/stories?status=starred").json()["stories"]
    assert starred[0]["note"] == "use for the cobalt report"
    log = open_db(demo_db).execute("SELECT by, action FROM review_log ORDER BY id").fetchall()
    assert log == [("maria", "status"), ("maria", "status"), ("maria", "note")]
    assert c.post("/stories/999999/status", data={"status": "reviewed"}, headers=headers).status_code == 404


def test_api_filters_pagination_article_and_search(demo_db):
    c = client(demo_db)
    everything = c.get("/api/stories?status=all&limit=500").json()["stories"]
    first = c.get("/api/stories?limit=5").json()
    assert [s["id"] for s in first["stories"]] == [s["id"] for s in everything[:5]]
    second = c.get(f"/api/stories?limit=5&before={first['next']}").json()
    assert [s["id"] for s in second["stories"]] == [s["id"] for s in everything[5:10]]
    tesla = c.get("/api/stories?automaker=tesla&status=all").json()["stories"]
    assert tesla and all(any(a["id"] == "tesla" for a in s["automakers"]) for s in tesla)
    reports = c.get("/api/stories?kind=report&status=all").json()["stories"]
    assert reports and all(s["kind"] == "report" or s["articles"] > 1 for s in reports)
    assert c.get("/api/stories?since=2026-13-01").status_code == 400
    article = c.get(f"/api/articles/{everything[0]['article_id']}").json()
    assert {"id", "url", "title", "text", "tags", "copies", "corrections", "status"} <= set(article)
    assert c.get("/api/articles/999999").status_code == 404
    found = c.get('/api/search?q="green steel" OR hydrogen').json()
    assert found["total"] >= len(found["hits"]) > 0 and "[" in found["hits"][0]["snippet"]
    bad = c.get('/api/search?q=steel AND')
    assert bad.status_code == 400 and "cannot search" in bad.json()["error"]
    assert c.get('/search?q=steel AND (').status_code == 400


def test_corrections_are_kept_by_retag_and_exported(demo_db):
    from monitor.retag import retag
    from storage.actions import correct_tag
    from storage.export import corrections_export

    db = open_db(demo_db)
    article_id, tag_id = db.execute("SELECT article_id, tag_id FROM tags WHERE kind = 'topic' LIMIT 1").fetchone()
    correct_tag(db, article_id, "topic", tag_id, "remove", "maria")
    correct_tag(db, article_id, "automaker", "kia", "add", "maria", "Kia")
    retag(db, processes=1)
    tags = {(k, t, o) for k, t, o in db.execute("SELECT kind, tag_id, origin FROM tags WHERE article_id = ?",
                                                [article_id])}
    assert ("topic", tag_id, "tagger") not in tags and ("automaker", "kia", "staff") in tags
    [row] = corrections_export(db)
    assert row["article_id"] == article_id and "kia" in row["automakers"] and tag_id not in row["topics"]
    assert {c["action"] for c in row["corrections"]} == {"add", "remove"}
    out = CliRunner().invoke(main, ["corrections", "--db", str(demo_db)])
    assert out.exit_code == 0 and '"kia"' in out.output


@pytest.mark.clock
def test_beyond_loopback_a_login_is_required(demo_db):
    runner = CliRunner()
    refused = runner.invoke(main, ["serve", "--db", str(demo_db), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "chargewatch users add" in refused.output
    short = runner.invoke(main, ["users", "add", "maria", "--password-stdin", "--db", str(demo_db)], input="short\n")
    assert short.exit_code != 0 and "8 characters" in short.output
    added = runner.invoke(main, ["users", "add", "maria", "--password-stdin", "--db", str(demo_db)],
                          input="correct horse battery\n")
    assert added.exit_code == 0, added.output
    assert "maria" in runner.invoke(main, ["users", "list", "--db", str(demo_db)]).output
    stored = open_db(demo_db).execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("scrypt$") and "correct horse" not in stored

    c = client(demo_db, require_login=True)
    r = c.get("/?topic=nickel", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/%3Ftopic%3Dnickel")
    assert c.get("/api/stories").status_code == 401
    token = csrf_of(c.get("/login").text)
    wrong = c.post("/login", data={"name": "maria", "password": "wrong password", "csrf": token})
    assert wrong.status_code == 401 and "wrong name or password" in wrong.text
    ok = c.post("/login", data={"name": "maria", "password": "correct horse battery", "csrf": token, "next": "/sources"},
                follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/sources"
    assert "httponly" in ok.headers["set-cookie"].lower() and "samesite=strict" in ok.headers["set-cookie"].lower()
    page = c.get("/")
    assert page.status_code == 200 and "maria" in page.text
    story = c.get("/api/stories").json()["stories"][0]["id"]
    c.post(f"/stories/{story}/status", data={"status": "reviewed", "csrf": token})
    assert open_db(demo_db).execute("SELECT by FROM story_reviews").fetchone()[0] == "maria"
    c.post("/logout", data={"csrf": token})
    assert c.get("/api/stories").status_code == 401


def test_safe_url_only_lets_http_links_through():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url(" HTTP://example.org/") == "HTTP://example.org/"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil", "", None):
        assert safe_url(bad) is None


def test_snippet_parts_marks_only_the_matches():
    assert snippet_parts("a \x02b\x03 c <d>") == [("a ", False), ("b", True), (" c <d>", False)]


@pytest.mark.parametrize("clipped", [False, True])
def test_highlight_finds_evidence_across_whitespace_and_clipping(clipped):
    text = "First para.\n\nTesla  said it would buy\tlithium from Chile. Other text here.\nLast."
    sentence = "Tesla said it would buy lithium from Chile."
    evidence = [Evidence("Tesla", sentence[:20] + "…" if clipped else sentence), Evidence("Lithium", sentence)]
    paras, found = highlight(text, evidence)
    assert found == {"Tesla", "Lithium"}
    marked = [s for p in paras for s in p if s.labels]
    assert "".join(s.text for s in marked).startswith("Tesla said")
    assert any(s.last for s in marked)


@pytest.mark.clock
def test_weekly_chart_has_a_bar_a_week_and_whole_number_ticks():
    weeks = [(f"2026-{m:02d}-{d:02d}", n) for (m, d), n in zip([(1, 5), (1, 12), (1, 19), (1, 26), (2, 2)],
                                                                 [0, 3, 7, 1, 0])]
    chart = weekly_bars("Tesla: stories per week", weeks)
    assert len(chart.bars) == 5 and chart.total == 11
    assert chart.bars[2].height == max(b.height for b in chart.bars) > 0 and chart.bars[0].height == 0
    assert [t.text for t in chart.x_ticks] == ["Jan 2026", "Feb"]
    assert [t.text for t in chart.y_ticks] == ["0", "2", "4", "6", "8"]


@pytest.mark.clock
def test_feed_readers_use_a_feed_token_beyond_loopback(demo_db):
    runner = CliRunner()
    runner.invoke(main, ["users", "add", "maria", "--password-stdin", "--db", str(demo_db)], input="correct horse battery\n")
    out = runner.invoke(main, ["users", "feed-token", "maria", "--db", str(demo_db)])
    assert out.exit_code == 0
    token = out.output.strip().splitlines()[-1]
    c = client(demo_db, require_login=True)
    assert c.get("/feeds/topics/lithium.atom", follow_redirects=False).status_code == 303
    assert c.get("/feeds/topics/lithium.atom?token=wrong", follow_redirects=False).status_code == 303
    ok = c.get(f"/feeds/topics/lithium.atom?token={token}")
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("application/atom+xml")
    assert c.get(f"/api/stories?token={token}").status_code == 401  # the token opens feeds only
    again = runner.invoke(main, ["users", "feed-token", "maria", "--db", str(demo_db)])
    assert c.get(f"/feeds/topics/lithium.atom?token={token}", follow_redirects=False).status_code == 303
    assert again.exit_code == 0
    assert runner.invoke(main, ["users", "feed-token", "nobody", "--db", str(demo_db)]).exit_code == 1
