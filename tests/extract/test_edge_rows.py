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


def _subtotal_report(header_cells: list[str], values: list[int]) -> str:
    """A report whose section 三 prints a 法人或其他组织小计 column where ``header_cells`` put it."""
    lines = SAMPLE_2019.split("\n")
    start = lines.index("\t申请人情况")
    end = lines.index("\t一、本年新收政府信息公开申请数量")
    header = ["\t申请人情况", "", "\t", "\t自然人", "\t法人或其他组织", "\t总计", "", "\t", "\t",
              *(f"\t{cell}" for cell in header_cells), "\t", ""]
    row = ["\t一、本年新收政府信息公开申请数量", *(f"\t{v}" for v in values)]
    after = next(i for i in range(end + 1, len(lines)) if not lines[i].strip())
    return "\n".join(lines[:start] + header + row + lines[after:])


ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_a_subtotal_column_printed_first_is_placed_where_the_header_puts_it() -> None:
    report = extract_report(_subtotal_report(["小计", *ORGS], [5, 9, 2, 0, 3, 4, 0, 14]))
    row = {c.col_key: c.raw_text for c in report.cells if c.row_key == "new_received"}
    assert row == {"natural_person": "5", "org_subtotal": "9", "commercial_enterprise": "2",
                   "research_institution": "0", "social_welfare_org": "3", "legal_service_org": "4",
                   "other_org": "0", "total": "14"}
    assert "extra_column" in _codes(report)


def test_a_subtotal_column_printed_last_keeps_its_place() -> None:
    report = extract_report(_subtotal_report([*ORGS, "小计"], [5, 2, 0, 3, 4, 0, 9, 14]))
    row = {c.col_key: c.raw_text for c in report.cells if c.row_key == "new_received"}
    assert (row["commercial_enterprise"], row["org_subtotal"], row["total"]) == ("2", "9", "14")


def test_a_subtotal_column_among_the_organisations_is_not_guessed() -> None:
    report = extract_report(_subtotal_report([*ORGS[:2], "小计", *ORGS[2:]], [5, 2, 0, 2, 3, 4, 0, 14]))
    assert not any(c.section == "applications" for c in report.cells)
    assert any(p.code == "cell_unplaced" and "小计" in p.message for p in report.problems)
    assert report.status == "partial"


