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
# word it stands for, so the sentence splitter can still see "a lower-case word follows").
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
        self._keep = words
        self._cache = {}
        self._dropped = {}

    def _classify(self, t: str) -> tuple:
        """(kind, word's id in the StringStore, space after, can start a sentence, ends a
        sentence, closer, length). Doc() takes ids four times faster than strings, which it
        would hash one by one."""
        add = self.vocab.strings.add
        if t[0].isspace():
            return (_NEWLINE if "\n" in t else _SPACE, add(t), False, False, False, False, len(t))
        w, sp = (t[:-1], True) if t[-1] == " " else (t, False)
        if t[0].isalnum() and w.lower() not in self._keep:
            lower = t[0].islower()
            return (_DROP, add(PLACEHOLDER_LOWER if lower else PLACEHOLDER_UPPER), True, not lower, False, False, len(t))
        closer = w in CLOSERS
        return (_EMIT, add(w), sp, not (closer or w.islower()), w in ENDS, closer, len(t))

    def _chunk(self, chunk: str) -> tuple:
        """The tokens of a space-free chunk followed by a space, classified; cached.

        Real news brings new chunks all the time (a fifth of an article's had not been seen in
        the ninety articles before it), mostly names and numbers that no pattern uses: those
        cost a set lookup and share one classified token per shape."""
        if chunk.isalnum():  # a plain word or number: the regular expression would take it whole
            if chunk.lower() not in self._keep:
                shape = (chunk[0].islower(), len(chunk) + 1)
                infos = self._dropped.get(shape)
                if infos is None:
                    infos = self._dropped[shape] = (self._classify(chunk + " "),)
            else:
                infos = (self._classify(chunk + " "),)
        else:
            infos = tuple(map(self._classify, TOKEN_AND_SPACE.findall(chunk + " ")))
        if len(chunk) <= _CACHE_CHUNK and len(self._cache) < self._cache_limit:
            self._cache[chunk] = infos
        return infos

    def __call__(self, text: str) -> Doc:
        if self._keep is None:
            tokens = TOKEN_AND_SPACE.findall(text)
            words = [t[:-1] if t[-1] == " " and not t.isspace() else t for t in tokens]
            spaces = [t[-1] == " " and not t.isspace() for t in tokens]
            doc = Doc(self.vocab, words=words, spaces=spaces)
            doc.user_data["offsets"] = None
            return doc
        # Tokens never cross a space, so the text is split at spaces (in C, ten times faster
        # than the tokenizing regex) and each chunk's tokens come from a cache: most chunks
        # are words seen many times before. The last chunk has no space after it.
        cache = self._cache
        chunks = text.split(" ")
        last = chunks.pop()
        get, chunk = cache.get, self._chunk
        sequence = [get(c) or chunk(c) for c in chunks]
        sequence.append(tuple(map(self._classify, TOKEN_AND_SPACE.findall(last))))
        words: list[int] = []
        spaces: list[bool] = []
        offsets: list[int] = []
        starts: list[int] = []
        add_word, add_space, add_offset = words.append, spaces.append, offsets.append
        pos = n = 0
        dropping = False
        after_newline = True  # the first token starts a sentence
        carry = -1  # -1, or the closing marks since a sentence end (0 at the end mark itself)
        for infos in sequence:
            for info in infos:
                kind = info[0]
                if kind == _DROP:
                    if dropping:
                        pos += info[6]
                        continue
                    dropping = True
                elif kind == _SPACE:  # spaces without a line break only separate tokens
                    pos += info[6]
                    continue
                elif kind == _NEWLINE and after_newline and n:
                    # "\n \n" is one whitespace token, but two here: chunks end at spaces
                    pos += info[6]
                    continue
                else:
                    dropping = False
                add_word(info[1])
                add_space(info[2])
                add_offset(pos)
                if after_newline or (carry >= 0 and info[3]):
                    starts.append(n)
                if info[4]:
                    carry = 0
                elif info[5] and 0 <= carry < 2:
                    carry += 1
                else:
                    carry = -1
                after_newline = kind == _NEWLINE
                pos += info[6]
                n += 1
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["offsets"] = offsets
        doc.user_data["sent_starts"] = starts
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
