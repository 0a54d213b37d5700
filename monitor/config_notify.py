"""The ``notify`` section of feeds.yaml: the chat channels the digest's summary is posted to.

Its own module only because monitor/config_models.py stays under 400 lines; Settings holds it."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ENV_REF = re.compile(r"\$\{([^}]*)\}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class NotifySettings(BaseModel):
    """Where the digest's summary goes in chat: Apprise URLs (Slack, Teams, Matrix, Mattermost,
    Discord, ntfy...). A URL carries its service's token, so the file holds a reference to an
    environment variable instead (``${CHARGEWATCH_SLACK_URL}``, or ``slack://${SLACK_TOKEN}``),
    read when the summary is sent (monitor/outputs/notify.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    urls: tuple[str, ...]
    top: int = Field(5, ge=0, le=25)  # stories the summary lists, with their links
    timeout: float = 10.0  # each connect and read to a chat service

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, v: Any) -> float:
        from .config_models import parse_duration  # (it imports this module)

        seconds = parse_duration(v)
        if seconds <= 0:
            raise ValueError(f"invalid duration {v!r}: must be more than 0")
        return seconds

    @field_validator("urls", mode="before")
    @classmethod
    def _urls(cls, v: Any) -> tuple[str, ...]:
        if isinstance(v, str):
            v = [v]
        if not v or not isinstance(v, (list, tuple)):
            raise ValueError("at least one Apprise URL is needed (a list, e.g. ['${CHARGEWATCH_SLACK_URL}'])")
        seen = set()
        for url in v:
            if not isinstance(url, str) or not url.strip():
                raise ValueError(f"invalid entry {url!r}: an Apprise URL or ${{ENVIRONMENT_VARIABLE}}")
            for name in _ENV_REF.findall(url):
                if not _ENV_NAME.fullmatch(name):
                    raise ValueError(f"invalid environment variable name {name!r} in ${{...}}")
            if not _ENV_REF.search(url) and "://" not in url:
                raise ValueError("an entry is neither an Apprise URL (scheme://...) nor a ${ENVIRONMENT_VARIABLE}")
            if url in seen:
                raise ValueError("the same chat URL is listed twice")
            seen.add(url)
        return tuple(v)
