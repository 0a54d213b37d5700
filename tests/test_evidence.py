"""Evidence that proves, the sentence part (issue 15): sentences are not cut at abbreviations,
initials or tickers, a quotation's marks stay with their own sentence, and a subheading is not
picked as evidence. Every sentence here was written for these tests."""

from __future__ import annotations

import itertools

import pytest

from nlp import default_tagger, tag
from nlp.sentences import _sentences_component, is_heading
from nlp.tokenize import (
    ABBREVIATIONS,
    DOTTED_ENDS,
    NEVER_END,
    SEMI_ABBREVIATIONS,
    STARTERS,
    FastTokenizer,
)


@pytest.fixture(scope="module")
def split():
    """Text -> its sentences, by the tokenizer's pass on the shrunk text; checked against the
    component's rules on the whole text's tokens every time."""
    tagger = default_tagger()
    whole = FastTokenizer(tagger.nlp.vocab)

    def run(text: str) -> list[str]:
        doc = tagger.nlp.tokenizer(text)
        offsets = doc.user_data["offsets"]
        starts = [offsets[i] for i in doc.user_data["sent_starts"] if not doc[i].is_space]
        full = whole(text)
        _sentences_component(full)
        whole_offsets = full.user_data["offsets"]  # the Doc's text lacks folded scare quotes
        assert [whole_offsets[t.i] for t in full if t.is_sent_start and not t.is_space] == starts
        bounds = [*starts, len(text)]
        return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]

    return run


@pytest.mark.parametrize("text", [
    # titles, months, "No.", "vs.", "e.g.", "approx." before a name or a number: never an end
    "Gov. Whitmer toured the cell plant with Sen. Peters and Dr. Alvarez on Sept. 30.",
    "Line No. 2 restarted on Jan. 15 after Capt. Ruiz and Prof. Lindqvist signed off.",
    "Prismatic cells, e.g. the LFP ones, cost approx. 40% less, i.e. about $60 a kilowatt-hour.",
    "The pack held 1.5 times the energy of the old one, vs. 1.2 times for its rival.",
    "By Oct. 3 the smelter had shipped approx. 5,000 tonnes of nickel matte.",
    # initials
    "J. D. Power ranked the hatchback first, ahead of a sedan that Harold J. Wexford designed.",
    "The report by A. B. Carver and T. Nakamura covered cobalt refining.",
    # company suffixes and states before a name, a bracket or a comma: no end
    "Ford Motor Co. Chief Executive Jim Farley visited the mill in Gary, Ind. on Friday.",
    "Shares of Fjordline Inc. (FJL) and Halvard Mining Corp. (HMC) fell after the report.",
    "Albemarle Corp., the lithium producer, and Vektor Ltd., its partner, signed the offtake.",
    "The line will be run by Samjin Battery Co. Ltd. from next spring.",
    "The plant outside Reno, Nev. (population 270,000) recycles battery scrap.",
    "U.S. President Carter and U.S. Steel were named in the memo written at 9 a.m. sharp.",
    # tickers: a full stop glued between a name and a code
    "Traders bought VWAGY.PK and 7203.T on the news, then sold MIELY.PK.",
    # , ; : go on with the sentence after an end mark
    "The quiz show was called Jeopardy!, and it ran for decades.",
    # decimals and versions are single tokens
    "Output grew 2.5% to 1,234.5 tonnes, the v2.1 report said.",
])
def test_no_end_at_abbreviations_initials_tickers(split, text):
    assert split(text) == [text]


