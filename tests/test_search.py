"""Search takes whatever a person types: everyday and odd queries against the demo database, the
translation to FTS5 (storage/search_query.py) on its own, and the messages for broken operators
on the review page and in the JSON API."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from markupsafe import escape

from storage import open_db, review
from storage import search as search_module
from storage.search_query import MAX_DEPTH, MAX_TERMS, QueryError, to_fts5

# The demo articles, each by a piece of its URL (the sample site under monitor/demo/sample_site).
ARTICLES = {
    "recycling": "icct/publication/battery-recycling-capacity-europe",
    "recycling_pdf": "ID-519-battery-recycling",
    "green_steel": "icct/publication/green-steel-demand",
    "green_steel_pdf": "ID-512-green-steel",
    "lithium_ion": "lithium-ion-battery-supply-chain-emissions",
    "bauxite": "guinea-boke-bauxite",
    "jujuy": "jujuy-lithium-communities",
    "brazil": "brazil-wind-farms-green-steel",
    "kolwezi": "kolwezi-artisanal-cobalt",
    "isa": "isa-council-ends-session-without-deep-sea-mining-code",
    "halmahera": "mongabay/2026/11/nickel-boom",
    "atacama": "salar-de-atacama",
    "byd": "byd-opens-battery-recycling",
    "eu_co2": "eu-compromise-2030-co2",
    "hyundai": "hyundai-metaplant",
    "ford": "ford-low-carbon-aluminium",
    "tesla_data": "tesla-publishes-supplier-emissions",
    "kia_nissan": "kia-nissan-join-call-for-deep-sea-mining",
    "vw_steel": "volkswagen-group-secures-low-carbon-steel",
    "volvo": "volvo-cars-polestar",
    "eu_china": "eu-china-near-deal",
    "tesla_texas": "tesla-says-texas-lithium",
    "uaw": "uaw-strikes-gm-lg-battery-plant",
    "vw_margin": "volkswagen-cuts-margin",
    "treasury": "us-treasury-tightens",
    "indonesia": "indonesia-cuts-nickel",
    "midwest": "midwest-battery-recyclers",
    "halmahera_gw": "greenwire/nickel-boom",
    "black_box": "automakers-supplier-emissions-black-box",
}
EVERY = frozenset(ARTICLES)


class Case(NamedTuple):
    query: str
    found: frozenset[str]  # must be among the results
    not_found: frozenset[str] = frozenset()  # must not; EVERY - found: exactly found


def case(query: str, found: str = "", not_found: str = "", *, only: bool = False) -> Case:
    must = frozenset(found.split())
    return Case(query, must, EVERY - must if only else frozenset(not_found.split()))


CASES = [
    # hyphens, apostrophes and dots: the phrase of their pieces, never "no such column"
    case("deep-sea mining", "isa kia_nissan", only=True),
    case("Deep-Sea MINING", "isa kia_nissan", only=True),
    case("deep\u2011sea mining", "isa kia_nissan", only=True),  # a non-breaking hyphen
    case("lithium-ion", "lithium_ion kolwezi", "kia_nissan jujuy"),  # kia_nissan has lithium and ion apart
    case("GM-LG", "uaw", only=True),  # midwest mentions GM, not GM-LG
    case("UAW strike GM-LG plant", "uaw", only=True),  # porter: strike finds strikes
    case("Ford's", "ford", only=True),  # a dozen articles say Ford
    case("Ford\u2019s", "ford", only=True),  # a typographic apostrophe
    case("U.S.", "treasury tesla_texas uaw vw_margin isa midwest", "bauxite jujuy brazil atacama"),  # not "us"
    case("U.S. Treasury", "treasury", only=True),
    case("F-150", "ford", only=True),
    case("Clarion-Clipperton", "isa kia_nissan", only=True),
    case("end-of-life", "recycling byd recycling_pdf", "bauxite"),
    case("lithium's", "atacama", only=True),
    # punctuation separates words, like the tokenizer
    case("Lincoln, Nebraska", "midwest", only=True),  # the Ford article names Lincoln only
    case("Lincoln,Nebraska", "midwest", only=True),
    case("50%", "recycling_pdf green_steel_pdf"),
    case("420,000 tonnes", "recycling recycling_pdf", "bauxite"),
    case("$1.2 billion", "vw_margin", only=True),
    case("EU, China", "eu_china", "bauxite"),
    case("Halmahera, Indonesia.", "halmahera halmahera_gw indonesia", "kolwezi"),
    case("nickel ^ cobalt {Kolwezi}", "kolwezi", only=True),
    case("lithium & cobalt", "kolwezi recycling", "jujuy atacama"),
    case("#lithium @Tesla", "tesla_texas tesla_data", "jujuy"),
    case("~lithium!", "jujuy atacama tesla_texas"),
    case("nickel: cobalt", "kolwezi", "halmahera indonesia"),
    case("Supply chain emissions of lithium-ion batteries for electric cars: Why production location and "
         "chemistry matter", "lithium_ion", only=True),
    # phrases, operators, prefixes, parentheses, columns
    case('"green steel"', "green_steel green_steel_pdf brazil vw_steel ford", "bauxite"),  # bauxite: green, not green steel
    case("green steel", "green_steel brazil vw_steel", "bauxite jujuy"),
    case('"nickel or cobalt"', "recycling kia_nissan", "kolwezi halmahera"),
    case('"green ste"*', "green_steel brazil", "bauxite"),
    case("nickel OR cobalt", "kolwezi halmahera indonesia recycling", "jujuy tesla_texas atacama"),
    case("nickel or cobalt", "kolwezi recycling", "halmahera indonesia"),  # or is a word: all three words
    case("lithium NOT Tesla", "lithium_ion jujuy atacama", "tesla_texas tesla_data kolwezi"),
    case("lithium AND NOT Tesla", "lithium_ion jujuy atacama", "tesla_texas tesla_data"),
    case("lithium not tesla", "tesla_texas tesla_data", "jujuy atacama"),  # not is a word too
    case("lithium AND Kolwezi", "kolwezi", only=True),
    case("recycl*", "recycling byd midwest recycling_pdf", "bauxite jujuy"),
    case("recycl* OR Kolwezi", "recycling kolwezi byd", "bauxite"),
    case("UAW strike*", "uaw", only=True),
    case("(steel OR aluminium) Volkswagen", "vw_steel green_steel", "ford vw_margin"),
    case("Volkswagen (steel OR aluminium)", "vw_steel green_steel", "ford vw_margin"),
    case("(Ford's OR Kolwezi) (aluminium OR cobalt)", "ford kolwezi", only=True),
    case("title:lithium", "lithium_ion jujuy atacama tesla_texas", only=True),  # recycling says lithium, not in its title
    case("Title:Lithium", "lithium_ion jujuy atacama tesla_texas", only=True),
    case('title:"green steel"', "green_steel brazil green_steel_pdf", "vw_steel ford"),
    case("title:(nickel OR cobalt)", "kolwezi indonesia halmahera", "recycling lithium_ion"),
    case("title:recycl*", "recycling byd midwest recycling_pdf", "kolwezi"),
    # accents fold; other scripts search without error
    case("Québec", "ford", only=True),
    case("quebec", "ford", only=True),
    case("BOKE", "bauxite", only=True),
    case("Boké", "bauxite", only=True),
    case("Brunsbüttel", "vw_steel", only=True),
    case("grünheide", "tesla_data", only=True),
    case("Zsófia Takács", "byd", only=True),
    case("São", "brazil"),
    case("Salar de Atacama", "atacama", only=True),
    case("Kolwezi", "kolwezi", only=True),
    case("电池 供应链", only=True),
    case("baterai nikel", only=True),
    case("Индонезия никель", only=True),
    # nothing to search for, or nothing found: an empty answer, never an error
    case("'; DROP TABLE articles; --", only=True),
    case("-", only=True),
    case("***", only=True),
    case('"', only=True),
    case("%", only=True),
    case("lithium -", "jujuy atacama"),
    case('"green steel', "green_steel brazil", "bauxite"),  # an unclosed quote runs to the end
    case("text:", only=True),
    case("lithium\tKolwezi\n", "kolwezi", only=True),
    case("lith\x00ium", only=True),
    case(" ".join(["lithium"] * 3000), "jujuy atacama lithium_ion", "bauxite"),  # very long text
    # without AND, OR or NOT a parenthesis groups nothing: punctuation, even unbalanced
    case("(", only=True),
    case("()", only=True),
    case("lithium-ion (NMC)", "lithium_ion", only=True),
    case("Kolwezi (DRC", "kolwezi", only=True),
    case("Reuters) Treasury", "treasury", only=True),
    case("((((((((((((Kolwezi))))))))))))", "kolwezi", only=True),
    case("title:(lithium ion)", "lithium_ion", only=True),
]

# queries that use the operators wrongly, and what the message must say
BROKEN = [
    ("steel AND (", "Unbalanced parenthesis: add a ')' or remove the '('"),
    ("( lithium AND Tesla", "Unbalanced parenthesis: add a ')' or remove the '('"),
    ("(lithium OR nickel", "Unbalanced parenthesis: add a ')' or remove the '('"),
    ("lithium OR nickel)", "Unbalanced parenthesis: remove the ')' or add a '(' before it"),
    ("nickel OR ()", "Empty parentheses: put words inside them or remove them"),
    ("() OR lithium", "Empty parentheses"),
    ("NOT", "'NOT' at the start has nothing before it"),
    ("NOT Tesla", "write what to find, then NOT and what to leave out"),
    ("(NOT Tesla) lithium", "'NOT' right after '(' has nothing before it"),
    ("lithium NOT", "'NOT' at the end has nothing after it: add a word after it or remove it"),
    ("steel AND", "'AND' at the end has nothing after it"),
    ("nickel OR", "'OR' at the end has nothing after it"),
    ("OR cobalt", "'OR' at the start has nothing before it: add a word before it or remove it"),
    ("nickel OR OR cobalt", "'OR' and 'OR' are side by side: put a word between them or remove one"),
    ("nickel OR NOT cobalt", "'OR' and 'NOT' are side by side"),
    ("(nickel OR) cobalt", "'OR' right before ')' has nothing after it"),
    ('""', "Empty quotes: put words between the quotes or remove them"),
    ('lithium ""', "Empty quotes"),
    ('"%"', 'Nothing to search for in "%": put words between the quotes or remove them'),
    ("(" * (MAX_DEPTH + 1) + "lithium OR nickel" + ")" * (MAX_DEPTH + 1), f"use at most {MAX_DEPTH} levels"),
    (" OR ".join(f"word{i}" for i in range(MAX_TERMS + 1)), f"Too many words: use at most {MAX_TERMS}"),
]


def urls_to_keys(urls) -> set[str]:
    keys = set()
    for url in urls:
        found = [k for k, piece in ARTICLES.items() if piece in url]
        assert len(found) == 1, f"{url} is not one of the demo articles named in ARTICLES"
        keys |= set(found)
    return keys


def client(db_path):
    from starlette.testclient import TestClient

    from monitor.web.app import create_app

    return TestClient(create_app(db_path), base_url="http://127.0.0.1:8000")


def test_the_table_names_each_demo_article_once(demo_db):
    db = open_db(demo_db)
    urls = [r[0] for r in db.execute("SELECT url FROM articles")]
    assert urls_to_keys(urls) == EVERY and len(urls) == len(EVERY)
    assert len(CASES) >= 30 and len({c.query for c in CASES}) == len(CASES)


@pytest.mark.parametrize("c", CASES, ids=[c.query[:40] for c in CASES])
def test_everyday_and_odd_queries_find_what_they_should(demo_db, c):
    db = open_db(demo_db)
    result = review.search(db, c.query, per_page=100)
    got = urls_to_keys(h.url for h in result.hits)
    assert result.total == len(result.hits)
    assert c.found <= got, f"missing {sorted(c.found - got)}"
    assert not (got & c.not_found), f"should not find {sorted(got & c.not_found)}"
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(EVERY)  # nothing dropped


@pytest.mark.parametrize("c", CASES, ids=[c.query[:40] for c in CASES])
def test_every_query_of_the_table_is_answered_by_the_page_and_the_api(demo_db, c):
    web = client(demo_db)
    page = web.get("/search", params={"q": c.query})
    assert page.status_code == 200 and 'class="error"' not in page.text
    assert "result" in page.text.split('class="count"')[1][:200]
    api = web.get("/api/search", params={"q": c.query})
    assert api.status_code == 200
    body = api.json()
    assert set(body) == {"query", "total", "total_capped", "ranked_among_newest", "page", "per_page", "hits"}
    assert body["query"] == c.query.strip() and body["page"] == 1 and body["per_page"] == 20
    assert c.found <= urls_to_keys(h["url"] for h in body["hits"]) or body["total"] > 20
    assert not urls_to_keys(h["url"] for h in body["hits"]) & c.not_found
    if c.found and len(c.query) < 200:
        assert "[" in body["hits"][0]["snippet"]  # the matched words are marked


@pytest.mark.parametrize("query, message", BROKEN, ids=[q[:30] for q, _ in BROKEN])
def test_a_broken_advanced_query_says_what_to_change(demo_db, query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        to_fts5(query)
    with pytest.raises(review.QueryError) as raised:
        review.search(open_db(demo_db), query)
    assert message in str(raised.value) and "cannot search" in str(raised.value)
    web = client(demo_db)
    page = web.get("/search", params={"q": query})
    assert page.status_code == 400 and str(escape(message)) in page.text
    api = web.get("/api/search", params={"q": query})
    assert api.status_code == 400 and set(api.json()) == {"error"} and message in api.json()["error"]


def test_every_title_and_first_paragraph_pasted_finds_its_article(demo_db):
    db = open_db(demo_db)
    for url, title, text in db.execute("SELECT url, title, text FROM articles"):
        paragraph = text.strip().split("\n")[0]
        for pasted in (title, paragraph):
            hits = review.search(db, pasted, per_page=100).hits
            assert url in [h.url for h in hits], pasted


def test_filters_and_the_newest_window_use_the_translated_query(demo_db, monkeypatch):
    web = client(demo_db)
    hits = web.get("/api/search", params={"q": "deep-sea mining", "source": "electrive"}).json()["hits"]
    assert urls_to_keys(h["url"] for h in hits) == {"kia_nissan"}
    monkeypatch.setattr(search_module, "SEARCH_WINDOW", 3)
    result = review.search(open_db(demo_db), "lithium-ion OR Ford's OR recycl*", per_page=100)
    assert result.total > 3 and result.ranked_among == 3 and len(result.hits) == 3


def test_a_blank_query_asks_for_words_and_the_page_stays_empty(demo_db):
    web = client(demo_db)
    for blank in ("", "   ", "\t"):
        assert web.get("/search", params={"q": blank}).status_code == 200
        api = web.get("/api/search", params={"q": blank})
        assert api.status_code == 400 and "type something" in api.json()["error"]


# -- the translation on its own -------------------------------------------------------------------

@pytest.mark.parametrize("text, fts5", [
    ("lithium", '"lithium"'),
    ("deep-sea mining", '"deep-sea" AND "mining"'),
    ("Ford's U.S. 50%", '"Ford\'s" AND "U.S." AND "50%"'),
    ("Lincoln, Nebraska", '"Lincoln," AND "Nebraska"'),
    ('"green steel" hydrogen', '"green steel" AND "hydrogen"'),
    ('"green ste"*', '"green ste"*'),
    ('"unclosed phrase', '"unclosed phrase"'),
    ("nickel OR cobalt", '"nickel" OR "cobalt"'),
    ("nickel or cobalt", '"nickel" AND "or" AND "cobalt"'),
    ("Nickel Or Cobalt", '"Nickel" AND "Or" AND "Cobalt"'),
    ("lithium NOT Tesla", '"lithium" NOT "Tesla"'),
    ("lithium AND NOT Tesla", '"lithium" NOT "Tesla"'),
    ("lithium AND water", '"lithium" AND "water"'),
    ('"NOT" "OR"', '"NOT" AND "OR"'),
    ("recycl*", '"recycl"*'),
    ("recycl**", '"recycl"*'),
    ("U.S.Steel*", '"U.S.Steel"*'),  # the prefix is the last word's: Steel
    ("lithium *", '"lithium"'),
    ("*lithium", '"*lithium"'),
    ("(steel OR aluminium) Volkswagen", '( "steel" OR "aluminium" ) AND "Volkswagen"'),
    ("a (b OR c) (d)", '"a" AND ( "b" OR "c" ) AND ( "d" )'),
    ("a (b c) d", '"a" AND "b" AND "c" AND "d"'),
    ("((a) b", '"a" AND "b"'),
    ("a) b )(", '"a" AND "b"'),
    ("title:(a (b) text:c)", 'title : "a" AND title : "b" AND text : "c"'),
    ("(a OR b) AND NOT c", '( "a" OR "b" ) NOT "c"'),
    ("a b A c b d", '"a" AND "b" AND "c" AND "d"'),
    ("title:lithium", 'title : "lithium"'),
    ("TEXT:recycl*", 'text : "recycl"*'),
    ('title:"green steel"', 'title : "green steel"'),
    ("title:(nickel OR cobalt)", 'title : ( "nickel" OR "cobalt" )'),
    ("title:", '"title:"'),
    ("subtitle:x", '"subtitle:x"'),
    ("10:30", '"10:30"'),
    ("a + b ^ c {d} e:f", '"a" AND "b" AND "c" AND "{d}" AND "e:f"'),
    ("NEAR(a b)", '"NEAR" AND "a" AND "b"'),
    ("NEAR(a b) OR c", '"NEAR" AND ( "a" AND "b" ) OR "c"'),
    ("'; DROP TABLE articles; --", '"DROP" AND "TABLE" AND "articles;"'),
    ("lith\x00ium\x1b", '"lith" AND "ium"'),
    ("Québec 电池", '"Québec" AND "电池"'),
    ("-", ""),
    ("*** % , . : + ^ { } '", ""),
    ('"', ""),
    ("", ""),
    ("  \t\n ", ""),
    ("(", ""),
    ("()", ""),
])
def test_translation(text, fts5):
    assert to_fts5(text) == fts5


def test_the_translation_never_lets_a_quote_or_control_character_through():
    import sqlite3

    fts = sqlite3.connect(":memory:")
    fts.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter')")
    fts.execute("INSERT INTO t VALUES ('Deep-sea mining', 'Ford''s plant in the U.S. (50%)')")
    odd = ['"a"b"', 'x"y', "(a) \"b", "'\"'", "\x00\"\x00", "\ud800", "a:b:c", "title:\"", "title:(a)"]
    for text in odd + [c.query for c in CASES]:
        query = to_fts5(text)
        assert not any(ord(ch) < 32 for ch in query)
        if query:
            fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [query]).fetchone()  # no error
    assert fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [to_fts5("ford's U.S. deep-sea 50%")]).fetchone()[0] == 1


def test_a_long_text_is_searched_by_its_first_different_words():
    text = " ".join(f"word{i % 100} lithium" for i in range(1000))
    words = ['"word0"', '"lithium"'] + [f'"word{i}"' for i in range(1, MAX_TERMS - 1)]
    assert to_fts5(text) == " AND ".join(words)


def test_query_error_is_the_one_review_raises():
    assert review.QueryError is QueryError and issubclass(QueryError, ValueError)
