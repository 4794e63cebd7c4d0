"""What cells print, as web pages and Word really print it: invisible characters, the minus sign, circled
numbering, the 2021 label in a 2019 table, and money units stated by the column header or printed as 万."""

from __future__ import annotations

import pytest

from ogi.extract.report import extract_report
from tests.conftest import RAW_SAMPLES
from tests.extract.helpers import cell_frame

SAMPLE_2019 = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 2019 template
SAMPLE_2021 = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")  # 2021 template


def _cells(text: str) -> dict[tuple[str, str], tuple[str, float | None, str | None]]:
    """(row_key, col_key) → (value_kind, value, unit), for every placed cell."""
    frame = cell_frame(extract_report(text))
    return {(r["row_key"], r["col_key"]): (r["value_kind"], r["value"], r["unit"])
            for r in frame.iter_rows(named=True)}


def _codes(text: str) -> list[str]:
    return [p.code for p in extract_report(text).problems]


def test_zero_width_characters_inside_labels_and_numbers_are_ignored() -> None:
    text = (SAMPLE_2021.replace("\t行政处罚\n\t0　\n", "\t行政\u200b处罚\n\t\ufeff7\u200b\n")
            .replace("\t（一）予以公开\n", "\t（一）予以\u200b公开\n"))
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    cells = _cells(text)
    assert cells[("administrative_penalty", "decisions")] == ("number", 7.0, None)
    assert sum(row == "granted" for row, _ in cells) == 7


def test_the_minus_sign_word_types_reads_as_a_negative_change() -> None:
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t行政处罚")
    lines[at + 2] = "\t\u22124"  # the 本年增/减 cell
    cells = _cells("\n".join(lines))
    assert cells[("administrative_penalty", "change")] == ("number", -4.0, None)


def test_circled_numbering_is_stripped_from_item_and_row_labels() -> None:
    text = (SAMPLE_2021.replace("\t行政处罚\n", "\t①行政处罚\n").replace("\t行政强制\n", "\t②行政强制\n")
            .replace("\t3.其他\n", "\t③其他\n"))
    report = extract_report(text)
    assert report.status == "parsed", [p.message for p in report.problems]
    cells = _cells(text)
    assert ("administrative_penalty", "decisions") in cells and ("administrative_coercion", "decisions") in cells
    assert sum(row == "other_misc" for row, _ in cells) == 7


def test_a_2019_table_may_name_its_second_row_by_the_2021_label() -> None:
    text = SAMPLE_2019.replace("\t规范性文件\n", "\t行政规范性文件\n", 1)
    report = extract_report(text)
    assert report.proactive_template == "2019"
    assert sum(row == "normative_documents" for row, _ in _cells(text)) == 3
    assert not {"row_not_found", "extra_row"} & set(_codes(text))


def test_a_fee_header_in_yuan_converts_the_bare_amount_to_wanyuan() -> None:
    text = SAMPLE_2021.replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）")
    lines = text.split("\n")
    at = lines.index("\t行政事业性收费")
    lines[at + 1] = "\t3500"
    assert _cells("\n".join(lines))[("administrative_fees", "fee_amount")] == ("number", pytest.approx(0.35), "万元")
    # The template's own header (万元) leaves the number as printed.
    lines = SAMPLE_2021.split("\n")
    lines[at + 1] = "\t3500"
    assert _cells("\n".join(lines))[("administrative_fees", "fee_amount")] == ("number", 3500.0, "万元")


def test_a_procurement_header_in_wanyuan_gives_the_bare_amount_its_unit() -> None:
    text = SAMPLE_2019.replace("\t采购总金额\n", "\t采购总金额（万元）\n").replace("\t419311元\n", "\t35.8\n")
    assert _cells(text)[("government_procurement", "procurement_amount")] == ("number", 35.8, "万元")
    assert "amount_unit_unknown" not in _codes(text)
    # Without a unit anywhere the number stays as printed, unit unknown, and the report says so.
    bare = SAMPLE_2019.replace("\t419311元\n", "\t35.8\n")
    assert _cells(bare)[("government_procurement", "procurement_amount")] == ("number", 35.8, None)
    assert "amount_unit_unknown" in _codes(bare)


