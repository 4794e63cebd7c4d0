"""The plain text shape: no TAB, no ``|``, cells separated by spaces (FORMAT.md §9.1) — text copied out of a
PDF or typed by hand.

Each line is split on whitespace; adjacent words that are not values are joined back (a label with spaces
in it, W8); a line without any value is narrative. What PDF text extraction adds is undone where it can be
told for certain:

* a row label wrapped onto the next line is joined back where its open bracket says so (（二）部分公开（区分
  处理的，只计 … / 这一情形，不计其他情形）), before or after the row's numbers;
* a unit printed apart from its number (3500 元, or 元 alone on the next line) is joined to it, and so is
  增 or 减 to the number it qualifies (增 2);
* page marks (- 3 -, 第3页共5页, 3/5) are dropped, and so is a lone number after a row of numbers, before a
  heading or another row: a page number, which read as a cell would sit in the table's last column unseen.
  (Were it a row's last cell wrapped onto a line of its own, the row is one cell short, which is reported.)
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ogi.extract.tokens import PAGE_MARK, Token, check_same_length, narrative_token
from ogi.text.normalize import compact

_PAGE_NUMBER: Final = re.compile(r"^[1-9]\d{0,3}$")
_UNITS: Final = frozenset({"元", "万元", "万", "项", "件", "个", "条", "次", "人次"})
_CHANGE_WORDS: Final = frozenset({"增", "减", "增加", "减少"})
_BARE_NUMBER: Final = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")
_MAX_WRAPPED: Final = 40  # a wrapped piece of a row label is short; a longer line is running text
_NUMBERED: Final = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、])")
_NOT_LABEL: Final = re.compile(r"[\d。:;：；]|第.+项")  # numbers, sentences, field labels, a 第二十条 caption


class _PlainLine(NamedTuple):
    raw: str
    norm: str
    line_no: int
    words: list[Token]  # the line's words, label words re-joined
    values: int  # how many of them are values


def tokenize_plain(raw_lines: list[str], norm_lines: list[str]) -> list[Token]:
    read = _plain_lines(raw_lines, norm_lines)
    lines = [line for position, line in enumerate(read) if not _is_page_mark(read, position)]
    tokens: list[Token] = []
    last_label: Token | None = None  # the label of the row just read
    waiting: Token | None = None  # the start of a row label whose row is on the next line
    for position, line in enumerate(lines):
        after = lines[position + 1] if position + 1 < len(lines) else None
        if line.values == 0:
            if len(line.words) == 1 and line.norm in _UNITS and tokens and _unitless_number(tokens[-1]):
                _join(tokens[-1], line.words[0], "\n")  # 3500 / 元: the unit of the number above
                continue
            text = narrative_token(line.raw, line.line_no, line.line_no, line.norm)
            if last_label is not None and _ends_label(last_label, text, after):
                _join(last_label, text, "\n")  # the end of the row label above
            elif waiting is None and _starts_label(text, after):
                waiting = text
            else:
                tokens.extend([waiting, text] if waiting else [text])
                waiting = None
            last_label = None
            continue
        words = line.words
        if waiting is not None:
            first = words[0]  # the label begins on the waiting line, its row is this one
            if _continues_label(waiting, first):
                first.raw, first.norm = f"{waiting.raw}\n{first.raw}", waiting.norm + first.norm
                first.line_no = waiting.line_no
            else:
                tokens.append(waiting)
            waiting = None
        labels = [word for word in words if not word.is_value]
        last_label = labels[-1] if labels else None
        tokens.extend(words)
    if waiting is not None:
        tokens.append(waiting)
    return tokens


def _is_fragment(text: Token) -> bool:
    """Short label text without numbering, digits or sentence punctuation: a piece of a wrapped label."""
    norm = text.norm
    return (len(norm) <= _MAX_WRAPPED and not _NUMBERED.match(norm) and not _NOT_LABEL.search(norm))


def _ends_label(label: Token, text: Token, after: _PlainLine | None) -> bool:
    """A line without values that ends the row label above: it closes the label's bracket, or it is a
    fragment followed by the next numbered row (本机关不掌 … / 握相关政府信息 / 2.没有现成信息…)."""
    if len(text.norm) > _MAX_WRAPPED:
        return False
    if _open_brackets(label.norm) > 0 and _open_brackets(text.norm) < 0:
        return True
    return (_is_fragment(text) and after is not None and after.values > 0
            and (after.words[0].is_value or _NUMBERED.match(after.words[0].norm) is not None))


def _starts_label(text: Token, after: _PlainLine | None) -> bool:
    """A line without values that begins the next row's label: an open bracket, or a numbered label whose
    row goes on with a fragment and the numbers (（四）无法提供 1.本机关不掌 / 握相关政府信息 3 2 0 …)."""
    if len(text.norm) > _MAX_WRAPPED or after is None or after.values == 0:
        return False
    return _open_brackets(text.norm) > 0 or (
        _NUMBERED.match(text.norm) is not None and _continues_label(text, after.words[0]))


def _continues_label(start: Token, first: Token) -> bool:
    if first.is_value:
        return False
    return _open_brackets(first.norm) < 0 if _open_brackets(start.norm) > 0 else _is_fragment(first)


def _plain_lines(raw_lines: list[str], norm_lines: list[str]) -> list[_PlainLine]:
    lines: list[_PlainLine] = []
    check_same_length(raw_lines, norm_lines)
    for index, (raw, norm) in enumerate(zip(raw_lines, norm_lines)):
        if not norm.strip():
            continue
        raw_words, norm_words = raw.split(), norm.split()
        if len(raw_words) != len(norm_words):
            raw_words = norm_words
        words: list[Token] = []
        for raw_word, norm_word in zip(raw_words, norm_words):  # (of one length, made so just above)
            word = Token(raw_word, compact(norm_word), index + 1, index + 1)
            if words and word.norm in _UNITS and _unitless_number(words[-1]):
                _join(words[-1], word, " ")  # 3500 元
            elif words and words[-1].norm in _CHANGE_WORDS and _unitless_number(word):
                _join(words[-1], word, " ")  # 增 2: the 2019 本年增/减 cell
            elif words and not word.is_value and not words[-1].is_value:
                _join(words[-1], word, " ")  # a label with spaces in it
            else:
                words.append(word)
        lines.append(_PlainLine(raw, compact(norm), index + 1, words, sum(word.is_value for word in words)))
    return lines


def _is_page_mark(lines: list[_PlainLine], position: int) -> bool:
    norm = lines[position].norm
    if PAGE_MARK.match(norm):
        return True
    if not _PAGE_NUMBER.match(norm) or position == 0:
        return False
    after = lines[position + 1] if position + 1 < len(lines) else None
    return lines[position - 1].values >= 3 and (after is None or after.values == 0 or after.values >= 3)


def _unitless_number(token: Token) -> bool:
    return _BARE_NUMBER.match(token.norm) is not None


def _join(token: Token, addition: Token, separator: str) -> None:
    token.raw = f"{token.raw}{separator}{addition.raw}"
    token.norm += addition.norm


def _open_brackets(norm: str) -> int:
    return norm.count("(") - norm.count(")")
