"""The review page against the attack pass of issue 14: a search that would freeze the page, DNS
rebinding, guessing passwords (and learning names by timing), HTTPS behind a proxy, huge numbers
in ids and parameters, and feed tokens copied into the login URL.

Starlette's test client drives the app in this process; the test about requests waiting on each
other serves it with uvicorn on a loopback port (tests/webserver.py), since only a real server
shares one event loop between requests."""

from __future__ import annotations

import hashlib
import re
import threading

import httpx
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from monitor.cli import main
from monitor.web.app import create_app
from storage import open_db, review, search_query
from storage import search as search_module
from tests.webserver import LiveServer

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}
HUGE = "99999999999999999999999"
PASSWORD = "correct horse battery"


def client(app, **kwargs) -> TestClient:
    kwargs.setdefault("base_url", "http://127.0.0.1:8000")
    return TestClient(app, raise_server_exceptions=False, **kwargs)


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf" content="([^"]+)"', html).group(1)


def assert_secured(response, what: str = "") -> None:
    for name, value in SECURITY_HEADERS.items():
        assert value in response.headers.get(name, ""), f"{what}: {name} missing on a {response.status_code}"


def add_user(db_path, name: str, password: str = PASSWORD) -> None:
    out = CliRunner().invoke(main, ["users", "add", name, "--password-stdin", "--db", str(db_path)],
                             input=password + "\n")
    assert out.exit_code == 0, out.output


# -- 6: a search cannot freeze the page ------------------------------------------------------------

# four NEAR groups of every single-letter prefix, like the attack pass's query (18 s on 20,000 articles)
ATTACK = " ".join(f"NEAR({' '.join(chr(c) + '*' for c in range(ord('a'), ord('z') + 1))})" for _ in range(4))


@pytest.mark.parametrize("query, says", [
    ("a*", "at least 3 letters or digits before the *"),
    ("lithium OR U.S*", "'U.S*' is the start of too many words"),
    ('"green st"*', "is the start of too many words"),
    ("batt* recyc* cobal* nick* lithi* alumin*", "6 words end in *"),
    ("(batt* OR recyc*) AND (cobal* OR nick*) AND (lithi* OR alumin*)", "use at most 5"),
])
def test_prefixes_that_match_too_many_words_are_refused_with_a_message(demo_db, query, says):
    with pytest.raises(getattr(search_query, "TooBroad", AssertionError), match=re.escape(says)):
        search_query.to_fts5(query)
    with pytest.raises(review.QueryError, match="^this search is too broad: "):
        review.search(open_db(demo_db), query)
    web = client(create_app(demo_db))
    api = web.get("/api/search", params={"q": query})
    assert api.status_code == 400 and api.json()["error"].startswith("this search is too broad: ")
    assert says in api.json()["error"]
    page = web.get("/search", params={"q": query})
    assert page.status_code == 400 and "this search is too broad" in page.text


def test_the_attack_query_is_refused_while_prefixes_within_the_limits_still_search(demo_db):
    db = open_db(demo_db)
    with pytest.raises(review.QueryError, match="^this search is too broad: 'a\\*' is the start of too many words"):
        review.search(db, ATTACK)
    five = "recycl* batter* OR lithiu* OR cobal* OR nicke*"
    assert search_query.to_fts5(five).count("*") == 5
    assert review.search(db, five).total > 0
    assert review.search(db, '"green ste"*').total > 0


def test_a_search_over_its_time_budget_is_stopped_by_sqlite(demo_db, monkeypatch):
    """The time budget is SQLite's progress handler, consulted while a statement runs. Decided by
    events, not by waiting: the clock the search reads jumps past the budget right after the
    search starts, so the first look at it from inside SQLite must interrupt the statement."""
    db = open_db(demo_db)
    readings = []

    def clock():
        readings.append(True)
        return 0.0 if len(readings) == 1 else 10_000.0  # the start, then long after the budget

    monkeypatch.setattr(search_module, "PROGRESS_STEPS", 10)  # look often: the demo database answers in few steps
    monkeypatch.setattr(search_module, "_monotonic", clock)
    with pytest.raises(search_query.QueryError, match="^this search is too broad: it was stopped after 2 seconds"):
        review.search(db, "lithium OR nickel OR cobalt")
    assert len(readings) == 2  # stopped at the first look inside SQLite, not after the statement
    monkeypatch.setattr(search_module, "_monotonic", lambda: 0.0)
    assert review.search(db, "lithium").total > 0  # the connection is usable again
    db.execute("SELECT count(*) FROM articles").fetchone()  # and no handler is left on it

    readings.clear()
    monkeypatch.setattr(search_module, "_monotonic", clock)
    api = client(create_app(demo_db)).get("/api/search", params={"q": "lithium OR nickel OR cobalt"})
    assert api.status_code == 400 and api.json()["error"].startswith("this search is too broad: it was stopped")


def test_a_slow_request_does_not_hold_up_the_others(demo_db, monkeypatch):
    """A search that blocks (on an event this test holds) must not stop the server from answering
    a static file and the JSON API meanwhile. Decided by events: those two requests have to
    complete while the search is still held. The 20-second timeouts only end a failing run (the
    old code runs the search on the event loop, so nothing else is answered until it returns);
    a passing run never waits on them."""
    entered, release = threading.Event(), threading.Event()
    real_search = review.search

    def held_search(db, *args, **kwargs):
        entered.set()
        release.wait(60)  # bounded, so that a failing run still ends
        return real_search(db, *args, **kwargs)

    monkeypatch.setattr(review, "search", held_search)
    answers: list = []
    with LiveServer(create_app(demo_db)) as url:
        slow = threading.Thread(target=lambda: answers.append(httpx.get(url + "/api/search?q=lithium", timeout=60)))
        slow.start()
        try:
            assert entered.wait(30), "the search never started"
            css = httpx.get(url + "/static/app.css", timeout=20)
            stories = httpx.get(url + "/api/stories", timeout=20)
            assert css.status_code == 200 and stories.status_code == 200 and stories.json()["stories"]
            assert not answers, "the held search answered before it was released"
        finally:
            release.set()
            slow.join(60)
    assert answers and answers[0].status_code == 200 and answers[0].json()["total"] > 0


# -- 8: DNS rebinding --------------------------------------------------------------------------------

def test_a_host_the_page_is_not_served_as_gets_nothing(demo_db):
    c = client(create_app(demo_db))
    token = csrf_of(c.get("/").text)
    rebind = {"Host": "rebind.evil.example"}
    for path in ("/", "/api/stories", "/api/search?q=lithium", "/login", "/static/app.css", "/articles/1",
                 "/nowhere"):
        r = c.get(path, headers=rebind)
        assert r.status_code == 421, path
        assert "csrf" not in r.text and "set-cookie" not in r.headers and "stories" not in r.text, path
        assert_secured(r, path)
    story = c.get("/api/stories").json()["stories"][0]["id"]
    r = c.post(f"/stories/{story}/status", data={"status": "dismissed", "csrf": token},
               headers={**rebind, "Origin": "http://rebind.evil.example"})
    assert r.status_code == 421
    assert open_db(demo_db).execute("SELECT count(*) FROM story_reviews").fetchone()[0] == 0
    for host in ("rebind.evil.example:8000", "localhost.evil.example", "127.0.0.1.evil.example", "evil@127.0.0.1",
                 "", "a b"):
        assert c.get("/api/stories", headers={"Host": host}).status_code == 421, host


def test_loopback_addresses_ip_literals_and_configured_names_are_answered(demo_db):
    c = client(create_app(demo_db, allowed_hosts=["news.example.org", "0.0.0.0"]))
    for host in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "localhost.", "127.0.0.2", "[::1]:8000",
                 "192.168.1.20:8000", "news.example.org", "News.Example.Org:443"):
        assert c.get("/api/stories", headers={"Host": host}).status_code == 200, host
    assert c.get("/api/stories", headers={"Host": "other.example.org"}).status_code == 421


def test_a_form_posts_only_from_this_very_origin_never_from_a_rebound_name(demo_db):
    c = client(create_app(demo_db, allowed_hosts=["news.example.org"]))
    token = csrf_of(c.get("/").text)
    story = c.get("/api/stories").json()["stories"][0]["id"]
    rebound = c.post(f"/stories/{story}/status", data={"status": "reviewed", "csrf": token},
                     headers={"Origin": "http://rebind.evil.example", "Host": "rebind.evil.example"})
    assert rebound.status_code == 421  # its Origin equals its Host, and was accepted for that
    for origin in ("http://news.example.org", "http://localhost:8000", "http://127.0.0.1:8001",
                   "https://127.0.0.1:8000", "null", "http://127.0.0.1:8000.evil.example"):
        r = c.post(f"/stories/{story}/status", data={"status": "reviewed", "csrf": token}, headers={"Origin": origin})
        assert r.status_code == 403, origin
    assert open_db(demo_db).execute("SELECT count(*) FROM story_reviews").fetchone()[0] == 0
    r = c.post(f"/stories/{story}/status", data={"status": "reviewed", "csrf": token},
               headers={"Origin": "http://127.0.0.1:8000", "Accept": "application/json"})
    assert r.status_code == 200 and r.json()["ok"]
    r = c.post(f"/stories/{story}/status", data={"status": "starred", "csrf": token},
               headers={"Origin": "http://news.example.org", "Host": "news.example.org",
                        "Accept": "application/json"})
    assert r.status_code == 200


def capture_serve(monkeypatch) -> dict:
    """Runs `chargewatch serve` without a socket or a server: returns what it would serve."""
    import uvicorn

    from monitor.cli import serving

    served: dict = {}
    monkeypatch.setattr(serving, "listen", lambda host, port: None)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: served.update(config=self.config))
    return served


