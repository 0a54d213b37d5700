"""Load and validate feeds.yaml once, at the edge, into a frozen ``Settings``.

Every error names the file, the line and the key (``feeds.yaml:14: sources[2].interval: ...``),
because the person fixing it is looking at the YAML, not at a Python traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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
    sources: tuple[SourceSpec, ...] = ()

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


# --- YAML with line numbers -------------------------------------------------------------------

MAX_DEPTH = 32  # feeds.yaml needs 4 levels (sources, a source, include, a pattern)


class FeedsLoader(yaml.SafeLoader):
    """PyYAML's safe composer, made safe for a file anyone may hand us (an OPML import writes it):

    - aliases (``*name``) are refused: a feeds file never needs one, and they are how a few lines
      become billions of nodes ("billion laughs") or a node that contains itself;
    - nesting deeper than MAX_DEPTH is refused before Python's recursion limit is reached;
    - a key given twice in one mapping is refused (YAML says keys are unique; PyYAML silently kept
      the last, so a second ``interval:`` overrode the first without a word).

    Each refusal is a ConfigError naming the file and line."""

    def __init__(self, stream, filename: str = "feeds.yaml"):
        super().__init__(stream)
        self.filename = filename
        self.depth = 0

    def _refuse(self, mark, message: str) -> ConfigError:
        return ConfigError(f"{self.filename}:{mark.line + 1}: {message}")

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise self._refuse(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed in a feeds file: "
                                                 "write the value out")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self._refuse(self.peek_event().start_mark,
                                   f"nested more than {MAX_DEPTH} levels deep: not a feeds file")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(anchor)
        seen: dict[tuple, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._refuse(key_node.start_mark, "a key must be a plain name, not a list or a mapping")
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise self._refuse(key_node.start_mark, f"duplicate key {key_node.value!r} "
                                                        f"(first given on line {seen[key]})")
            seen[key] = key_node.start_mark.line + 1
        return node


def compose_yaml(text: str, filename: str = "feeds.yaml") -> yaml.Node | None:
    """The YAML node tree of a feeds file, read by FeedsLoader. Raises ConfigError naming the file
    and line for invalid YAML, aliases, too deep nesting and duplicate keys."""
    loader = FeedsLoader(text, filename)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{filename}:{mark.line + 1}" if mark else filename
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:  # a safety net under MAX_DEPTH
        raise ConfigError(f"{filename}: nested too deep: not a feeds file") from None
    finally:
        loader.dispose()


def _scalar(node: yaml.ScalarNode) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _construct(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value  # a scalar (FeedsLoader let no other key through), as written
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), lines) for i, child in enumerate(node.value)]
    return _scalar(node)


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def load_settings(path: str | Path) -> Settings:
    """Read and validate a feeds file. Raises ConfigError naming the file, line and key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return settings_from_yaml(text, str(path))


def settings_from_yaml(text: str, filename: str = "feeds.yaml") -> Settings:
    node = compose_yaml(text, filename)
    lines: dict[tuple, int] = {}
    data = _construct(node, (), lines) if node is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{filename}:1: the file must be a mapping with 'network' and 'sources'")
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        messages = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = next((lines[loc[:i]] for i in range(len(loc), -1, -1) if loc[:i] in lines), 1)
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = f"unknown key {loc[-1]!r}"
            elif err["type"] == "literal_error":
                msg = f"{msg}, got {err.get('input')!r}"
            messages.append(f"{filename}:{line}: {_dotted(loc)}: {msg}")
        raise ConfigError("\n".join(messages)) from None
