"""The same reports printed in other text shapes give the same cells; blanks never shift numbers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ogi.extract.report import extract_report
from ogi.extract.vocabulary import LITIGATION_CELLS
from tests.conftest import RAW_SAMPLES, load_expected
from tests.extract.helpers import cell_frame, cell_values, expected_values
from tests.extract.reshape import (
    Segment,
    read_tika,
    to_html_cells,
    to_html_rows,
    to_html_separated,
    to_markdown,
    to_plain,
)

WORD_SAMPLES = [e for e in load_expected() if not e["source_path"].startswith("004")]
SHAPES: dict[str, Callable[[list[Segment]], str]] = {
    "markdown": to_markdown,
    "html_rows": to_html_rows,
    "html_rows_padded": lambda s: to_html_rows(s, pad_to=10),
    "html_cells": to_html_cells,
    "html_separated": to_html_separated,
}


def _segments(expected: dict) -> list[Segment]:
    return read_tika((RAW_SAMPLES / expected["source_path"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_other_shapes_give_the_same_values(expected: dict, shape: str) -> None:
    text = SHAPES[shape](_segments(expected))
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    assert report.template == expected["template"]
    assert report.report_year == expected["report_year"]
    assert cell_values(report) == expected_values(expected)


@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_plain_text_shape(expected: dict) -> None:
    """No separators at all: every cell is printed, so every cell is placed."""
    report = extract_report(to_plain(_segments(expected)))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert cell_values(report) == expected_values(expected)


def _blank_cell(segments: list[Segment], row_label: str, position: int, replacement: str) -> None:
    for segment in segments:
        if isinstance(segment, list):
            for row in segment:
                labels = [i for i, c in enumerate(row) if row_label in c]
                if labels:
                    row[labels[-1] + 1 + position] = replacement
                    return
    raise AssertionError(f"row {row_label} not found")


@pytest.mark.parametrize("shape", ["word", *SHAPES])
@pytest.mark.parametrize("position", [0, 3, 6])
@pytest.mark.parametrize("replacement", ["", "—", "/", "无"])
def test_blank_cell_never_shifts_the_row(shape: str, position: int, replacement: str) -> None:
    expected = WORD_SAMPLES[1]  # 001: non-zero values in new_received
    segments = _segments(expected)
    _blank_cell(segments, "本年新收", position, replacement)
    if shape == "word":
        text = "\n".join(
            s if isinstance(s, str) else "\n".join("\n".join("\t" + c for c in row) + "\n" for row in s)
            for s in segments
        )
    else:
        text = SHAPES[shape](segments)
    report = extract_report(text)
    got = cell_values(report)
    want = expected_values(expected)
    column = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total"][position]
    want[("applications", "new_received", column)] = None
    if report.status == "parsed":
        assert got == want
    else:  # a shape that cannot show the blank must not place a wrong number
        assert all(got[k] == want[k] for k in got)


def test_dropped_empty_cells_are_reported_not_guessed() -> None:
    """FORMAT.md L7: empty cells dropped in the plain shape; the row cannot be placed."""
    expected = WORD_SAMPLES[1]
    segments = _segments(expected)
    _blank_cell(segments, "本年新收", 2, "")
    report = extract_report(to_plain(segments))
    assert report.status == "partial"
    assert any(p.code == "cell_unplaced" and "本年新收" in p.message for p in report.problems)
    assert not any(c.row_key == "new_received" for c in report.cells)


@pytest.mark.parametrize("position", [0, 14])
@pytest.mark.parametrize("shape", ["html_cells", "html_separated"])
def test_blank_cell_at_either_end_of_the_litigation_row(shape: str, position: int) -> None:
    """Section 四's data row has no label: a blank first or last cell must not be taken for the lone ``|``
    line that separates rows (L5), nor the other way round."""
    expected = WORD_SAMPLES[0]
    segments = _segments(expected)
    table = next(s for s in segments if isinstance(s, list) and any("行政复议" in c for row in s for c in row))
    data_row = table[-1]
    values = [i for i, c in enumerate(data_row) if c.strip()]
    data_row[values[position]] = ""
    report = extract_report(SHAPES[shape](segments))
    assert report.status == "parsed", [p.message for p in report.problems]
    got = {k: v for k, v in cell_values(report).items() if k[0] == "litigation"}
    want = {k: v for k, v in expected_values(expected).items() if k[0] == "litigation"}
    proceeding, outcome = LITIGATION_CELLS[position]
    want[("litigation", proceeding, outcome)] = None
    assert got == want


@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_markdown_heading_marks_are_not_read_as_text(expected: dict) -> None:
    """A markdown export marks the title and the section headings (# …, ## …, **…**): the agency name and
    the sections are read as without the marks."""
    segments = _segments(expected)
    title_lines = [i for i, s in enumerate(segments) if isinstance(s, str) and s.strip()][:2]
    for index, segment in enumerate(segments):
        if not isinstance(segment, str):
            continue
        if index in title_lines:
            segments[index] = "# " + segment.strip()
        elif segment.strip()[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}:
            segments[index] = "## **" + segment.strip() + "**"
    text = to_markdown(segments)
    assert text.startswith("# ") and "\n## **三、" in text
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    assert (report.agency_name, report.report_year) == (expected["agency_name"], expected["report_year"])
    assert cell_values(report) == expected_values(expected)


@pytest.mark.parametrize("where", ["after_the_numbers", "before_the_numbers"])
@pytest.mark.parametrize("expected", WORD_SAMPLES, ids=[e["source_path"][:3] for e in WORD_SAMPLES])
def test_plain_text_row_label_wrapped_onto_the_next_line(expected: dict, where: str) -> None:
    """Text copied out of a PDF wraps a long label; its open bracket says where it continues."""
    lines = to_plain(_segments(expected)).split("\n")
    at = next(i for i, line in enumerate(lines) if "部分公开" in line and "只计" in line)
    label, numbers = lines[at].split("  ", 1)
    head, tail = label.split("只计")
    if where == "after_the_numbers":
        lines[at : at + 1] = [f"{head}只计  {numbers}", tail]
    else:
        lines[at : at + 1] = [f"{head}只计", f"{tail}  {numbers}"]
    report = extract_report("\n".join(lines))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert cell_values(report) == expected_values(expected)
    # A narrative line with an open bracket and no continuation stays narrative.
    plain = to_plain(_segments(expected)).replace("\n二、", "\n（注：以下数据\n二、", 1)
    assert cell_values(extract_report(plain)) == expected_values(expected)


SAMPLE_2019 = next(e for e in WORD_SAMPLES if e["source_path"].startswith("000"))
SAMPLE_2021 = next(e for e in WORD_SAMPLES if e["source_path"].startswith("003"))


def _plain(expected: dict) -> str:
    return to_plain(_segments(expected))


def _plain_cells(text: str) -> dict[tuple[str, str, str], object]:
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    return cell_values(report)


def test_plain_text_page_marks_and_page_numbers_are_not_cells() -> None:
    """PDF text keeps each page's number: between rows, and between section 四's numbers and section 五."""
    text = _plain(SAMPLE_2019)
    text = text.replace("\n（二）部分公开", "\n- 2 -\n（二）部分公开", 1).replace("\n（三）不予公开", "\n第 3 页 共 5 页\n（三）不予公开", 1)
    text = text.replace("\n2.其他法律行政法规禁止公开", "\n3\n2.其他法律行政法规禁止公开", 1)
    text = text.replace("\n五、存在的主要问题", "\n4\n五、存在的主要问题", 1)
    assert _plain_cells(text) == expected_values(SAMPLE_2019)


def test_plain_text_lone_page_number_after_fourteen_litigation_numbers_is_not_the_fifteenth() -> None:
    lines = _plain(SAMPLE_2019).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("0  0  0  0  0  0  0  0  0  0  0  0  0  0  0"))
    lines[at : at + 1] = ["0  0  0  0  0  0  0  0  0  0  0  0  0  0", "5"]  # one blank lost, then the page number
    report = extract_report("\n".join(lines))
    assert not any(c.section == "litigation" for c in report.cells)
    assert any(p.code == "cell_unplaced" and "14 cells" in p.message for p in report.problems)


@pytest.mark.parametrize(("header", "printed", "value"), [
    ("本年收费金额（单位：元）", "行政事业性收费  1200", 0.12),
    ("本年收费金额（单位：万元）", "行政事业性收费  3500 元", 0.35),
    ("本年收费金额（单位：万元）", "行政事业性收费  3500\n元", 0.35),
])
def test_plain_text_money_units_in_the_header_or_apart_from_the_number(header: str, printed: str,
                                                                      value: float) -> None:
    lines = _plain(SAMPLE_2021).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("行政事业性收费"))
    assert "本年收费金额" in lines[at - 1]
    lines[at - 1] = f"信息内容  {header}"
    lines[at : at + 1] = printed.split("\n")
    report = extract_report("\n".join(lines))
    fee = next(c for c in cell_frame(report).iter_rows(named=True) if c["col_key"] == "fee_amount")
    assert (fee["value"], fee["unit"]) == (pytest.approx(value), "万元")
    assert report.status == "parsed", [p.message for p in report.problems]


def test_plain_text_procurement_header_in_wanyuan() -> None:
    text = _plain(SAMPLE_2019).replace("采购总金额\n", "采购总金额（万元）\n").replace("  419311元\n", "  125.6\n")
    report = extract_report(text)
    amount = next(c for c in cell_frame(report).iter_rows(named=True) if c["col_key"] == "procurement_amount")
    assert (amount["value"], amount["unit"]) == (125.6, "万元")
    assert "amount_unit_unknown" not in [p.code for p in report.problems]


@pytest.mark.parametrize("where", ["after_the_numbers", "before_the_numbers"])
def test_plain_text_row_label_wrapped_without_a_bracket(where: str) -> None:
    """（四）无法提供 1.本机关不掌 / 握相关政府信息: no bracket, but the fragment cannot be anything else."""
    lines = _plain(SAMPLE_2021).split("\n")
    at = next(i for i, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line)
    label, numbers = lines[at].split("  ", 1)[0], lines[at].split("  ", 1)[1]
    assert label.startswith("（四）")
    numbers = numbers.removeprefix("1.本机关不掌握相关政府信息  ")
    if where == "after_the_numbers":
        lines[at : at + 1] = [f"{label}  1.本机关不掌  {numbers}", "握相关政府信息"]
    else:
        lines[at : at + 1] = [f"{label}  1.本机关不掌", f"握相关政府信息  {numbers}"]
    assert _plain_cells("\n".join(lines)) == expected_values(SAMPLE_2021)


def test_plain_text_group_labels_on_lines_of_their_own() -> None:
    text = (_plain(SAMPLE_2019).replace("三、本年度办理结果  （一）予以公开", "三、本年度办理结果\n（一）予以公开", 1)
            .replace("（三）不予公开  1.属于国家秘密", "（三）不予公开\n1.属于国家秘密", 1))
    assert _plain_cells(text) == expected_values(SAMPLE_2019)


def test_plain_text_section_four_as_two_tables() -> None:
    lines = _plain(SAMPLE_2019).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("行政复议  行政诉讼"))
    last = next(i for i, line in enumerate(lines) if line.startswith("0  0  0  0  0  0  0  0  0  0  0  0  0  0  0"))
    lines[first : last + 1] = [
        "行政复议", "结果维持  结果纠正  其他结果  尚未审结  总计", "1  0  0  0  1",
        "行政诉讼", "未经复议直接起诉  复议后起诉",
        "结果维持  结果纠正  其他结果  尚未审结  总计  结果维持  结果纠正  其他结果  尚未审结  总计",
        "0  0  0  1  1  0  0  0  0  0",
    ]
    values = _plain_cells("\n".join(lines))
    assert values[("litigation", "administrative_review", "upheld")] == 1
    assert values[("litigation", "litigation_direct", "pending")] == 1
    assert sum(key[0] == "litigation" for key in values) == 15


def test_plain_text_subtotal_column_in_a_header_line() -> None:
    from tests.extract.test_edge_rows import ORGS, _subtotal_report

    text = to_plain(read_tika(_subtotal_report(["小计", *ORGS], [5, 9, 2, 0, 3, 4, 0, 14])))
    row = {c.col_key: c.raw_text for c in extract_report(text).cells if c.row_key == "new_received"}
    assert (row["org_subtotal"], row["commercial_enterprise"], row["total"]) == ("9", "2", "14")


def test_plain_text_template_cues_after_a_wrapped_label_still_count() -> None:
    """A note printed inside the table ends its rows early; the template is still read as 2021."""
    note = "本表数据由本机关政府信息公开工作机构统计，统计口径与上年度保持一致，特此说明，下同。"
    text = _plain(SAMPLE_2021).replace("\n3.补正后申请内容仍不明确", f"\n{note}\n3.补正后申请内容仍不明确", 1)
    report = extract_report(text)
    assert any(p.code == "row_not_found" for p in report.problems)
    assert report.template == "2021" and report.applications_template == "2021"
    assert not any(c.row_key == "other" for c in report.cells)


def test_plain_text_change_word_printed_apart_from_its_number() -> None:
    lines = _plain(SAMPLE_2019).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("行政许可"))
    lines[at] = "行政许可  12  增 2  7"
    values = cell_values(extract_report("\n".join(lines)))
    assert (values[("proactive", "administrative_licensing", "previous_items")],
            values[("proactive", "administrative_licensing", "change")],
            values[("proactive", "administrative_licensing", "decisions")]) == (12, 2, 7)


def test_markdown_label_spanning_the_label_columns_prints_empty_cells_after_it() -> None:
    """pandoc prints a label spanning the three label columns as the label and two empty cells."""
    text = to_markdown(_segments(SAMPLE_2019))
    for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理", "（七）总计"):
        text = text.replace(f"| {label} |", f"| {label} |  |  |", 1)
    text = text.replace("| 三、本年度办理结果 | （一）予以公开 |", "| 三、本年度办理结果 | （一）予以公开 |  |", 1)
    assert text.count("|  |  |") >= 4
    assert _plain_cells(text) == expected_values(SAMPLE_2019)


def test_an_indented_markdown_table_reads_like_an_unindented_one() -> None:
    text = "\n".join(f"  {line}" if line.startswith("|") else line
                     for line in to_markdown(_segments(SAMPLE_2019)).split("\n"))
    assert _plain_cells(text) == expected_values(SAMPLE_2019)
