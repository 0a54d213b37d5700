"""All of chargewatch's SQL lives in this package: plain functions that take a Database.

``open_db`` is loaded on first use (PEP 562): ``monitor.errors`` builds on ``storage.errors``,
and the extraction workers, which import the errors but never a database, must not pay for
sqlite-utils and what it brings (about 10 MB a worker)."""

__all__ = ["open_db"]


def __getattr__(name: str):
    if name == "open_db":
        from .db import open_db

        globals()["open_db"] = open_db
        return open_db
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
