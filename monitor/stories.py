"""Group copies of one story: the same text under two URLs, syndicated and lightly edited copies.

``assign_story`` runs in the article's own transaction: an exact content-hash match joins that
story; otherwise the MinHash signature's LSH band keys find candidates in SQLite, each checked
with ``dedupe.same_story``; the best match's story is joined, or a new story begins. Nothing is
recomputed for the rest of the archive, and the index is on disk, so memory stays flat.
"""

from __future__ import annotations

from sqlite_utils import Database

from storage import stories as story_store

from .config_models import StoriesSettings
from .dedupe import BANDS, NUM_PERM, Signature, band_keys, exact_similarity, looks_like_copy, same_story, signature, similarity


def assign_story(db: Database, article_id: int, text: str, content_hash: str,
                 settings: StoriesSettings = StoriesSettings(), sig: Signature | None = None,
                 found_on: str | None = None) -> int:
    """Index the article and put it in its story. Call inside the article's transaction.

    A report found on a page (``found_on``: the page's URL) joins that page's story: the page
    and the PDF it publishes are one story, shown once, as the report."""
    sig = sig or signature(text, NUM_PERM)
    keys = band_keys(sig, BANDS)
    story_id = story_store.story_of_url(db, found_on) if found_on else None
    if story_id is None:
        story_id = story_store.story_with_hash(db, content_hash, article_id)
    if story_id is None:
        story_id = best_match(db, article_id, text, sig, keys, settings)
    story_store.index_signature(db, article_id, sig.values, sig.shingles, keys)
    return story_store.place(db, article_id, story_id, looks_like_copy(text))


def best_match(db: Database, article_id: int, text: str, sig: Signature, keys: list[int],
               settings: StoriesSettings) -> int | None:
    cands = [c for c in story_store.candidates(db, keys, exclude=article_id) if c.story_id is not None]
    best, best_score = None, 0.0
    for cand in cands:
        other = Signature(cand.minhash, cand.shingles)
        rough = similarity(sig, other)  # most candidates share a band by chance: dropped here
        if rough.jaccard < settings.threshold - 0.25 and rough.containment < settings.containment - 0.25:
            continue

        def exact(cand_id=cand.article_id):
            return exact_similarity(text, story_store.article_text(db, cand_id) or "")

        if not same_story(sig, other, settings.threshold, settings.containment, exact):
            continue
        score = similarity(sig, other).jaccard
        if score > best_score:
            best, best_score = cand.story_id, score
    return best


def reindex_updated(db: Database, article_id: int, text: str, settings: StoriesSettings = StoriesSettings(),
                    sig: Signature | None = None) -> None:
    """An article's text changed in place: new signature and band keys, same story."""
    sig = sig or signature(text, NUM_PERM)
    old = story_store.signature_of(db, article_id)
    old_keys = band_keys(Signature(*old), BANDS) if old else []
    story_store.index_signature(db, article_id, sig.values, sig.shingles, band_keys(sig, BANDS), old_keys)
    story_id = story_store.story_of_article(db, article_id)
    if story_id is not None:
        story_store.refresh(db, story_id)
