"""Re-tag every stored article after the registry or the taxonomy changed (both cores)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from sqlite_utils import Database

from nlp.parallel import tag_many
from storage import articles as article_store
from storage import tags as tag_store


def retag(db: Database, *, processes: int = 2, batch_size: int = 500,
          progress: Callable[[int], None] | None = None) -> int:
    """Replace the tagger's tags on every article (corrections by staff stay). Returns the count."""
    ids: deque[int] = deque()

    def texts():
        after = 0
        while True:
            page = tag_store.articles_to_tag(db, after, 2000)
            if not page:
                return
            for article_id, text, title in page:
                ids.append(article_id)
                yield text, title
            after = page[-1][0]

    done, pending = 0, []
    for values in tag_many(texts(), processes=processes, convert=tag_store.stored_values):
        pending.append((ids.popleft(), values))
        if len(pending) >= batch_size:
            tag_store.replace_many(db, pending, prepared=True)
            done += len(pending)
            if progress:
                progress(len(pending))
            pending = []
    if pending:
        tag_store.replace_many(db, pending, prepared=True)
        done += len(pending)
        if progress:
            progress(len(pending))
    return done


def total_articles(db: Database) -> int:
    return article_store.count_articles(db)