@pytest.mark.clock
def test_serve_takes_allowed_host_names_and_trusted_proxies(demo_db, monkeypatch):
    served = capture_serve(monkeypatch)
    runner = CliRunner()
    refused = runner.invoke(main, ["serve", "--db", str(demo_db), "--proxy", "127.0.0.1"])
    assert refused.exit_code == 2 and "behind a proxy" in refused.output  # a proxy means the world: a login
    bad = runner.invoke(main, ["serve", "--db", str(demo_db), "--proxy", "proxy.example"])
    assert bad.exit_code == 2 and "proxy.example" in bad.output

    out = runner.invoke(main, ["serve", "--db", str(demo_db), "--allowed-host", "review.lan"])
    assert out.exit_code == 0, out.output
    assert served["config"].proxy_headers is False  # the app reads X-Forwarded-*, only from --proxy
    c = client(served["config"].app)
    assert c.get("/api/stories", headers={"Host": "review.lan:8000"}).status_code == 200
    assert c.get("/api/stories", headers={"Host": "rebind.evil.example"}).status_code == 421

    add_user(demo_db, "maria")
    out = runner.invoke(main, ["serve", "--db", str(demo_db), "--proxy", "127.0.0.1", "--allowed-host",
                               "news.example.org"])
    assert out.exit_code == 0, out.output
    behind = client(served["config"].app, client=("127.0.0.1", 40000))
    r = behind.get("/", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org"},
                   follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")  # a login, even on loopback
    assert "max-age" in r.headers["strict-transport-security"]


# -- 9: guessing passwords -----------------------------------------------------------------------------

class FakeMonotonic:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def login(c: TestClient, name: str, password: str):
    token = c.cookies.get("csrf") or csrf_of(c.get("/login").text)
    return c.post("/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False)


@pytest.mark.clock
def test_the_sixth_attempt_is_refused_even_with_the_right_password(demo_db):
    add_user(demo_db, "maria")
    add_user(demo_db, "joao")
    app = create_app(demo_db, require_login=True)
    clock = app.state.login_throttle.now = FakeMonotonic()
    a = client(app, client=("203.0.113.1", 1000))
    b = client(app, client=("203.0.113.2", 1000))
    for _ in range(5):
        assert login(a, "maria", "wrong password").status_code == 401
    refused = login(a, "maria", PASSWORD)
    assert refused.status_code == 429 and "too many failed logins" in refused.text
    assert int(refused.headers["retry-after"]) > 0
    assert_secured(refused)
    assert login(b, "maria", PASSWORD).status_code == 429  # the name is locked, from anywhere
    assert login(a, "joao", PASSWORD).status_code == 303  # another name, even from that address
    assert login(b, "joao", PASSWORD).status_code == 303

    clock.now += 61  # the first lockout (a minute) is over: one more failure locks for twice as long
    assert login(b, "maria", "wrong again").status_code == 401
    clock.now += 61
    assert login(b, "maria", PASSWORD).status_code == 429
    clock.now += 60
    assert login(b, "maria", PASSWORD).status_code == 303
    assert login(b, "maria", "wrong password").status_code == 401  # a success starts the count again


@pytest.mark.clock
def test_an_address_guessing_many_names_is_stopped_and_others_are_not(demo_db):
    add_user(demo_db, "maria")
    app = create_app(demo_db, require_login=True)
    app.state.login_throttle.now = FakeMonotonic()
    limit = app.state.login_throttle.LIMITS["address"]
    guesser = client(app, client=("2001:db8:0:1::66", 1000))
    for i in range(limit):
        assert login(guesser, f"name{i}", "a guess").status_code == 401
    assert login(guesser, "maria", PASSWORD).status_code == 429
    neighbour = client(app, client=("2001:db8:0:1::99", 1000))  # the same /64: the same guesser
    assert login(neighbour, "maria", PASSWORD).status_code == 429
    assert login(client(app, client=("2001:db8:0:2::66", 1000)), "maria", PASSWORD).status_code == 303
    assert login(client(app, client=("198.51.100.67", 1000)), "maria", PASSWORD).status_code == 303


@pytest.mark.clock
def test_an_unknown_name_costs_the_same_scrypt_work_as_a_wrong_password(demo_db, monkeypatch):
    """Counted, not timed: each answer must do one scrypt with the users' parameters."""
    add_user(demo_db, "maria")
    c = client(create_app(demo_db, require_login=True))
    csrf_of(c.get("/login").text)
    assert login(c, "somebody-else", "warm up").status_code == 401  # the dummy hash is made on first use
    real_scrypt = hashlib.scrypt
    calls: list[tuple] = []

    def counting(password, *, salt, n, r, p, dklen=64, **kw):
        calls.append((n, r, p, dklen))
        return real_scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen, **kw)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    assert login(c, "maria", "wrong password").status_code == 401
    known = list(calls)
    calls.clear()
    assert login(c, "nobody-here", "wrong password").status_code == 401
    assert len(known) == 1 and calls == known


# -- 12: behind a proxy that terminates HTTPS ---------------------------------------------------------

PROXIED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org", "X-Forwarded-For": "198.51.100.7"}


@pytest.mark.clock
def test_behind_a_trusted_proxy_logins_work_and_cookies_are_secure(demo_db):
    add_user(demo_db, "maria")
    app = create_app(demo_db, require_login=True, allowed_hosts=["news.example.org"], trusted_proxies=["127.0.0.1"])
    proxy = client(app, client=("127.0.0.1", 40000))
    page = proxy.get("/login", headers=PROXIED)
    assert page.status_code == 200 and "max-age=" in page.headers["strict-transport-security"]
    assert "secure" in page.headers["set-cookie"].lower()
    token = csrf_of(page.text)
    ok = proxy.post("/login", data={"name": "maria", "password": PASSWORD, "csrf": token, "next": "/sources"},
                    headers={**PROXIED, "Origin": "https://news.example.org", "Cookie": f"csrf={token}"},
                    follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/sources"
    session = ok.headers["set-cookie"]
    assert session.startswith("session=") and "secure" in session.lower() and "httponly" in session.lower()
    session_token = session.split(";")[0].split("=", 1)[1]
    me = proxy.get("/sources", headers={**PROXIED, "Cookie": f"csrf={token}; session={session_token}"})
    assert me.status_code == 200 and "maria" in me.text

    # the client's address is the one the proxy names: one address's guesses do not lock the others
    app.state.login_throttle.LIMITS = {"name": 5, "address": 2}
    for name in ("x1", "x2"):
        bad = proxy.post("/login", data={"name": name, "password": "guess", "csrf": token},
                         headers={**PROXIED, "Origin": "https://news.example.org", "Cookie": f"csrf={token}"})
        assert bad.status_code == 401
    again = {**PROXIED, "Origin": "https://news.example.org", "Cookie": f"csrf={token}"}
    assert proxy.post("/login", data={"name": "maria", "password": PASSWORD, "csrf": token},
                      headers=again, follow_redirects=False).status_code == 429
    other = {**again, "X-Forwarded-For": "198.51.100.8"}
    assert proxy.post("/login", data={"name": "maria", "password": PASSWORD, "csrf": token},
                      headers=other, follow_redirects=False).status_code == 303


@pytest.mark.clock
def test_forwarded_headers_from_anyone_but_the_proxy_are_ignored(demo_db):
    add_user(demo_db, "maria")
    app = create_app(demo_db, require_login=True, allowed_hosts=["news.example.org"], trusted_proxies=["127.0.0.1"])
    stranger = client(app, client=("203.0.113.9", 40000))
    page = stranger.get("/login", headers=PROXIED)
    assert page.status_code == 200 and "strict-transport-security" not in page.headers
    assert "secure" not in page.headers["set-cookie"].lower()
    token = csrf_of(page.text)
    r = stranger.post("/login", data={"name": "maria", "password": PASSWORD, "csrf": token},
                      headers={**PROXIED, "Origin": "https://news.example.org"}, follow_redirects=False)
    assert r.status_code == 403  # the request is http://127.0.0.1:8000: an https Origin is another site
    spoofed = stranger.get("/api/stories", headers={"X-Forwarded-Host": "rebind.evil.example"})
    assert spoofed.status_code == 401  # X-Forwarded-Host ignored (the Host is 127.0.0.1): a login is asked
    proxied_rebind = client(app, client=("127.0.0.1", 40000)).get(
        "/login", headers={"X-Forwarded-Host": "rebind.evil.example"})
    assert proxied_rebind.status_code == 421  # a forwarded name is checked like a Host


# -- 16: huge numbers, and the headers on every error ---------------------------------------------------

@pytest.mark.parametrize("method, path, data", [
    ("GET", f"/articles/{HUGE}", None),
    ("GET", "/articles/9223372036854775808", None),
    ("GET", f"/api/articles/{HUGE}", None),
    ("GET", f"/articles/{HUGE}/post", None),
    ("POST", f"/articles/{HUGE}/post", {"platform": "x", "text": "hi"}),
    ("POST", f"/articles/{HUGE}/tags", {"tag": "automaker:kia", "action": "add"}),
    ("POST", f"/stories/{HUGE}/status", {"status": "reviewed"}),
    ("POST", f"/stories/{HUGE}/note", {"note": "x"}),
    ("GET", f"/digests/{HUGE}", None),
    ("GET", f"/digests/{HUGE}.html", None),
    ("GET", f"/?before=2026-11-25T08:00:00Z|{HUGE}", None),
    ("GET", f"/api/stories?before=2026-11-25T08:00:00Z|{HUGE}", None),
    ("GET", f"/search?q=lithium&page={HUGE}", None),
    ("GET", f"/api/search?q=lithium&page={HUGE}", None),
    ("GET", "/api/search?q=lithium&page=0", None),
    ("POST", "/articles/{first}/post", {"platform": "x", "text": "hi", "draft": HUGE}),
    ("POST", "/articles/{first}/post", {"platform": "x", "text": "hi", "draft": "\u00b2"}),
])
def test_huge_numbers_are_refused_with_4xx_and_the_security_headers(demo_db, method, path, data):
    c = client(create_app(demo_db))
    token = csrf_of(c.get("/").text)
    first = open_db(demo_db).execute("SELECT min(id) FROM articles").fetchone()[0]
    path = path.replace("{first}", str(first))
    if method == "POST":
        r = c.post(path, data={**data, "csrf": token}, follow_redirects=False)
    else:
        r = c.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code)
    if "/articles/" in path or "/stories/" in path or "/digests/" in path:
        assert r.status_code in (400, 404)
    assert_secured(r, path)
    assert open_db(demo_db).execute("SELECT count(*) FROM post_drafts").fetchone()[0] == 0


def test_every_error_carries_the_security_headers(demo_db, monkeypatch):
    c = client(create_app(demo_db))
    for path, status in (("/nowhere", 404), ("/static/nowhere.css", 404), ("/logout", 405), ("/api/nowhere", 404)):
        r = c.get(path)
        assert r.status_code == status, path
        assert_secured(r, path)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug with a secret in its message")

    monkeypatch.setattr(review, "inbox", broken)
    for path in ("/", "/api/stories"):
        r = c.get(path)
        assert r.status_code == 500, path
        assert_secured(r, path)
        assert "secret" not in r.text and "Traceback" not in r.text
    assert c.get("/api/stories").json() == {"error": "something went wrong on the server; the error is in its log"}


# -- a feed token never travels into the login URL ------------------------------------------------------

@pytest.mark.clock
def test_a_feed_token_is_not_copied_into_the_login_url(demo_db):
    add_user(demo_db, "maria")
    c = client(create_app(demo_db, require_login=True))
    for path in ("/?token=s3cr3t-feed-token&topic=nickel", "/feeds/topics/lithium.atom?token=s3cr3t-feed-token"):
        r = c.get(path, follow_redirects=False)
        assert r.status_code == 303 and "s3cr3t" not in r.headers["location"], path
    r = c.get("/?topic=nickel&token=s3cr3t-feed-token", follow_redirects=False)
    assert r.headers["location"] == "/login?next=/%3Ftopic%3Dnickel"
    page = c.get("/login?next=/feeds/starred.atom%3Ftoken%3Ds3cr3t-feed-token")
    assert "s3cr3t" not in page.text
