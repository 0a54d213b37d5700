"""Logging for long runs: standard error always, and a rotating file when feeds.yaml asks."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from .config import LoggingSettings

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def configure(settings: LoggingSettings) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    level = getattr(logging, settings.level.upper())
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(stderr)
    if settings.file:
        rotating = logging.handlers.RotatingFileHandler(settings.file, maxBytes=settings.max_bytes,
                                                        backupCount=settings.backups, encoding="utf-8")
        rotating.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(rotating)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler",  "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
