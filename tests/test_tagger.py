"""The tagger: traps from the issue, forms that must work, evidence and salience."""

from __future__ import annotations

import pytest

from nlp import Tagger, tag
from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy

RANKED = ["bmw", "byd", "ford", "gac", "geely", "gm", "honda", "hyundai", "kia", "mercedes-benz", "nissan",
          "renault", "saic", "stellantis", "tesla", "toyota", "volkswagen", "volvo-cars"]
OTHERS = ["great-wall", "tata", "chery", "changan", "nio", "xpeng", "li-auto", "rivian", "lucid", "vinfast",
          "mazda", "subaru", "suzuki", "mitsubishi", "mahindra"]
TOPICS = ["green-steel", "aluminium", "lithium", "lithium-water", "nickel", "cobalt", "transition-minerals",
          "deep-sea-mining", "indigenous-rights", "workers-rights", "human-rights-due-diligence",
          "renewable-energy", "supply-chain-emissions", "ev-policy", "battery-recycling"]


def test_registry_has_the_ids_of_the_issue():
    reg = load_registry()
    ids = [a.id for a in reg.automakers]
    assert sorted(a.id for a in reg.automakers if a.ranked) == sorted(RANKED)
    assert set(OTHERS) <= set(ids)
    assert reg.get("tesla").handle("x") == "@Tesla"
    assert reg.get("chery").handles == ()  # nothing invented


def test_taxonomy_has_the_ids_of_the_issue():
    topics = load_taxonomy()
    assert [t.id for t in topics] == TOPICS
    for t in topics:
        assert t.name and t.description and t.hashtags and all(h.startswith("#") for h in t.hashtags)


@pytest.mark.parametrize("text, automakers", [
    ("Harrison Ford arrived at the premiere in a chauffeured car.", []),
    ("The Ford Foundation gave $5m to land defenders in the Amazon.", []),
    ("The plant is outside Lincoln, Nebraska, and employs 300 people making wind turbines.", []),
    ("Abraham Lincoln signed the Homestead Act in 1862.", []),
    ("A jaguar was filmed crossing a road in the rainforest near the mine.", []),
    ("The village runs on a solar mini-grid and smart meters.", []),
    ("Genesis tells of the creation of the world in six days.", []),
    ("The minister tried to dodge the question about the subsidy.", []),
    ("Parents should fit a car seat facing backwards.", []),
    ("The laptop ships with 16GB of RAM.", []),
    ("Nikola Tesla built his first Tesla coil in 1891.", []),
    ("Mercedes Sosa sang at the rally in Buenos Aires.", []),
    ("Volvo Group will sell electric trucks made with fossil-free steel.", []),
    ("Daimler Truck said its hydrogen trucks would arrive in 2029.", []),
    ("Take 50 MG of the drug twice a day.", []),
    ("Two soldiers were listed as KIA after the ambush.", []),
    ("Hyundai Steel will build an electric arc furnace in Louisiana.", []),
    ("Toyota's hybrids outsold BYD-made cars; VW-owned Audi and GM-backed Ultium Cells followed.",
     ["byd", "gm", "toyota", "volkswagen"]),
    ("Mercedes-Benz Group AG and Volkswagen AG reported results; so did Ford Motor Co.",
     ["ford", "mercedes-benz", "volkswagen"]),
    ("TESLA shares fell while Škoda, Skoda and Citroën dealers waited for the Jeep Avenger.",
     ["stellantis", "tesla", "volkswagen"]),
    ("The Volvo EX30 is built by Volvo Cars in Ghent; Polestar and Zeekr belong to Geely.", ["geely", "volvo-cars"]),
    ("Kia and Hyundai will both buy green steel for their EV plants.", ["hyundai", "kia"]),
    ("Jaguar Land Rover and MG Motor cut prices on their electric SUVs.", ["saic", "tata"]),
    # a name that is also a family name, after a given name, is a person (first_names.txt)
    ('"EV makers must show recycled content," said Eleanor Ford, a battery analyst at Cellpath.', []),
    ("Renee Ford, chief operating officer of the recycler, said its cathode plant was full.", []),
    ("David Suzuki called the deep-sea mining push for car batteries reckless.", []),
    ("Ferdinand Porsche designed an electric car in 1898.", []),
    ("But Ford said its Kentucky battery plant would open; rival Ford dealers and GM agreed.", ["ford", "gm"]),
    ("Produsen mobil, termasuk Tesla dan Ford, membeli nikel dari Sulawesi.", ["ford", "tesla"]),  # "dan" = and
    # and named so once, a bare "Ford" later is that person again, unless the automaker is named plainly
    ("Eleanor Ford is a battery analyst. Ford estimates that most scrap will come from cell plants, not cars.", []),
    ("Eleanor Ford praised Ford Motor Co. Ford will recycle the packs of its cars in Kentucky.", ["ford"]),
    ("Eleanor Ford is an analyst. Ford and GM will recycle the packs of their cars.", ["ford", "gm"]),
])
def test_automakers_and_traps(text, automakers):
    assert sorted(tag(text).automaker_ids()) == automakers


