"""The settings feeds.yaml holds: frozen pydantic models, each field checked as it is read
(durations, sizes, URLs, mail headers). Loading the file, with errors naming its lines, is
monitor/config.py."""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .config_notify import NotifySettings
from .errors import ConfigError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$", re.I)
_SIZE_UNITS = {None: 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3,
               "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def parse_duration(value: Any) -> float:
    """'30m' -> 1800.0; a bare number is seconds."""
    if isinstance(value, bool):
        raise ValueError(f"invalid duration {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise ValueError(f"invalid duration {value!r} (use e.g. 500ms, 30s, 15m, 2h, 1d)")
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
    if seconds < 0:
        raise ValueError(f"invalid duration {value!r}: must not be negative")
    return seconds


def parse_size(value: Any) -> int:
    """'10MB' -> 10_000_000; a bare number is bytes."""
    if isinstance(value, bool):
        raise ValueError(f"invalid size {value!r}")
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.match(str(value))
        if not m:
            raise ValueError(f"invalid size {value!r} (use e.g. 500KB, 10MB)")
        size = int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "").lower() or None])
    if size <= 0:
        raise ValueError(f"invalid size {value!r}: must be positive")
    return size


def _check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"invalid URL {value!r}: must be an absolute http(s) URL")
    try:
        parts.port
    except ValueError as exc:
        raise ValueError(f"invalid URL {value!r}: {exc}") from None
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NetworkSettings(_Strict):
    """How we talk to the web: identity, politeness, caps and timeouts."""

    contact: str = "https://github.com/chargewatch"
    allow_private: tuple[str, ...] = ()
    max_per_host: int = Field(2, ge=1, le=16)
    host_delay: float = 1.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_pdf_bytes: int = 30_000_000
    max_redirects: int = Field(5, ge=0, le=20)
    retries: int = Field(2, ge=0, le=10)
    backoff: float = 1.0
    max_retry_after: float = 120.0
    workers: int = Field(8, ge=1, le=64)
    extract_workers: int = Field(2, ge=1, le=32)
    max_pdf_pages: int = Field(200, ge=1)

    _durations = field_validator(
        "host_delay", "connect_timeout", "read_timeout", "total_timeout", "backoff",
        "max_retry_after", mode="before")(lambda v: parse_duration(v))
    _sizes = field_validator("max_bytes", "max_pdf_bytes", mode="before")(lambda v: parse_size(v))

    @field_validator("contact")
    @classmethod
    def _contact(cls, v: str) -> str:
        if not v.startswith("mailto:"):
            _check_http_url(v)
        return v

    @field_validator("allow_private", mode="before")
    @classmethod
    def _allow(cls, v: Any) -> tuple[str, ...]:
        if v is None:
            return ()
        if not isinstance(v, (list, tuple)):
            raise ValueError("must be a list of 'host:port' strings")
        out = []
        for item in v:
            m = re.fullmatch(r"(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})", str(item))
            if not m or not 0 < int(m.group(2)) < 65536:
                raise ValueError(f"invalid entry {item!r}: must be an exact 'host:port' pair")
            out.append(f"{m.group(1).strip('[]').lower()}:{int(m.group(2))}")
        return tuple(out)


class SourceSpec(_Strict):
    """One source: where its list of articles lives and how to read it."""

    name: str
    kind: Literal["feed", "sitemap", "listing"]
    url: str
    interval: float = 1800.0
    enabled: bool = True
    selector: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_pdfs: bool = False
    max_items: int = Field(100, ge=1, le=5000)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,63}", v):
            raise ValueError(f"invalid name {v!r}: use lower-case letters, digits, '-', '_' or '.'")
        return v

    _url = field_validator("url")(lambda v: _check_http_url(v))

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, v: Any) -> float:
        seconds = parse_duration(v)
        if not 60 <= seconds <= 7 * 86400:
            raise ValueError(f"invalid interval {v!r}: must be between 1m and 7d")
        return seconds

    @field_validator("include", "exclude", mode="before")
    @classmethod
    def _patterns(cls, v: Any) -> tuple[str, ...]:
        if v is None:
            return ()
        if isinstance(v, str):
            v = [v]
        for p in v:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"invalid pattern {p!r}: {exc}") from None
        return tuple(v)

    @field_validator("selector")
    @classmethod
    def _selector(cls, v: str | None) -> str | None:
        if v is None:
            return v
        import soupsieve

        try:
            soupsieve.compile(v)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
            raise ValueError(f"invalid CSS selector {v!r}: {exc}") from None
        return v

    @model_validator(mode="after")
    def _selector_only_for_listing(self) -> "SourceSpec":
        if self.selector and self.kind != "listing":
            raise ValueError("'selector' only applies to kind: listing")
        return self


class StoriesSettings(_Strict):
    """How copies are grouped into stories (see monitor/stories.py)."""

    threshold: float = Field(0.6, ge=0.1, le=1.0)  # Jaccard of word 5-shingles
    containment: float = Field(0.8, ge=0.1, le=1.0)  # ... or this much of the shorter text inside the longer


_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")  # used with fullmatch: "a@b.org\n" is refused
# Characters no mail header may hold: CR and LF would end the header and start another ("Bcc: ...")
# and the mail library refuses to send them; other control characters have no place there either.
_NOT_IN_HEADER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _header_safe(field: str, value: str) -> str:
    bad = _NOT_IN_HEADER.search(value)
    if bad:
        char = bad.group()
        what = {"\r": "a carriage return (CR)", "\n": "a line feed (LF)"}.get(char) or \
            f"the control character U+{ord(char):04X}"
        raise ValueError(f"invalid {field} {value!r}: it contains {what}, which a mail header cannot carry")
    return value


