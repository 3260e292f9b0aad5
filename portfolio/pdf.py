"""The only module that imports WeasyPrint (lazily, on first render).

- A URL fetcher that refuses every external URL and any ``file:`` outside this package's templates.
- One shared FontConfiguration, parsed stylesheets kept per process.
- ``PageCache``: an in-memory LRU of written PDF parts bounded by bytes, keyed by content hash, passed in by
  the caller (a web worker or job runner keeps one for its lifetime). An attempt's evidence does not change
  once scored, so a repeat export re-uses its written pages and writes only what changed.
- Parts are laid out and written separately (``write_part``), each laid out with its first page number, so
  page numbers need no second pass; ``join`` (pdf_join.py) makes them one tagged PDF/UA document.
"""
from __future__ import annotations

import copy
import gc
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

from .errors import RenderError

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_VARIANT = "pdf/ua-1"
_lock = threading.Lock()
_state: dict = {}


def _patch_pydyf(pydyf):
    """Work around quadratic time in tagged PDF writes (WeasyPrint 70 / pydyf 0.13).

    WeasyPrint's tagging (pdf/tags.py) reads ``pdf.page_references[n]`` once per structure element,
    and pydyf rebuilds that tuple over every page on each read: O(elements x pages). Measured here,
    writing 96 pages took 219 ms a page against 103 ms for 12. The patched property caches the tuple
    until a page is added, so the result is identical.
    """
    if getattr(pydyf.PDF, "_portfolio_patched", False):
        return

    def page_references(self):
        kids = self.pages["Kids"]
        cached = self.__dict__.get("_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), tuple(f"{n} 0 R".encode("ascii") for n in kids[::3]))
            self.__dict__["_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._portfolio_patched = True


def _weasy():
    if "mod" not in _state:
        try:
            import pydyf
            import weasyprint
            from weasyprint.text.fonts import FontConfiguration
            from weasyprint.urls import URLFetcher, URLFetcherResponse
        except (ImportError, OSError) as exc:  # OSError: Pango or another system library is missing
            raise RenderError(f"WeasyPrint cannot be loaded ({exc}); install its system libraries "
                              "(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)") from exc

        class SafeFetcher(URLFetcher):
            """Serve files under portfolio/templates/ and data: URLs; refuse everything else."""

            def fetch(self, url, headers=None):
                if url.startswith("data:"):
                    return super().fetch(url, headers)
                if url.startswith("file:"):
                    from urllib.parse import unquote, urlparse
                    path = Path(unquote(urlparse(url).path)).resolve()
                    if path.is_file() and TEMPLATES in path.parents:
                        return URLFetcherResponse(url, body=path.read_bytes())
                raise ValueError(f"refused to fetch {url!r}: portfolio PDFs use no outside resources")

        _patch_pydyf(pydyf)
        _state.update(mod=weasyprint, fonts=FontConfiguration(), fetcher=SafeFetcher())
    return _state


DEFAULT_CACHE_MB = 256
ENTRY_OVERHEAD = 512   # bytes a cache entry costs beyond its payload (key, tuple, bookkeeping)


def _payload_bytes(value) -> int:
    if isinstance(value, (bytes, bytearray)):
        return len(value)
    if isinstance(value, (tuple, list)):
        return sum(_payload_bytes(v) for v in value)
    return 0


class PageCache:
    """LRU of written PDF parts (bytes, or tuples holding bytes) by content key, bounded by their size.

    ``max_bytes``: the bound (default ``DEFAULT_CACHE_MB`` MiB); an entry costs its bytes plus
    ``ENTRY_OVERHEAD`` unless ``put`` is given ``cost``. ``max_entries`` optionally bounds the count too.
    ``PageCache.from_env()`` reads ``PAGE_CACHE_MB`` from the environment the caller passes. Safe to share
    between threads."""

    def __init__(self, max_bytes: int | None = None, max_entries: int | None = None):
        self.max_bytes = DEFAULT_CACHE_MB * 2**20 if max_bytes is None else int(max_bytes)
        self.max_entries = max_entries
        self._items: OrderedDict = OrderedDict()
        self._costs: dict = {}
        self.bytes = 0
        self.hits = self.misses = self.evictions = 0

    @classmethod
    def from_env(cls, environ) -> "PageCache":
        mb = environ.get("PAGE_CACHE_MB")
        return cls(max_bytes=int(float(mb) * 2**20) if mb not in (None, "") else None)

    @staticmethod
    def estimate(value) -> int:
        return _payload_bytes(value) + ENTRY_OVERHEAD

    def get(self, key):
        with _lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
            return None

    def put(self, key, value, cost: int | None = None):
        cost = self.estimate(value) if cost is None else int(cost)
        with _lock:
            if key in self._items:
                self.bytes -= self._costs.pop(key)
                del self._items[key]
            if cost > self.max_bytes:
                return   # larger than the whole cache: not kept
            self._items[key] = value
            self._costs[key] = cost
            self.bytes += cost
            while self.bytes > self.max_bytes or (self.max_entries is not None and len(self._items) > self.max_entries):
                old, _v = self._items.popitem(last=False)
                self.bytes -= self._costs.pop(old)
                self.evictions += 1

    def __len__(self):
        return len(self._items)


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector (process-wide; nesting and threads are safe: only the outermost
    pause that found it on turns it back on). It costs ~12% of a WeasyPrint render (perf_baselines §2.1)
    and finds little there; exports also pause it while anonymising and joining. Reference counting still
    frees everything that is not in a cycle."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _stylesheet(name: str):
    w = _weasy()
    key = ("css", name)
    if key not in _state:
        _state[key] = w["mod"].CSS(filename=str(TEMPLATES / name), url_fetcher=w["fetcher"], font_config=w["fonts"])
    return _state[key]


def layout(html: str, stylesheets: tuple[str, ...] = ("print.css",)):
    """Lay out an HTML string with the named stylesheets from templates/ (each parsed once per process).

    Returns the WeasyPrint Document; its .pages are what the cache keeps.
    """
    w = _weasy()
    try:
        sheets = [_stylesheet(n) for n in stylesheets]
        with gc_paused():
            return w["mod"].HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=w["fetcher"]).render(
                stylesheets=sheets, font_config=w["fonts"], pdf_variant=PDF_VARIANT)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError(f"layout failed: {exc}") from exc


def write_part(document) -> tuple[bytes, frozenset]:
    """Write one separately laid-out part; returns (PDF bytes, its stand-in anchor names).

    WeasyPrint drops a link whose anchor is not in the same document, so a part that links to another (the
    contents to an attempt) gets stand-in anchors on its first page for the missing targets; ``join``
    replaces them with the real destinations. The caller's (possibly cached) pages are not changed."""
    pages = list(document.pages)
    held = {name for page in pages for name in page.anchors}
    wanted = {link[1] for page in pages for link in page.links if link[0] == "internal"}
    stand_ins = frozenset(wanted - held)
    if stand_ins:
        first = copy.copy(pages[0])
        first.anchors = dict(pages[0].anchors, **{name: (0, 0, 0, 0) for name in stand_ins})
        pages[0] = first
        document = document.copy(pages)
    return write(document), stand_ins


def join(parts: list[tuple[bytes, frozenset]]) -> bytes:
    """One tagged PDF from parts written by ``write_part``, in reading order; see pdf_join.py."""
    from .pdf_join import join as join_parts
    try:
        with gc_paused():
            return join_parts(parts)
    except Exception as exc:
        raise RenderError(f"joining the PDF parts failed: {exc}") from exc


def write(document) -> bytes:
    try:
        with gc_paused():
            return document.write_pdf(pdf_variant=PDF_VARIANT)
    except Exception as exc:
        raise RenderError(f"writing the PDF failed: {exc}") from exc