@pytest.mark.parametrize("text, topics", [
    ("He showed nerves of steel during the talks.", []),
    ("She wore a cobalt blue dress to the gala.", []),
    ("Airlines nickel-and-dime passengers with bag fees.", []),
    ("The data mining start-up raised $20m.", []),
    ("Her copper-coloured hair caught the light.", []),
    ("Samsung recalled 2m phones after lithium-ion battery fires.", []),
    ("Patients prescribed lithium need regular blood tests, psychiatrists say.", []),
    ("SSAB will supply fossil-free steel made with hydrogen to Volvo Cars.", ["green-steel"]),
    ("Lithium extraction in the Salar de Atacama pumps brine that local communities say drains their water.",
     ["lithium", "lithium-water"]),
    ("The nickel smelters of Morowali run on captive coal power.", ["nickel", "renewable-energy"]),
    ("Workers at the Stellantis plant went on strike over wages, the UAW said.", ["workers-rights"]),
    ("The automaker said it would cut 3,000 jobs in Germany.", []),
    ("The EU's CSDDD requires automakers to run human rights due diligence on suppliers.",
     ["human-rights-due-diligence"]),
    ("BMW asked its battery suppliers to cut scope 3 emissions by 40%.", ["supply-chain-emissions"]),
    ("The IRA's EV tax credits exclude cars with Chinese battery parts.", ["ev-policy"]),
    ("Redwood Materials will recycle end-of-life EV batteries from Ford.", ["battery-recycling"]),
    ("Norway backed a moratorium on deep-sea mining at the International Seabed Authority.", ["deep-sea-mining"]),
])
def test_topics_and_traps(text, topics):
    assert sorted(tag(text).topic_ids()) == topics


def test_evidence_is_the_telling_sentence_and_salience_separates_about_from_passing():
    text = ("Tesla will open a lithium refinery in Texas next year. The plant will supply cathode makers. "
            "Analysts said Tesla's refinery could cut costs. Tesla shares rose.\n\n"
            "Separately, Ford dealers reported strong sales of the Mustang Mach-E in October.")
    tags = tag(text, title="Tesla opens lithium refinery")
    by_id = {a.id: a for a in tags.automakers}
    assert by_id["tesla"].salience > 0.6 and by_id["ford"].salience < 0.4
    assert by_id["tesla"].mentions == 4 and by_id["tesla"].brands == ("Tesla",)
    assert by_id["tesla"].evidence == "Tesla will open a lithium refinery in Texas next year."  # the body's
    assert (by_id["tesla"].role, by_id["ford"].role) == ("subject", "mention")
    lithium = next(t for t in tags.topics if t.id == "lithium")
    assert "lithium refinery" in lithium.evidence and lithium.mentions >= 2


def test_brand_is_kept_and_maps_to_its_group():
    [a] = tag("The new Audi Q6 and the Porsche Macan share a platform.").automakers
    assert a.id == "volkswagen" and a.brands == ("Audi", "Porsche")


