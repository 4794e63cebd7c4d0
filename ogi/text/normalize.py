"""Normalise report text for label matching (FORMAT.md §9.2, "recommended normalisation").

The raw text is never changed; these functions produce a parallel, normalised form:
NFKC (full-width brackets/colon/comma become ASCII, U+3000 and NBSP become spaces), traditional →
simplified Chinese via OpenCC (and, for label matching, the Taiwan-vocabulary aliases of ``label_form``),
unified quotes, and ``[bookmark: …]`` artefacts and markdown heading/bold marks (``# 标题``,
``**一、总体情况**``) removed. ``compact`` additionally drops every whitespace character, which is what
label matching works on.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Final

import opencc

_BOOKMARK: Final = re.compile(r"\[bookmark:[^\]]*\]")
# A markdown export marks the title and headings: "# 某局2022年政府信息公开工作年度报告" names 某局, not "#某局".
_MARKDOWN_HEADING: Final = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_QUOTES: Final = ("“", "”", "„", "「", "」", "'", "‘", "’")
# Invisible characters copied from web pages (zero-width space/joiners, word joiner, BOM, soft hyphen, the
# bidirectional marks and embeddings): NFKC keeps them and they are not whitespace, so 行政\u200b处罚 would
# match no label and \u200b2 no number.
_INVISIBLE: Final = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# Circled list numbers (①, ❶, ➀, ➊): NFKC makes ① a bare "1", which fuses with the label it numbers; they are
# written as "1." instead, the numbering labels are matched without.
_CIRCLED: Final = re.compile("[\u2460-\u2473\u2776-\u2793]")
# Superscript digits mark footnotes (156¹): NFKC would make 156¹ the number 1561. They are written ^1, so
# such a cell reads as text and is reported.
_SUPERSCRIPT: Final = re.compile("[\u00b2\u00b3\u00b9\u2070\u2074-\u2079]")
_SUPERSCRIPT_DIGITS: Final = {"\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2070": "0",
                              **{chr(0x2070 + d): str(d) for d in range(4, 10)}}
# The readers write a note mark set above the line (33<sup>1</sup>) with these, so that it stays one.
RAISED_DIGITS: Final = str.maketrans({digit: mark for mark, digit in _SUPERSCRIPT_DIGITS.items()})
# HTML entities a converter left in the text (&nbsp;0, &#12288;250).
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_CIRCLED_FIRST: Final = {0x2460: 20, 0x2776: 10, 0x2780: 10, 0x278A: 10}  # first code point of each run: its length


# Characters that split lines or cells: an entity for one of them stays as printed (lines stay lines, cells
# stay cells).
_STRUCTURAL: Final = frozenset("\n\r\t|｜\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _unescaped(match: re.Match[str]) -> str:
    character = html.unescape(match.group())
    return match.group() if any(c in _STRUCTURAL for c in character) else character


def _circled_number(match: re.Match[str]) -> str:
    code = ord(match.group())
    for first, length in _CIRCLED_FIRST.items():
        if first <= code < first + length:
            return f"{code - first + 1}."
    return match.group()


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# Reports repeat most of their lines (labels, small numbers, stock sentences): each distinct short line is
# normalised once per process. Long lines (running text) are rarely repeated and would fill the memo.
LINE_MEMO_SIZE = 50_000  # lines per memo and process (the tokeniser's memo has the same bounds)
MEMO_LINE_CHARS: Final = 120
_line_memo: Final[dict[str, str]] = {}


def normalize_text(text: str) -> str:
    """NFKC + traditional→simplified + unified quotes + no bookmark artefacts or markdown marks; keeps line
    structure.

    Every step maps a line to a line: none adds or removes a line break, and only a bookmark artefact can
    span one (that text is done whole). So the text is normalised line by line, the lines not met before in
    one batch."""
    if "\n" not in text:
        return _normalize_block(text)
    return normalize_lines(text)[0]


def normalize_lines(text: str) -> tuple[str, list[str], list[str] | None]:
    """``normalize_text(text)``, the text's lines, and each of them normalised, so that a caller working line by
    line splits neither again. The last is None when the text had to be normalised whole (a bookmark artefact
    spanning lines): its lines then need not match the text's."""
    lines = text.split("\n")
    memo = _line_memo
    if len(memo) > LINE_MEMO_SIZE:  # before looking lines up: what is found must stay there until used
        memo.clear()
    # Nearly every line is in the memo (of a report's ~300 lines, ~1 is new once it is warm): each line is looked
    # up once, and only when one is missing are the lines looked at again.
    norm_lines: list[str] = []
    for line in lines:
        norm = memo.get(line)
        if norm is None:
            break
        norm_lines.append(norm)
    if len(norm_lines) < len(lines):
        # The lines not met before, each once, in text order, normalised together.
        missing = list(dict.fromkeys([line for line in lines if line not in memo]))
        done = _normalize_block("\n".join(missing)).split("\n")
        if len(done) != len(missing):  # not expected; the whole-text path is always right
            return _normalize_block(text), lines, None
        fresh = dict(zip(missing, done))  # (of one length: checked just above)
        memo.update((line, norm) for line, norm in fresh.items() if len(line) <= MEMO_LINE_CHARS)
        norm_lines = []
        for line in lines:  # one lookup for a line the memo holds, two for a long new one
            norm = memo.get(line)
            norm_lines.append(fresh[line] if norm is None else norm)
    normalized = "\n".join(norm_lines)
    if "[bookmark:" in normalized:  # an artefact left open on its line may close on a later one
        return _normalize_block(text), lines, None
    return normalized, lines, norm_lines


