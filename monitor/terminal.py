"""What may reach a terminal: text from the web is shown, never acted on.

A title, a URL or an error message quoting a page may hold rich markup (``[/]``), escape
sequences (ESC, CSI), bidirectional overrides or lone surrogates. Every cell and message the CLI
prints, and every log line, goes through ``printable`` (and ``term`` for rich).
"""

from __future__ import annotations

import json
import re

from rich.markup import escape

# What a terminal acts on instead of showing: C0 and C1 control characters (ESC and CSI start
# escape sequences that recolour, move the cursor, retitle the window...), DEL, the bidirectional
# marks, embeddings, overrides and isolates (they reorder what follows them on the line), the line
# and paragraph separators, and lone surrogates (which cannot even be encoded).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_UNSAFE_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                                 "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACES = frozenset("\t\n\r\x0b\x0c\x85\u2028\u2029")


def _shown(m: re.Match) -> str:
    return " " if m.group() in _SPACES else "\ufffd"


def printable(value, *, lines: bool = False) -> str:
    """Any string (from the web, a database row, an error message) as it may reach a terminal:
    every control character replaced, a space for whitespace ones (tab, newline...), U+FFFD for the
    rest. With ``lines``, newlines are kept (a message of several lines)."""
    text = "" if value is None else str(value)
    return (_UNSAFE_BUT_NEWLINE if lines else _UNSAFE).sub(_shown, text)


def term(value) -> str:
    """``printable``, and escaped for rich: text that looks like markup (``[/]``, ``[red]``) is
    shown as written, never read as markup. Every cell and message the CLI prints through rich
    goes through this."""
    return escape(printable(value))


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")


def json_text(data, **kwargs) -> str:
    """JSON for standard output: the same data, but the characters a terminal would act on are
    written as \\uXXXX escapes (json already escapes C0 controls), so ``--json`` piped to a
    terminal shows them as text and any JSON reader gets them back unchanged."""
    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
