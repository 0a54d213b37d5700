"""All of chargewatch's SQL lives in this package: plain functions that take a Database."""

from .db import open_db

__all__ = ["open_db"]
