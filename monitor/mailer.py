"""Send a digest over SMTP: a multipart/alternative message, plain text first, then HTML."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from storage import clock

from .config import MailSettings
from .errors import ChargewatchError


class MailError(ChargewatchError):
    """The digest could not be sent; the message says why (host, port, server reply)."""


def build_message(mail: MailSettings, subject: str, text: str, html: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"{mail.subject_prefix}{subject}"
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.recipients)
    msg["Date"] = formatdate(clock.now().timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(domain=mail.sender.rsplit("@", 1)[-1].rstrip(">").strip() or None)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def send(mail: MailSettings, subject: str, text: str, html: str) -> None:
    """Deliver to every recipient, or raise MailError (nothing is retried here: the digest stays
    pending and the next ``digest --send`` tries again)."""
    password = None
    if mail.user:
        password = os.environ.get(mail.password_env)
        if password is None:
            raise MailError(f"mail.user is set but the environment variable {mail.password_env} "
                            "(mail.password_env) holding the password is not")
    msg = build_message(mail, subject, text, html)
    where = f"{mail.host}:{mail.port}"
    try:
        if mail.security == "ssl":
            server = smtplib.SMTP_SSL(mail.host, mail.port, timeout=mail.timeout,
                                      context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout)
        with server:
            if mail.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if mail.user:
                server.login(mail.user, password or "")
            refused = server.send_message(msg)
        if refused:
            raise MailError(f"{where} refused {', '.join(refused)}")
    except smtplib.SMTPException as exc:
        raise MailError(f"sending the digest through {where} failed: {exc}") from None
    except (OSError, ssl.SSLError) as exc:
        raise MailError(f"cannot reach the mail server {where}: {exc}") from None
