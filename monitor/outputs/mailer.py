"""Send a digest over SMTP: a multipart/alternative message, plain text first, then HTML.

Two limits bound a send: ``mail.timeout`` for each connect, read and write, and a deadline for the
whole send (``mail.send_timeout``, by default three times ``mail.timeout``). The first alone does
not stop a server that trickles its replies a byte at a time (every read returns in time, and the
send never ends); the deadline is kept by a watchdog thread that shuts the connection down.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
import threading
import email.policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from storage import clock
from storage.articles import clean_text

from ..config import MailSettings
from ..errors import ChargewatchError


class MailError(ChargewatchError):
    """The digest could not be sent; the message says why (host, port, server reply)."""

    kind = "mail"


# a header is one line: control characters (CR and LF above all) become spaces
_HEADER_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _one_line(text: str) -> str:
    return " ".join(_HEADER_BREAKS.sub(" ", text).split())


_POLICY = email.policy.SMTP.clone(max_line_length=998)


def build_message(mail: MailSettings, subject: str, text: str, html: str) -> EmailMessage:
    """The message: the subject on one line, the text and HTML parts without what XML cannot
    carry (clean_text), so a title stored with a NUL or ESC cannot break the mail or its reader.
    Headers are folded at RFC 5322's hard limit of 998 characters, not its advised 78: the email
    package folds a 70-78 character subject by moving all of it to a continuation line, which
    some readers show with a leading space."""
    msg = EmailMessage(policy=_POLICY)
    msg["Subject"] = _one_line(f"{mail.subject_prefix}{subject}")
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.recipients)
    msg["Date"] = formatdate(clock.now().timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(domain=mail.sender.rsplit("@", 1)[-1].rstrip(">").strip() or None)
    msg.set_content(clean_text(text) or "")
    msg.add_alternative(clean_text(html) or "", subtype="html")
    return msg


class _Deadline:
    """Shuts the SMTP connection down when the whole send takes longer than ``seconds``.

    It keeps a duplicate of the connection's socket (taken before any TLS handshake), so it can
    shut down the connection under a TLS socket too; a read blocked in the sending thread then
    returns at once and smtplib raises."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._lock = threading.Lock()
        self._socks: list[socket.socket] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="smtp-deadline", daemon=True)

    def __enter__(self) -> "_Deadline":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()  # at once: _done wakes it
        with self._lock:
            for sock in self._socks:
                sock.close()
            self._socks.clear()

    def adopt(self, sock: socket.socket) -> None:
        with self._lock:
            dup = sock.dup()
            self._socks.append(dup)
            if self.expired:
                _shut(dup)

    def _watch(self) -> None:
        if self._done.wait(self.seconds):
            return
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _SMTP(smtplib.SMTP):
    """smtplib's SMTP (it connects when made), its socket handed to the deadline as soon as it is
    connected."""

    def __init__(self, host: str, port: int, *, deadline: _Deadline, **kwargs):
        self.deadline = deadline
        super().__init__(host, port, **kwargs)

    def _get_socket(self, host, port, timeout):
        sock = super()._get_socket(host, port, timeout)
        self.deadline.adopt(sock)
        return sock


class _SMTPSSL(smtplib.SMTP_SSL, _SMTP):
    """SMTP over TLS: SMTP_SSL wraps the socket _SMTP made (and handed over) before the handshake."""

    def __init__(self, host: str, port: int, *, deadline: _Deadline, **kwargs):
        self.deadline = deadline
        smtplib.SMTP_SSL.__init__(self, host, port, **kwargs)  # (it calls SMTP.__init__ itself)


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
    with _Deadline(mail.deadline) as deadline:
        try:
            _deliver(mail, msg, password, deadline)
        except MailError:
            raise
        except (smtplib.SMTPException, OSError) as exc:  # ssl.SSLError is an OSError
            if deadline.expired:
                raise MailError(f"the mail server {where} did not take the digest within {mail.deadline:g} s "
                                f"(mail.send_timeout; each read may take mail.timeout, {mail.timeout:g} s): "
                                "gave up") from None
            if isinstance(exc, smtplib.SMTPException):
                raise MailError(f"sending the digest through {where} failed: {exc}") from None
            raise MailError(f"cannot reach the mail server {where}: {exc}") from None


def _deliver(mail: MailSettings, msg: EmailMessage, password: str | None, deadline: _Deadline) -> None:
    if mail.security == "ssl":  # connects, and reads the greeting, under the deadline
        server: _SMTP = _SMTPSSL(mail.host, mail.port, deadline=deadline, timeout=mail.timeout,
                                 context=ssl.create_default_context())
    else:
        server = _SMTP(mail.host, mail.port, deadline=deadline, timeout=mail.timeout)
    sent = False
    try:
        if mail.security == "starttls":
            server.starttls(context=ssl.create_default_context())
        if mail.user:
            server.login(mail.user, password or "")
        refused = server.send_message(msg)
        sent = True
        if refused:
            raise MailError(f"{mail.host}:{mail.port} refused {', '.join(refused)}")
    finally:
        if sent:  # accepted: a QUIT that fails or trickles past the deadline changes nothing
            try:
                server.quit()
            except (smtplib.SMTPException, OSError):
                pass
        server.close()
