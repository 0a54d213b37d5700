"""Passwords (scrypt from the standard library), sessions and CSRF tokens for the review page.

Bound to loopback the page needs no login; bound to any other address it serves only logged-in
users. A session is a random token in an HttpOnly, SameSite=Strict cookie; only its hash is
stored. Every POST carries a CSRF token equal to the ``csrf`` cookie (double submit) and, when
the browser sends one, an Origin of this very host.

Guessing passwords is slowed down by LoginThrottle (per name and per client address), and a name
that does not exist costs the same scrypt work as a wrong password (a dummy hash), so the time
of an answer does not tell which names exist.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


_dummy_hash: str | None = None
_dummy_lock = threading.Lock()


def dummy_hash() -> str:
    """A hash of a random password with the same parameters as every user's: checking a password
    against it costs what checking a real user's costs, and never succeeds."""
    global _dummy_hash
    with _dummy_lock:
        if _dummy_hash is None:
            _dummy_hash = hash_password(secrets.token_urlsafe(24))
        return _dummy_hash


def check_login(password: str, stored: str | None) -> bool:
    """Whether password matches the stored hash; with no stored hash (no such user) the same
    scrypt work is done against a dummy hash and the answer is False."""
    ok = verify_password(password, stored if stored is not None else dummy_hash())
    return ok and stored is not None


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)  # when, within WINDOW
    locks: int = 0  # lockouts in a row: each one twice as long as the last
    locked_until: float = 0.0
    last: float = 0.0
    pending: int = 0  # attempts being checked right now


class LoginThrottle:
    """Failed logins per key: ("name", the name typed) and ("address", the client's address).
    After LIMITS[kind] failures within WINDOW seconds a key is locked for FIRST_LOCK seconds;
    while it still has that many failures in the window, each further failure after a lockout
    locks it again for twice as long (up to MAX_LOCK). While locked, no password is checked at
    all, the right one included. A name's record ends with a successful login; a key quiet for a
    day is forgotten. An address gets more tries than a name (an office behind one NAT address
    shares it), enough for a typo or two from each of its people, far too few for guessing.

    Kept in memory: one process serves the page, a restart is rare and ends nothing worse than a
    lockout, and nothing about it needs to survive (no table, no write per attempt). At most
    MAX_KEYS keys are kept (the least recently used go first), so a flood of made-up names
    cannot fill the memory. Durations are measured with time.monotonic (never the wall clock)."""

    LIMITS: ClassVar[dict[str, int]] = {"name": 5, "address": 20}
    WINDOW = 15 * 60.0
    FIRST_LOCK = 60.0
    MAX_LOCK = 3600.0
    FORGET = 86400.0
    MAX_KEYS = 10_000

    def __init__(self, now: Callable[[], float] = time.monotonic):
        self.now = now
        self._records: OrderedDict[tuple[str, str], _Record] = OrderedDict()
        self._lock = threading.Lock()

    def begin(self, keys: Iterable[tuple[str, str]]) -> float:
        """Before a password is checked: 0 when these keys may try now (the attempt is then in
        flight until end()), else the seconds to wait. Attempts in flight count against the
        limit, so a burst of parallel guesses cannot all slip in before the first one fails."""
        keys = list(keys)
        now = self.now()
        with self._lock:
            wait = 0.0
            for key in keys:
                record = self._records.get(key)
                if record is None:
                    continue
                record.failures = [t for t in record.failures if now - t < self.WINDOW]
                wait = max(wait, record.locked_until - now)
                if record.pending and len(record.failures) + record.pending >= self._limit(key):
                    wait = max(wait, 1.0)  # the attempts in flight may use up the last tries
            if wait > 0:
                return wait
            for key in keys:
                self._record(key, now).pending += 1
            self._trim(now)
            return 0.0

    def end(self, keys: Iterable[tuple[str, str]], ok: bool) -> None:
        """After the check begin() allowed: a failure counts (and may lock the keys); a success
        clears the name's record."""
        now = self.now()
        with self._lock:
            for key in keys:
                record = self._record(key, now)
                record.pending = max(record.pending - 1, 0)
                if ok:
                    if key[0] == "name":
                        del self._records[key]
                    continue
                record.failures = [t for t in record.failures if now - t < self.WINDOW] + [now]
                if len(record.failures) >= self._limit(key):
                    record.locked_until = now + min(self.FIRST_LOCK * 2 ** record.locks, self.MAX_LOCK)
                    record.locks += 1

    def _limit(self, key: tuple[str, str]) -> int:
        return self.LIMITS.get(key[0], min(self.LIMITS.values()))

    def _record(self, key: tuple[str, str], now: float) -> _Record:
        record = self._records.get(key)
        if record is None or now - record.last > self.FORGET:
            record = self._records[key] = _Record()
        record.last = now
        self._records.move_to_end(key)
        return record

    def _trim(self, now: float) -> None:
        while self._records:
            key, oldest = next(iter(self._records.items()))
            if len(self._records) <= self.MAX_KEYS and now - oldest.last <= self.FORGET:
                break
            del self._records[key]  # (a record with an attempt in flight is recreated by end())


def address_key(address: str | None) -> str:
    """Whose attempts count together: an IPv4 address, or an IPv6 address's /64 (what one
    household or one server is given; it holds more addresses than anyone could try)."""
    try:
        ip = ipaddress.ip_address((address or "").split("%")[0])
    except ValueError:
        return address or "unknown"
    if ip.version == 6 and not ip.ipv4_mapped:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip.ipv4_mapped or ip) if ip.version == 6 else str(ip)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def os_user() -> str:
    """Who acts on a page served on loopback without a login: the account running it."""
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local"