@pytest.mark.parametrize("text, sentences", [
    # after a soft abbreviation, a clear sentence starter does start a sentence
    ("Sales rose in the U.S. The company said Europe lagged behind.",
     ["Sales rose in the U.S.", "The company said Europe lagged behind."]),
    ("Most of its cells come from Kestrel Energy Corp. It supplies the Nevada plant too.",
     ["Most of its cells come from Kestrel Energy Corp.", "It supplies the Nevada plant too."]),
    ("The deal was signed with Ardent Cells Ltd. In return, the carmaker gets first call.",
     ["The deal was signed with Ardent Cells Ltd.", "In return, the carmaker gets first call."]),
    ("Motors, inverters, packs, etc. All of them are now made in-house.",
     ["Motors, inverters, packs, etc.", "All of them are now made in-house."]),
    ("The recall covers cars sold in the U.S. A spokesman confirmed the figure.",
     ["The recall covers cars sold in the U.S.", "A spokesman confirmed the figure."]),
    ("They met at 9 a.m. The talks lasted an hour.", ["They met at 9 a.m.", "The talks lasted an hour."]),
    # a model name with a full stop ("ID. Polo") goes on; "ID." before a clear starter ends
    ("Small cars such as the ID. Polo and the Renault 5 helped. Guards checked his ID. The gate opened.",
     ["Small cars such as the ID. Polo and the Renault 5 helped.", "Guards checked his ID.", "The gate opened."]),
    ("The new plant is near Fremont, Calif. Tesla said output would double.",
     ["The new plant is near Fremont, Calif.", "Tesla said output would double."]),
    ("Buyers lined up for the Model Y. He said demand was strong.",
     ["Buyers lined up for the Model Y.", "He said demand was strong."]),
    # ordinary ends are as before
    ("Production ended in 2023. The line was retooled. Then it restarted!", 
     ["Production ended in 2023.", "The line was retooled.", "Then it restarted!"]),
    ("The EU agreed. BYD did not. 3,000 jobs are at stake.",
     ["The EU agreed.", "BYD did not.", "3,000 jobs are at stake."]),
    ("It fell (see below.) Next came the rebound.", ["It fell (see below.)", "Next came the rebound."]),
])
def test_sentence_ends_after_abbreviations_before_a_clear_starter(split, text, sentences):
    assert split(text) == sentences


@pytest.mark.parametrize("text, sentences", [
    ('He said the strike was over." "We go back on Monday," the union said.',
     ['He said the strike was over."', '"We go back on Monday," the union said.']),
    ("She called it 'a fair deal.' 'It is,' he replied.", ["She called it 'a fair deal.'", "'It is,' he replied."]),
    ('"The mine is closed." "For now," the ministry added.', ['"The mine is closed."', '"For now," the ministry added.']),
    ('The sign read "Closed." Nobody came.', ['The sign read "Closed."', "Nobody came."]),
    ('He said: "No." Then he left.', ['He said: "No."', "Then he left."]),
    ('It was over. "We agree," she said.', ["It was over.", '"We agree," she said.']),
    ("He said “it is over.” “We agree,” she said.", ["He said “it is over.”", "“We agree,” she said."]),
    ('Quotes close twice."\' Then more.', ['Quotes close twice."\'', "Then more."]),
    # a word in scare quotes (its closing mark folded into it, so that phrases match across it)
    ('It sells "green" steel. "Clean" power runs the mill.', ['It sells "green" steel.', '"Clean" power runs the mill.']),
    ("It sells ‘green’ steel. “Clean” power runs it. 'Low' output.",
     ["It sells ‘green’ steel.", "“Clean” power runs it.", "'Low' output."]),
    # a quotation opened in mid-sentence (its mark skipped, so that phrases match across it)
    ('Workers said, “We strike today.” The plant closed.', ['Workers said, “We strike today.”', "The plant closed."]),
    ("He called it a “fair deal.” Others disagreed.", ["He called it a “fair deal.”", "Others disagreed."]),
    ('The union said "No." "Why not?" he asked.', ['The union said "No."', '"Why not?" he asked.']),
])
def test_a_quotation_mark_stays_with_its_own_sentence(split, text, sentences):
    got = split(text)
    assert got == sentences
    for s in got:
        assert not (s[0] in "\"'" and s[1:2].isspace())  # no closing quote at the start
        assert not (s[-1] in "\"'" and s[-2:-1].isspace())  # no opening quote at the end


