"""Small helpers for matching normalised labels."""

from __future__ import annotations

import re
from typing import Final

_NUMBERING: Final = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、])+")
_CAPTION: Final = re.compile(r"第二十条第\(?([一二三四五六七八九十]+)\)?项")


def strip_numbering(norm: str) -> str:
    """'(三)不予公开' → '不予公开'; '1.属于国家秘密' → '属于国家秘密'; '四、结转…' → '结转…'."""
    return _NUMBERING.sub("", norm)


def caption_numeral(norm: str) -> str | None:
    """The X of a 第二十条第（X）项 caption cell, or None."""
    if len(norm) > 20 or "第二十条" not in norm:  # the cheap tests first: most cells are no caption
        return None
    match = _CAPTION.search(norm)
    return match.group(1) if match else None
