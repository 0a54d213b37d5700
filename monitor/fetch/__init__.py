"""Fetching: everything between a URL and the bytes of its response, before any parsing.

- ``client.py``: the ``Fetcher`` (conditional GET, size caps, redirects re-checked hop by hop,
  retries) and what it returns (``FetchResult``, ``FetchRecord``).
- ``netguard.py``: the address guard under the HTTP client (no private or loopback addresses).
- ``politeness.py``: the per-host gate and the robots.txt cache.
- ``decoding.py``: Content-Encoding (gzip, deflate) decoding with a cap on the decoded size.
- ``charset.py``: bytes to text when the declared charset may be missing or wrong; ``scrub``.

``from monitor.fetch import Fetcher, ...`` gives what ``monitor/fetch.py`` did before the split.
"""

from .client import (ACCEPT, REDIRECTS, RETRY_STATUSES, FetchRecord, Fetcher, FetchResult, attempts_of,
                     map_exception, user_agent)
from .decoding import gunzip_capped

__all__ = ["ACCEPT", "REDIRECTS", "RETRY_STATUSES", "FetchRecord", "FetchResult", "Fetcher", "attempts_of",
           "gunzip_capped", "map_exception", "user_agent"]
