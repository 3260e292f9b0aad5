"""The page cache is bounded by the bytes of the written parts it holds, not by the number of entries."""
import pytest

import portfolio
from portfolio.pdf import DEFAULT_CACHE_MB, ENTRY_OVERHEAD, PageCache
from tests.portfolio.sample import make_portfolio

PAGE_BYTES = 10_000   # the size of one fake written page below


def entry(pages: int):
    """Shaped like a cached part: (page count, written PDF, stand-in anchors); costs its bytes plus overhead."""
    return (pages, b"x" * (pages * PAGE_BYTES - ENTRY_OVERHEAD), frozenset())


def test_the_cache_never_holds_more_than_its_byte_bound_and_drops_the_least_recently_used():
    cache = PageCache(max_bytes=10 * PAGE_BYTES)
    for n in range(8):
        cache.put(f"a{n}", entry(2))
        assert cache.bytes <= cache.max_bytes
    assert len(cache) == 5 and cache.bytes == 10 * PAGE_BYTES and cache.evictions == 3
    assert cache.get("a3") is not None   # a3 is now the most recently used
    cache.put("big", entry(4))
    assert cache.get("a3") is not None and cache.get("a4") is None and cache.get("a5") is None
    assert cache.bytes <= cache.max_bytes


def test_an_entry_larger_than_the_whole_cache_is_not_kept():
    cache = PageCache(max_bytes=3 * PAGE_BYTES)
    cache.put("a", entry(1))
    cache.put("huge", entry(4))
    assert cache.get("huge") is None and cache.get("a") is not None


def test_replacing_a_key_does_not_count_it_twice():
    cache = PageCache(max_bytes=10 * PAGE_BYTES)
    for _ in range(5):
        cache.put("same", entry(3))
    assert len(cache) == 1 and cache.bytes == 3 * PAGE_BYTES


@pytest.mark.parametrize("env,expected", [({}, DEFAULT_CACHE_MB * 2**20), ({"PAGE_CACHE_MB": "64"}, 64 * 2**20),
                                          ({"PAGE_CACHE_MB": "0.5"}, 2**19)])
def test_the_bound_comes_from_page_cache_mb(env, expected):
    assert PageCache.from_env(env).max_bytes == expected


@pytest.mark.slow
def test_real_exports_stay_within_a_small_bound_and_still_render():
    data, _ = make_portfolio(6, seed=81)
    cache = PageCache(max_bytes=80_000)   # a written attempt is about 25 kB: room for a few, not all
    first = portfolio.render_portfolio_pdf(data, cache=cache, generated_at="2026-11-23")
    assert cache.bytes <= cache.max_bytes and cache.evictions > 0
    assert portfolio.render_portfolio_pdf(data, cache=cache, generated_at="2026-11-23") == first
    assert first[:4] == b"%PDF"


def test_an_entry_costs_its_written_bytes():
    cache = PageCache()
    cache.put("part", (2, b"y" * 30_000, frozenset({"attempt-2"})))
    cache.put("whole", b"z" * 50_000)
    assert cache.bytes == 30_000 + 50_000 + 2 * ENTRY_OVERHEAD
