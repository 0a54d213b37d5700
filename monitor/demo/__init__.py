"""``make demo``: the whole pipeline offline, on the bundled sample site served on loopback.

The site is ``sample_site/`` (five made-up news sources, see its README.md); ``sitesrv.py``
serves it, for the demo, the tests and the benchmarks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from storage import open_db
from storage.db import in_use

from ..config import Settings, settings_from_yaml
from ..errors import ConfigError, DatabaseError
from .sitesrv import SAMPLE_SITE, SiteServer

DEMO_FEEDS = SAMPLE_SITE / "feeds.yaml"


def demo_settings(base: str) -> Settings:
    """The demo's sources, pointed at a sample server on ``base`` (http://127.0.0.1:PORT)."""
    text = DEMO_FEEDS.read_text(encoding="utf-8").replace("{BASE}", base)
    text = text.replace("{HOSTPORT}", base.removeprefix("http://"))
    return settings_from_yaml(text, str(DEMO_FEEDS))


def run_demo(db_path: str, port: int = 8765, runs: int = 3) -> Iterator[tuple[str, list]]:
    """Pass 1 stores the site; pass 2 finds it unchanged (304s); before pass 3 the site updates one
    article (its Atom entry's <updated> moves on), which is fetched again and updated in place."""
    from ..pipeline import run_pass

    if in_use(db_path):
        raise DatabaseError(f"{db_path} is open in another chargewatch process (serve or run): stop it first, "
                            "or give the demo another --db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    try:
        server = SiteServer(port=port)
    except OSError as exc:
        raise ConfigError(f"cannot serve the sample site on 127.0.0.1:{port}: {exc} (try --port)") from None
    with server:
        settings = demo_settings(server.base)
        db = open_db(Path(db_path))
        labels = ["first pass", "second pass: nothing changed", "third pass: the site updated an article"]
        for i in range(runs):
            if i == 2:
                server.version = 2
            yield labels[min(i, 2)], run_pass(settings, db)
