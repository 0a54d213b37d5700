"""Canonical URLs, content hashes and near-duplicate signatures. Pure functions, no I/O.

One article reached by two links is stored once (canonical URLs); the same text under two URLs
has one content hash; syndicated and lightly edited copies have similar MinHash signatures.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

# courlan drops the common trackers; these are the ones we also saw on news links.
TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|"
    r"mkt_tok|ocid|cmpid|ncid|taid|smid|sr_share|share|ref_src|ref_url|guccounter|guce_\w+|"
    r"wt_mc|wt\.\w+|at_medium|at_campaign|spm|cid|s_cid|__twitter_impression|amp)$", re.I)
_MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.", re.I)


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped."""
    url = url.strip()
    try:
        normalised = courlan.normalize_url(url, strict=False)
    except Exception:  # courlan is defensive but odd input should not stop a run
        normalised = url
    parts = urlsplit(normalised)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def same_site(a: str, b: str) -> bool:
    """True when two URLs are on one site, ignoring www., m., amp. prefixes."""
    def base(u: str) -> str:
        host = (urlsplit(u).hostname or "").lower()
        host = host.removeprefix("www.")
        return _MOBILE_HOST.sub("", host)
    return base(a) == base(b) != ""


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def content_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing normalised away."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


# -- near duplicates: MinHash over word shingles ------------------------------------------------

SHINGLE_WORDS = 5
MIN_SHINGLES = 12  # below this a text is too short for shingles: only an identical text matches
_WORD = re.compile(r"\w+")
_COPY = re.compile(
    r"\b(?:(?:was|were|is)\s+)?(?:originally|first)\s+(?:published|appeared|ran)\b"
    r"|\brepublished\s+(?:here\s+)?(?:under|with|by|from)\b|\bthis (?:story|article) (?:is|was) republished\b",
    re.I)


@dataclass(frozen=True)
class Signature:
    """A MinHash of a text's word 5-shingles, with the number of distinct shingles."""

    values: bytes  # num_perm unsigned 32-bit integers
    shingles: int

    def array(self):
        import numpy

        return numpy.frombuffer(self.values, dtype="<u4")


def shingle_hashes(text: str):
    """32-bit hashes of the distinct word 5-shingles of text (case and punctuation ignored).

    Words are hashed once (crc32) and shingles combined arithmetically in numpy: building the
    shingle strings in Python cost twice as much as the whole MinHash."""
    import numpy

    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return numpy.zeros(0, dtype=numpy.uint64)
    h = numpy.fromiter((zlib.crc32(w.encode()) for w in words), dtype=numpy.uint64, count=len(words))
    n = max(1, len(h) - SHINGLE_WORDS + 1)
    acc = numpy.zeros(n, dtype=numpy.uint64)
    for j in range(SHINGLE_WORDS):
        seg = h[j:j + n]
        if len(seg) < n:
            seg = numpy.pad(seg, (0, n - len(seg)))
        acc = acc * numpy.uint64(1000003) + seg
    return numpy.unique(acc & numpy.uint64(0xFFFFFFFF))


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    from datasketch import MinHash

    proto = MinHash(num_perm=num_perm, seed=1)
    return proto.permutations, proto.scheme


def signature(text: str, num_perm: int = 128) -> Signature:
    """datasketch's MinHash (affine permutations, fixed seed) of the text's shingle hashes."""
    import numpy
    from datasketch import MinHash

    hv = shingle_hashes(text)
    perms, scheme = _permutations(num_perm)
    m = MinHash(num_perm=num_perm, hashfunc=_identity, permutations=perms, scheme=scheme)
    if len(hv):
        m.update_batch(hv.tolist())
    return Signature(numpy.asarray(m.hashvalues, dtype="<u4").tobytes(), int(len(hv)))


def _identity(x):
    return x


def band_keys(sig: Signature, bands: int) -> list[int]:
    """One 63-bit key per LSH band (band number in the top bits): equal keys, a candidate pair."""
    import numpy

    values = sig.array().astype(numpy.uint64)
    rows = len(values) // bands
    keys = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows]
        digest = zlib.crc32(chunk.tobytes()) | (zlib.adler32(chunk.tobytes()) << 32)
        keys.append((band << 56) | (digest & ((1 << 56) - 1)))
    return keys


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float  # of the smaller text's shingles in the larger's


def similarity(a: Signature, b: Signature) -> Similarity:
    """Estimated Jaccard from the signatures; containment derived from it and the set sizes."""
    import numpy

    j = float(numpy.mean(a.array() == b.array()))
    small = min(a.shingles, b.shingles)
    if small == 0:
        return Similarity(0.0, 0.0)
    inter = j * (a.shingles + b.shingles) / (1 + j)
    return Similarity(j, min(1.0, inter / small))


def same_story(a: Signature, b: Signature, threshold: float, containment: float = 0.8) -> bool:
    """Copies of one story: similar overall (Jaccard >= threshold) or one mostly inside the other
    (containment >= 0.8 with Jaccard at least half the threshold: a brief and its longer copy
    with a new intro and footer). Texts too short for shingles never match here."""
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return False
    s = similarity(a, b)
    return s.jaccard >= threshold or (s.containment >= containment and s.jaccard >= threshold / 2)


def looks_like_copy(text: str) -> bool:
    """The text says it was first published elsewhere (so another copy is the original)."""
    return bool(_COPY.search(text[:1500]) or _COPY.search(text[-1500:]))
