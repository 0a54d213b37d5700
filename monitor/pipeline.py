"""One source through every stage: fetch -> parse -> extract -> dedupe -> store, with its health.

``chargewatch fetch`` (and later the scheduler and the page's "fetch now") call ``run_pass``.
Links are queued durably before articles are fetched; each article is stored in one
transaction; so a kill at any moment loses nothing and the next run completes the set.

A pipeline lives for one pass. The ``Fetcher`` (and the ``ExtractPool``) may outlive it: the
runner passes the one it keeps for the process, so politeness is per host across every job; a
pipeline given none builds its own for the pass and closes it. Either way the pipeline records
each fetch's attempts itself, against the source it is running, from what ``fetch`` returns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import replace
from urllib.parse import urljoin

from sqlite_utils import Database

from storage import articles as article_store
from storage import fetches as fetch_log
from storage import items as queue
from storage import sources as source_store
from storage import supply as supply_review
from storage.tags import rows_of

from .config import Settings, SourceSpec
from .dedupe import NUM_PERM, canonical_url, content_hash, same_site
from .errors import INTERNAL, ChargewatchError, FetchError, HTTPStatusError, ParseError
from .fetch import Fetcher, FetchRecord, FetchResult, attempts_of
from .fetch.charset import scrub
from .fetch.netguard import Resolver
from .parse import Discovery, FeedItem, filter_items, parse_feed, parse_listing, parse_sitemap
from .source_report import SourceReport, internal_error
from .stories import assign_story, reindex_updated
from .workers import ExtractPool

log = logging.getLogger(__name__)

MAX_CHILD_SITEMAPS = 20
MAX_ATTEMPTS = 3


Progress = Callable[[str, int], None]  # ("queued", n) or ("done", n)


class Pipeline:
    def __init__(self, settings: Settings, db: Database, *, resolver: Resolver | None = None,
                 progress: Progress | None = None, sleep: Callable[[float], None] = time.sleep,
                 extractor: ExtractPool | None = None, stop: threading.Event | None = None,
                 fetcher: Fetcher | None = None):
        self.settings = settings
        self.stop = stop or threading.Event()  # set: start no new article; the queue keeps the rest
        self.db = db
        self.story_settings = settings.stories
        self.lock = threading.RLock()
        self.progress = progress or (lambda event, n: None)
        self._reports: dict[str, SourceReport] = {}
        self._own_fetcher = fetcher is None  # given: the runner's, shared, closed by the runner
        self.fetcher = fetcher or Fetcher(settings.network, resolver=resolver, sleep=sleep)
        self._own_extractor = extractor is None
        self.extractor = extractor or ExtractPool(settings.network.extract_workers)
        self.threads = ThreadPoolExecutor(settings.network.workers, thread_name_prefix="fetch")
        self.lease_owner = source_store.new_lease_owner()  # one process fetches a source at a time

    def close(self) -> None:
        self.threads.shutdown(wait=True, cancel_futures=True)
        if self._own_extractor:
            self.extractor.close()
        if self._own_fetcher:
            self.fetcher.close()

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the pass ------------------------------------------------------------------------------

    def run(self, sources: list[SourceSpec] | None = None) -> list[SourceReport]:
        specs = list(sources if sources is not None else [s for s in self.settings.sources if s.enabled])
        with self.lock:
            source_store.sync_sources(self.db, self.settings.sources)
        if not specs:
            return []
        self.extractor.start()  # workers import while the feeds are read
        with ThreadPoolExecutor(min(4, len(specs)), thread_name_prefix="source") as pool:
            return list(pool.map(self._run_source_guarded, specs))

    def _run_source_guarded(self, spec: SourceSpec) -> SourceReport:
        """run_source, and whatever goes wrong in it is that source's failure: never the pass's."""
        try:
            return self.run_source(spec)
        except Exception as exc:
            log.exception("source=%s: the run failed unexpectedly", spec.name)
            report = self._reports.get(spec.name) or SourceReport(spec.name)
            report.error, report.error_kind = internal_error(exc), INTERNAL
            try:
                self._locked(source_store.record_failure, self.db, spec.name, report.error, kind=INTERNAL)
            except Exception:
                log.exception("source=%s: its failure could not be recorded", spec.name)
            return report

    def run_source(self, spec: SourceSpec) -> SourceReport:
        report = SourceReport(spec.name)
        self._reports[spec.name] = report
        started = time.monotonic()
        holder = self._locked(source_store.take_lease, self.db, spec.name, self.lease_owner)
        if holder is not None:  # another process is fetching this source right now
            report.busy = f"pid {holder.pid} on {holder.host} since {holder.taken}"
            report.errors.append(f"left alone: another chargewatch process ({report.busy}) is fetching it")
            log.info("source=%s busy: another process (%s) is fetching it", spec.name, report.busy)
            return report
        try:
            return self._run_leased(spec, report, started)
        finally:
            try:
                self._locked(source_store.release_lease, self.db, spec.name, self.lease_owner)
            except Exception:  # a stale lease is taken over by the next run anyway
                log.exception("source=%s: its lease could not be released", spec.name)

    def _run_leased(self, spec: SourceSpec, report: SourceReport, started: float) -> SourceReport:
        run_id = self._locked(source_store.record_run_start, self.db, spec.name)
        try:
            self._discover(spec, report)
        except ChargewatchError as exc:
            report.error, report.error_kind = scrub(str(exc)), exc.kind
            log.warning("source=%s error=%r", spec.name, report.error)
        except Exception as exc:  # a bug or input nobody foresaw: this source's failure, not the run's
            log.exception("source=%s: discovery failed unexpectedly", spec.name)
            report.error, report.error_kind = internal_error(exc, spec.url), INTERNAL
        try:
            self._fetch_queued(spec, report)
        except Exception as exc:
            log.exception("source=%s: fetching its queue failed unexpectedly", spec.name)
            if not report.error:
                report.error, report.error_kind = internal_error(exc, spec.url), INTERNAL
        with self.lock:
            if report.error:
                source_store.record_failure(self.db, spec.name, report.error, kind=report.error_kind)
            elif report.warning:  # a feed read despite its damage: a parse error, not a failure
                source_store.record_partial(self.db, spec.name, report.warning, kind=ParseError.kind)
            else:
                source_store.record_success(self.db, spec.name)
            source_store.record_run_end(self.db, run_id, status=report.status, new=report.new, updated=report.updated,
                                        unchanged=report.unchanged, failed=report.failed, bytes_=report.bytes,
                                        error=report.error or report.warning)
        report.seconds = time.monotonic() - started
        log.info("fetched source=%s status=%s new=%d updated=%d unchanged=%d failed=%d bytes=%d seconds=%.1f",
                 spec.name, report.status, report.new, report.updated, report.unchanged, report.failed,
                 report.bytes, report.seconds)
        return report

    def _fetch_queued(self, spec: SourceSpec, report: SourceReport) -> None:
        attempted: set[str] = set()  # a failure waits for the next run, not the next wave
        for _wave in range(3):  # articles, then the PDFs they link, then (rarely) more
            if self.stop.is_set():
                break
            todo = [i for i in self._locked(queue.pending, self.db, spec.name) if i.url not in attempted]
            if not todo:
                break
            attempted.update(i.url for i in todo)
            self.progress("queued", len(todo))
            wait([self.threads.submit(self._process_item, spec, item, report) for item in todo])

    # -- discovery -----------------------------------------------------------------------------

    def _fetch_document(self, spec: SourceSpec, url: str, report: SourceReport):
        etag, last_modified = self._locked(source_store.get_validators, self.db, url)
        result = self._fetch(spec, report, url, etag=etag, last_modified=last_modified)
        report.documents += 1
        if result.not_modified:
            report.unchanged += 1
        return result

    def _parse(self, spec: SourceSpec, result: FetchResult, kind: str) -> Discovery:
        body = result.body
        if kind == "feed":
            return parse_feed(body, result.final_url, result.content_type)
        if kind == "sitemap":
            return parse_sitemap(body, result.final_url)
        return parse_listing(body, result.final_url, spec.selector, result.charset)

    def _discover(self, spec: SourceSpec, report: SourceReport) -> None:
        result = self._fetch_document(spec, spec.url, report)
        validators = [(spec.url, result.etag, result.last_modified)]
        items: list[FeedItem] = []
        children: list[str] = []
        if not result.not_modified:
            found = self._parse(spec, result, spec.kind)
            if found.warning:
                report.warning = f"{found.warning} ({result.final_url})"
            items.extend(found.items)
            children = list(found.children[:MAX_CHILD_SITEMAPS])
        elif spec.kind == "sitemap":
            children = self._locked(source_store.known_documents, self.db, spec.name, spec.url)
        child_errors = []
        for child in children:
            try:
                sub = self._fetch_document(spec, child, report)
                validators.append((child, sub.etag, sub.last_modified))
                if not sub.not_modified:
                    items.extend(self._parse(spec, sub, "sitemap").items)
            except ChargewatchError as exc:
                child_errors.append(scrub(str(exc)))
            except Exception as exc:  # one child sitemap's surprise is that child's error
                log.exception("source=%s: child sitemap %s failed unexpectedly", spec.name, child)
                child_errors.append(internal_error(exc, child))
        if children and len(child_errors) == len(children):
            raise ParseError(f"every child sitemap failed: {child_errors[0]}", spec.url)
        report.errors.extend(child_errors)
        chosen = self._select(spec, items, report)
        with self.lock:
            if spec.kind == "sitemap" and not result.not_modified:
                source_store.forget_documents(self.db, spec.name, [v[0] for v in validators])
            queue.enqueue(self.db, spec.name, chosen, validators)

    def _select(self, spec: SourceSpec, items: list[FeedItem], report: SourceReport | None = None
                ) -> list[FeedItem]:
        canon = {}
        for item in items:
            try:
                url = canonical_url(item.url)
                if url not in canon:
                    canon[url] = replace(item, url=url)
            except Exception as exc:  # a link that cannot be canonicalised is that link's error
                if report is not None:
                    report.errors.append(f"link skipped: {internal_error(exc, item.url)}")
        kept = list(filter_items(canon.values(), spec.include, spec.exclude))
        kept.sort(key=lambda i: i.published or "", reverse=True)
        return kept[: spec.max_items]

    # -- articles ------------------------------------------------------------------------------

    def _process_item(self, spec: SourceSpec, item: queue.ItemRow, report: SourceReport) -> None:
        if self.stop.is_set():  # stopping: the item stays pending in the queue for the next run
            self.progress("done", 1)
            return
        try:
            self._store_item(spec, item, report)
        except (FetchError, ParseError) as exc:
            if self._store_blocked(spec, item, exc, report):
                return
            message = scrub(str(exc))
            state = self._locked(queue.mark_failed, self.db, item.url, message,
                                 permanent=exc.permanent, max_attempts=MAX_ATTEMPTS, kind=exc.kind)
            with self.lock:
                report.failed += 1
                report.errors.append(message + ("" if state == "failed" else " (will retry)"))
            log.warning("source=%s url=%s error=%r", spec.name, item.url, message)
        except Exception as exc:  # a bug, not bad input: record it against the item and go on
            log.exception("source=%s url=%s internal error", spec.name, item.url)
            self._locked(queue.mark_failed, self.db, item.url, internal_error(exc),
                         permanent=False, max_attempts=MAX_ATTEMPTS, kind=INTERNAL)
            with self.lock:
                report.failed += 1
                report.errors.append(internal_error(exc, item.url))
        finally:
            self.progress("done", 1)

    def _store_item(self, spec: SourceSpec, item: queue.ItemRow, report: SourceReport) -> None:
        net = self.settings.network
        expect_pdf = item.kind == "report"
        existing = self._locked(article_store.article_for_url, self.db, item.url)  # set: a refresh
        result = self._fetch(spec, report, item.url, max_bytes=net.max_pdf_bytes if expect_pdf else net.max_bytes)
        final = canonical_url(result.final_url)
        if existing is None and final != item.url and self._already_stored(final, item):
            return
        done = self.extractor.extract(result.body, final, charset=result.charset, expect_pdf=expect_pdf,
                                      max_pdf_pages=net.max_pdf_pages, num_perm=NUM_PERM)
        page, tags, sig = done.page, done.tags, done.signature
        url = final
        if page.canonical:
            canonical = canonical_url(urljoin(final, page.canonical))
            if canonical.startswith(("http://", "https://")) and same_site(canonical, final):
                url = canonical
        if existing is None and url != item.url and self._already_stored(url, item, also=final):
            return
        new_items = []
        if spec.follow_pdfs and page.kind == "article":
            links = [canonical_url(u) for u in page.pdf_links]
            new_items = [FeedItem(url=u, kind="report", via=url) for u in links]
            new_items = list(filter_items(new_items, (), spec.exclude))
        article = article_store.NewArticle(
            url=url, title=page.title or item.title, text=page.text, author=page.author or item.author,
            published=item.published or page.published, source=spec.name, kind=page.kind,
            language=page.language, content_hash=done.content_hash, via=item.via,
            text_from="pdf" if page.kind == "report" else "page")
        with self.lock, self.db.atomic():
            if existing is not None:
                changed = article_store.update_article(self.db, existing, article, tags=rows_of(tags))
                if changed:
                    reindex_updated(self.db, existing, page.text, self.story_settings, sig)
                    supply_review.add_proposals(self.db, existing, done.proposals)
                queue.mark_done(self.db, item.url)
                report.updated += int(changed)
                return
            article_id, created = article_store.save_article(
                self.db, article, aliases=[item.url, final], item_url=item.url, new_items=new_items,
                tags=rows_of(tags))
            if created:
                assign_story(self.db, article_id, page.text, article.content_hash, self.story_settings, sig,
                             found_on=item.via if page.kind == "report" else None)
            supply_review.add_proposals(self.db, article_id, done.proposals)
            report.new += int(created)

    def _already_stored(self, url: str, item: queue.ItemRow, also: str | None = None) -> bool:
        """The page is known under another URL: record the alias, close the item, store nothing."""
        with self.lock:
            return article_store.add_aliases(self.db, url, [item.url, also], item_url=item.url)

    def _store_blocked(self, spec: SourceSpec, item: queue.ItemRow, exc: Exception,
                       report: SourceReport) -> bool:
        """A page behind a bot wall (401/403) still gives its headline: keep what the listing said."""
        if not (isinstance(exc, HTTPStatusError) and exc.status in (401, 403) and item.title):
            return False
        text = item.summary or ""
        tags = self.extractor.tag(text, item.title, item.url)
        article = article_store.NewArticle(
            url=item.url, title=item.title, text=text, author=item.author, published=item.published,
            source=spec.name, kind=item.kind, language=None, content_hash=content_hash(text),
            via=item.via, text_from="listing")
        with self.lock, self.db.atomic():
            article_id, created = article_store.save_article(self.db, article, item_url=item.url,
                                                             tags=rows_of(tags))
            if created:
                assign_story(self.db, article_id, text or item.title, article.content_hash, self.story_settings)
            report.new += int(created)
            report.errors.append(f"{exc}: stored the headline from the listing only")
        return True

    # -- bookkeeping ---------------------------------------------------------------------------

    def _fetch(self, spec: SourceSpec, report: SourceReport, url: str, **options) -> FetchResult:
        """fetcher.fetch, with every attempt it made (robots.txt, retries, redirect hops)
        recorded against this source, whether it succeeded or raised."""
        try:
            result = self.fetcher.fetch(url, **options)
        except Exception as exc:
            self._record_attempts(spec.name, report, attempts_of(exc))
            raise
        self._record_attempts(spec.name, report, result.attempts)
        return result

    def _record_attempts(self, source: str, report: SourceReport, attempts: tuple[FetchRecord, ...]) -> None:
        if not attempts:
            return
        with self.lock:
            for record in attempts:
                fetch_log.record_fetch(self.db, source, record.url, record.status, record.bytes,
                                       record.duration_ms, record.error)
                report.bytes += record.bytes

    def _locked(self, fn, *args, **kwargs):
        with self.lock:
            return fn(*args, **kwargs)


def run_pass(settings: Settings, db: Database, *, only: str | None = None,
             resolver: Resolver | None = None, progress: Progress | None = None,
             extractor: ExtractPool | None = None, stop: threading.Event | None = None,
             names: list[str] | None = None, fetcher: Fetcher | None = None) -> list[SourceReport]:
    """Fetch every enabled source (or just ``only``, or the sources ``names``) once.

    With ``fetcher`` (the runner's, kept for the process) the pass uses it and leaves it open;
    without, the pass builds its own and closes it at the end."""
    specs = [settings.source(only)] if only else [settings.source(n) for n in names] if names is not None else None
    with Pipeline(settings, db, resolver=resolver, progress=progress, extractor=extractor, stop=stop,
                  fetcher=fetcher) as pipeline:
        return pipeline.run(specs)
