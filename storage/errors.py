"""The root of chargewatch's one exception tree, and the error storage raises.

They live here, not in ``monitor``, because storage imports nothing from monitor (data flows one
way); ``monitor.errors`` re-exports both and builds the rest of the tree on ``ChargewatchError``.
"""

from __future__ import annotations


class ChargewatchError(Exception):
    """Base of every error chargewatch raises on purpose.

    ``message`` says what went wrong and ``url`` (may be "") where: two fields, so code reads
    them and never takes ``str()`` apart; ``str()`` composes them for people, "message (url)"
    (the URL left out when the message already names it). ``kind`` is a fixed word per class
    (``monitor.errors.KIND_LABELS`` gives each a label), stored on source and queue rows."""

    kind = "error"

    def __init__(self, message: str = "", url: str = ""):
        super().__init__(message)
        self.message = str(message)
        self.url = url or ""

    def __str__(self) -> str:
        if self.url and self.url not in self.message:
            return f"{self.message} ({self.url})"
        return self.message


class DatabaseError(ChargewatchError):
    """The database file cannot be opened or is not a chargewatch database (the CLI: exit 3)."""

    kind = "database"