# What NFKC makes of the characters that keep nearly every Chinese line from being NFKC already (，：（）, the
# ideographic and the no-break space). CPython's NFKC costs ~1,000 instructions a character once one such
# character is present; these are replaced first, and the full normalisation runs only if another remains.
_COMMON_WIDE: Final[tuple[tuple[str, str], ...]] = tuple(
    (wide, unicodedata.normalize("NFKC", wide)) for wide in "，：（）；！？％\u3000\xa0")


def _nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), faster on Chinese text. Same result: replacing a character by its
    NFKC form leaves the text's compatibility decomposition as it was, so its NFKC too."""
    for wide, narrow in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def _normalize_block(text: str) -> str:
    if "&" in text and ";" in text:
        text = _ENTITY.sub(_unescaped, text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
        text = _CIRCLED.sub(_circled_number, text)
        text = _SUPERSCRIPT.sub(lambda m: "^" + _SUPERSCRIPT_DIGITS[m.group()], text)
        text = _nfkc(text)
        text = _t2s().convert(text)
        if "\u2212" in text:  # the minus sign Word types in −4: NFKC keeps it
            text = text.replace("\u2212", "-")
    for quote in _QUOTES:  # str.replace is much faster than str.translate on long texts
        if quote in text:
            text = text.replace(quote, '"')
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    if "#" in text:
        text = _MARKDOWN_HEADING.sub("", text)
    if "**" in text:
        text = text.replace("**", "")
    return text


# Taiwan-vocabulary conversions (OpenCC s2twp) swap words, which t2s does not swap back: 文件→檔案,
# 信息→資訊, 项目→專案, 数据→資料 (W12). Template labels always use the mainland word. Every alias keeps
# the length, so positions found in the label form are valid in the normalised text: agency names are
# read from the latter (档案局 is a real agency).
LABEL_ALIASES: Final[tuple[tuple[str, str], ...]] = (("档案", "文件"), ("资讯", "信息"), ("专案", "项目"), ("资料", "数据"))


def label_form(normalized: str) -> str:
    """The normalised text with the label aliases applied (same length, same line structure)."""
    for variant, canonical in LABEL_ALIASES:
        if variant in normalized:
            normalized = normalized.replace(variant, canonical)
    return normalized


# In names, 资讯/资料 are as surely Taiwan vocabulary (经济和资讯化局, 大资料局), but 档案 is a real word
# (档案局, 档案馆), so agency names get only these two aliases.
NAME_ALIASES: Final[tuple[tuple[str, str], ...]] = (("资讯", "信息"), ("资料", "数据"))


def name_form(normalized: str) -> str:
    """The normalised text with the name aliases applied (same length)."""
    for variant, canonical in NAME_ALIASES:
        if variant in normalized:
            normalized = normalized.replace(variant, canonical)
    return normalized


def compact(text: str) -> str:
    """Remove all whitespace (labels are matched without spaces: W8, W9, L8)."""
    if len(text) > 64:
        # A whole text: its spaces and tabs (nearly all the whitespace it has) go first, since str.replace finds
        # them fast where split() makes a string of every piece between them; split() then finds little left.
        text = text.replace(" ", "").replace("\t", "")
    return "".join(text.split())  # str.split() splits on every Unicode space, and beats re.sub here


_compact_memo: Final[dict[str, str]] = {}


def compact_line(line: str) -> str:
    """``compact(line)``, remembered for short lines: a report's lines recur across reports, and normalised lines
    are the line memo's own strings, whose hash is already known (looking one up is ~10 times cheaper than
    splitting and joining it)."""
    known = _compact_memo.get(line)
    if known is None:
        known = compact(line)
        if len(line) <= MEMO_LINE_CHARS:
            if len(_compact_memo) > LINE_MEMO_SIZE:
                _compact_memo.clear()
            _compact_memo[line] = known
    return known


def normalize_label(text: str) -> str:
    """The matching form of one cell or line: normalised, aliased and without whitespace."""
    return compact(label_form(normalize_text(text)))
