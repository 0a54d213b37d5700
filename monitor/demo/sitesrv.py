"""A small static server for the bundled sample site (``make demo``, tests, benchmarks).

It behaves like a well-run news site: ETag and Last-Modified with 304s, gzip when asked,
``X.xml.gz`` made from ``X.xml`` on the fly, and ``{BASE}`` in text files replaced by the
server's own address so the site works on any port. Tests add routes for hostile cases and read
``requests`` to see what the pipeline asked for.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SAMPLE_SITE = Path(__file__).with_name("sample_site")
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
         ".json": "application/feed+json; charset=utf-8", ".pdf": "application/pdf",
         ".txt": "text/plain; charset=utf-8", ".gz": "application/x-gzip"}
TEXT = (".html", ".xml", ".json", ".txt")
LAST_MODIFIED = formatdate(1_795_000_000, usegmt=True)  # a fixed date: the site never changes

Route = Callable[[BaseHTTPRequestHandler], None]


class SiteServer:
    """Serve ``root`` on 127.0.0.1:port (0 = any free port) in a background thread."""

    def __init__(self, root: Path = SAMPLE_SITE, host: str = "127.0.0.1", port: int = 0,
                 routes: dict[str, Route] | None = None, pages: dict[str, tuple[str, bytes]] | None = None):
        self.root = Path(root)
        self.routes = dict(routes or {})
        self.pages = dict(pages or {})  # path -> (content type, body), e.g. generated benchmark pages
        self.requests: list[tuple[str, int]] = []
        self.version = 1  # 2 serves X.v2.ext in place of X.ext: the site updated some pages
        self._lock = threading.Lock()
        self._gzip_cache: dict[str, bytes] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms ack wait

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server._handle(self)

            def do_HEAD(self):
                server._handle(self, head=True)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client that hung up is not news
                import sys

                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self.httpd = Server((host, port), Handler)
        self.httpd.daemon_threads = True
        self.host, self.port = self.httpd.server_address[:2]
        self.base = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def start(self) -> "SiteServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def paths_requested(self) -> list[str]:
        with self._lock:
            return [p for p, _ in self.requests]

    def log(self, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((path, status))

    # -- serving -------------------------------------------------------------------------------

    def _handle(self, h: BaseHTTPRequestHandler, head: bool = False) -> None:
        path = urlsplit(h.path).path
        if path in self.routes:
            self.log(path, 0)
            self.routes[path](h)
            return
        found = self._load(path)
        if found is None:
            self._send(h, path, 404, "text/plain", b"not found", head=head)
            return
        ctype, body = found
        etag = self._etag(body)
        if h.headers.get("If-None-Match") == etag or self._not_modified_since(h):
            self._send(h, path, 304, None, b"", etag=etag, head=True)
            return
        encoding = None
        if "gzip" in (h.headers.get("Accept-Encoding") or "") and not ctype.startswith(("application/pdf", "application/x-gzip")):
            body, encoding = self._gzipped(etag, body), "gzip"
        self._send(h, path, 200, ctype, body, etag=etag, encoding=encoding, head=head)

    def precompress(self) -> None:
        """Compress every in-memory page now (benchmarks: the site's CPU is not ours to count)."""
        for ctype, body in self.pages.values():
            if not ctype.startswith(("application/pdf", "application/x-gzip")):
                self._gzipped(self._etag(body), body)

    @staticmethod
    def _etag(body: bytes) -> str:
        return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    def _gzipped(self, etag: str, body: bytes) -> bytes:
        """Compressed once per version, as a real site's cache would."""
        with self._lock:
            hit = self._gzip_cache.get(etag)
        if hit is None:
            hit = gzip.compress(body, compresslevel=6, mtime=0)
            with self._lock:
                if len(self._gzip_cache) > 50_000:
                    self._gzip_cache.clear()
                self._gzip_cache[etag] = hit
        return hit

    @staticmethod
    def _not_modified_since(h) -> bool:
        since = h.headers.get("If-Modified-Since")
        if not since or h.headers.get("If-None-Match"):
            return False
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(LAST_MODIFIED)
        except (TypeError, ValueError):
            return False

    def _load(self, path: str) -> tuple[str, bytes] | None:
        if path in self.pages:
            return self.pages[path]
        rel = unquote(path).lstrip("/")
        if rel.endswith("/") or rel == "":
            rel += "index.html"
        if self.version >= 2:
            stem, dot, ext = rel.rpartition(".")
            if dot and (self.root / f"{stem}.v2.{ext}").is_file():
                rel = f"{stem}.v2.{ext}"
        file = (self.root / rel).resolve()
        if self.root.resolve() not in file.parents:
            return None
        if not file.is_file() and rel.endswith(".gz"):
            plain = file.with_suffix("")
            if plain.is_file():
                return TYPES[".gz"], gzip.compress(self._read(plain), mtime=0)
            return None
        if not file.is_file():
            return None
        return TYPES.get(file.suffix, "application/octet-stream"), self._read(file)

    def _read(self, file: Path) -> bytes:
        body = file.read_bytes()
        if file.suffix in TEXT:
            body = body.replace(b"{BASE}", self.base.encode())
        return body

    def _send(self, h, path, status, ctype, body, *, etag=None, encoding=None, head=False) -> None:
        self.log(path, status)
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        if etag:
            h.send_header("ETag", etag)
        h.send_header("Last-Modified", LAST_MODIFIED)
        if encoding:
            h.send_header("Content-Encoding", encoding)
        h.send_header("Content-Length", str(0 if status == 304 else len(body)))
        h.end_headers()
        if not head and status != 304:
            h.wfile.write(body)
