"""Stable identifiers.

A report is what an agency printed for a year, not a file: the same report saved as GBK text, as a web page,
as a Word file or through a 繁体 mirror must be one report with several sources. Text alone cannot decide
that (a web page's text differs from the Word file's; Taiwan-phrase conversions such as 发布→释出 do not
convert back), so a fully parsed report whose agency is placed is identified by what it says: the agency,
the year, the template and every printed cell. Anything less certain falls back to the normalised text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Final

from ogi.extract.model import PlacedCell
from ogi.extract.tokens import MEMO_SIZE
from ogi.text.normalize import compact, label_form, normalize_text


def report_id_for(text: str, normalized: str | None = None) -> str:
    """Derived from the normalised content, so renaming a file, re-encoding it or re-running never
    changes it: NFKC, simplified characters with the Taiwan-vocabulary aliases undone, no whitespace, no
    bookmark artefacts."""
    if normalized is None:
        normalized = normalize_text(text)
    return "t" + hashlib.sha256(compact(label_form(normalized)).encode("utf-8")).hexdigest()[:19]


def report_id_from_facts(agency_id: str, report_year: int, template: str, cells: Iterable[PlacedCell]) -> str:
    """The identity of a parsed report of a placed agency: the same facts in any document kind."""
    lines = _identity_lines
    printed: list[bytes] = []
    for c in cells:
        key = (c.section, c.row_key, c.col_key, c.article_item, c.norm_text)
        line = lines.get(key)
        if line is None:
            if len(lines) >= MEMO_SIZE:
                lines.clear()
            line = lines[key] = (f"{c.section}|{c.row_key}|{c.col_key}|{c.article_item or ''}|"
                                 + compact(label_form(c.norm_text))).encode("utf-8")
        printed.append(line)
    # The lines sorted and joined as UTF-8 bytes: the same digest as sorting and joining the text, then encoding
    # it (UTF-8 orders bytes as the text orders characters), without encoding every line of every report again.
    printed.sort()
    head = f"{agency_id}\n{report_year}\n{template}".encode()
    digest = hashlib.sha256(b"\n".join([head, *printed]))
    return "f" + digest.hexdigest()[:19]


# A cell's line in the identity ("section|row_key|col_key|article_item|" and its printed text compacted, in UTF-8), by
# its place and text. Reports print the same few values in the same places: 20,000 reports' four million
# cells have ~23,000 distinct ones, so nearly every cell is a lookup. A plain dictionary, not lru_cache: the
# compiled module reads it directly, where each call through lru_cache's wrapper cost more than the work saved.
_identity_lines: Final[dict[tuple[str, str, str, str | None, str], bytes]] = {}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