def test_empty_and_odd_inputs():
    t = Tagger()
    assert t.tag("").automakers == () and t.tag("   \n\n ").topics == ()
    assert t.tag("\x00\x01 ☃ 🚗" * 100).automaker_ids() == []
    assert t.tag("Ford", title="").automaker_ids() == []  # a bare common name proves nothing


def test_pipe_equals_tag():
    t = Tagger()
    items = [("Kia will buy green steel.", None), ("Tesla's Giga Berlin uses wind power.", "Tesla")]
    assert list(t.pipe(items)) == [t.tag(*i) for i in items]


def test_a_pool_of_workers_tags_exactly_as_one_process_does():
    from nlp import default_tagger
    from nlp.parallel import TagPool

    tagger = default_tagger()
    items = [(f"{maker} said its new plant would buy nickel from Sulawesi. Batch {i}.", None)
             for i, maker in enumerate(["Toyota", "Ford", "Harrison Ford", "BYD", "Volvo Cars"] * 90)]
    with TagPool(2, batch_size=50) as pool:
        assert list(pool.tag(items)) == [tagger.tag(text, title) for text, title in items]
        assert list(pool.tag([])) == []  # a pool serves several rounds


def test_sentence_starts_found_while_tokenizing_match_the_sentence_rules():
    """The tokenizer's pass finds sentence starts on the shrunk text, chunk by chunk, by the rules
    that the chargewatch_sentences component applies to the token arrays of the whole text (every
    word kept: the rules look at the words, "Inc." or "The", that shrinking hides); both must
    start the same sentences, at the same characters, on every text, odd ones included."""
    import json

    from nlp import Tagger
    from nlp.sentences import _sentences_component
    from nlp.tokenize import FastTokenizer

    tagger = Tagger()
    whole = FastTokenizer(tagger.nlp.vocab)  # keep=None: every token, no pass
    root = __import__("pathlib").Path(__file__).parent / "data"
    texts = [(p["title"] or "") + "\n\n" + p["text"] for p in map(json.loads, (root / "tagging" / "passages.jsonl").open())]
    texts += ['He said: "It is over." Then he left.', "Really?! yes... (See below.) Next one.",
              "\n\nStarts with lines.\nA list item\n- another", "U.S. officials met Mr. Smith. The end",
              'Quotes close twice."\' Then more. «Guillemets.» After', "", "   ", "no full stop at all",
              'in the U.S. The firm said." "We agree," J. D. Power said. Ford Motor Co. (Ford) met Inc. It',
              "on Sept. 30 at 9 a.m. The plant, approx. 5,000 cars; Fremont, Calif. Tesla etc. Then 'A' I.",
              '"Opening quote first. \'Single\' quotes. \' Alone " here. x"y "\nz', "Wow!, he said. No.1 and p. 12."]
    texts += _odd_texts(1500)
    texts += _odd_texts(1500, seed=13, vocabulary=SENTENCE_WORDS)
    compared = 0
    for text in texts:
        doc = tagger.nlp.tokenizer(text)
        offsets = doc.user_data["offsets"]
        found = [offsets[i] for i in doc.user_data["sent_starts"] if not doc[i].is_space]
        full = whole(text)
        assert "sent_starts" not in full.user_data
        _sentences_component(full)
        whole_offsets = full.user_data["offsets"]  # the Doc's text lacks folded scare quotes
        by_rules = [whole_offsets[t.i] for t in full if t.is_sent_start and not t.is_space]
        assert found == by_rules, text
        compared += len(found)
        # and on the shrunk Doc, the component sets the starts the pass found
        _sentences_component(doc)
        assert [t.i for t in doc if t.is_sent_start] == doc.user_data["sent_starts"]
    assert compared > 10000


