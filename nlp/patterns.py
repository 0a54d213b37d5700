"""Small helpers for the data files: brace expansion of phrases."""

from __future__ import annotations

import re

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(phrase: str) -> list[str]:
    """'decarboni{s,z}e' -> ['decarbonise', 'decarbonize']; empty alternatives allowed."""
    m = _BRACES.search(phrase)
    if not m:
        return [" ".join(phrase.split())]
    out: list[str] = []
    for alt in m.group(1).split(","):
        out.extend(expand(phrase[: m.start()] + alt + phrase[m.end():]))
    seen: dict[str, None] = {}
    for p in out:
        if p:
            seen.setdefault(p, None)
    return list(seen)


def expand_all(phrases) -> list[str]:
    out: dict[str, None] = {}
    for phrase in phrases or ():
        for p in expand(str(phrase)):
            out.setdefault(p, None)
    return list(out)
