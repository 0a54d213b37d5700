"""Brace expansion of the data files' phrases (nlp/patterns.py)."""

from __future__ import annotations

import pytest

from nlp.patterns import expand


def test_alternatives_and_one_empty_one():
    assert expand("solar cell{s,}") == ["solar cells", "solar cell"]
    assert expand("{EV,electric car} {credit,credits}") == ["EV credit", "EV credits", "electric car credit",
                                                            "electric car credits"]


def test_a_comma_cannot_be_an_alternative():
    """"{,, and}" once stood for ", or and" and silently gave "" and " and": the not-phrases
    written with it never matched "batteries, solar cells"."""
    with pytest.raises(ValueError, match="two empty alternatives"):
        expand("{batteries,chips}{,, and} {solar cells}")
    assert "batteries, solar cells" in expand("{batteries,chips}, {solar cells}")
