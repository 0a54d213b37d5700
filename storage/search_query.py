"""What a person types into the search box, as an FTS5 query that FTS5 always accepts.

Why not pass the text to MATCH as it is: FTS5's query language reads ordinary news words as
syntax. ``deep-sea mining`` fails with "no such column: sea", ``Ford's`` opens a string that never
ends, and ``U.S.``, ``50%`` or ``Lincoln, Nebraska`` are syntax errors. So the text is translated:

- Each word (a run of text between spaces, quotes and parentheses) becomes an FTS5 string:
  ``deep-sea`` -> ``"deep-sea"``. FTS5 splits a string with the table's own tokenizer, exactly as
  it split the indexed text, so ``deep-sea``, ``GM-LG``, ``Ford's`` and ``U.S.`` are matched as the
  phrases of their pieces (deep sea, gm lg, ford s, u s), ``50%`` and ``Nebraska,`` as the word, and
  no punctuation ever reaches the query parser. A word with nothing to search for in it (``-``,
  ``%``, ``***``) is left out.
- Terms side by side must all occur (the AND is written out: FTS5 has no implicit AND next to a
  parenthesis). A repeated term adds nothing, and a long pasted text is searched by its first
  MAX_TERMS terms: FTS5's ranking and snippets slow down with every term.
- ``"quoted text"`` is one phrase (an unclosed quote runs to the end of the text).
- Upper-case ``AND``, ``OR`` and ``NOT`` between terms, parentheses around them, ``word*``
  (prefix) and ``title:word`` or ``text:word`` (one column) are FTS5's operators. Lower-case ``or``
  and ``not`` are words. Without AND, OR or NOT, parentheses group nothing, so there an unbalanced
  one is punctuation, like in ``(Reuters`` or ``:)``.

Text without AND, OR or NOT never raises (empty quotes ``""`` and the prefix limits below
aside). With them, a broken query (a dangling ``OR``, ``NOT`` with nothing before it, an
unbalanced parenthesis) raises QueryError saying what to change: the person wrote operators on
purpose, and a guess would search for something they did not ask for.

What a search may cost is bounded here first. A prefix term is the OR of every indexed word that
starts with it: ``a*`` is thousands of words, and 26 of them (``NEAR(a* b* ... z*)``, which is
read as the word NEAR and the group of the prefixes) took 18 seconds on 20,000 articles. So a
prefix needs MIN_PREFIX letters or digits before its ``*`` and a query has at most MAX_PREFIXES
of them; beyond that TooBroad (a QueryError) says what to change. (FTS5's own NEAR is never
written: ``NEAR`` typed is a word.) Whatever still costs too much is stopped by the time budget
of storage.review.search.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .errors import ChargewatchError

OPERATORS = ("AND", "OR", "NOT")
COLUMNS = ("title", "text")  # the columns of articles_fts
MAX_DEPTH = 10  # nested parentheses; FTS5's parser stack overflows from about 19 levels
MAX_TERMS = 64  # FTS5's ranking and snippets slow down with the number of terms (quadratically when they repeat)
MIN_PREFIX = 3  # letters or digits before a *: a shorter prefix is the start of too many words
MAX_PREFIXES = 5  # terms ending in * in one query

Kind = Literal["term", "op", "(", ")"]

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # control characters, lone surrogates
_COLUMN = "|".join(COLUMNS)
_LEXEME = re.compile(rf"""
    (?P<space>\s+)
  | (?P<column>(?:{_COLUMN}):)(?=["(])              # title:"a phrase", title:(a OR b)
  | "(?P<phrase>[^"]*)(?P<closed>")?(?P<star>\*+)?  # "a phrase", "a phr"*, or " to the end
  | (?P<paren>[()])
  | (?P<word>[^\s"()]+)
""", re.VERBOSE | re.IGNORECASE)
_COLUMN_WORD = re.compile(rf"({_COLUMN}):(.+)", re.IGNORECASE | re.DOTALL)


class QueryError(ChargewatchError, ValueError):
    """A search query that uses the operators wrongly; the message says what to change. Part of
    chargewatch's one tree, and still a ValueError for the handlers that catch bad input so."""

    kind = "query"


class TooBroad(QueryError):
    """A search that would cost too much: prefixes too short or too many (here), or over the
    time budget (storage.review.search). The message says what to change."""

    kind = "too_broad"


def to_fts5(text: str) -> str:
    """The FTS5 MATCH expression for a search typed by a person; "" when it has nothing to
    search for (only punctuation). Raises QueryError for a broken use of the operators."""
    tokens = _lex(text)
    if any(kind == "op" for kind, _ in tokens):
        return _with_operators(tokens)
    return _all_of(tokens)


def _check_prefixes(terms: list[str]) -> None:
    """At most MAX_PREFIXES terms ending in * (each one is the OR of every word that starts so)."""
    prefixes = [t.rpartition(" : ")[2] for t in terms if t.endswith("*")]
    if len(prefixes) > MAX_PREFIXES:
        raise TooBroad(f"{len(prefixes)} words end in * ({', '.join(p.replace(chr(34), '') for p in prefixes)}): "
                       f"use at most {MAX_PREFIXES}, since each one searches every word that starts so")


def _all_of(tokens: list[tuple[Kind, str]]) -> str:
    """Terms without AND, OR or NOT: all must occur. Parentheses group nothing then (they only
    carry a column filter to the terms inside), so an unbalanced one is plain punctuation. A
    repeated term adds nothing, and a long pasted text is searched by its first MAX_TERMS terms."""
    columns: list[str] = []  # the column filter of each open parenthesis ("" for none)
    terms: dict[str, str] = {}
    for kind, fts in tokens:
        if kind == "(":
            columns.append(fts[:-1] or (columns[-1] if columns else ""))
        elif kind == ")":
            if columns:
                columns.pop()
        else:
            if columns and fts.startswith('"'):  # no column filter of its own
                fts = columns[-1] + fts
            terms.setdefault(fts.casefold(), fts)
    kept = list(terms.values())[:MAX_TERMS]
    _check_prefixes(kept)
    return " AND ".join(kept)


def _with_operators(tokens: list[tuple[Kind, str]]) -> str:
    """Terms with AND, OR or NOT, checked against FTS5's grammar so that MATCH cannot fail."""
    if sum(kind == "term" for kind, _ in tokens) > MAX_TERMS:
        raise QueryError(f"Too many words: use at most {MAX_TERMS} with AND, OR or NOT")
    _check_prefixes([fts for kind, fts in tokens if kind == "term"])
    out: list[str] = []
    prev: Kind | None = None  # None: at the start
    depth = 0
    for kind, fts in tokens:
        if kind == "op":
            if prev == "op" and out[-1] == "AND" and fts == "NOT":  # "a AND NOT b" is FTS5's "a NOT b"
                out[-1] = "NOT"
                continue
            if prev is None or prev == "(":
                where = "at the start" if prev is None else "right after '('"
                if fts == "NOT":
                    raise QueryError(f"'NOT' {where} has nothing before it: write what to find, then NOT and "
                                     "what to leave out (lithium NOT Tesla), or write not in lower case")
                raise QueryError(f"'{fts}' {where} has nothing before it: add a word before it or remove it")
            if prev == "op":
                raise QueryError(f"'{out[-1]}' and '{fts}' are side by side: put a word between them or "
                                 "remove one")
        elif kind == ")":
            if depth == 0:
                raise QueryError("Unbalanced parenthesis: remove the ')' or add a '(' before it")
            if prev == "(":
                raise QueryError("Empty parentheses: put words inside them or remove them")
            if prev == "op":
                raise QueryError(f"'{out[-1]}' right before ')' has nothing after it: add a word after it "
                                 "or remove it")
            depth -= 1
        else:  # a term or "(": FTS5 has no implicit AND next to a parenthesis, so it is written out
            if prev in ("term", ")"):
                out.append("AND")
            if kind == "(":
                depth += 1
                if depth > MAX_DEPTH:
                    raise QueryError(f"Too many nested parentheses: use at most {MAX_DEPTH} levels")
        out.append(fts)
        prev = kind
    if prev == "op":
        raise QueryError(f"'{out[-1]}' at the end has nothing after it: add a word after it or remove it")
    if depth:
        raise QueryError("Unbalanced parenthesis: add a ')' or remove the '('")
    return " ".join(out)


def _lex(text: str) -> list[tuple[Kind, str]]:
    """The query's operators, parentheses and terms, each with its FTS5 text."""
    tokens: list[tuple[Kind, str]] = []
    column = ""  # "title : " before the quote or parenthesis that follows it
    for m in _LEXEME.finditer(_UNSAFE.sub(" ", text)):
        if m["column"]:
            column = f"{m['column'][:-1].lower()} : "
        elif m["paren"]:
            paren: Kind = "(" if m["paren"] == "(" else ")"
            tokens.append((paren, column + paren))
            column = ""
        elif m["phrase"] is not None:
            if _has_token(m["phrase"]):
                tokens.append(("term", column + _string(m["phrase"], bool(m["closed"] and m["star"]))))
            elif m["closed"]:
                what = f'Nothing to search for in "{m["phrase"]}"' if m["phrase"].strip() else "Empty quotes"
                raise QueryError(f"{what}: put words between the quotes or remove them")
            column = ""
        elif m["word"] in OPERATORS:
            tokens.append(("op", m["word"]))
        elif m["word"]:
            tokens += _word(m["word"])
    return tokens


def _word(word: str) -> list[tuple[Kind, str]]:
    """One run of text without spaces, quotes or parentheses: a term, or nothing."""
    column = ""
    if (m := _COLUMN_WORD.fullmatch(word)) and _has_token(m[2]):
        column, word = f"{m[1].lower()} : ", m[2]
    body = word.rstrip("*")
    prefix = body != word and _has_token(body[-1:])  # the * right after a letter or digit
    if not prefix:
        body = word
    return [("term", column + _string(body, prefix))] if _has_token(body) else []


def _string(text: str, prefix: bool = False) -> str:
    """An FTS5 string (text holds no double quote) that FTS5 tokenizes like the indexed text.
    A prefix applies to the string's last word, which needs MIN_PREFIX letters or digits."""
    if prefix:
        end = len(text)
        while end and not _is_token_char(text[end - 1]):
            end -= 1
        start = end
        while start and _is_token_char(text[start - 1]):
            start -= 1
        if end - start < MIN_PREFIX:
            shown = text if len(text) <= 40 else "…" + text[-40:]
            raise TooBroad(f"'{shown}*' is the start of too many words: write at least {MIN_PREFIX} letters "
                           "or digits before the * (or leave the * out)")
    return f'"{text}"' + ("*" if prefix else "")


def _has_token(text: str) -> bool:
    """Whether the tokenizer finds a word in text: unicode61 (under porter) keeps letters, digits
    and private-use characters, and splits on everything else."""
    return any(_is_token_char(c) for c in text)


def _is_token_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co"
