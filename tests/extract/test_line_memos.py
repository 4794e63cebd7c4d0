"""Normalisation and tokenising remember lines already seen; what they return must not depend on that."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogi.extract import tokens as tokens_module
from ogi.extract.tokens import tokenize
from ogi.text import normalize as normalize_module
from ogi.text.normalize import normalize_lines, normalize_text
from tests.conftest import RAW_SAMPLES
from tests.extract.reshape import read_tika, to_html_cells, to_html_rows, to_html_separated, to_markdown

SAMPLES = sorted(RAW_SAMPLES.glob("*.txt"))

# Lines whose normalisation has a catch: full-width forms, 繁體 with Taiwan vocabulary, quotes, markdown marks,
# a bookmark artefact closed on a later line, empty lines, a line longer than the memo keeps.
AWKWARD = "\n".join([
    "# 某市檔案局2021年政府資訊公開工作年度報告",
    "",
    "（一）主動公開政府資訊情況　１２",
    "“三安全一稳定”‘引号’「括号」",
    "**二、主动公开政府信息情况**",
    "前文[bookmark: _Toc1",
    "2345]后文",
    "\t本年新收政府信息公开申请数量\t",
    "长" * 400,
    "",
])


def _fresh_memos() -> None:
    normalize_module._line_memo.clear()
    tokens_module._line_memo.clear()


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name[:3] for p in SAMPLES])
def test_normalising_line_by_line_equals_normalising_the_whole_text(sample) -> None:
    text = sample.read_text(encoding="utf-8")
    for variant in (text, AWKWARD, text + "\n" + AWKWARD, AWKWARD.replace("\n", "\r\n")):
        _fresh_memos()
        first = normalize_text(variant)
        assert first == normalize_module._normalize_block(variant)
        assert normalize_text(variant) == first  # now answered from the memo


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name[:3] for p in SAMPLES])
def test_tokens_from_the_lines_normalisation_made_are_the_tokens_of_the_text(sample) -> None:
    # The parse workers hand tokenize the lines normalize_lines split; it must make of them what it makes alone.
    text = sample.read_text(encoding="utf-8")
    taiwan = text.replace("信息", "資訊").replace("项目", "專案")  # label aliases: the given lines are not used
    for variant in (text, AWKWARD, text + "\n" + AWKWARD, taiwan, "前文[bookmark: _Toc1\n2345]后文\n" + text):
        normalized, raw_lines, norm_lines = normalize_lines(variant)
        assert normalized == normalize_text(variant) and raw_lines == variant.split("\n")
        if norm_lines is None:  # the bookmark spanning lines: the text was normalised whole
            assert "[bookmark:" in variant
            continue
        assert norm_lines == normalized.split("\n")
        assert tokenize(variant, normalized, (raw_lines, norm_lines)) == tokenize(variant)


def test_a_full_memo_is_emptied_without_losing_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize_module, "LINE_MEMO_SIZE", 5)
    monkeypatch.setattr(tokens_module, "LINE_MEMO_SIZE", 5)
    _fresh_memos()
    for sample in [*SAMPLES, *SAMPLES]:  # the second pass meets lines remembered just before an emptying
        text = sample.read_text(encoding="utf-8")
        assert normalize_text(text) == normalize_module._normalize_block(text)
        assert len(normalize_module._line_memo) <= 5 + text.count("\n") + 1
        assert [t.norm for t in tokenize(text)] == [t.norm for t in tokenize(text)]
    _fresh_memos()


# Characters around the shortcut's: its own, other full-width and compatibility forms, combining marks that
# compose with what NFKC makes of a full-width letter (Ａ + U+0301 → Á), Hangul jamo, and plain CJK.
_NFKC_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0xFF01, 0xFF5F)] + list("，：（）；！？％\u3000\xa0\u0301\u0308\u0327\u1100\u1161\u11a8")
    + list("A1e 政府信息公开①²ﬁ㎡℃\u2126\u212b\u00c5\u0041\u030a"))


@given(st.text(_NFKC_ALPHABET, max_size=40))
def test_the_nfkc_shortcut_is_nfkc(text: str) -> None:
    assert normalize_module._nfkc(text) == unicodedata.normalize("NFKC", text)


def test_a_bookmark_spanning_lines_is_removed_whole() -> None:
    assert normalize_text("前文[bookmark: _Toc1\n2345]后文\n下一行") == "前文后文\n下一行"


SHAPES = {
    "as_printed": None,
    "html_cells": to_html_cells,
    "html_rows": to_html_rows,
    "html_separated": to_html_separated,
    "markdown": to_markdown,
}


def _is_word_text(sample) -> bool:
    return "\n\t" in sample.read_text(encoding="utf-8")


# Every sample as printed; the Word→text (Tika) samples also re-printed in the other shapes.
CASES = [(sample, shape) for sample in SAMPLES for shape in SHAPES if shape == "as_printed" or _is_word_text(sample)]


@pytest.mark.parametrize(("sample", "shape"), CASES, ids=[f"{p.name[:3]}-{shape}" for p, shape in CASES])
def test_tokens_are_the_same_with_and_without_remembered_lines(sample, shape: str) -> None:
    text = sample.read_text(encoding="utf-8")
    reshape = SHAPES[shape]
    if reshape is not None:
        text = reshape(read_tika(text))
    _fresh_memos()
    cold = tokenize(text)
    warm = tokenize(text)
    assert [(t.raw, t.norm, t.line_no, t.row, t.narrative) for t in warm] == [
        (t.raw, t.norm, t.line_no, t.row, t.narrative) for t in cold
    ]
    cold[0].raw = "changed"  # tokens are the caller's to change (continuations); the memo keeps its own
    assert tokenize(text)[0].raw == warm[0].raw
