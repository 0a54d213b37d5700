"""Content-Encoding (gzip, deflate) decoding that never holds more than a cap of decoded bytes.

The client decodes every response body through ``CappedDecoder`` as it streams in, so a gzip
bomb stops at the cap; ``gunzip_capped`` does the same for a whole ``.gz`` file already fetched
(sitemap.xml.gz).
"""

from __future__ import annotations

import zlib

from ..errors import FetchError, TooLarge


class CappedDecoder:
    """Content-Encoding decoding with a hard cap on the decoded size (stops gzip bombs early).

    Over the cap it raises TooLarge, or with ``truncate`` keeps the first ``cap`` bytes and sets
    ``full`` (robots.txt: RFC 9309 has crawlers parse the first 500 KiB, not give up)."""

    def __init__(self, encoding: str, cap: int, url: str, truncate: bool = False):
        self.cap, self.url, self.truncate = cap, url, truncate
        self.full = False
        enc = encoding.strip().lower()
        if enc in ("", "identity"):
            self.z = None
        elif enc in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self.z = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header, detected
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}", url)
        self.out = bytearray()

    def feed(self, chunk: bytes) -> None:
        if self.z is None:
            self.out += chunk
        else:
            data = chunk
            while data:
                try:
                    piece = self.z.decompress(data, self.cap + 1 - len(self.out))
                except zlib.error as exc:
                    raise FetchError(f"corrupt compressed body: {exc}", self.url) from None
                self.out += piece
                if len(self.out) > self.cap:
                    break
                data = self.z.unconsumed_tail
                if not piece and data:
                    break  # cannot make progress; avoid spinning
        if len(self.out) > self.cap:
            if self.truncate:
                del self.out[self.cap:]
                self.full = True
                return
            raise TooLarge(f"body over the cap of {self.cap:,} bytes (decompressed)", self.url)


def gunzip_capped(data: bytes, cap: int, url: str = "") -> bytes:
    """Decompress a gzip file body (e.g. sitemap.xml.gz) without ever holding more than cap bytes."""
    dec = CappedDecoder("gzip", cap, url)
    dec.feed(data)
    return bytes(dec.out)
