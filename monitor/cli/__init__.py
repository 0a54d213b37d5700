"""The ``chargewatch`` command, one module per part of the tool.

``group`` holds the click group ``main`` (logging, --version, and the one mapping of
chargewatch's errors to exit codes), ``options`` what several commands share (--db, --feeds,
--since/--until, check_choice, opening the database), ``render`` the consoles and tables, and
``serving`` the review page's plumbing (login, hosts, socket, and run's signals and server).
Each command is a plain function in its module (fetch, sources, stories, tagging, outputs,
review, users, run), which adds it to ``main``; importing them here builds the whole command.
"""

from __future__ import annotations

from ..terminal import json_text, printable, term
from . import evaluating, fetch, outputs, review, run, sources, stories, tagging, users
from .group import main

COMMAND_MODULES = (fetch, sources, stories, tagging, evaluating, outputs, review, users, run)  # importing them adds their commands

__all__ = ["main", "json_text", "printable", "term"]
