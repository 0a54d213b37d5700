"""Canonical URLs and content hashes: one article reached by two links is stored once.

Story grouping (near duplicates) builds on these later; this module stays free of I/O.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
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
