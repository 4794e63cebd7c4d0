"""Normalise report text for label matching (FORMAT.md §9.2, "recommended normalisation").

The raw text is never changed; these functions produce a parallel, normalised form:
NFKC (full-width brackets/colon/comma become ASCII, U+3000 and NBSP become spaces), traditional →
simplified Chinese via OpenCC (with the Taiwan-vocabulary alias 档案 → 文件), unified quotes, and
``[bookmark: …]`` artefacts removed. ``compact`` additionally drops every whitespace character, which is
what label matching works on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_QUOTES = ("“", "”", "„", "「", "」", "'", "‘", "’")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize_text(text: str) -> str:
    """NFKC + traditional→simplified + unified quotes + no bookmark artefacts; keeps line structure."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _t2s().convert(text)
        # 文件 becomes 檔案 in Taiwan-vocabulary conversions and 档案 after t2s; in report labels it is
        # always 文件 (规范性文件, 人事任免文件).
        text = text.replace("档案", "文件")
    for quote in _QUOTES:  # str.replace is much faster than str.translate on long texts
        if quote in text:
            text = text.replace(quote, '"')
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    return text


def compact(text: str) -> str:
    """Remove all whitespace (labels are matched without spaces: W8, W9, L8)."""
    return "".join(text.split())  # str.split() splits on every Unicode space, and beats re.sub here


def normalize_label(text: str) -> str:
    """The matching form of one cell or line: normalised and without whitespace."""
    return compact(normalize_text(text))