# words for sentence rules: abbreviations glued to full stops by empty gaps, starters, quotes
SENTENCE_WORDS = ["Inc", "Sept", "J", "D", "Power", "etc", "approx", "Calif", "Co", "The", "A", "I", "It",
                  "e.g.", "a.m.", "U.S.", "No", "Mr", "Jr.", "PK", "T", "'", '"', ".", ".", ".", ",", ";",
                  ":", "(", "5,000", "Tesla", "lithium", "said", "“", "”", "\n"]


def _odd_texts(n: int, seed: int = 7, vocabulary: list[str] | None = None) -> list[str]:
    """Texts of pattern words, common words and punctuation joined by odd whitespace (double
    spaces, tabs, no-break spaces, line breaks with spaces around them), to catch a tokenizer
    that splits the text at spaces going wrong where the whole-text regular expression would not."""
    import random

    rng = random.Random(seed)
    words = ["Tesla", "Ford", "Harrison", "lithium", "mine", "water", "brine", "steel", "green",
             "hydrogen", "Mr.", "St.", "U.S.", "the", "of", "and", "BYD-made", "Toyota's", "GM",
             "cobalt", "blue", "Volvo", "Cars", "trucks", "3,000", "1.5", "(", ")", '"', "’", ".",
             "?", "!", "…", ",", "-", "Lincoln", "Nebraska", "Indigenous", "consent", "unions",
             '"green"', "“clean”", "'fossil-free'", "‘low’", '"Tesla"']
    words = vocabulary or words
    gaps = [" "] * 12 + ["  ", "\n", " \n", "\n ", " \n \n ", "\t", "\xa0", "\n\n", "   ", ""]
    texts = []
    for _ in range(n):
        parts = [rng.choice(gaps) if rng.random() < 0.2 else ""]
        for _ in range(rng.randint(1, 40)):
            parts += [rng.choice(words), rng.choice(gaps)]
        texts.append("".join(parts))
    return texts


def test_shrinking_texts_for_speed_changes_no_tag():
    """The tokenizer collapses words no pattern uses; tags must be exactly those of the full text."""
    import json

    from nlp import Tagger

    shrunk = Tagger()
    full = Tagger()
    full.nlp.tokenizer.keep = None  # every token kept
    root = __import__("pathlib").Path(__file__).parent / "data"
    items = [(p["text"], p["title"]) for p in map(json.loads, (root / "tagging" / "passages.jsonl").open())]
    for line in (root / "dedupe" / "pairs.jsonl").open():
        pair = json.loads(line)
        items += [(pair["a"]["text"], pair["a"]["title"]), (pair["b"]["text"], pair["b"]["title"])]
    assert len(items) > 700
    assert [shrunk.tag(t, title) for t, title in items] == [full.tag(t, title) for t, title in items]
    # and the same again with every chunk from the tokenizer's cache, or none
    assert [shrunk.tag(t, title) for t, title in items] == [full.tag(t, title) for t, title in items]
    uncached = Tagger()
    uncached.nlp.tokenizer._cache_limit = 0
    assert [uncached.tag(t, title) for t, title in items] == [full.tag(t, title) for t, title in items]


def _shrink_whole_text(text: str, keep: frozenset[str]) -> list[tuple[str, bool, int | None]]:
    """What shrinking must give, worked out plainly on the whole text's tokens: (token, space
    after, offset); a line break (with any spaces around it) is "\\n" with no offset."""
    from nlp.quotes import mid_openers, scare_close
    from nlp.tokenize import PLACEHOLDER_LOWER, PLACEHOLDER_UPPER, TOKEN_AND_SPACE

    out: list[tuple[str, bool, int | None]] = []
    pos, dropping, fold = 0, False, -1
    tokens = TOKEN_AND_SPACE.findall(text)
    skip = set(mid_openers(text))
    for i, t in enumerate(tokens):
        if i == fold:  # a word's closing scare quote: the word takes its space
            out[-1] = (out[-1][0], t.endswith(" "), out[-1][2])
            pos += len(t)
            continue
        if i == 0 or tokens[i - 1].endswith(" "):
            k = scare_close(tokens, i)
            fold = -1 if k is None else i + k
        if pos in skip:  # an opening mark in mid-sentence: skipped like a space
            pos += len(t)
            continue
        if t.isspace():
            if "\n" in t:
                out.append(("\n", False, None))
                dropping = False
        else:
            word, space = (t[:-1], True) if t.endswith(" ") else (t, False)
            if word[0].isalnum() and word.lower() not in keep:
                if not dropping:
                    out.append((PLACEHOLDER_LOWER if word[0].islower() else PLACEHOLDER_UPPER, True, pos))
                dropping = True
            else:
                out.append((word, space, pos))
                dropping = False
        pos += len(t)
    return out