def test_rules_tables_keep_long_texts_cut_in_pieces_exact():
    """The tagger cuts a long text at "[a-z]{4}. [A-Z]" and starts a sentence there; an abbreviation
    that could match must end a sentence before every capital (SEMI_ABBREVIATIONS), the others
    must not match."""
    from nlp.pieces import SENTENCE_BREAK as _SENTENCE_BREAK

    for word in NEVER_END | ABBREVIATIONS:
        assert not _SENTENCE_BREAK.search(f"near {word}. Tesla"), word
    for word in SEMI_ABBREVIATIONS:
        assert _SENTENCE_BREAK.search(f"near {word}. Tesla"), word
    assert not STARTERS & (NEVER_END | ABBREVIATIONS)
    assert DOTTED_ENDS <= default_tagger().nlp.tokenizer.keep  # never shrunk into a placeholder


def test_long_texts_with_abbreviations_tag_as_one_doc_would():
    from nlp import Tagger

    sentences = ["Volvo Cars Corp. agreed on Sept. 30 to buy fossil-free steel from a mill near Luleå.",
                 "J. D. Power said Kia Corp. buyers in the U.S. The survey covered lithium supply too.",
                 "Ford Motor Co. Chief Executive Jim Farley met Gov. Whitmer in Lansing, Mich. on Friday.",
                 'He said the strike was over." "We go back on Monday," the UAW said at Stellantis.',
                 "Nickel from approx. 12 smelters in Morowali runs on coal power, e.g. the Weda Bay ones.",
                 "Prices fell near Fremont, Calif. Tesla said its cobalt supply was secure."]
    text = " ".join(sentences[i % len(sentences)] for i in range(400))
    whole = Tagger()
    whole.chunk_chars = 10**8
    small = Tagger(chunk_chars=700)
    assert small.tag(text, "A report") == whole.tag(text, "A report")


def test_evidence_is_a_whole_sentence_across_abbreviations():
    text = ("On Sept. 30, Volvo Cars Corp. agreed to buy fossil-free steel from SSAB for its plant near "
            "Ridgeville, S.C. The first coils arrive in 2026.")
    tags = tag(text)
    volvo = next(a for a in tags.automakers if a.id == "volvo-cars")
    assert volvo.evidence == ("On Sept. 30, Volvo Cars Corp. agreed to buy fossil-free steel from SSAB for its "
                              "plant near Ridgeville, S.C.")
    steel = next(t for t in tags.topics if t.id == "green-steel")
    assert steel.evidence == volvo.evidence


def test_evidence_keeps_its_quotation_marks_and_no_stray_one():
    text = '"Tesla will buy lithium from the new refinery in Texas." "Kia will not," the analyst said.'
    tags = tag(text)
    tesla = next(a for a in tags.automakers if a.id == "tesla")
    assert tesla.evidence == '"Tesla will buy lithium from the new refinery in Texas."'


# -- subheadings --------------------------------------------------------------------------------

def _heading_of(text: str, line: str) -> bool:
    start = text.index(line)
    return is_heading(text, start, start + len(line) + 1)


@pytest.mark.parametrize("text, line, heading", [
    ("A title\n\nThe deal was signed.\n\nTracking cobalt to the mine\n\nThe miner said so.",
     "Tracking cobalt to the mine", True),
    ("The deal was signed.\nTracking cobalt to the mine\nThe miner said so.", "Tracking cobalt to the mine", True),
    ("The deal was signed.\n\n2030 targets at risk\n\nThe miner said so.", "2030 targets at risk", True),
    ("The deal was signed.\n\nWhat the deal means for Kia\n\n“It is big,” the miner said.",
     "What the deal means for Kia", True),
    # the first line of a text is its title, or a lead: never a subheading
    ("Tracking cobalt to the mine\n\nThe miner said so.", "Tracking cobalt to the mine", False),
    # a line with final punctuation is a sentence
    ("The deal was signed.\n\nTracking cobalt to the mine.\n\nThe miner said so.", "Tracking cobalt to the mine.", False),
    ("The deal was signed.\n\nWhere does the cobalt go?\n\nThe miner said so.", "Where does the cobalt go?", False),
    ("The deal was signed.\n\nThe list:\n\nCobalt, nickel.", "The list:", False),
    # a line broken mid-sentence: the next line goes on in lower case, or it ends in "of"
    ("The deal was signed.\nTracking cobalt to the mine\nis what the miner promised.", "Tracking cobalt to the mine", False),
    ("The deal was signed.\nTracking cobalt from the mines of\nKatanga is the aim.", "Tracking cobalt from the mines of", False),
    # a list (the line before has no final punctuation either), a long line, a lower-case line
    ("Buyers:\nTesla and Ford\nGM and Kia\nThe end.", "GM and Kia", False),
    ("The deal was signed.\n\nTesla and Ford and GM and Kia and BYD and Geely all buy cobalt from the same two mines\n\nThe end.",
     "Tesla and Ford and GM and Kia and BYD and Geely all buy cobalt from the same two mines", False),
    ("The deal was signed.\n\ntracking cobalt\n\nThe end.", "tracking cobalt", False),
    # the last line of a text stands between no paragraphs
    ("The deal was signed.\n\nRead more", "Read more", False),
])
def test_subheadings(text, line, heading):
    assert _heading_of(text, line) is heading


