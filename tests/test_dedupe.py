import pytest

from monitor.dedupe import canonical_url, content_hash, same_site


@pytest.mark.parametrize("url, canonical", [
    ("HTTPS://Www.Electrive.com:443/2026/11/vw-steel/?utm_source=rss&utm_medium=feed#comments",
     "https://www.electrive.com/2026/11/vw-steel/"),
    ("https://news.example.org/a?fbclid=x&gclid=y&id=7&mc_cid=1", "https://news.example.org/a?id=7"),
    ("http://example.org", "http://example.org/"),
    ("https://example.org/search?q=lithium&page=2", "https://example.org/search?page=2&q=lithium"),
    ("https://example.org/?p=123", "https://example.org/?p=123"),
])
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_same_site_ignores_www_mobile_and_amp_hosts():
    assert same_site("https://www.example.org/a", "https://amp.example.org/b")
    assert same_site("https://m.example.org/a", "https://example.org/b")
    assert not same_site("https://example.org/a", "https://example.com/a")


def test_content_hash_ignores_case_spacing_and_punctuation():
    a = content_hash("Tesla opens a lithium refinery.\n\nIt is in Texas!")
    assert a == content_hash("tesla opens a  lithium refinery -- it is in texas")
    assert a != content_hash("Tesla opens a nickel refinery. It is in Texas!")


def test_signature_is_datasketchs_minhash():
    """Our vectorised MinHash gives exactly datasketch's affine32 MinHash (seed 1)."""
    import numpy
    from datasketch import MinHash

    from monitor.dedupe import shingle_hashes, signature

    text = "Volkswagen will buy low-carbon steel from Salzgitter for its Wolfsburg plant from 2028. " * 3
    hv = shingle_hashes(text)
    theirs = MinHash(num_perm=64, seed=1, hashfunc=lambda x: x)
    theirs.update_batch([int(h) for h in hv])
    assert numpy.array_equal(signature(text, 64).array(), theirs.hashvalues.astype(numpy.uint32))