def test_wan_alone_is_wanyuan_in_a_money_cell_and_no_number_in_a_count_cell() -> None:
    text = SAMPLE_2019.replace("\t419311元\n", "\t12.5万\n")
    assert _cells(text)[("government_procurement", "procurement_amount")] == ("number", 12.5, "万元")
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t政府集中采购")
    lines[at + 1] = "\t1.2万"  # 采购项目数量: a count
    report = extract_report("\n".join(lines))
    assert _cells("\n".join(lines))[("government_procurement", "procurement_items")] == ("text", None, None)
    assert any(p.code == "cell_not_a_number" and "1.2万" in p.message for p in report.problems)


def test_a_superscript_footnote_mark_is_not_a_digit() -> None:
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t行政处罚")
    lines[at + 3] = "\t156¹"  # 处理决定数量 with a footnote mark: never 1561
    text = "\n".join(lines)
    assert _cells(text)[("administrative_penalty", "decisions")] == ("text", None, None)
    assert any(p.code == "cell_not_a_number" and "156¹" in p.message for p in extract_report(text).problems)


def test_two_paragraphs_in_a_value_cell_are_not_one_number() -> None:
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t行政处罚")
    lines[at + 3 : at + 4] = ["\t1", "2"]  # a cell holding "1" and "2" on two lines, not 12
    text = "\n".join(lines)
    assert _cells(text)[("administrative_penalty", "decisions")] == ("text", None, None)
    assert "cell_not_a_number" in _codes(text)


def test_html_entities_left_by_a_converter_are_read() -> None:
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t行政处罚")
    lines[at + 3] = "\t&nbsp;7&#12288;"
    assert _cells("\n".join(lines))[("administrative_penalty", "decisions")] == ("number", 7.0, None)


def test_money_printed_in_a_count_cell_is_text() -> None:
    text = SAMPLE_2019.replace("\t政府集中采购\n\t2\n", "\t政府集中采购\n\t120万元\n")
    assert _cells(text)[("government_procurement", "procurement_items")] == ("text", None, None)
    assert any(p.code == "cell_not_a_number" and "120万元" in p.message for p in extract_report(text).problems)


def test_a_page_number_between_markdown_rows_is_not_glued_onto_the_next_cell() -> None:
    text = ("# 某市某区统计局2022年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n"
            "| 第二十条第（一）项 |  |  |  |\n|:---|:---:|---:|:---:|\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "| 规章 | 0 | 0 | 0 |\n3\n| 行政规范性文件 | 2 | 0 | 15 |\n\n| 第二十条第（五）项 |  |\n|---|---|\n"
            "| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 5 |\n")
    cells = _cells(text)
    assert cells[("normative_documents", "issued")] == ("number", 2.0, None)
    assert cells[("rules", "in_force")] == ("number", 0.0, None)


def test_columns_printed_in_another_order_are_placed_by_their_header() -> None:
    text = SAMPLE_2019.replace("\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n\t行政许可\n\t18\n\t增（2）\n\t0\n",
                               "\t上一年项目数量\n\t处理决定数量\n\t本年增/减\n\n\t行政许可\n\t18\n\t57\n\t增（2）\n", 1)
    assert text != SAMPLE_2019
    cells = _cells(text)
    assert cells[("administrative_licensing", "decisions")] == ("number", 57.0, None)
    assert cells[("administrative_licensing", "change")] == ("number", 2.0, None)
    assert cells[("other_administrative_services", "previous_items")][0] == "number"
    report = extract_report(text)
    assert [p.code for p in report.problems if p.code == "columns_reordered"] == ["columns_reordered"]
    assert report.status == "partial"  # for a person to check: a header swapped by mistake would swap numbers


def test_a_note_under_a_caption_is_not_read_as_the_header() -> None:
    text = SAMPLE_2019.replace("\t第二十条第（五）项\n", "\t第二十条第（五）项\n\n本年新增行政许可事项，处理决定数量见下表。\n", 1)
    assert text != SAMPLE_2019
    cells = _cells(text)
    assert cells[("administrative_licensing", "change")] == ("number", 2.0, None)
    assert "columns_reordered" not in _codes(text)


