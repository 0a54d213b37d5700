"""Migrations after m015, registered on the same ``migrations`` object as storage/migrations.py
(which imports this module at its end, so these apply after the earlier ones, in file order).

A second file only because one module stays under 400 lines (tests/test_boundaries.py)."""

from __future__ import annotations

from sqlite_utils import Database

from .migrations import migrations
