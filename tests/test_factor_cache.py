"""The factor-set cache (issue 12): a set parsed once is read back by its bytes' sha256;
a corrupt entry, a folder that cannot be written, a changed file or an overlay never
give a wrong set."""
from __future__ import annotations

import pytest

from enrt.factors import cache, checks, load_factor_set

from .conftest import TINY_SET


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("ENRT_CACHE_DIR", str(d))
    return d


def _no_parse(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("parsed although cached")
    monkeypatch.setattr(checks, "parse", refuse)


def test_second_load_reads_the_cache(tmp_path, cache_dir, monkeypatch):
    f = tmp_path / "tiny.yaml"
    f.write_text(TINY_SET, encoding="utf-8")
    first = load_factor_set(f)
    assert len(list(cache_dir.glob("factors-*.pickle"))) == 1
    _no_parse(monkeypatch)
    again = load_factor_set(f)
    assert again.model == first.model and again.sha256 == first.sha256
    assert again.path == f and again.data == first.data


def test_a_changed_file_is_parsed_again(tmp_path, cache_dir):
    f = tmp_path / "tiny.yaml"
    f.write_text(TINY_SET, encoding="utf-8")
    before = load_factor_set(f)
    f.write_text(TINY_SET.replace('version: "1.0"', 'version: "1.1"'), encoding="utf-8")
    after = load_factor_set(f)
    assert (before.model.version, after.model.version) == ("1.0", "1.1")
    assert before.sha256 != after.sha256


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05garbage",
                                     __import__("pickle").dumps({"not": "a set"})])
def test_a_corrupt_entry_means_parsing_again(tmp_path, cache_dir, content):
    f = tmp_path / "tiny.yaml"
    f.write_text(TINY_SET, encoding="utf-8")
    good = load_factor_set(f)
    [entry] = cache_dir.glob("factors-*.pickle")
    entry.write_bytes(content)
    again = load_factor_set(f)
    assert again.model == good.model


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("ENRT_CACHE_DIR", str(blocker / "cache"))     # under a file
    f = tmp_path / "tiny.yaml"
    f.write_text(TINY_SET, encoding="utf-8")
    assert load_factor_set(f).model.id == "tiny-test"
    assert load_factor_set(f).model.id == "tiny-test"


def test_off_and_overlays_are_not_cached(tmp_path, cache_dir, monkeypatch):
    base = tmp_path / "base.yaml"
    base.write_text(TINY_SET, encoding="utf-8")
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text('schema_version: 1\nid: over\nversion: "2"\nextends: base.yaml\n',
                       encoding="utf-8")
    assert load_factor_set(overlay).model.id == "over"
    assert not list(cache_dir.glob("factors-*.pickle"))    # neither the overlay nor its base
    monkeypatch.setenv("ENRT_CACHE_DIR", "off")
    assert cache.folder() is None
    load_factor_set(base)
    assert not list(cache_dir.glob("factors-*.pickle"))
