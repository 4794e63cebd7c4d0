"""A parsed report's identity: the digest of its agency, year, template and every printed cell, in any order."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.extract.model import PlacedCell
from ogi.ingest.identity import report_id_from_facts
from ogi.text.normalize import compact, label_form


def _plain_identity(agency_id: str, year: int, template: str, cells: list[PlacedCell]) -> str:
    """The definition, without the per-process memo of cell lines."""
    printed = sorted(f"{c.section}|{c.row_key}|{c.col_key}|{c.article_item or ''}|{compact(label_form(c.norm_text))}"
                     for c in cells)
    return "f" + hashlib.sha256("\n".join([agency_id, str(year), template, *printed]).encode("utf-8")).hexdigest()[:19]


def _cells(values: list[str]) -> list[PlacedCell]:
    places = [("applications", "granted", "natural_person", None), ("litigation", "review", "upheld", None),
              ("proactive", "regulations", "new_published", "20.1")]
    return [PlacedCell(section, row, col, value, value, line, item)
            for line, ((section, row, col, item), value) in enumerate(zip(places, values, strict=True), start=10)]


def test_identity_is_the_digest_of_the_sorted_cell_lines_whatever_the_memo_holds() -> None:
    first = _cells(["3", "无", "1 2"])
    # The same places and texts again (memo hits), then new texts at the same places (memo misses).
    for cells in (first, _cells(["3", "无", "1 2"]), _cells(["4", "無", "12"])):
        assert report_id_from_facts("A1", 2021, "2021", cells) == _plain_identity("A1", 2021, "2021", cells)


# Any characters but surrogates (which no decoded text holds): ASCII, 中文, full-width forms, and characters beyond
# the basic plane, whose UTF-8 bytes must sort as the characters do.
_CELL_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.tuples(_CELL_TEXT, _CELL_TEXT, _CELL_TEXT), min_size=1, max_size=4))
def test_identity_sorted_as_utf8_bytes_equals_the_definition_sorted_as_text(texts: list[tuple[str, str, str]]) -> None:
    cells = [cell for values in texts for cell in _cells(list(values))]
    assert report_id_from_facts("A1", 2019, "2019", cells) == _plain_identity("A1", 2019, "2019", cells)


def test_identity_ignores_cell_order_and_line_numbers_but_not_values_or_places() -> None:
    cells = _cells(["3", "0", "5"])
    reordered = [PlacedCell(c.section, c.row_key, c.col_key, c.raw_text, c.norm_text, c.line_no + 7, c.article_item)
                 for c in reversed(cells)]
    assert report_id_from_facts("A1", 2021, "2021", reordered) == report_id_from_facts("A1", 2021, "2021", cells)
    assert report_id_from_facts("A1", 2021, "2021", _cells(["3", "0", "6"])) != report_id_from_facts(
        "A1", 2021, "2021", cells)
    moved = [PlacedCell(c.section, c.row_key, "total", c.raw_text, c.norm_text, c.line_no) for c in cells]
    assert report_id_from_facts("A1", 2021, "2021", moved) != report_id_from_facts("A1", 2021, "2021", cells)
