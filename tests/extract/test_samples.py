"""The parser on the five sample reports reproduces every hand-read value (shared/seeds/expected)."""

from __future__ import annotations

import pytest

from ogi.extract.report import extract_report
from tests.conftest import RAW_SAMPLES, load_expected
from tests.extract.helpers import cell_values, expected_values

SAMPLES = load_expected()


@pytest.mark.parametrize("expected", SAMPLES, ids=[e["source_path"][:3] for e in SAMPLES])
def test_sample_report_matches_hand_read_values(expected: dict) -> None:
    report = extract_report((RAW_SAMPLES / expected["source_path"]).read_text(encoding="utf-8"))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert report.report_year == expected["report_year"]
    assert report.template == expected["template"]
    assert report.agency_name == expected["agency_name"]
    assert report.published_on == expected["published_on"]
    want = expected_values(expected)
    got = cell_values(report)
    assert set(got) == set(want)
    wrong = {key: (got[key], want[key]) for key in want if got[key] != want[key]}
    assert wrong == {}


def test_dash_cells_are_null_not_zero() -> None:
    report = extract_report((RAW_SAMPLES / "004_993ea28ec35e0d8d.txt").read_text(encoding="utf-8"))
    values = cell_values(report)
    assert values[("proactive", "administrative_licensing", "decisions")] is None
    cells = {(c.row_key, c.col_key): c for c in report.cells if c.section == "proactive"}
    assert cells[("administrative_licensing", "decisions")].raw_text == "—"
    assert cells[("administrative_licensing", "decisions")].line_no == 30


def test_signed_change_and_amount_conversion() -> None:
    report = extract_report((RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8"))
    values = cell_values(report)
    assert values[("proactive", "administrative_licensing", "change")] == 2.0
    assert values[("proactive", "government_procurement", "procurement_amount")] == pytest.approx(41.9311)


@pytest.mark.parametrize(("printed", "noted"), [("8040", True), ("8,040.5", True), ("0", False), ("8040元", False),
                                                ("8040万元", False)])
def test_amount_without_unit_is_loaded_as_printed_and_noted(printed: str, noted: bool) -> None:
    """N4: a 2019 采购总金额 with no unit keeps its number; a non-zero one gets a note (0 is 0 in any unit)."""
    text = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8").replace("\t419311元", f"\t{printed}")
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    cell = next(c for c in report.cells if c.col_key == "procurement_amount")
    assert cell.raw_text == printed
    notes = [p for p in report.problems if p.code == "amount_unit_unknown"]
    assert len(notes) == noted
    if noted:
        assert not notes[0].degrades and notes[0].line_no == cell.line_no and printed in notes[0].message
        assert cell_values(report)[("proactive", "government_procurement", "procurement_amount")] == pytest.approx(
            float(printed.replace(",", "")))


@pytest.mark.parametrize("printed", [
    "公务用车10辆",  # N5: words the agency wrote
    "18-3-",  # garbled digits
    "0第3页",  # a page marker merged into the cell
    "0字",  # a stray character: the 0 must not pass for a clean cell
])
def test_digits_that_are_not_a_number_load_as_text_and_make_the_report_partial(printed: str) -> None:
    """A number may be lost in such a cell, and words cannot be told from corruption: partial, never 'parsed'."""
    text = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8").replace("\t419311元", f"\t{printed}")
    report = extract_report(text)
    assert report.status == "partial"
    cell = next(c for c in report.cells if c.col_key == "procurement_amount")
    assert cell.raw_text == printed
    assert cell_values(report)[("proactive", "government_procurement", "procurement_amount")] is None
    assert [(p.code, p.line_no) for p in report.problems] == [("cell_not_a_number", cell.line_no)]


@pytest.mark.parametrize("year", ["二〇二〇", "二○二〇", "二零二零"])
def test_title_with_the_year_in_han_numerals(year: str) -> None:
    """宁波市镇海区统计局二〇二〇年政府信息公开工作年度报告: the year is read, and is not part of the agency name."""
    text = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8").replace(
        "宁波市镇海区统计局\n2020年政府信息公开工作年度报告", f"宁波市镇海区统计局{year}年政府信息公开工作年度报告", 1)
    report = extract_report(text)
    assert (report.agency_name, report.report_year) == ("宁波市镇海区统计局", 2020)
