"""What kind of document a text is, and which template and year: notes beside the tables, pre-2019 reports,
texts about reports that are not reports, and a narrative year that the signature date contradicts."""

from __future__ import annotations

import pytest

from ogi.extract.report import extract_report
from tests.conftest import RAW_SAMPLES

SAMPLE_2019 = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 2019 template
SAMPLE_2021 = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")  # 2021 template


def _before_section_four(text: str, line: str) -> str:
    lines = text.split("\n")
    heading = next(i for i, printed in enumerate(lines) if printed.startswith("四、"))
    return "\n".join([*lines[:heading], line, *lines[heading:]])


def test_a_note_naming_a_2021_row_does_not_make_a_2019_table_2021() -> None:
    report = extract_report(_before_section_four(SAMPLE_2019, "注：其他处理含申请人逾期不补正的情形。"))
    assert report.applications_template == "2019"
    assert report.status == "parsed"
    assert sum(c.row_key == "other" for c in report.cells) == 7


def test_a_note_without_a_full_stop_is_still_a_note() -> None:
    report = extract_report(_before_section_four(SAMPLE_2019, "说明：逾期不补正的申请计入其他处理"))
    assert report.applications_template == "2019"


def test_the_2021_rows_still_make_a_2021_table_beside_a_note() -> None:
    report = extract_report(_before_section_four(SAMPLE_2021, "注：本表不含逾期不补正的申请。"))
    assert report.applications_template == "2021"
    assert report.status == "parsed"


SHEET_2016 = """宁波市北仑区教育局2016年政府信息公开工作年度报告
一、概述
2016年，我局认真贯彻落实《条例》。
四、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度发生行政复议2件，未发生行政诉讼。
附：政府信息公开情况统计表
\t统计指标
\t单位
\t统计数
\t一、主动公开情况
\t
\t
\t（一）主动公开政府信息数
\t条
\t126
\t五、行政复议数量
\t件
\t2
\t（一）维持具体行政行为数
\t件
\t1
\t（二）被依法纠错数
\t件
\t1
\t（三）其他情形数
\t件
\t0
\t六、举报投诉数量
\t件
\t0
"""


def test_a_2014_2018_statistics_sheet_after_a_heading_numbered_four_is_pre_2019_and_not_section_four() -> None:
    report = extract_report(SHEET_2016)
    assert report.status == "failed" and report.cells == []
    assert [p.code for p in report.problems] == ["pre_2019_format"]


def test_a_2008_2013_narrative_report_with_the_usual_heading_variants_is_pre_2019() -> None:
    text = ("宁波市北仑区教育局2012年政府信息公开工作年度报告\n一、概述\n2012年，我局认真贯彻落实《条例》。\n"
            "二、主动公开政府信息情况\n2012年，我局共主动公开政府信息126条。\n三、政府信息依申请公开和不予公开的情况\n"
            "2012年，我局共受理政府信息公开申请5件。\n四、收费及减免情况\n未收取费用。\n")
    report = extract_report(text)
    assert [p.code for p in report.problems] == ["pre_2019_format"] and report.report_year == 2012
    # the year alone tells it when the headings are others: a report's title states a year before the templates
    other_headings = text.replace("政府信息依申请公开和不予公开的情况", "依申请公开").replace("收费及减免情况", "收费")
    assert [p.code for p in extract_report(other_headings).problems] == ["pre_2019_format"]


@pytest.mark.parametrize("text", [
    "宁波市镇海区2024年政务公开工作要点\n一、加强政策发布解读\n二、做好政府信息主动公开\n三、规范依申请公开办理\n"
    "各单位要按时发布政府信息公开工作年度报告。\n",
    "关于公布各单位2023年政府信息公开工作年度报告的公告\n现将我区各单位2023年政府信息公开工作年度报告予以公布：\n"
    "1.宁波市镇海区统计局2023年政府信息公开工作年度报告\n2.宁波市镇海区财政局2023年政府信息公开工作年度报告\n"
    "宁波市镇海区人民政府办公室\n2024年1月31日\n",
    "我局发布2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n近日，我局发布了《2023年政府信息公开工作年度报告》。"
    "报告显示，2023年我局共主动公开政府信息95条，收到政府信息公开申请2件。\n",
    "宁波市镇海区统计局政府信息公开指南\n一、主动公开\n本机关每年1月31日前公布上一年度政府信息公开工作年度报告。\n"
    "二、依申请公开\n三、监督和救济\n",
], ids=["work_plan", "notice_listing_reports", "news_item", "guide"])
def test_texts_about_reports_are_not_reports(text: str) -> None:
    report = extract_report(text)
    assert (report.status, [p.code for p in report.problems]) == ("not_a_report", ["not_a_report"])


def test_a_report_whose_tables_are_images_is_a_report_without_tables() -> None:
    text = ("宁波市北仑区审计局\n2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局扎实推进政务公开工作。\n"
            "二、主动公开政府信息情况\n见附图1。\n三、收到和处理政府信息公开申请情况\n见附图2。\n"
            "六、其他需要报告的事项\n无。\n")
    report = extract_report(text)
    assert (report.status, [p.code for p in report.problems]) == ("failed", ["table_not_found"])
    only_two = "\n".join(line for line in text.split("\n") if not line.startswith(("二、", "三、")))
    assert extract_report(only_two).status == "failed"  # 一、总体情况 and 六 still make it a report