def test_entities_for_line_or_cell_separators_stay_as_printed() -> None:
    from ogi.text.normalize import normalize_text

    assert normalize_text("行政处罚&#124;&#9;&#10;&#x7C;&nbsp;7") == "行政处罚&#124;&#9;&#10;&#x7C; 7"


def test_numbers_separated_by_a_space_in_one_cell_are_not_one_number() -> None:
    """A converter that joins a cell's two lines with a space (or NBSP, or U+3000) prints "1 2": never 12."""
    lines = SAMPLE_2019.split("\n")
    at = lines.index("\t行政处罚")
    lines[at + 1] = "\t1 2"
    lines[at + 3] = "\t2\xa01"
    text = "\n".join(lines).replace("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t0\n\t3\u30007\n", 1)
    cells = _cells(text)
    assert cells[("administrative_penalty", "previous_items")] == ("text", None, None)
    assert cells[("administrative_penalty", "decisions")] == ("text", None, None)
    assert cells[("rules", "total_published")] == ("text", None, None)
    messages = [p.message for p in extract_report(text).problems if p.code == "cell_not_a_number"]
    assert len(messages) == 3 and all("separated by a space" in m for m in messages)
    assert extract_report(text).status == "partial"


@pytest.mark.parametrize(("printed", "value"), [("减（-3）", -3.0), ("减3", -3.0), ("增（+2）", 2.0), ("增（2）", 2.0),
                                                ("减少2项", -2.0), ("+1036", 1036.0), ("减0", 0.0), ("-0", 0.0)])
def test_a_printed_sign_is_the_sign_of_a_change(printed: str, value: float) -> None:
    text = SAMPLE_2019.replace("\t行政许可\n\t18\n\t增（2）\n", f"\t行政许可\n\t18\n\t{printed}\n", 1)
    assert text != SAMPLE_2019 or printed == "增（2）"
    kind, read, unit = _cells(text)[("administrative_licensing", "change")]
    assert (kind, read, unit) == ("number", value, "项" if "项" in printed else None)
    assert str(read) == str(value)  # 0.0, never -0.0


def test_a_change_word_outside_the_change_column_or_contradicting_its_sign_is_text() -> None:
    for contradiction in ("减（+3）", "增（-2）"):
        text = SAMPLE_2019.replace("\t行政许可\n\t18\n\t增（2）\n", f"\t行政许可\n\t增2\n\t{contradiction}\n", 1)
        assert text != SAMPLE_2019
        cells = _cells(text)
        assert cells[("administrative_licensing", "previous_items")] == ("text", None, None)
        assert cells[("administrative_licensing", "change")] == ("text", None, None)
        messages = [p.message for p in extract_report(text).problems if p.code == "cell_not_a_number"]
        assert any("'增2': a change (增/减) in a column that counts" in m for m in messages)
        assert any(f"'{contradiction}': a direction word (增/减) and a sign that contradict each other" in m
                   for m in messages)


_HEADER_2019_ARTICLE_1 = "\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n"


def test_a_2019_sub_table_under_the_2021_header_is_placed_by_that_header() -> None:
    """The 2021 columns (制发/废止/现行有效) over 2019 rows: 废止 is no 新公开; the header says which it is."""
    text = SAMPLE_2019.replace(_HEADER_2019_ARTICLE_1, "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n", 1)
    assert text != SAMPLE_2019
    cells = _cells(text)
    assert {col for row, col in cells if row == "rules"} == {"issued", "repealed", "in_force"}
    assert not any(col in ("new_made", "new_published", "total_published") for _, col in cells)
    report = extract_report(text)
    assert report.status == "parsed" and report.proactive_template == "2019"
    assert "template_mixed" in _codes(text)


def test_a_2019_sub_table_under_part_of_the_2021_header_is_not_placed() -> None:
    text = SAMPLE_2019.replace(_HEADER_2019_ARTICLE_1, "\t信息内容\n\t本年制发件数\n\t本年新\n\t本年新\n", 1)
    assert text != SAMPLE_2019
    assert not any(row in ("rules", "normative_documents") for row, _ in _cells(text))
    report = extract_report(text)
    assert report.status == "partial"
    assert any(p.code == "cell_unplaced" and "2021 template" in p.message for p in report.problems)
