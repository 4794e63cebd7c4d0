"""Rows and cells at the edges of the templates: a lost row before 3.其他, a section 四 with no table, a count
printed where an amount of money belongs."""

from __future__ import annotations

from ogi.extract.report import extract_report
from tests.conftest import RAW_SAMPLES
from tests.extract.helpers import cell_frame

SAMPLE_2019 = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 2019 template
SAMPLE_2021 = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")  # 2021 template


def _without_block(text: str, first_line_start: str) -> str:
    """The text without the Word→text row that starts with the given label (up to the next blank line)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.lstrip("\t").startswith(first_line_start))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip() and not lines[i].startswith("\t"))
    return "\n".join(lines[:start] + lines[end + 1 :])


def _codes(report) -> list[str]:
    return [p.code for p in report.problems]


def test_other_misc_is_placed_when_the_row_before_it_is_missing() -> None:
    text = _without_block(SAMPLE_2021, "2.申请人逾期未按收费通知")
    report = extract_report(text)
    placed = {(c.row_key, c.col_key) for c in report.cells if c.section == "applications"}
    assert not any(row == "other_fee_unpaid" for row, _ in placed)
    assert sum(row == "other_misc" for row, _ in placed) == 7
    assert [p.message for p in report.problems if p.code == "row_not_found"] == [
        "Section 三: the row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 was not found; "
        "its 7 cells are missing."]
    assert "cell_unplaced" not in _codes(report)


def test_a_bare_other_label_out_of_place_is_still_not_taken_for_other_misc() -> None:
    """Without its number, 其他 two rows early stays unmatched: 其他 alone is too common a word."""
    text = _without_block(SAMPLE_2021, "2.申请人逾期未按收费通知").replace("\t3.其他\n", "\t其他\n")
    report = extract_report(text)
    assert not any(c.row_key == "other_misc" for c in report.cells)
    assert report.status == "partial"


def test_section_four_heading_without_a_table_is_table_not_found() -> None:
    lines = SAMPLE_2021.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    after = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    text = "\n".join([*lines[: heading + 1], "本年度无相关情况。", "", *lines[after:]])
    report = extract_report(text)
    problems = [p for p in report.problems if p.message.startswith("Section 四")]
    assert [p.code for p in problems] == ["table_not_found"]
    assert "no table cells follow it" in problems[0].message
    assert not any(c.section == "litigation" for c in report.cells)
    assert report.status == "partial"


def test_a_count_in_a_money_cell_is_text_and_reported() -> None:
    text = SAMPLE_2019.replace("\t419311元\n", "\t5项\n")
    assert text != SAMPLE_2019
    report = extract_report(text)
    cells = cell_frame(report).filter(col_key="procurement_amount")
    assert cells.select("raw_text", "value_kind", "value", "unit").rows() == [("5项", "text", None, None)]
    problems = [p for p in report.problems if p.code == "cell_not_a_number"]
    assert len(problems) == 1 and "a count (项), not an amount of money" in problems[0].message
    assert problems[0].message.startswith("Section 二, cell government_procurement/procurement_amount")
    assert report.status == "partial"


def test_amounts_with_money_units_are_not_reported() -> None:
    for printed in ("419311元", "41.9万元", "8040", "0"):
        report = extract_report(SAMPLE_2019.replace("\t419311元\n", f"\t{printed}\n"))
        assert "cell_not_a_number" not in _codes(report), printed
        kinds = cell_frame(report).filter(col_key="procurement_amount")["value_kind"].to_list()
        assert kinds == ["number"], printed


def test_garbled_number_messages_name_the_section_by_its_numeral() -> None:
    report = extract_report(SAMPLE_2019.replace("\t419311元\n", "\t4193-11\n"))
    messages = [p.message for p in report.problems if p.code == "cell_not_a_number"]
    assert len(messages) == 1 and messages[0].startswith("Section 二, cell government_procurement/procurement_amount")
