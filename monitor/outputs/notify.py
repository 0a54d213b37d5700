"""The digest's summary in chat: counts, the source-health line and the top stories with their
links, posted through Apprise to every channel of ``notify.urls`` (Slack, Teams, Matrix,
Mattermost, Discord, ntfy...: any Apprise URL).

A chat URL holds its service's token, so the feeds file names an environment variable instead
(``${CHARGEWATCH_SLACK_URL}``), read here at the moment of sending. The secret URL is never
stored, logged or shown: a channel is known by its *label* (the file's text when it refers to a
variable, else Apprise's redacted form of the URL), and an error's text has the URL and every
variable's value cut out before anyone sees it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..config_notify import NotifySettings
from ..errors import ChargewatchError

log = logging.getLogger(__name__)
_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
REDACTED = "[redacted]"


class NotifyError(ChargewatchError):
    """The summary could not be posted to a channel; the message names the channel by its label."""

    kind = "notify"


@dataclass(frozen=True)
class Channel:
    """One chat channel: ``notify.urls[index]`` as written in the feeds file (``template``)."""

    index: int
    template: str
    label: str


def channels(settings: NotifySettings | None) -> list[Channel]:
    """The configured channels, each with a label safe to store and show."""
    if settings is None:
        return []
    out: list[Channel] = []
    for i, url in enumerate(settings.urls):
        label = _label(url)
        if any(c.label == label for c in out):  # two URLs that read alike once redacted
            label = f"{label} (notify.urls[{i}])"
        out.append(Channel(i, url, label))
    return out


def _label(template: str) -> str:
    if _REF.search(template):
        return template  # "${CHARGEWATCH_SLACK_URL}": names the variable, not its value
    import apprise

    plugin = apprise.Apprise.instantiate(template)
    if plugin is None:
        return template.split("://", 1)[0] + "://" + REDACTED
    return plugin.url(privacy=True).split("?", 1)[0]  # the redacted URL, without Apprise's default options


def resolve(channel: Channel, env: Mapping[str, str] | None = None) -> tuple[str, list[str]]:
    """The channel's URL with its ``${VARIABLE}`` references filled in, and the values filled in
    (to be cut out of any error). NotifyError names the key and the variable when one is unset."""
    env = os.environ if env is None else env
    secrets: list[str] = []

    def fill(match: re.Match) -> str:
        name = match.group(1)
        value = env.get(name)
        if not value:
            raise NotifyError(f"notify.urls[{channel.index}] ({channel.label}): the environment variable {name} "
                              "is not set, so this chat channel cannot be reached")
        secrets.append(value)
        return value

    return _REF.sub(fill, channel.template), secrets


def scrub(text: str, url: str) -> str:
    """``text`` (an error, a log line) without the chat URL or any token-like piece of it."""
    return _redact(text, [url, *_pieces(url)])


def _redact(text: str, secrets: list[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def post(channel: Channel, title: str, body: str, *, timeout: float = 10.0,
         env: Mapping[str, str] | None = None) -> None:
    """Post the summary (Markdown) to one channel, or raise NotifyError (with nothing secret in
    it). Nothing is retried here: the delivery stays pending and the next digest run retries it."""
    import apprise

    url, values = resolve(channel, env)
    secrets = [url, *values, *_pieces(url)]
    redactor = _Redactor(secrets)
    apprise_log = logging.getLogger("apprise")
    apprise_log.addFilter(redactor)  # Apprise logs the URL it posts to (at debug): never with the secret
    try:
        client = apprise.Apprise()
        if not client.add(_with_timeouts(url, timeout)):
            raise NotifyError(f"notify.urls[{channel.index}] ({channel.label}): not a URL Apprise can use "
                              "(see https://github.com/caronc/apprise/wiki for each service's URL)")
        with apprise.LogCapture(level=logging.WARNING) as captured:
            try:
                ok = client.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN)
            except Exception as exc:  # a plugin's own failure: reported as this channel's, never raised on
                ok, extra = False, f"{type(exc).__name__}: {exc}"
            else:
                extra = ""
    finally:
        apprise_log.removeFilter(redactor)
    if not ok:
        said = " ".join(line.split(" - ", 2)[-1].strip() for line in captured.getvalue().splitlines() if line.strip())
        reason = _redact(" ".join(p for p in (said, extra) if p), secrets) or "the service refused it"
        raise NotifyError(f"posting the digest to {channel.label} failed: {reason[:500]}")


def _pieces(url: str) -> list[str]:
    """What in a chat URL may be a token: its user and password, every path segment and query
    value, and a host without a dot (``slack://TokenA/TokenB/TokenC``) — pieces of 4 characters
    or more (shorter ones would cut ordinary words out of an error)."""
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(url)
        username, password = parts.username, parts.password
    except ValueError:
        return []
    host = parts.netloc.rsplit("@", 1)[-1].split(":", 1)[0]  # as written (hostname is lower-cased)
    found = [username or "", password or "", *parts.path.split("/"),
             *(v for pair in parts.query.split("&") for v in pair.split("=", 1)[1:])]
    if "." not in host:
        found.append(host)
    return [p for piece in found for p in {piece, unquote(piece)} if len(p) >= 4]


class _Redactor(logging.Filter):
    """While a summary is posted: Apprise's own debug and info records (they spell out the URL
    it posts to) are dropped, and the URL's secrets are cut out of the warnings it keeps."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return False
        message = record.getMessage()
        cleaned = _redact(message, self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def _with_timeouts(url: str, timeout: float) -> str:
    """Apprise's connect (cto) and read (rto) timeouts on the URL, unless it sets its own."""
    if re.search(r"[?&](cto|rto)=", url):
        return url
    return url + ("&" if "?" in url else "?") + f"cto={timeout:g}&rto={timeout:g}"


def summary(data: dict, top: int, digest_url: str | None = None) -> tuple[str, str]:
    """(title, Markdown body) of a digest (``digest.to_data``) for chat: the health line first,
    the counts, the ``top`` stories with their links (the review site's page, and the original),
    and where to read the whole digest."""
    total = data["total"]
    lines = []
    if data.get("health"):
        lines += [f"**Source health:** {data['health']}", ""]
    lines.append(f"**{total} {'story' if total == 1 else 'stories'}** · {data['intro']}")
    counts = [("Automakers", data["automaker_counts"]), ("Topics", data["topic_counts"])]
    for name, rows in counts:
        about = [f"{n} {a}" for n, a, _ in rows if a][:5]
        if about:
            lines.append(f"{name}: {', '.join(about)}")
    items = sorted((i for sec in data["sections"] for i in sec["items"]),
                   key=lambda i: (-i["score"], i["first_seen"] or "", i["story_id"]))[:top]
    if items:
        lines += ["", f"Top {len(items)}:"]
    for n, i in enumerate(items, 1):
        title = _plain(i["title"] or "(no title)")
        main, original = _url(i.get("review") or i.get("link")), _url(i.get("link"))
        line = f"{n}. [{title}]({main})" if main else f"{n}. {title}"
        about = f" · {', '.join(i['subjects'][:3])}" if i["subjects"] else ""
        line += f" ({i['source']}{about})"
        if i.get("review") and original:
            line += f" · [original]({original})"
        lines.append(line)
    if not total:
        lines += ["", data["empty"]]
    if digest_url:
        lines += ["", f"The whole digest: {digest_url}"]
    return data["subject"], "\n".join(lines)


def _url(url: str | None) -> str | None:
    """A URL inside a Markdown link's (...): a bracket or space in it would end the link."""
    return url and url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _plain(text: str) -> str:
    """A title inside a Markdown link's text: no brackets or line breaks to end it early."""
    return " ".join(text.replace("[", "(").replace("]", ")").split())
