"""The response cache: least recently used out first, bounded in entries and bytes."""

from summitry.serve.cache import LRU


def test_lru_keeps_the_recent_entries_within_its_bounds():
    c = LRU(max_items=2, max_bytes=400)
    c.put("a", b"1" * 10)
    c.put("b", b"2" * 10)
    assert c.get("a") == b"1" * 10  # a is now the most recent
    c.put("c", b"3" * 10)
    assert c.get("b") is None and c.get("a") and c.get("c")
    c.put("big", b"x" * 101)  # over a quarter of max_bytes: never kept
    assert c.get("big") is None
    c.put("d", b"4" * 100)
    c.put("e", b"5" * 100)
    assert c.get("a") is None and c.get("d") and c.get("e")
    assert (c.hits, c.misses) == (5, 3)


def test_zero_items_disables_it():
    c = LRU(max_items=0)
    c.put("a", b"1")
    assert c.get("a") is None


def test_the_byte_bound_evicts_the_oldest():
    c = LRU(max_items=10, max_bytes=400)
    for k in "abcd":
        c.put(k, b"x" * 100)
    c.put("e", b"y" * 100)
    assert c.get("a") is None and all(c.get(k) for k in "bcde")
