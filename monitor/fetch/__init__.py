"""Fetching: everything between a URL and the bytes of its response, before any parsing.

- ``client.py``: the ``Fetcher`` (conditional GET, size caps, redirects re-checked hop by hop,
  retries) and what it returns (``FetchResult``, ``FetchRecord``).
- ``netguard.py``: the address guard under the HTTP client (no private or loopback addresses).
- ``politeness.py``: the per-host gate and the robots.txt cache.
- ``decoding.py``: Content-Encoding (gzip, deflate) decoding with a cap on the decoded size.
- ``charset.py``: bytes to text when the declared charset may be missing or wrong; ``scrub``.

``from monitor.fetch import Fetcher, ...`` gives what ``monitor/fetch.py`` did before the split.
"""

# Lazy (PEP 562): the extraction workers import ``monitor.fetch.charset`` and must not pay for
# httpx and the client they never use (about 15 MB a worker).
_EXPORTS = {"ACCEPT": "client", "REDIRECTS": "client", "RETRY_STATUSES": "client", "FetchRecord": "client",
            "FetchResult": "client", "Fetcher": "client", "attempts_of": "client", "map_exception": "client",
            "user_agent": "client", "gunzip_capped": "decoding"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'monitor.fetch' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
