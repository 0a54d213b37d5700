"""The root of chargewatch's one exception tree, and the error storage raises.

They live here, not in ``monitor``, because storage imports nothing from monitor (data flows one
way); ``monitor.errors`` re-exports both and builds the rest of the tree on ``ChargewatchError``.
"""

from __future__ import annotations


class ChargewatchError(Exception):
    """Base of every error chargewatch raises on purpose."""


class DatabaseError(ChargewatchError):
    """The database file cannot be opened or is not a chargewatch database (the CLI: exit 3)."""