def test_a_subheading_is_no_evidence_when_a_sentence_proves_the_tag():
    text = ("Battery makers are racing for metals this year.\n\n"
            "Tesla and cobalt mining in Kolwezi\n\n"
            "Tesla said on Monday that it buys cobalt from two industrial mines near Kolwezi.")
    tags = tag(text)
    tesla = next(a for a in tags.automakers if a.id == "tesla")
    cobalt = next(t for t in tags.topics if t.id == "cobalt")
    body = "Tesla said on Monday that it buys cobalt from two industrial mines near Kolwezi."
    assert tesla.evidence == body and cobalt.evidence == body
    assert tesla.mentions == 2  # the subheading's mention still counts
    # without the sentence, the subheading is all there is: it stays the evidence
    alone = tag(text.replace(body, "The company gave no details."))
    assert next(a for a in alone.automakers if a.id == "tesla").evidence == "Tesla and cobalt mining in Kolwezi"


def test_a_body_sentence_is_evidence_before_the_headline():
    """The headline is what staff read already: evidence is the body sentence that proves the tag,
    the headline only when the body has none."""
    body = "Kia said it would buy green steel from Hyundai Steel for its Georgia plant."
    tags = tag(body, title="Kia to buy green steel")
    assert [a.evidence for a in tags.automakers] == [body]
    assert [t.evidence for t in tags.topics] == [body]
    alone = tag("The steelmaker said the first shipment would leave in March.", title="Kia to buy green steel")
    assert [a.evidence for a in alone.automakers] == ["Kia to buy green steel"]


def test_a_sentence_that_repeats_the_headline_is_not_evidence_while_the_body_has_another():
    """A PDF's cover runs into its first sentence ("REPORT | NOVEMBER 2026 <title> <authors>
    EXECUTIVE SUMMARY ..."), and pages often repeat their title as the text's first line."""
    title = "Battery recycling capacity in Europe to 2035"
    cover = (f"COUNCIL REPORT | NOVEMBER 2026 {title} Ana Lima, Jo Park EXECUTIVE SUMMARY Europe's fleet of "
             "electric cars passed 12 million vehicles in 2026.")
    body = "Volkswagen said its battery recycling plant in Salzgitter will take 3,600 packs a year."
    tags = tag(f"{cover} {body} The plant opened in 2021.", title=title)
    assert next(t for t in tags.topics if t.id == "battery-recycling").evidence == body
    assert tags.automakers[0].evidence == body
    repeated = tag(f"{title}\n\n{body}", title=title)
    assert next(t for t in repeated.topics if t.id == "battery-recycling").evidence == body


@pytest.mark.parametrize("text, term", [
    ("The carmaker signed a lithium “offtake agreement” with the miner.", "lithium offtake"),
    ('The carmaker signed a lithium "offtake agreement" with the miner.', "lithium offtake"),
    ("Crews were kept in conditions “analogous to slavery” on the plantation.", "conditions analogous to slavery"),
])
def test_a_phrase_matches_across_a_quotation_opened_inside_it_and_is_shown_without_the_mark(text, term):
    terms = [t for topic in tag(text).topics for t in topic.terms]
    assert term in terms
    assert not any(mark in t for t in terms for mark in '“"')
