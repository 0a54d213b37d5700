"""Logging for long runs: standard error always, and a rotating file when feeds.yaml asks."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from .config import LoggingSettings
from .terminal import printable

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class LogFormatter(logging.Formatter):
    """Log lines for a terminal: control characters replaced (a URL or a title from the web is
    never an escape sequence), and, below -vv, an exception as one line (its type and message)
    instead of a traceback."""

    def __init__(self, fmt: str, tracebacks: bool):
        super().__init__(fmt)
        self.tracebacks = tracebacks

    def formatException(self, ei) -> str:
        if self.tracebacks:
            return super().formatException(ei)
        return f"{ei[0].__name__}: {ei[1]} (-vv shows the traceback)"

    def formatStack(self, stack_info: str) -> str:
        return super().formatStack(stack_info) if self.tracebacks else ""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # ours is not every handler's: cache nothing
        try:
            return printable(super().format(record), lines=self.tracebacks)
        finally:
            record.exc_text = cached


def configure(settings: LoggingSettings) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    level = getattr(logging, settings.level.upper())
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(LogFormatter(FORMAT, tracebacks=True))  # printable: web text never acts on a terminal
    root.addHandler(stderr)
    if settings.file:
        rotating = logging.handlers.RotatingFileHandler(settings.file, maxBytes=settings.max_bytes,
                                                        backupCount=settings.backups, encoding="utf-8")
        rotating.setFormatter(LogFormatter(FORMAT, tracebacks=True))  # one encodable line per record, tracebacks kept
        root.addHandler(rotating)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler",  "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