LOST_TABLES_2022 = ("宁波市北仑区审计局2022年政府信息公开工作年度报告\n{one}\n2022年，我局扎实推进政务公开工作。\n"
                    "{two}\n见附图1。\n{three}\n见附图2。\n六、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize(("one", "two", "three"), [
    ("一、概述", "二、主动公开情况", "三、依申请公开情况"),
    ("第一部分 基本情况", "第二部分 主动公开情况", "第三部分 依申请公开情况"),
    # a modern report whose heading 三 borrows the old words: its other headings are the templates'
    ("一、总体情况", "二、主动公开政府信息情况", "三、依申请公开和不予公开情况及收费及减免情况"),
], ids=["variant_headings", "part_numbering", "old_words_modern_year"])
def test_a_modern_report_with_lost_tables_and_variant_headings_is_a_report(one: str, two: str, three: str) -> None:
    report = extract_report(LOST_TABLES_2022.format(one=one, two=two, three=three))
    assert (report.status, [p.code for p in report.problems]) == ("failed", ["table_not_found"])


def test_section_headings_beyond_a_long_section_one_still_count() -> None:
    long_one = "2022年，我局扎实推进政务公开工作。" * 1500  # 25,000 characters before heading 二
    text = LOST_TABLES_2022.format(one="一、总体情况", two="二、主动公开政府信息情况", three="三、收到和处理政府信息公开申请情况")
    report = extract_report(text.replace("2022年，我局扎实推进政务公开工作。", long_one))
    assert [p.code for p in report.problems] == ["table_not_found"]


def test_the_six_headings_named_in_a_sentence_are_no_headings() -> None:
    text = ("我局发布2022年政府信息公开工作年度报告\n近日，我局发布年度报告。报告包括总体情况、主动公开政府信息情况、"
            "收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。\n")
    assert extract_report(text).status == "not_a_report"


@pytest.mark.parametrize("text", [
    # a guide whose list of published statistics names 统计指标 (no sheet header)
    "某县统计局政府信息公开指南\n一、主动公开\n（一）公开范围：统计公报、主要统计指标、统计数据解读。\n二、依申请公开\n"
    "三、政府信息公开工作年度报告\n本局于每年1月31日前公布上一年度政府信息公开工作年度报告。\n",
    # a plan whose numbered sentence asks for the old report's contents
    "某区2018年政务公开工作要点\n一、总体要求\n二、重点任务\n（一）做好政府信息公开工作年度报告编制发布工作，报告应包括依申请公开和"
    "不予公开情况、收费及减免情况。\n",
], ids=["guide_naming_statistics", "plan_naming_old_headings"])
def test_old_report_words_outside_headings_and_sheets_make_no_pre_2019_report(text: str) -> None:
    assert extract_report(text).status == "not_a_report"


def test_a_modern_section_four_is_kept_when_sections_two_and_three_are_lost() -> None:
    """An undated text whose section 一 has the subheading （二）依申请公开和不予公开情况 and whose section 四 table was
    read: the old heading alone does not throw the table away."""
    lines = SAMPLE_2021.split("\n")
    title = next(i for i, line in enumerate(lines) if "年度报告" in line)
    two = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    four = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    text = "\n".join([*lines[:title], *lines[title + 1 : two], "（二）依申请公开和不予公开情况", "二、主动公开政府信息情况",
                      "见附图。", "三、收到和处理政府信息公开申请情况", "见附图。", *lines[four:]])
    report = extract_report(text)
    assert report.status == "partial"
    assert sum(c.section == "litigation" for c in report.cells) == 15


@pytest.mark.parametrize("note", [
    "\t注：其他处理含申请人逾期不补正的情形。",  # a Word cell: the table's last, merged row
    "（注：其他处理含申请人逾期不补正的情形）",
], ids=["note_in_a_word_cell", "bracketed_note"])
def test_notes_inside_or_in_brackets_do_not_make_a_2019_table_2021(note: str) -> None:
    report = extract_report(_before_section_four(SAMPLE_2019, note))
    assert report.applications_template == "2019"
    assert sum(c.row_key == "other" for c in report.cells) == 7


def test_a_numbered_2021_row_label_ending_in_a_full_stop_is_still_a_label() -> None:
    """In plain text (PDF) a row printed without numbers is a line of running text, like a note; its row number
    tells the label apart."""
    from tests.extract.reshape import read_tika, to_plain

    plain = to_plain(read_tika(SAMPLE_2021)).split("\n")
    for index, line in enumerate(plain):
        if "逾期不补正" in line or "缴纳费用" in line:  # both 2021 rows left blank, their labels ending in 。
            label = line.split("  ")[-8] if line.startswith("（六）") else line.split("  ")[0]
            plain[index] = ("（六）其他处理  " if line.startswith("（六）") else "") + label + "。"
    assert extract_report("\n".join(plain)).applications_template == "2021"