def test_a_table_split_over_two_pages_with_its_header_printed_again() -> None:
    lines = SAMPLE_2021.split("\n")
    first = lines.index("\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    header = lines[first : lines.index("\t其他", first) + 1]
    resume = lines.index("\t3.危及“三安全一稳定”") - 2  # the blank group cells before the row
    split = [*lines[:resume], "", "（续表）", "", *header, "\t", "", *lines[resume:]]
    report = extract_report("\n".join(split))
    assert report.status == "parsed", [p.message for p in report.problems]
    assert report.template == "2021"
    original = extract_report(SAMPLE_2021)
    assert [c.fields()[:5] for c in report.cells] == [c.fields()[:5] for c in original.cells]


SPLIT_SECTION_FOUR = """四、政府信息公开行政复议、行政诉讼情况
\t行政复议

\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计

\t{review}

\t行政诉讼

\t未经复议直接起诉
\t复议后起诉

\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计
\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计

\t{litigation}


"""


def _with_section_four(block: str) -> str:
    lines = SAMPLE_2021.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    after = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    return "\n".join([*lines[:heading], *block.split("\n"), *lines[after:]])


def test_section_four_printed_as_two_tables_is_placed_in_order() -> None:
    block = SPLIT_SECTION_FOUR.format(review="\n\t".join("10001"), litigation="\n\t".join("0001100000"))
    report = extract_report(_with_section_four(block))
    cells = {(c.row_key, c.col_key): c.raw_text for c in report.cells if c.section == "litigation"}
    assert len(cells) == 15 and report.status == "parsed", [p.message for p in report.problems]
    assert cells[("administrative_review", "upheld")] == "1" and cells[("administrative_review", "total")] == "1"
    assert cells[("litigation_direct", "pending")] == "1" and cells[("litigation_direct", "total")] == "1"
    assert cells[("litigation_after_review", "total")] == "0"


def test_section_four_tables_in_another_order_are_not_guessed() -> None:
    """Only 行政复议's five cells followed by the 行政诉讼 table are joined: anything else stays unplaced."""
    block = SPLIT_SECTION_FOUR.format(review="\n\t".join("1000"), litigation="\n\t".join("0001100000"))
    report = extract_report(_with_section_four(block))
    assert not any(c.section == "litigation" for c in report.cells)
    assert any(p.code == "cell_unplaced" and p.message.startswith("Section 四") for p in report.problems)


def _rows_of(text: str, row_key: str) -> dict[str, str]:
    return {c.col_key: c.raw_text for c in extract_report(text).cells if c.row_key == row_key}


def test_a_word_row_with_a_blank_at_both_ends_is_not_shifted() -> None:
    """\\t（一）予以公开 / \\t / six numbers / \\t: the first blank may be an unmerged label column or a blank cell,
    the last a blank cell or padding; placing either way could shift every number, so the row is reported."""
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t（一）予以公开")
    lines[at + 1 : at + 8] = ["\t", "\t0", "\t0", "\t3", "\t0", "\t2", "\t4", "\t"]
    report = extract_report("\n".join(lines))
    assert _rows_of("\n".join(lines), "granted") == {}
    assert any(p.code == "cell_unplaced" and "（一）予以公开" in p.message and "cannot be told" in p.message
               for p in report.problems)


def test_section_four_with_a_blank_at_both_ends_is_not_shifted() -> None:
    lines = SAMPLE_2019.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    first = next(i for i in range(heading, len(lines)) if lines[i].strip() == "0")
    lines[first : first + 15] = ["\t", "\t1", *["\t"] * 3, "\t1", *["\t"] * 10]  # a merged column, then blanks
    report = extract_report("\n".join(lines))
    assert not any(c.section == "litigation" for c in report.cells)
    assert any(p.code == "cell_unplaced" and p.message.startswith("Section 四") for p in report.problems)


def test_a_row_printed_on_one_line_keeps_its_leading_blank_cell() -> None:
    """HTML→text prints an empty first cell as ' |' and pads the row's end with '||': the blank is a cell."""
    text = ("某市某区统计局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |\n规范性文件 | 1 | 1 | 4 |\n"
            "第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 12 | 0 | 30 |\n"
            "其他对外管理服务事项 | 0 | 0 | 0 |\n四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议 | | | | | 行政诉讼 | ||||||||\n"
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
            " | 1 | 2 | 1 | 4 | 1 | 2 | 2 | 1 | 6 | 0 | 0 | 1 | 0 | 1 | ||\n\n五、存在的主要问题及改进情况\n")
    review = _rows_of(text, "administrative_review")
    assert review == {"upheld": "", "corrected": "1", "other": "2", "pending": "1", "total": "4"}


def test_a_text_first_value_and_a_padding_blank_are_not_guessed() -> None:
    text = SAMPLE_2019.replace("\t政府集中采购\n\t2\n\t419311元\n", "\t政府集中采购\n\t不适用\n\t120万元\n\t\n")
    report = extract_report(text)
    assert _rows_of(text, "government_procurement") == {}
    assert any(p.code == "cell_unplaced" and "政府集中采购" in p.message for p in report.problems)


def test_a_total_row_labelled_heji() -> None:
    text = SAMPLE_2019.replace("\t（七）总计\n", "\t（七）合计\n")
    assert len(_rows_of(text, "total")) == 7
    assert extract_report(text).status == "parsed"


def test_page_marks_between_word_rows_and_between_the_two_tables_of_section_four() -> None:
    text = SAMPLE_2019.replace("\n\n\t\n\t（三）不予公开\n", "\n\n— 3 —\n\n\t\n\t（三）不予公开\n", 1)
    assert text != SAMPLE_2019
    assert extract_report(text).status == "parsed", [p.message for p in extract_report(text).problems]
    assert [c.fields()[:5] for c in extract_report(text).cells] == [c.fields()[:5] for c in extract_report(SAMPLE_2019).cells]
    block = SPLIT_SECTION_FOUR.format(review="\n\t".join("10001"), litigation="\n\t".join("0001100000"))
    block = block.replace("\n\n\t行政诉讼\n", "\n\n（续表）\n\n\t行政诉讼\n")
    report = extract_report(_with_section_four(block))
    assert sum(c.section == "litigation" for c in report.cells) == 15, [p.message for p in report.problems]


def test_a_sentence_naming_a_subtotal_above_the_table_is_not_its_header() -> None:
    text = SAMPLE_2019.replace("三、收到和处理政府信息公开申请情况\n",
                               "三、收到和处理政府信息公开申请情况\n本年度共收到申请0件，其中法人或其他组织小计0件。\n", 1)
    assert text != SAMPLE_2019
    report = extract_report(text)
    assert "extra_column" not in _codes(report)
    assert [c.fields()[:5] for c in report.cells] == [c.fields()[:5] for c in extract_report(SAMPLE_2019).cells]


_ONE_ROW_PER_LINE = (
    "某市某区统计局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||\n"
    "自然人 | 法人或其他组织 | | | | | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    "一、本年新收政府信息公开申请数量 |{span} 18 | 4 | 1 | 1 | 1 | 1 | 26 |\n"
    "二、上年结转政府信息公开申请数量 |{span} 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    "四、结转下年度继续办理 |{last}  |  |\n五、存在的主要问题及改进情况\n"
)


def test_a_one_line_row_with_blanks_at_both_ends_follows_the_label_span_of_its_table() -> None:
    """| 四、结转… |  |  | 1 | 0 | 0 | 0 | 0 |  |  |: the label spans two columns in this table's other 一、 rows,
    so the blanks at the start are its span and 其他 and 总计 are blank (not a shift by two columns)."""
    text = _ONE_ROW_PER_LINE.format(span="  |  |", last="  |  | 1 | 0 | 0 | 0 | 0 |")
    assert _rows_of(text, "carried_forward") == {
        "natural_person": "1", "commercial_enterprise": "0", "research_institution": "0", "social_welfare_org": "0",
        "legal_service_org": "0", "other_org": "", "total": ""}
    # A row longer than its table's rows: the label may span more (a 总计 merged across every label column) or
    # the row be padded; which blanks are cells cannot be told, and the row is reported.
    for text in (_ONE_ROW_PER_LINE.format(span="", last="  | 1 | 0 | 0 | 0 | 0 | 1 |"),
                 _ONE_ROW_PER_LINE.format(span="  |  |", last="  |  |  | 1 | 0 | 0 | 0 | 0 |")):
        assert _rows_of(text, "carried_forward") == {}
        assert any(p.code == "cell_unplaced" and "四、结转下年度继续办理" in p.message for p in extract_report(text).problems)


def test_a_label_broken_over_two_lines_keeps_its_span() -> None:
    """（七） / 总计 |  | 19 | … |  |: the label's first line stands above its cells; its row still shows the span."""
    text = _ONE_ROW_PER_LINE.format(span="", last=" 3 | 0 | 0 | 0 | 0 | 0 | 3 |").replace(
        "四、结转下年度继续办理", "三、本年度办理结果 | （一）予以公开 |  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
        "（六）其他处理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n（七）\n总计 |  | 19 | 5 | 1 | 1 | 1 | 1 |  |\n四、结转下年度继续办理")
    assert _rows_of(text, "total") == {
        "natural_person": "19", "commercial_enterprise": "5", "research_institution": "1", "social_welfare_org": "1",
        "legal_service_org": "1", "other_org": "1", "total": ""}


def test_a_one_line_row_with_blanks_at_both_ends_is_reported_when_its_table_shows_no_span() -> None:
    text = _ONE_ROW_PER_LINE.format(span="", last="  |  | 1 | 0 | 0 | 0 | 0 |").replace(
        "二、上年结转政府信息公开申请数量 | 2 |", "二、上年结转政府信息公开申请数量 |  |  | 2 |")
    assert _rows_of(text, "carried_forward") == {}
    assert any(p.code == "cell_unplaced" and "四、结转下年度继续办理" in p.message and "cannot be told" in p.message
               for p in extract_report(text).problems)


def test_section_four_rows_that_start_with_an_empty_column_keep_their_last_blank() -> None:
    """| | 行政复议 | … / | 1 | 1 | 0 | 1 | 3 | … | 1 |  |: the header rows start with an empty column, and so
    does the data row; its last blank is 复议后起诉 总计, not padding (before, every cell moved one right)."""
    header = (" | 行政复议 | 行政诉讼 |\n | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
              " | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n")
    text = _ONE_ROW_PER_LINE.format(span="", last=" 1 | 0 | 0 | 0 | 0 | 0 | 1 |").replace(
        "五、存在的主要问题及改进情况\n", "四、政府信息公开行政复议、行政诉讼情况\n" + header
        + " | 1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |  |\n\n五、存在的主要问题及改进情况\n")
    cells = {(c.row_key, c.col_key): c.raw_text for c in extract_report(text).cells}
    assert [cells[("administrative_review", r)] for r in ("upheld", "corrected", "other", "pending", "total")] == [
        "1", "1", "0", "1", "3"]
    assert cells[("litigation_after_review", "pending")] == "1"
    assert cells[("litigation_after_review", "total")] == ""
    # (Without the empty column in the header, the first blank is a cell: the test of a row printed on one line.)


def test_each_section_two_sub_table_has_its_own_label_span() -> None:
    """信息内容 spans two columns in （八） only: its row |  | 2 |  | may be 上一年项目数量 2 and a blank change,
    or a blank and a change of 2; the other sub-tables, which span none, do not tell. Reported, never guessed."""
    row = "行政事业性收费 |  | 2 |  |"
    html = ("某市某区统计局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项 | |||\n"
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 12 | 0 | 30 |\n其他对外管理服务事项 | 0 | 0 | 0 |\n"
            "第二十条第(八)项 | |||\n信息内容 |  | 上一年项目数量 | 本年增/减 |\n" + row + "\n三、收到和处理政府信息公开申请情况\n")
    report = extract_report(html)
    assert not any(c.row_key == "administrative_fees" for c in report.cells)
    assert any(p.code == "cell_unplaced" and "行政事业性收费" in p.message for p in report.problems)
