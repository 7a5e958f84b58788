"""Docs that cannot drift: the commands shown in docs/usage.md, docs/factors.md and
docs/methodology.md run with the installed `enrt`, on the files of examples/ and
docs/examples/, and print what the docs show. The marker convention is at the top of
tests/docs_blocks.py. After an intended change of output, a maintainer runs
`python tests/docs_blocks.py --update` and reviews the git diff; this test never updates."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from .docs_blocks import (
    DOCS,
    ELL,
    Context,
    Excerpt,
    blocks,
    compare_json,
    lines_match,
    markers,
    normal,
    realign,
    run_doc,
)

CHECKED = ("run", "output", "json", "file")
MARKED = [b for d in DOCS for b in blocks(d) if b.kind in CHECKED]


@pytest.fixture(scope="module")
def outcomes():
    """Every page in its own work folder, the pages side by side (about 15 s)."""
    with ThreadPoolExecutor(max_workers=len(DOCS)) as pool:
        results = list(pool.map(run_doc, DOCS))
    return {o.block.where: o for page in results for o in page}


@pytest.mark.parametrize("where", [b.where for b in MARKED])
def test_documented_block(outcomes, where):
    o = outcomes[where]
    if o.failed:
        pytest.fail(o.report(), pytrace=False)


def test_the_docs_mark_their_commands():
    assert len(MARKED) >= 40
    unmarked = [b.where for d in DOCS for b in blocks(d) if not b.kind and b.shows_enrt()]
    assert unmarked == [], "mark these blocks <!-- test: ... --> or <!-- test: skip REASON -->"
    skips = [b for d in DOCS for b in blocks(d) if b.kind == "skip"]
    assert all(b.args.strip() for b in skips), "a skipped block says why"


def test_markers_are_known_and_placed():
    assert [m for d in DOCS for m in markers(d)] == []


# --- the comparison rules themselves --------------------------------------------------

def test_a_gap_line_stands_for_any_lines_and_an_inline_gap_for_any_text():
    shown = ["head", "…", "│ a │ 1 │", "│ …   │   │", "tail …"]
    assert lines_match(shown, ["head", "│ a │ 1 │", "tail end"])
    assert lines_match(shown, ["head", "x", "y", "│ a │ 1 │", "│ b │ 2 │", "tail …"])
    assert not lines_match(shown, ["head", "│ a │ 2 │", "tail"])
    assert not lines_match(shown, ["head", "│ a │ 1 │", "tail", "more"])
    assert not lines_match(["a", "b"], ["a", "x", "b"])


def test_digests_versions_and_today_are_normalised(tmp_path):
    ctx = Context(tmp_path)
    a = "enrt 0.1.0 — set x (sha256 1219ebb109cd…) in " + str(tmp_path)
    b = "enrt 0.2.0 — set x (sha256 f1bdd321fdc7…) in <tmp>"
    assert normal(a, ctx) == normal(b, ctx)
    assert normal("v2025.3", ctx) == "v2025.3"


def test_update_keeps_the_trimming_and_takes_the_new_lines(tmp_path):
    shown = ["Totals", "│ gwp │ 15 779.2 │", "…", "│ laptop │ 21.0 % │", "end"]
    actual = ["Totals", "│ gwp │ 16 258.0 │", "│ x │", "│ y │", "│ laptop │ 22.5 % │",
              "new line", "end"]
    assert realign(shown, actual, Context(tmp_path)) == [
        "Totals", "│ gwp │ 16 258.0 │", "…", "│ laptop │ 22.5 % │", "new line", "end"]


def test_json_excerpts_are_subsets_and_say_what_to_fix(tmp_path):
    report = {"a": {"x": 1.5, "y": "abcdef", "z": [1, 2, 3]}, "b": None}
    fixable, manual, edits = [], [], []
    ex = Excerpt('"a": {"x": 1.5, "y": "abc…", "z": [1, …]}')
    compare_json(ex.root, report, "", Context(tmp_path), fixable, manual, edits)
    assert (fixable, manual, edits) == ([], [], [])
    ex = Excerpt('{"a": {"x": 2.5, "z": [1, 2]}, "b": null}')
    compare_json(ex.root, report, "", Context(tmp_path), fixable, manual, edits)
    assert fixable == ["a.x: shown 2.5, the report has 1.5"]
    assert manual == ["a.z: 2 element(s) shown, the report has 3",
                      "a: keys ['y'] not shown: add them or a `…`"]
    assert [ex.text[s:e] for s, e, _ in edits] == ["2.5"] and ELL not in edits[0][2]