def test_shrinking_at_spaces_gives_the_whole_texts_tokens():
    """The tokenizer splits texts at spaces and caches each chunk's tokens; on odd whitespace
    (double spaces, tabs, no-break spaces, line breaks among spaces) it must give exactly the
    tokens that the regular expression over the whole text gives."""
    import json

    from nlp import Tagger

    tagger = Tagger()
    tokenizer = tagger.nlp.tokenizer
    root = __import__("pathlib").Path(__file__).parent / "data"
    texts = [p["text"] for p in map(json.loads, (root / "tagging" / "passages.jsonl").open())]
    texts += _odd_texts(2000, seed=11) + ["Mr.", "ends with Mr.", "St. ", "\n", " \n ", "x\t", "’s"]
    for _ in range(2):  # the second time, every chunk comes from the cache
        for text in texts:
            doc = tokenizer(text)
            got = [("\n" if t.is_space else t.text, bool(t.whitespace_), None if t.is_space else offset)
                   for t, offset in zip(doc, doc.user_data["offsets"])]
            assert got == _shrink_whole_text(text, tokenizer.keep), repr(text)


def test_tags_are_the_same_with_the_tokenizers_cache_or_without():
    from nlp import Tagger

    texts = _odd_texts(1000, seed=5)
    cached, uncached = Tagger(), Tagger()
    uncached.nlp.tokenizer._cache_limit = 0
    first = [cached.tag(t) for t in texts]
    assert len(cached.nlp.tokenizer._cache) > 20 and not uncached.nlp.tokenizer._cache
    assert [cached.tag(t) for t in texts] == first == [uncached.tag(t) for t in texts]
    assert sum(len(tags.automakers) + len(tags.topics) for tags in first) > 500


def test_phrases_match_across_odd_spaces_and_terms_are_shown_with_one_space():
    tags = tag("Volvo  Cars signed a lithium\u00a0 offtake deal with Albemarle.\n\nIt was  green\tsteel.")
    assert [a.id for a in tags.automakers] == ["volvo-cars"]
    lithium = next(t for t in tags.topics if t.id == "lithium")
    assert "lithium offtake" in lithium.terms and all("  " not in t and "\t" not in t for t in lithium.terms)
    assert "green steel" in next(t for t in tags.topics if t.id == "green-steel").terms


def test_the_tokenizers_cache_keeps_short_chunks_only():
    """A page of long space-free runs must not fill a worker's memory through the cache."""
    from nlp import Tagger

    tagger = Tagger()
    long_runs = " ".join(f"{i}-" + "x,y" * 5000 for i in range(50))
    tags = tagger.tag(f"Tesla buys lithium. {long_runs} Ford Motor Company too.")
    assert sorted(a.id for a in tags.automakers) == ["ford", "tesla"]
    cache = tagger.nlp.tokenizer._cache
    assert "Tesla" in cache and max(map(len, cache)) <= 40


def _filler(length: int, exclude: str, sep: str = "\n\n", seed: int = 1) -> str:
    """``length`` characters of real passages (none naming ``exclude``), joined by ``sep``."""
    import json
    import random

    root = __import__("pathlib").Path(__file__).parent / "data"
    passages = [p["text"] for p in map(json.loads, (root / "tagging" / "passages.jsonl").open())
                if exclude not in p["automakers"] and "volvo" not in p["text"].lower()]
    rng = random.Random(seed)
    parts, n = [], 0
    while n < length:
        parts.append(rng.choice(passages))
        n += len(parts[-1]) + len(sep)
    return sep.join(parts)[:length]


