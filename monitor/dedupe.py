"""Canonical URLs, content hashes and near-duplicate signatures. Pure functions, no I/O.

One article reached by two links is stored once (canonical URLs); the same text under two URLs
has one content hash; syndicated and lightly edited copies have similar MinHash signatures.
"""

from __future__ import annotations

import array
import hashlib
import re
import sys
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


def content_hash(text: str, words: list[str] | None = None) -> str:
    """Hash of the text with case, punctuation and spacing normalised away."""
    words = words_of(text) if words is None else words
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


# -- near duplicates: MinHash over word shingles ------------------------------------------------

SHINGLE_WORDS = 5
# The index's format, not settings: the stored signatures and band keys are made with these, so
# changing one means re-indexing every article. 63 of the 64 values are used in 21 bands of 3: a
# pair at Jaccard 0.6 shares a band 99.4% of the time.
NUM_PERM = 64
BANDS = 21
MIN_SHINGLES = 12  # below this a text is too short for shingles: only an identical text matches
_WORD = re.compile(r"\w+")
_COPY_PHRASES = ("originally published", "first published", "originally appeared", "first appeared",
                 "republished", "originally ran", "first ran", "reprinted with permission")


@dataclass(frozen=True)
class Signature:
    """A MinHash of a text's word 5-shingles, with the number of distinct shingles."""

    values: bytes  # num_perm unsigned 32-bit integers
    shingles: int

    def array(self):
        import numpy

        return numpy.frombuffer(self.values, dtype="<u4")

    def ints(self) -> array.array:
        """The values without numpy (the pipeline process places stories without importing it)."""
        out = array.array("I", self.values)
        if sys.byteorder != "little":
            out.byteswap()
        return out


_WORD_HASHES: dict[str, int] = {}  # crc32 of each word seen; news vocabulary saturates quickly


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        if len(_WORD_HASHES) > 500_000:
            _WORD_HASHES.clear()
        h = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return h


def words_of(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(text: str, words: list[str] | None = None):
    """32-bit hashes of the distinct word 5-shingles of text (case and punctuation ignored).

    Words are hashed once (crc32, cached) and shingles combined arithmetically in numpy:
    building the shingle strings in Python cost more than the whole MinHash."""
    import numpy

    words = words_of(text) if words is None else words
    if not words:
        return numpy.zeros(0, dtype=numpy.uint64)
    get = _WORD_HASHES.get
    h = numpy.array([get(w) or _word_hash(w) for w in words], dtype=numpy.uint64)
    n = max(1, len(h) - SHINGLE_WORDS + 1)
    if len(h) < SHINGLE_WORDS:
        h = numpy.pad(h, (0, SHINGLE_WORDS - len(h)))
    acc = numpy.zeros(n, dtype=numpy.uint64)
    for j in range(SHINGLE_WORDS):
        acc = acc * numpy.uint64(1000003) + h[j:j + n]
    return numpy.unique(acc & numpy.uint64(0xFFFFFFFF))


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int = 1):
    """The affine permutations h -> a*h + b mod 2^32 (a odd) that datasketch 2's MinHash draws
    for this seed (its "affine32" scheme); a test checks the two give the same signatures."""
    import numpy

    gen = numpy.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=numpy.uint32)
    return a, b


def _fmix32(h):
    """MurmurHash3's finaliser, as datasketch applies it before the permutations."""
    import numpy

    h = h ^ (h >> numpy.uint32(16))
    h = h * numpy.uint32(2246822507)
    h = h ^ (h >> numpy.uint32(13))
    h = h * numpy.uint32(3266489909)
    return h ^ (h >> numpy.uint32(16))


def signature(text: str, num_perm: int = NUM_PERM, words: list[str] | None = None) -> Signature:
    """MinHash of the text's shingle hashes, computed on the whole array at once.

    This is datasketch's MinHash (affine32 scheme, seed 1), reimplemented in a few numpy lines:
    datasketch's update_batch calls a Python hash function per shingle (half the cost of placing
    an article), and importing it pulls in scipy, 58 MB in each of three processes."""
    import numpy

    hv = shingle_hashes(text, words)
    a, b = _permutations(num_perm)
    if len(hv):
        with numpy.errstate(over="ignore"):
            mixed = _fmix32(hv.astype(numpy.uint32).reshape(-1, 1))
            values = (mixed * a + b).min(axis=0)
    else:
        values = numpy.full(num_perm, 0xFFFFFFFF, dtype=numpy.uint32)
    return Signature(numpy.asarray(values, dtype="<u4").tobytes(), int(len(hv)))


def band_keys(sig: Signature, bands: int = BANDS) -> list[int]:
    """One 63-bit key per LSH band (band number in the top bits): equal keys, a candidate pair."""
    width = (len(sig.values) // 4 // bands) * 4
    keys = []
    for band in range(bands):
        chunk = sig.values[band * width:(band + 1) * width]
        digest = zlib.crc32(chunk) | (zlib.adler32(chunk) << 32)
        keys.append((band << 56) | (digest & ((1 << 56) - 1)))
    return keys


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float  # of the smaller text's shingles in the larger's


def similarity(a: Signature, b: Signature) -> Similarity:
    """Estimated Jaccard from the signatures; containment derived from it and the set sizes."""
    x, y = a.ints(), b.ints()
    j = sum(1 for p, q in zip(x, y) if p == q) / max(1, len(x))
    small = min(a.shingles, b.shingles)
    if small == 0:
        return Similarity(0.0, 0.0)
    inter = j * (a.shingles + b.shingles) / (1 + j)
    return Similarity(j, min(1.0, inter / small))


def exact_similarity(text_a: str, text_b: str) -> Similarity:
    """Jaccard and containment of the two texts' shingle sets, computed exactly."""
    import numpy

    a, b = shingle_hashes(text_a), shingle_hashes(text_b)
    if not len(a) or not len(b):
        return Similarity(0.0, 0.0)
    inter = len(numpy.intersect1d(a, b, assume_unique=True))
    return Similarity(inter / (len(a) + len(b) - inter), inter / min(len(a), len(b)))


def _verdict(s: Similarity, threshold: float, containment: float) -> bool:
    return s.jaccard >= threshold or (s.containment >= containment and s.jaccard >= threshold / 2)


def same_story(a: Signature, b: Signature, threshold: float = 0.6, containment: float = 0.8,
               exact=None) -> bool:
    """Copies of one story: similar overall (Jaccard >= threshold) or one mostly inside the other
    (containment >= 0.8 with Jaccard at least half the threshold: a release and its copy with a
    new intro and footer). Texts too short for shingles never match here.

    The signatures give an estimate (64 permutations: about +-0.06 around 0.6). Clear cases are
    decided on it; near the threshold, ``exact()`` (if given) computes the true similarity from
    the texts, so a long shared footer cannot tip two different articles over it."""
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return False
    estimate = similarity(a, b)
    if exact is None or estimate.jaccard >= threshold + 0.15:
        return _verdict(estimate, threshold, containment)
    if estimate.jaccard < threshold - 0.25 and estimate.containment < containment - 0.25:
        return False
    return _verdict(exact(), threshold, containment)


def looks_like_copy(text: str) -> bool:
    """The text says it was first published elsewhere (so another copy is the original)."""
    ends = (text[:800] + " " + text[-800:]).lower()
    return any(p in ends for p in _COPY_PHRASES)
