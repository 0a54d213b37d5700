"""A fast tokenizer for the blank English pipeline.

spaCy's rule-based English tokenizer runs at about 180,000 words a second here, which alone
would cap tagging near 230 articles a second. The tagger only needs words, punctuation, the
possessive "'s" and hyphens split off ("BYD-made" -> BYD - made), and whitespace kept so that
character offsets (the evidence sentences) stay exact. One regular expression does that about
three times faster; splitting the text at spaces and tokenising each distinct chunk once (a
cache) is faster again. Patterns are tokenised by the same tokenizer, so they always line up.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .quotes import SCARE, mid_openers, scare_close

TOKEN = (
    r"(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.){2,}"  # U.S., E.U., a.m. (the lookahead skips this at once for words)
    r"|(?=[MDPJSvGRN])(?:Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|vs|Gen|Sen|Rep|Gov|Mt|No)\.(?=\s)"  # abbreviations
    r"|\w+(?:[.,]\d+)*"                          # words and numbers (1.5, 3,000)
    r"|[’']s\b"                                  # possessive
    r"|\s+"                                      # whitespace runs (newlines, double spaces)
    r"|\S")                                      # any other single character
# each token with the single space that follows it, if any (spaCy's "whitespace_"); no groups,
# so findall returns plain strings, which is a third faster than (token, space) tuples
TOKEN_AND_SPACE = re.compile(f"(?:{TOKEN}) ?")


# A run of words that no pattern uses becomes one placeholder token (lower-case or not, like the
# word it stands for; the sentence rules look at the word itself, classified with its chunk).
PLACEHOLDER_LOWER, PLACEHOLDER_UPPER = "zqxj", "Zqxj"


# What the shrinking loop needs to know of a token, worked out once per distinct chunk of text
# between spaces and cached: most chunks of a text are words seen many times before.
_NEWLINE, _SPACE, _EMIT, _DROP = 0, 1, 2, 3
# sentence ends and the closing quotes and brackets an end carries over (see sentences.py)
ENDS = frozenset((".", "!", "?", "…", "...", "?!", "!?"))
CLOSERS = frozenset(('"', "'", "”", "’", ")", "]", "»"))
# Chunks cached, at about 450 bytes each: 9 MB. Once full, new chunks are classified each
# time and not kept: the first ones seen are mostly the common words that make the hits.
_CACHE_LIMIT = 20_000
# Longer chunks (a URL, a run of text with no spaces) are rarely seen twice, and a hostile page
# full of them would otherwise fill the cache with megabytes.
_CACHE_CHUNK = 40


# -- Sentence rules (issue 15): abbreviations, quotes ----------------------------------------------
# A word's level says which sentence ends it can follow as the first word of a new sentence, and
# an end mark's level what it needs of that word: a sentence starts when level >= need.
NO_START, CAN_START, CAPITAL, LETTER_STARTER, STARTER = 0, 1, 2, 3, 4
HARD, AFTER_SEMI, AFTER_ABBREVIATION, AFTER_INITIAL = 1, 2, 3, 4
# Words that clearly start a sentence and are rarely part of a name: after "in the U.S." or
# "Tesla Inc." a sentence ends only before one of these ("in the U.S. The company said").
STARTERS = frozenset((
    "The", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They", "You",
    "His", "Her", "Our", "Their", "There", "Here", "In", "On", "At", "By", "For", "From", "With",
    "Without", "After", "Before", "During", "Since", "Until", "While", "When", "Where", "Whether",
    "What", "Which", "Who", "Why", "How", "But", "And", "Or", "So", "Yet", "If", "As", "Although",
    "Though", "Because", "However", "Meanwhile", "Also", "Still", "Instead", "Despite",
    "According", "Last", "Next", "Now", "Then", "Today", "Yesterday", "Earlier", "Later", "Some",
    "Many", "Most", "Several", "Both", "Each", "All", "Such", "Other", "Another", "Under", "Over",
    "Among", "Between", "Through", "Overall", "Separately", "Similarly", "Moreover", "Furthermore",
    "Additionally", "Nevertheless", "Thus", "Therefore", "Indeed", "Even", "Only", "Currently",
    "Yes", "Given", "Beyond", "Once", "Unlike", "More", "Not",
))
LETTER_STARTERS = frozenset(("A", "I"))  # "in the U.S. A spokesman..." but "J. A. Smith"
# punctuation that goes on with a sentence: never the start of the next one ("Jeopardy!, the")
CONTINUERS = frozenset((",", ";", ":"))
# The end a full stop right after one of these words is (no space between):
# - never: titles, months, "Vol.", "e.g."-like words, followed by a name or a number ("Mr. ",
#   "No. " and the like before a space are single tokens, TOKEN above, that end nothing; "No."
#   before a quote or a bracket is the answer, an end);
NEVER_END = frozenset((
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Cpl",
    "Pfc", "Adm", "Cmdr", "Maj", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Atty", "Amb", "Mme",
    "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Nos", "Vol", "Fig", "fig", "vs", "cf", "ca", "viz", "eg", "ie", "est",
))
# - a soft end: company suffixes, "etc.", "et al.", US and Canadian state and province names,
#   streets, "Jr."; a sentence ends there only before a clear sentence starter (STARTERS);
ABBREVIATIONS = frozenset((
    "Inc", "Corp", "Co", "Ltd", "Plc", "Pty", "Bros", "Cos", "Mfg", "Intl", "Assn", "Dept", "Univ",
    "INC", "CORP", "CO", "LTD", "PLC", "etc", "al", "Jr", "Sr", "St", "Ave", "Rd", "Blvd", "ft",
    "Ala", "Ariz", "Ark", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Vt", "Va", "Wash", "Wis", "Wyo", "Ont", "Que", "Alta", "Sask",
    "ID",  # Volkswagen's "ID. Polo", "ID. Buzz"; "show your ID. The guard..." still ends
))
# - semi: a word ending in four lower-case letters: the tagger cuts long texts at
#   "[a-z]{4}. [A-Z]" (tagger._SENTENCE_BREAK), so after these a sentence must end before any
#   capitalised word, never before a number ("approx. 5,000");
SEMI_ABBREVIATIONS = frozenset(("approx", "Calif"))
# - an initial (one letter, "J. D. Power", "p. 12"): before a clear starter that is no single
#   letter ("Plan B. The...", not "J. A. Smith");
# Dotted tokens ("U.S.", one token) that may end a sentence, as soft ends; they are never shrunk
# into a placeholder (added to ``keep``), so that a sentence can start right after them. Other
# dotted tokens ("e.g.", "i.e.") never end one.
DOTTED_ENDS = frozenset((
    "u.s.", "u.k.", "e.u.", "u.n.", "u.s.a.", "u.a.e.", "d.c.", "l.a.", "n.y.", "n.j.", "a.m.",
    "p.m.", "b.c.", "s.a.", "n.v.", "a.g.", "b.v.", "s.p.a.", "s.d.", "n.d.", "n.c.", "s.c.",
    "n.h.", "n.m.", "r.i.", "p.r.c.",
))
QUOTES = frozenset(('"', "'"))  # straight quotes: closing after a word, opening before one


# the words whose start level is not just that of their case (see start_level)
_LEVELS = {**dict.fromkeys(STARTERS, STARTER), **dict.fromkeys(LETTER_STARTERS, LETTER_STARTER),
           **dict.fromkeys(CLOSERS | CONTINUERS, NO_START)}


def start_level(word: str) -> int:
    """What sentence ends ``word`` can start a new sentence after (a token, no space): none when
    it is lower-case, a closing mark or , ; : (the tokenizer inlines this: it runs on every new
    chunk of text)."""
    level = _LEVELS.get(word)
    if level is None:
        level = NO_START if word.islower() or word.isspace() else CAPITAL if word[0].isupper() else CAN_START
    return level


def end_level(word: str) -> int:
    """The end ``word`` is on its own (a full stop's depends on the word before: period_after)."""
    if word in ENDS:
        return HARD
    return AFTER_ABBREVIATION if word[-1] == "." and word.lower() in DOTTED_ENDS else 0


def is_code(word: str) -> bool:
    """A one- or two-letter capital code: a full stop glued between a word and one ends nothing
    (the tickers "MIELY.PK", "7203.T")."""
    return len(word) <= 2 and word.isascii() and word.isalpha() and word.isupper()


_PERIODS = {**dict.fromkeys(NEVER_END, 0), **dict.fromkeys(ABBREVIATIONS, AFTER_ABBREVIATION),
            **dict.fromkeys(SEMI_ABBREVIATIONS, AFTER_SEMI)}


def period_after(word: str) -> int:
    """The end that a full stop written right after ``word`` is: 0 (none) or what it needs."""
    level = _PERIODS.get(word)
    if level is None:
        level = AFTER_INITIAL if len(word) == 1 and word.isalpha() else HARD
    return level


class FastTokenizer:
    """Tokenise text; with ``keep`` set, shrink it to the tokens the matchers can use.

    The tagger only asks of a text: where are the phrases of its data files, where do sentences
    end, and what comes right before and after a name. Words no pattern contains are collapsed,
    a run at a time, into a placeholder, which keeps phrases from matching across them; every
    punctuation mark and line break stays. The Doc is then a third of the size, and building it
    was the largest single cost. ``doc.user_data["offsets"]`` maps tokens to characters of the
    original text, since the Doc's own text is the shrunk one.

    The same pass finds where sentences start (``doc.user_data["sent_starts"]``), by the rules
    of the ``chargewatch_sentences`` component, which then only copies them onto the Doc: done
    on numpy arrays afterwards, that cost as much as the whole pass.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._keep: frozenset[str] | None = None  # None while the patterns themselves are tokenised
        self._cache: dict[str, tuple] = {}
        self._cache_limit = _CACHE_LIMIT
        self._dropped: dict[tuple[bool, int], tuple] = {}  # (lower-case, length) -> a dropped word's tokens

    @property
    def keep(self) -> frozenset[str] | None:
        return self._keep

    @keep.setter
    def keep(self, words: frozenset[str] | None) -> None:
        # dotted abbreviations that can end a sentence are never shrunk (see DOTTED_ENDS)
        self._keep = None if words is None else frozenset(words) | DOTTED_ENDS
        self._cache = {}
        self._dropped = {}

    def _classify(self, t: str) -> tuple:
        """(kind, word's id in the StringStore, space after, start level, end level, closer,
        length); see start_level and end_level. Doc() takes ids four times faster than strings,
        which it would hash one by one."""
        add = self.vocab.strings.add
        if t[0].isspace():
            return (_NEWLINE if "\n" in t else _SPACE, add(t), False, NO_START, 0, False, len(t))
        w, sp = (t[:-1], True) if t[-1] == " " else (t, False)
        c = t[0]
        if c.isalnum():  # a word: no end mark (but "U.S."), no closer
            # start_level(w), inlined: the words of _LEVELS start with a capital
            if c.islower():
                level = NO_START if w.islower() else CAN_START
            else:
                level = _LEVELS.get(w) or (CAPITAL if c.isupper() else NO_START if w.islower() else CAN_START)
            if w.lower() not in self._keep:
                return (_DROP, add(PLACEHOLDER_LOWER if c.islower() else PLACEHOLDER_UPPER), True, level, 0, False, len(t))
            end = AFTER_ABBREVIATION if w[-1] == "." and w.lower() in DOTTED_ENDS else 0
            return (_EMIT, add(w), sp, level, end, False, len(t))
        level = _LEVELS.get(w)
        if level is None:
            level = NO_START if w.islower() else CAN_START  # "’s"
        return (_EMIT, add(w), sp, level, HARD if w in ENDS else 0, w in CLOSERS, len(t))

    def _in_context(self, tokens: list[str], infos: tuple) -> tuple:
        """The classified tokens (``infos``) of a chunk of text between spaces, with what only the
        chunk shows: a full stop right after an abbreviation or an initial ("Inc.", "Sept.", "J.")
        is a weaker end or none (period_after), and none between a word and a code ("MIELY.PK");
        a straight quote after whitespace and right before a word opens a quotation ('over." "We'):
        it can start the next sentence, and closes nothing."""
        last = len(tokens) - 1
        if last == 1 and tokens[1][0] == "." and len(tokens[0]) > 1 and tokens[0] not in _PERIODS:
            return infos  # "said.": the commonest, a plain end
        patched = None
        for i, t in enumerate(tokens):
            c = t[0]
            if c == "." and i:
                before = tokens[i - 1]
                if before[0].isspace():
                    continue
                level = _PERIODS.get(before)  # period_after(before), inlined
                if level is None:
                    level = AFTER_INITIAL if len(before) == 1 and before.isalpha() else HARD
                if i < last and is_code(tokens[i + 1].rstrip(" ")):
                    level = 0
                if level != HARD:
                    patched = patched or list(infos)
                    patched[i] = infos[i][:4] + (level,) + infos[i][5:]
            elif (c == '"' or c == "'") and len(t) == 1 and i < last and not tokens[i + 1][0].isspace() \
                    and (i == 0 or tokens[i - 1][0].isspace()):
                patched = patched or list(infos)
                patched[i] = infos[i][:3] + (CAN_START, 0, False) + infos[i][6:]
        return infos if patched is None else tuple(patched)

    @staticmethod
    def _scare_quoted(tokens: list[str], infos: tuple) -> tuple:
        """A chunk's tokens with the closing mark of a word in scare quotes folded into the word
        (see scare_close)."""
        k = scare_close(tokens, 0)
        if k is None:
            return infos
        word, mark = infos[k - 1], infos[k]
        folded = word[:2] + (mark[2],) + word[3:6] + (word[6] + mark[6],)
        return infos[:k - 1] + (folded,) + infos[k + 1:]

    def _chunk(self, chunk: str) -> tuple:
        """The tokens of a space-free chunk followed by a space, classified; cached.

        Real news brings new chunks all the time (a fifth of an article's had not been seen in
        the ninety articles before it), mostly names and numbers that no pattern uses: those
        cost a set lookup and share one classified token per shape."""
        if chunk.isalnum():  # a plain word or number: the regular expression would take it whole
            if chunk.lower() not in self._keep:
                # (lower-case placeholder, length, start_level(chunk) inlined)
                if chunk[0].islower():
                    shape = (True, len(chunk) + 1, NO_START if chunk.islower() else CAN_START)
                elif chunk[0].isupper():
                    shape = (False, len(chunk) + 1, _LEVELS.get(chunk, CAPITAL))
                else:
                    shape = (False, len(chunk) + 1, NO_START if chunk.islower() else CAN_START)
                infos = self._dropped.get(shape)
                if infos is None:
                    infos = self._dropped[shape] = (self._classify(chunk + " "),)
            else:
                infos = (self._classify(chunk + " "),)
        else:
            tokens = TOKEN_AND_SPACE.findall(chunk + " ")
            infos = tuple(map(self._classify, tokens))
            if len(tokens) > 1 and ("." in chunk or '"' in chunk or "'" in chunk):
                infos = self._in_context(tokens, infos)
            if len(tokens) > 2:
                infos = self._scare_quoted(tokens, infos)
        if len(chunk) <= _CACHE_CHUNK and len(self._cache) < self._cache_limit:
            self._cache[chunk] = infos
        return infos

    def __call__(self, text: str) -> Doc:
        if self._keep is None:
            return self._whole(text)
        # Tokens never cross a space, so the text is split at spaces (in C, ten times faster
        # than the tokenizing regex) and each chunk's tokens come from a cache: most chunks
        # are words seen many times before. The last chunk has no space after it.
        cache = self._cache
        chunks = text.split(" ")
        last = chunks.pop()
        sequence = list(map(cache.get, chunks))  # (in C: most chunks are in the cache)
        if not all(sequence):  # (a cached chunk has one token at least)
            chunk = self._chunk
            sequence = [infos if infos is not None else chunk(c) for infos, c in zip(sequence, chunks)]
        tokens = TOKEN_AND_SPACE.findall(last)
        infos = self._in_context(tokens, tuple(map(self._classify, tokens)))
        sequence.append(self._scare_quoted(tokens, infos) if len(tokens) > 2 else infos)
        j = seen = 0
        for mark in mid_openers(text):  # an opening mark in mid-sentence starts its chunk: skipped
            j += text.count(" ", seen, mark)
            seen = mark
            first, *rest = sequence[j]
            sequence[j] = ((_SPACE, first[1], False, NO_START, 0, False, first[6]), *rest)
        words, spaces, offsets, starts = _assemble(sequence)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["offsets"] = offsets
        doc.user_data["sent_starts"] = starts
        return doc

    def _whole(self, text: str) -> Doc:
        """Every token kept (the patterns themselves, and tests comparing the shrunk Doc's tags with
        these): only quotation marks are folded or skipped, as in the chunks (nlp.quotes)."""
        tokens = TOKEN_AND_SPACE.findall(text)
        words: list[str] = []
        spaces: list[bool] = []
        offsets: list[int] = []
        pos, fold = 0, -1
        skip = set(mid_openers(text))
        for i, t in enumerate(tokens):
            if i == fold:  # a scare quote's closing mark: the word before takes its space
                spaces[-1] = t[-1] == " "
                pos += len(t)
                continue
            if t[0] in SCARE and (i == 0 or tokens[i - 1][-1] == " "):  # the start of a chunk
                k = scare_close(tokens, i)
                fold = -1 if k is None else i + k
            if pos in skip:  # an opening mark in mid-sentence
                pos += len(t)
                continue
            space = t[-1] == " " and not t.isspace()
            words.append(t[:-1] if space else t)
            spaces.append(space)
            offsets.append(pos)
            pos += len(t)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["offsets"] = offsets
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serialises tokenizers with the pipeline; this one has no state of its own
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "FastTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "FastTokenizer":
        return self


def _assemble(sequence: list) -> tuple[list, list, list, list]:
    """The Doc's words, spaces and characters, and the sentence starts, from the chunks' classified
    tokens, in one pass (its locals typed for Cython in tokenize.pxd: most of the tokenizer's time)."""
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[int] = []
    starts: list[int] = []
    drop, space, newline = _DROP, _SPACE, _NEWLINE
    pos = n = 0
    dropping = False
    after_newline = True  # the first token starts a sentence
    carry = -1  # -1, or the closing marks since a sentence end (0 at the end mark itself)
    need = HARD  # what the last end mark needs of the next word's start level
    for chunk in sequence:
        for info in chunk:  # (most chunks hold one token)
            kind = info[0]
            if kind == drop:
                if dropping:
                    pos += info[6]
                    continue
                dropping = True
            elif kind == space:  # spaces without a line break only separate tokens
                pos += info[6]
                continue
            elif kind == newline and after_newline and n:
                # "\n \n" is one whitespace token, but two here: chunks end at spaces
                pos += info[6]
                continue
            else:
                dropping = False
            words.append(info[1])
            spaces.append(info[2])
            offsets.append(pos)
            if after_newline or (carry >= 0 and info[3] >= need):
                starts.append(n)
            end = info[4]
            if end:
                carry = 0
                need = end
            elif info[5] and 0 <= carry < 2:
                carry += 1
            else:
                carry = -1
            after_newline = kind == newline
            pos += info[6]
            n += 1
    return words, spaces, offsets, starts