class MailSettings(_Strict):
    """Where the digest is mailed. The password is never in the file: only the name of the
    environment variable that holds it."""

    host: str
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: str | None = None
    password_env: str = "CHARGEWATCH_SMTP_PASSWORD"
    sender: str
    recipients: tuple[str, ...]
    timeout: float = 30.0  # each connect, read and write on the connection
    send_timeout: float | None = None  # the whole send, connection to QUIT; None: 3 x timeout
    subject_prefix: str = ""

    _timeout = field_validator("timeout", mode="before")(lambda v: parse_duration(v))

    @field_validator("send_timeout", mode="before")
    @classmethod
    def _send_timeout(cls, v: Any) -> float | None:
        if v is None:
            return None
        seconds = parse_duration(v)
        if seconds <= 0:
            raise ValueError(f"invalid duration {v!r}: must be more than 0")
        return seconds

    @property
    def deadline(self) -> float:
        """How long one send may take in all: ``send_timeout``, else three times ``timeout``."""
        return self.send_timeout if self.send_timeout is not None else 3 * self.timeout

    @field_validator("host")
    @classmethod
    def _host(cls, v: str) -> str:
        if not v.strip() or _NOT_IN_HEADER.search(v) or any(c.isspace() for c in v):
            raise ValueError(f"invalid host {v!r}: a host name or address, without spaces or control characters")
        return v

    @field_validator("user", "subject_prefix")
    @classmethod
    def _header_text(cls, v: str | None, info) -> str | None:
        return v if v is None else _header_safe(info.field_name, v)

    @field_validator("sender")
    @classmethod
    def _sender(cls, v: str) -> str:
        _header_safe("sender", v)
        address = v.rsplit("<", 1)[-1].rstrip(">").strip()
        if not _ADDRESS.fullmatch(address):
            raise ValueError(f"invalid sender {v!r}: use name@example.org or 'Name <name@example.org>'")
        return v

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients(cls, v: Any) -> tuple[str, ...]:
        if isinstance(v, str):
            v = [v]
        if not v or not isinstance(v, (list, tuple)):
            raise ValueError("at least one recipient is needed (a list of addresses)")
        for address in v:
            if not isinstance(address, str):
                raise ValueError(f"invalid recipient {address!r}")
            _header_safe("recipient", address)
            if not _ADDRESS.fullmatch(address):
                raise ValueError(f"invalid recipient {address!r}")
        return tuple(v)

    @field_validator("password_env")
    @classmethod
    def _env_name(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v):
            raise ValueError(f"invalid environment variable name {v!r}")
        return v


class ScheduleSettings(_Strict):
    """How `chargewatch run` paces each source and decides it is broken."""

    jitter: float = Field(0.1, ge=0.0, le=0.5)  # each interval varies by up to this fraction either way
    max_backoff: float = 86400.0  # a failing source waits interval x 2^(failures-1), at most this
    pause_after: int = Field(10, ge=1, le=1000)  # consecutive failures before a source is paused
    stale_after: float = 14 * 86400.0  # no new article for this long: flagged "possibly stale"
    spread: float = 120.0  # at a start, sources that are due begin within this long, not all at once

    _durations = field_validator("max_backoff", "stale_after", "spread", mode="before")(lambda v: parse_duration(v))


class DigestSettings(_Strict):
    """When `chargewatch run` makes the daily digest, and where it goes without mail."""

    time: str = "07:30"  # local time, HH:MM
    timezone: str = "UTC"  # an IANA name, e.g. Europe/Brussels (daylight-saving changes handled)
    enabled: bool = True
    dir: str = "digests"  # without a mail section, digests are written here as HTML, Markdown and text

    @field_validator("time")
    @classmethod
    def _time(cls, v: str) -> str:
        m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(v).strip())
        if not m:
            raise ValueError(f"invalid time {v!r}: use HH:MM, e.g. 07:30")
        return f"{int(m.group(1)):02d}:{m.group(2)}"

    @field_validator("timezone")
    @classmethod
    def _zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}: use an IANA name such as Europe/Brussels") from None
        return v


class LoggingSettings(_Strict):
    """Logging of `chargewatch run`: standard error always; a rotating file when ``file`` is set."""

    level: Literal["debug", "info", "warning", "error"] = "info"
    file: str | None = None
    max_bytes: int = 10_000_000
    backups: int = Field(5, ge=0, le=100)

    _sizes = field_validator("max_bytes", mode="before")(lambda v: parse_size(v))


class Settings(_Strict):
    network: NetworkSettings = NetworkSettings()
    stories: StoriesSettings = StoriesSettings()
    mail: MailSettings | None = None
    schedule: ScheduleSettings = ScheduleSettings()
    digest: DigestSettings = DigestSettings()
    logging: LoggingSettings = LoggingSettings()
    notify: NotifySettings | None = None
    base_url: str | None = None  # the review site as staff open it: digests link each story to its page there
    sources: tuple[SourceSpec, ...] = ()

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, v: str | None) -> str | None:
        if v is None:
            return v
        _check_http_url(v)
        if urlsplit(v).query or urlsplit(v).fragment:
            raise ValueError(f"invalid URL {v!r}: the review site's address, without ?query or #fragment")
        return v.rstrip("/")

    @model_validator(mode="after")
    def _unique(self) -> "Settings":
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"duplicate source name {s.name!r}")
            seen.add(s.name)
        return self

    def source(self, name: str) -> SourceSpec:
        for s in self.sources:
            if s.name == name:
                return s
        raise ConfigError(f"no source named {name!r} (known: {', '.join(s.name for s in self.sources)})")