def test_a_text_of_two_million_characters_is_tagged_and_its_last_lines_count():
    """A 200-page PDF report is about 2,000,000 characters (MAX_TEXT_CHARS), twice spaCy's
    max_length: it is tagged whole, and an automaker named only near its end is found."""
    from monitor.extract import MAX_TEXT_CHARS

    ending = "\n\nVolvo Cars will buy fossil-free steel from SSAB for its Torslanda plant.\n\nEnd of report."
    text = _filler(MAX_TEXT_CHARS - len(ending), exclude="volvo-cars") + ending
    assert len(text) == MAX_TEXT_CHARS == 2_000_000
    tags = Tagger().tag(text, "Annual sustainability report 2026")
    volvo = next(a for a in tags.automakers if a.id == "volvo-cars")
    assert volvo.evidence == "Volvo Cars will buy fossil-free steel from SSAB for its Torslanda plant."
    assert volvo.mentions == 1 and volvo.salience == 0.2
    assert "green-steel" in tags.topic_ids() and len(tags.automakers) > 5  # the rest was read too


def test_long_texts_tagged_in_pieces_get_exactly_the_whole_texts_tags():
    """A long text is tagged a piece at a time, cut at paragraph or sentence breaks: mentions,
    evidence, salience, context and the topic rules must come out exactly as from one Doc of the
    whole text (here: spaCy's max_length raised, which the product does not do)."""
    import json
    import random

    whole = Tagger()
    whole.chunk_chars = 10**8  # one Doc, whatever the length
    whole.nlp.max_length = 10**8
    pieces = Tagger()
    for sep in ("\n\n", " "):  # paragraph breaks; one paragraph, cut between sentences
        text = _filler(1_300_000, exclude="ford", sep=sep) + " Ford Motor said it would buy green steel."
        assert pieces.tag(text, "A report") == whole.tag(text, "A report")
    root = __import__("pathlib").Path(__file__).parent / "data"
    passages = list(map(json.loads, (root / "tagging" / "passages.jsonl").open()))
    rng = random.Random(3)
    texts = []
    for _ in range(150):
        group = rng.sample(passages, rng.randint(2, 25))
        sep = rng.choice(["\n\n", "\n", " ", "  \n \n "])
        texts.append((sep.join(p["text"] for p in group), rng.choice([None, group[0]["title"], "Tesla and Ford"])))
    texts += [(" ".join(_odd_texts(60, seed=s)), None) for s in range(40)]
    small = Tagger(chunk_chars=1000)
    assert sum(len(small._join(t, title)) > 1000 for t, title in texts) > 150
    assert [small.tag(t, title) for t, title in texts] == [whole.tag(t, title) for t, title in texts]


def test_pipe_tags_long_texts_in_their_turn():
    t = Tagger()
    long = _filler(1_200_000, exclude="kia") + "\n\nKia will buy green steel from Hyundai Steel's new furnace."
    items = [("Tesla buys lithium.", None), (long, "Report"), ("Kia will buy green steel.", "Kia")]
    got = list(t.pipe(items))
    assert got == [t.tag(*i) for i in items] and "kia" in got[1].automaker_ids()


def test_a_pair_that_spans_two_pieces_of_a_long_text_proves_as_in_the_whole():
    """A pair may span sentences ({window: n}), so also the cut between two pieces of a long text:
    each piece keeps every pair word, since the other word may be in the piece before."""
    whole = Tagger()
    whole.chunk_chars = 10**8
    small = Tagger(chunk_chars=300)
    filler = "The weather was mild and the harbour was calm that week. " * 4
    text = (filler + "\n\nThe new policy cuts import taxes for firms that build locally.\n\n"
            "Tata wants to bring in electric vehicles from its British unit. " + filler)
    got, want = small.tag(text), whole.tag(text)
    assert "ev-policy" in want.topic_ids() and got == want
