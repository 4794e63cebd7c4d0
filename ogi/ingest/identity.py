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
    printed = sorted([_place(c.section, c.row_key, c.col_key, c.article_item) + _identity_form(c.norm_text)
                      for c in cells])
    digest = hashlib.sha256("\n".join([agency_id, str(report_year), template, *printed]).encode("utf-8"))
    return "f" + digest.hexdigest()[:19]


# Cells print the same few values over and over. A plain dictionary, not lru_cache: the compiled module reads
# it directly, where each call through lru_cache's wrapper cost more than the work it saves.
_identity_forms: Final[dict[str, str]] = {}


# The few hundred places a cell can have, each written once per process: "section|row_key|col_key|article_item|".
_places: Final[dict[tuple[str, str, str, str | None], str]] = {}


def _place(section: str, row_key: str, col_key: str, article_item: str | None) -> str:
    key = (section, row_key, col_key, article_item)
    place = _places.get(key)
    if place is None:
        if len(_places) >= MEMO_SIZE:
            _places.clear()
        place = _places[key] = f"{section}|{row_key}|{col_key}|{article_item or ''}|"
    return place


def _identity_form(norm_text: str) -> str:
    """compact(label_form(…)) of a cell."""
    form = _identity_forms.get(norm_text)
    if form is None:
        if len(_identity_forms) >= MEMO_SIZE:
            _identity_forms.clear()
        form = _identity_forms[norm_text] = compact(label_form(norm_text))
    return form


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
