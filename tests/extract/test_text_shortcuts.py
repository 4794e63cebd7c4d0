"""Shortcuts that find the same text as the plain expression they replace, only faster on whole reports."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from ogi.extract.metadata import extract_metadata, head_and_tail, head_and_tail_lines
from ogi.text import normalize as normalize_module
from ogi.text.normalize import compact, compact_line, normalize_lines
from tests.conftest import RAW_SAMPLES

# Every character str.split() splits on, with the characters of a report around them.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
TEXT = st.text(alphabet=st.sampled_from([*WHITESPACE, "报", "告", "1", "|", "、", "x"]), max_size=300)


@given(TEXT)
def test_compact_removes_exactly_what_split_splits_on(text: str) -> None:
    assert compact(text) == "".join(text.split())


@given(st.lists(TEXT, max_size=5))
def test_compact_line_is_compact_whatever_its_memo_holds(lines: list[str]) -> None:
    for line in [*lines, *lines, "长 " * 100]:  # each line new, then remembered; one too long to remember
        assert compact_line(line) == compact(line)
    normalize_module._compact_memo.clear()
    assert [compact_line(line) for line in lines] == [compact(line) for line in lines]


@given(st.lists(st.sampled_from(["", "一、总体情况", "\t12", "2021年1月5日", "  "]), max_size=40),
       st.integers(0, 12), st.integers(1, 12))
def test_head_and_tail_keeps_the_lines_a_split_would(lines: list[str], head: int, tail: int) -> None:
    text = "\n".join(lines)
    every = text.split("\n")
    assert head_and_tail(text, head, tail) == "\n".join(every[:head] + every[head:][-tail:])
    assert head_and_tail_lines(every, head, tail) == every[:head] + every[head:][-tail:]


# Lines a report's head and tail are made of, with the whitespace and aliases (资讯, 资料) metadata reads past.
_REPORT_LINES = st.lists(st.sampled_from([
    "", "某市资讯局2021年政府信息公开工作年度报告", "某市 数据局", "一、总体情况", "\t12", "2022年1月5日", "  ",
    "首页 > 信息公开", "本报告由某局编制。", "资料来源：某局", "2021年　度报告"]), max_size=400)


@given(_REPORT_LINES)
def test_metadata_from_the_lines_is_metadata_from_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert extract_metadata(text, text.split("\n")) == extract_metadata(text)


def test_metadata_from_the_lines_is_metadata_from_the_text_on_the_samples() -> None:
    for path in sorted(RAW_SAMPLES.iterdir()):
        normalized, _, norm_lines = normalize_lines(path.read_text(encoding="utf-8"))
        assert norm_lines is not None
        assert extract_metadata(normalized, norm_lines) == extract_metadata(normalized)


_DATE_TEXT = st.text(alphabet=st.sampled_from(list("1290二〇○零O一五十元年月日号-/.x 报")), max_size=14)


@given(_DATE_TEXT)
def test_date_lines_are_read_as_the_patterns_alone_read_them(line: str) -> None:
    """The first-character test only skips lines neither anchored pattern can match."""
    from ogi.extract import metadata

    if metadata._DATE_LINE.match(line) is None and metadata._HAN_DATE_LINE.match(line) is None:
        assert metadata._parse_date_line(line) is None
    else:
        assert line[0] in metadata._DATE_FIRST_CHARACTERS


def test_memoised_label_matches_are_the_matches() -> None:
    from ogi.extract import applications, proactive
    from ogi.extract.vocabulary import APPLICATION_ROWS, PROACTIVE_TABLES

    for template, specs in APPLICATION_ROWS.items():
        labels = [cue for spec in specs for cue in spec.cues] + ["3.其他", "其他", "合计"]
        for label in labels:
            for position in range(len(specs)):
                expected = applications._find_label(label, template, position)
                assert applications._match_label(label, template, position) == expected  # first call: computed
                assert applications._match_label(label, template, position) == expected  # then: remembered
    for template, tables in PROACTIVE_TABLES.items():
        for label in [prefix for table in tables for item in table.items for prefix in item.prefixes] + ["其他"]:
            expected_item = proactive._find_item(label, template)
            assert proactive._item_of_label(label, template) == expected_item
            assert proactive._item_of_label(label, template) == expected_item


def test_check_same_length_is_zips_strict_check() -> None:
    import pytest

    from ogi.extract.tokens import check_same_length

    check_same_length([1, 2], ("a", "b"))
    with pytest.raises(ValueError, match="differ in length: 2 and 1"):
        check_same_length([1, 2], ["a"])


_CHROME_TEXT = st.lists(st.sampled_from(["首页", ">", "主页", "»", "位置", "所在的", "您的位置", "返回", "<", "〈", "版权所有",
                                         "来源:", "某局", "2021年", "报告", "ICP", "当前页面", "关怀版", "【"]), max_size=6)


@given(_CHROME_TEXT)
def test_chrome_words_one_by_one_find_what_one_pattern_of_them_found(parts: list[str]) -> None:
    import re

    from ogi.extract import metadata

    line = "".join(parts)
    one_pattern = re.compile("|".join([*map(re.escape, metadata._CHROME_WORDS), metadata._BREADCRUMB.pattern,
                                       metadata._BACK_LINK.pattern]))
    assert metadata._is_chrome(line) == (one_pattern.search(line) is not None)


def test_section_two_cues_are_counted_as_the_patterns_find_them() -> None:
    from ogi.extract import proactive
    from ogi.extract.tokens import Token
    from ogi.extract.vocabulary import PROACTIVE_2019_CUES, PROACTIVE_2021_CUES

    texts = [*PROACTIVE_2019_CUES, *PROACTIVE_2021_CUES, "0", "", "规章", "规范性文件", "行政许可", "其他对外管理服务事项"]
    for text in texts * 2:  # the second time from the memo
        cued = proactive._templates_cued(text)
        assert cued & 1 == (proactive._CUES_2019.search(text) is not None)
        assert cued >> 1 == (proactive._CUES_2021.search(text) is not None)
    tokens = [Token(text, text, line, line) for line, text in enumerate(texts, 1)]
    votes = (sum(proactive._CUES_2019.search(t) is not None for t in texts),
             sum(proactive._CUES_2021.search(t) is not None for t in texts))
    expected = None if votes[0] == votes[1] else ("2019" if votes[0] > votes[1] else "2021")
    assert proactive.detect_template(tokens) == expected


_PIPE_LINES = st.lists(st.lists(st.sampled_from(["|", " ", "\t", "-", "1", "报", "---"]), max_size=8).map("".join),
                       max_size=30)


@given(_PIPE_LINES)
def test_pipe_layout_is_the_same_whatever_its_line_memo_holds(lines: list[str]) -> None:
    """The layout by the per-line memo equals the layout counted line by line from the definition."""
    from ogi.extract import tokens

    def several(line: str) -> bool:
        if "|" not in line.strip(" \t|") or ("---" in line and tokens._MARKDOWN_RULE.match(line)):
            return False
        return len([c for c in line.split("|") if c.strip()]) >= 2

    expected = "rows" if sum(map(several, lines)) >= 5 else "cells"
    assert tokens._pipe_layout(lines) == expected
    assert tokens._pipe_layout(lines) == expected  # every line now from the memo
    tokens._multi_cell_lines.clear()
    assert tokens._pipe_layout(lines) == expected
