"""Sending digests: by mail (monitor/outputs/mailer.py) and their summary to chat
(monitor/outputs/notify.py), each delivery recorded so that none is lost and none is made twice.

A failed mail leaves its digest pending; a failed chat post leaves that channel's delivery
pending (the others that got it are done). The next run retries what is pending, oldest first,
before making today's digest; a retried chat summary is the digest as it was made
(``digests.data``), so it says what the mail said.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from storage import digests as store

from ..config_models import MailSettings
from ..config_notify import NotifySettings
from . import notify as chat
from .digest import Digest, Presentation, make_digest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    digest_id: int
    subject: str
    error: str | None  # None when it went out
    channel: str = "mail"  # "mail", or a chat channel's label


def deliver_digests(db, *, mail: MailSettings | None = None, notify: NotifySettings | None = None,
                    look: Presentation | None = None, since: str | None = None, now: datetime | None = None,
                    delivery: str | None = None, env: Mapping[str, str] | None = None
                    ) -> tuple[int, Digest, dict[str, str], list[Delivery]]:
    """Retry what earlier sends left pending (mail, then chat), then make a new digest and send
    it by mail (``mail``) and to every chat channel (``notify``). Each outcome is recorded at
    once. Returns (id, digest, renderings, deliveries)."""
    look = look or Presentation()
    deliveries: list[Delivery] = []
    if mail is not None:
        for record in store.pending(db):
            found = store.get_digest(db, record.id)
            if found is not None:
                deliveries.append(_mail_one(db, mail, record.id, record.subject, found[1]["text"], found[1]["html"]))
    configured = {c.label: c for c in chat.channels(notify)}
    if notify is not None:
        deliveries += _retry_chats(db, notify, configured, env)
    digest_id, digest, out = make_digest(db, since=since, now=now, look=look, channels=list(configured),
                                         delivery=delivery or ("mail" if mail is not None else "printed"))
    if mail is not None:
        deliveries.append(_mail_one(db, mail, digest_id, digest.subject, out["text"], out["html"]))
    if notify is not None:
        found = store.get_digest(db, digest_id)
        data = json.loads(found[1]["data"])
        for channel in configured.values():
            deliveries.append(_post_one(db, notify, channel, digest_id, data, env))
    return digest_id, digest, out, deliveries


def _retry_chats(db, notify: NotifySettings, configured: dict[str, chat.Channel],
                 env: Mapping[str, str] | None) -> list[Delivery]:
    """Post again every pending chat delivery whose channel is still configured (one removed
    from the feeds file is left as it is: there is nowhere to post it)."""
    out = []
    data_of: dict[int, dict | None] = {}
    for pending in store.pending_chats(db):
        channel = configured.get(pending.channel)
        if channel is None:
            continue
        if pending.digest_id not in data_of:
            found = store.get_digest(db, pending.digest_id)
            data_of[pending.digest_id] = json.loads(found[1]["data"]) if found and found[1]["data"] else None
        data = data_of[pending.digest_id]
        if data is None:
            continue
        out.append(_post_one(db, notify, channel, pending.digest_id, data, env))
    return out


def _mail_one(db, mail: MailSettings, digest_id: int, subject: str, text: str, html: str) -> Delivery:
    from . import mailer

    try:
        mailer.send(mail, subject, text, html)
    except mailer.MailError as exc:
        store.record_failure(db, digest_id, str(exc))
        return Delivery(digest_id, subject, str(exc))
    store.record_sent(db, digest_id)
    return Delivery(digest_id, subject, None)


def _post_one(db, notify: NotifySettings, channel: chat.Channel, digest_id: int, data: dict,
              env: Mapping[str, str] | None) -> Delivery:
    base = data.get("base_url")
    title, body = chat.summary(data, notify.top, f"{base}/digests/{digest_id}" if base else None)
    try:
        chat.post(channel, title, body, timeout=notify.timeout, env=env)
    except chat.NotifyError as exc:
        store.record_chat_failure(db, digest_id, channel.label, str(exc))
        return Delivery(digest_id, title, str(exc), channel.label)
    store.record_chat_sent(db, digest_id, channel.label)
    return Delivery(digest_id, title, None, channel.label)
