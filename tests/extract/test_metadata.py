"""Agency name, year and signature date from the places FORMAT.md §9.5 lists, and a few more shapes."""

from __future__ import annotations

import pytest

from ogi.extract.metadata import extract_metadata
from ogi.text.normalize import normalize_text

BODY = "一、总体情况\n2020年，本单位认真贯彻落实《条例》。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
SIGNATURE = "\n宁海县水利局\n2021年1月22日\n"


@pytest.mark.parametrize(("text", "agency", "year", "published_on"), [
    # M1, M2: two-line and one-line titles
    ("宁海县水利局\n2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    ("宁海县水利局2020年政府信息  公开工作年度报告\n" + BODY + SIGNATURE, "宁海县水利局", 2020, "2021-01-22"),
    # M3: no title; the signature names the agency, the year comes from the body
    (BODY + SIGNATURE, "宁海县水利局", 2020, "2021-01-22"),
    # the year after the title, in brackets
    ("宁海县卫生健康局政府信息公开工作年度报告（2020年度）\n" + BODY, "宁海县卫生健康局", 2020, None),
    # the report's title quoted in the title of a notice that publishes it
    ("关于印发《宁海县科学技术局2020年政府信息公开工作年度报告》的通知\n" + BODY, "宁海县科学技术局", 2020, None),
    # a byline under a title without the agency
    ("2020年政府信息公开工作年度报告\n宁海县住房和城乡建设局\n" + BODY, "宁海县住房和城乡建设局", 2020, None),
    # the signature and its date on one line
    (BODY + "\n宁海县水利局  2021年1月22日\n", "宁海县水利局", 2020, "2021-01-22"),
    # a seal note after the signature name
    (BODY + "\n宁海县财政局（盖章）\n2021年1月22日\n", "宁海县财政局", 2020, "2021-01-22"),
    # a Han-numeral date
    (BODY + "\n宁海县财政局\n二〇二一年一月二十日\n", "宁海县财政局", 2020, "2021-01-20"),
    # a Han-numeral year typed with ASCII zeros, in the title and in the date
    ("宁海县财政局二0二0年政府信息公开工作年度报告\n" + BODY + "\n宁海县财政局\n二0二一年一月二十日\n", "宁海县财政局", 2020,
     "2021-01-20"),
    # an ISO date under the signature
    (BODY + "\n宁海县财政局\n2021-01-20\n", "宁海县财政局", 2020, "2021-01-20"),
    # a title broken over two lines
    ("宁海县人民政府2020年政府信息公开\n工作年度报告\n" + BODY, "宁海县人民政府", 2020, None),
    # the agency's place and its name on two lines above the title
    ("宁波市宁海县\n人民政府办公室\n2020年政府信息公开工作年度报告\n" + BODY, "宁波市宁海县人民政府办公室", 2020, None),
    # ... but a full name under a banner line stays as printed
    ("宁波市\n宁海县水利局\n2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    # a short name in the title, the full name under the report
    ("宁海县水利局2020年政府信息公开工作年度报告\n" + BODY + "\n宁波市宁海县水利局\n2021年1月22日\n", "宁波市宁海县水利局", 2020,
     "2021-01-22"),
    # a list of other reports' titles (a site's sidebar, copied with the page) before this report's title
    ("相关报告\n宁海县财政局2019年政府信息公开工作年度报告\n宁海县人民政府2019年政府信息公开工作年度报告\n"
     "宁海县水利局2020年政府信息公开工作年度报告\n\n" + BODY, "宁海县水利局", 2020, None),
    # ... or with a line between the list and the title
    ("宁海县财政局2019年政府信息公开工作年度报告\n宁海县人民政府2019年政府信息公开工作年度报告\n更多>>\n"
     "宁海县水利局2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    # a notice publishing the report, then the report's own title: one title, not a list
    ("关于印发《宁海县水利局2020年政府信息公开工作年度报告》的通知\n宁海县水利局2020年政府信息公开工作年度报告\n" + BODY,
     "宁海县水利局", 2020, None),
    # the title as a labelled field of a 信息公开目录 metadata block
    ("索引号：000014349/2022-00012\n发布机构：宁海县水利局\n名称：宁海县水利局2020年政府信息公开工作年度报告\n文号：\n\n"
     "宁海县水利局2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    ("附件1：宁海县水利局2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    # 人民政府信息公开: the topic word begins inside the organ's name
    ("宁海县人民政府信息公开工作2020年度报告\n" + BODY, "宁海县人民政府", 2020, None),
    # breadcrumbs in other shapes, with page chrome between them and the title
    ("您所在的位置：首页 » 政务公开 » 年度报告\n发布时间：2021-01-20  浏览次数：35\n宁海县水利局2020年政府信息公开工作年度报告\n"
     + BODY, "宁海县水利局", 2020, None),
    ("当前页面：网站首页 / 信息公开 / 年报\n发布时间：2021-01-20\n宁海县水利局2020年政府信息公开工作年度报告\n" + BODY,
     "宁海县水利局", 2020, None),
    # the site's banner above the breadcrumb is not the author: the signature names it
    ("宁海县人民政府\n首页 > 信息公开 > 年度报告\n2020年政府信息公开工作年度报告\n" + BODY + SIGNATURE, "宁海县水利局", 2020,
     "2021-01-22"),
    # a title broken after its year
    ("宁海县水利局2020年\n政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    # a title below a long site menu
    ("\n".join(f"栏目{i}" for i in range(45)) + "\n宁海县水利局2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020,
     None),
    # a signature followed by a long site footer
    (BODY + "\t0\n" * 60 + SIGNATURE + "\n".join(f"链接{i}" for i in range(35)) + "\n主办单位：宁海县人民政府办公室\n", "宁海县水利局", 2020,
     "2021-01-22"),
    # a sidebar of other years' reports, a date under each
    ("相关信息\n宁海县水利局2019年政府信息公开工作年度报告\n2020-01-20\n宁海县水利局2018年政府信息公开工作年度报告\n"
     "2019-01-15\n\n宁海县水利局2020年政府信息公开工作年度报告\n" + BODY, "宁海县水利局", 2020, None),
    # preface wordings; a pronoun is no name
    ("政府信息公开工作年度报告\n特向社会公布宁海县水利局2020年政府信息公开工作年度报告。\n" + BODY, "宁海县水利局", 2020, None),
    ("政府信息公开工作年度报告\n本报告由宁海县水利局根据《条例》要求编制。\n" + BODY, "宁海县水利局", 2020, None),
    ("政府信息公开工作年度报告\n现将我局2020年政府信息公开工作年度报告公布如下。\n" + BODY, None, 2020, None),
    # 元月 and 号 in signature dates
    (BODY + "\n宁海县财政局\n二〇二一年元月二十日\n", "宁海县财政局", 2020, "2021-01-20"),
    (BODY + "\n宁海县财政局\n2021年1月20号\n", "宁海县财政局", 2020, "2021-01-20"),
    # the zero typed as the letter O (also full-width Ｏ), 元月 with Arabic digits
    (BODY + "\n宁海县财政局\n二O二一年一月二十日\n", "宁海县财政局", 2020, "2021-01-20"),
    (BODY + "\n宁海县财政局\n二Ｏ二一年元月二十日\n", "宁海县财政局", 2020, "2021-01-20"),
    (BODY + "\n宁海县财政局\n2021年元月20日\n", "宁海县财政局", 2020, "2021-01-20"),
    # organs ending in 苏木, 海关, 室, 社; a title opening with 关于
    ("阿拉善左旗巴彦木仁苏木\n2021年政府信息公开工作年度报告\n" + BODY, "阿拉善左旗巴彦木仁苏木", 2021, None),
    ("中华人民共和国深圳海关\n2021年政府信息公开工作年度报告\n" + BODY, "中华人民共和国深圳海关", 2021, None),
    ("宁波市人民政府研究室\n2021年政府信息公开工作年度报告\n" + BODY, "宁波市人民政府研究室", 2021, None),
    ("宁海县供销合作社联合社\n2021年政府信息公开工作年度报告\n" + BODY, "宁海县供销合作社联合社", 2021, None),
    ("关于宁波市鄞州区审计局2020年政府信息公开工作年度报告\n" + BODY, "宁波市鄞州区审计局", 2020, None),
    # a comparison's base year (较2020年) is not the report's year
    ("宁波市北仑区统计局政府信息公开工作年度报告\n一、总体情况\n2021年，我局认真落实政务公开工作要求。全年主动公开信息"
     "数量较2020年增长12%，政务微信阅读量比2020年增加3万人次。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
     "宁波市北仑区统计局\n2022年1月15日\n", "宁波市北仑区统计局", 2021, "2022-01-15"),
], ids=["M1", "M2", "M3", "year_in_brackets", "quoted_in_a_notice", "byline", "name_and_date_one_line", "seal", "han_date",
        "ascii_zero_han_year", "iso_date", "title_on_two_lines", "agency_on_two_lines", "banner_above_full_name",
        "full_name_in_signature", "sidebar_list_first", "sidebar_list_apart",
        "notice_then_title", "labelled_title_field", "attachment_label", "renmin_zhengfu_xinxi", "breadcrumb_guillemets",
        "breadcrumb_slashes", "banner_above_breadcrumb", "title_broken_after_year", "title_below_long_menu",
        "long_footer", "dated_sidebar", "preface_gongbu", "preface_benbaogao_you", "preface_pronoun", "yuanyue_date",
        "hao_date", "letter_o_date", "fullwidth_o_yuanyue_date", "arabic_yuanyue_date", "sumu", "customs",
        "research_office", "supply_cooperative", "guanyu_title", "comparison_year"])
def test_agency_year_and_date(text: str, agency: str, year: int, published_on: str | None) -> None:
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.agency_name, metadata.report_year, metadata.published_on) == (agency, year, published_on)


def test_the_data_period_may_leave_out_its_end_year() -> None:
    text = "政府信息公开工作年度报告\n本报告所列数据的统计期限自2020年1月1日起至12月31日止。\n" + BODY.replace("2020年，", "")
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.report_year, metadata.year_source) == (2020, "data_period")


def test_a_narrative_line_ending_in_a_date_is_not_a_signature() -> None:
    metadata = extract_metadata(normalize_text(BODY + "\n本报告的电子版可在门户网站下载，发布于2021年1月22日\n"))
    assert (metadata.agency_name, metadata.published_on) == (None, None)


def test_a_title_year_that_contradicts_the_data_period_is_flagged() -> None:
    from ogi.extract.report import extract_report
    from tests.conftest import RAW_SAMPLES

    sample = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")  # 统计日期自2020年1月1日…
    assert "year_conflict" not in [p.code for p in extract_report(sample).problems]
    report = extract_report(sample.replace("人民政府2020年", "人民政府2021年", 1))
    conflicts = [p for p in report.problems if p.code == "year_conflict"]
    assert report.report_year == 2021 and len(conflicts) == 1 and not conflicts[0].degrades
    assert "2021" in conflicts[0].message and "2020" in conflicts[0].message


@pytest.mark.parametrize(("narrative", "signed", "year", "overruled"), [
    # next year's plan named most, signed in January: the year before the signature
    ("2024年，我局将按照2024年政务公开工作要点推进工作。", "2024年1月15日", 2023, 2024),
    # last year's report cited, signed in January: still the year before the signature
    ("对照2022年度政府信息公开工作年度报告指出的问题逐项整改。", "2024年1月16日", 2023, 2022),
    # a year after the one it was signed in, signed in June: no year can be told
    ("2025年，我局认真贯彻落实《条例》。", "2024年6月3日", None, 2025),
    # the narrative's year agrees with the signature: kept
    ("2023年，我局认真贯彻落实《条例》。", "2024年1月15日", 2023, None),
    # signed late in the year it covers: kept
    ("2023年，我局认真贯彻落实《条例》。", "2023年12月28日", 2023, None),
], ids=["plan_for_next_year", "earlier_report_cited", "future_year_signed_in_june", "agrees", "signed_late"])
def test_the_signature_date_overrules_a_narrative_year_it_rules_out(
        narrative: str, signed: str, year: int | None, overruled: int | None) -> None:
    text = f"一、总体情况\n{narrative}\n二、主动公开政府信息情况\n第二十条第（一）项\n\n宁海县水利局\n{signed}\n"
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.report_year, metadata.overruled_narrative_year) == (year, overruled)


def test_an_overruled_narrative_year_is_flagged() -> None:
    from ogi.extract.report import extract_report
    from tests.conftest import RAW_SAMPLES

    sample = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")
    # no year in the title, another year named twice in section 一 (once the report's own), signed in January
    body = [line for line in sample.split("\n") if "年度报告" not in line]
    opening = next(i for i, line in enumerate(body) if line.startswith("一、"))
    body.insert(opening + 1, "对照2022年政务公开工作要点和2022年度考核要求逐项落实。")
    report = extract_report("\n".join([*body, "宁波市镇海区经济和信息化局", "2022年1月20日", ""]))
    conflicts = [p for p in report.problems if p.code == "year_conflict"]
    assert report.report_year == int(report.published_on[:4]) - 1 == 2021
    assert len(conflicts) == 1 and not conflicts[0].degrades and report.status == "parsed"
    assert "names 2022 most often" in conflicts[0].message and "2021 is used" in conflicts[0].message


def test_a_narrative_year_named_throughout_is_kept_against_a_january_date_of_the_same_year() -> None:
    """A report signed 2021年1月19日 that names 2021 throughout: the date more likely carries last year's number
    (a January slip) than the narrative names another year; kept, and the contradiction is flagged."""
    narrative = "2021年，我局认真贯彻落实《条例》。2021年主动公开信息50条。2021年未收到申请。"
    text = f"一、总体情况\n{narrative}\n二、主动公开政府信息情况\n第二十条第（一）项\n\n宁海县水利局\n2021年1月19日\n"
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.report_year, metadata.narrative_mentions, metadata.contested_by_signature) == (
        2021, 3, "2021-01-19")
    assert metadata.overruled_narrative_year is None


@pytest.mark.parametrize("plan", [
    "2021年将突出重点；2021年要加强培训；2021年要拓展渠道。",
    "下一步，我局将着手谋划2021年政府信息公开重点任务，2021年，我局将继续深化公开。",
])
def test_years_the_narrative_plans_for_are_not_the_report_year(plan: str) -> None:
    text = (f"一、总体情况\n2020年，我局认真贯彻落实《条例》。\n{plan}\n二、主动公开政府信息情况\n第二十条第（一）项\n"
            "\n宁海县水利局\n2021年1月19日\n")
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.report_year, metadata.year_source) == (2020, "narrative")


def test_a_date_alone_after_the_signature_is_not_the_signature() -> None:
    """A related-links list under the report ends with a bare date: the signed date above it is the signature."""
    text = BODY + "\n宁海县水利局\n2021年1月22日\n相关阅读\n关于做好政务公开工作的通知\n2022-01-28\n"
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.agency_name, metadata.published_on, metadata.report_year) == ("宁海县水利局", "2021-01-22", 2020)


def test_a_title_with_its_year_wins_over_a_sites_section_name_under_its_banner() -> None:
    """宁波市镇海区人民政府 (the site's banner) / 政府信息公开年报 (its section) read like a two-line title."""
    text = ("宁波市镇海区人民政府\n政府信息公开年报\n发布时间：2022-01-25 浏览次数：100\n"
            "宁波市镇海区经济和信息化局2021年政府信息公开工作年度报告\n" + BODY
            + "\n宁波市镇海区经济和信息化局\n2022年1月20日\n")
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.agency_name, metadata.report_year) == ("宁波市镇海区经济和信息化局", 2021)


def test_a_metadata_grids_date_is_not_the_signature() -> None:
    """发布机构 | 某办公室 | 发布日期 | 2022-01-25 below the article: the page's fields, not who signed when."""
    narrative = "本年度我局持续推进政务公开工作。\n" * 10
    text = (BODY + narrative + "\n宁波市镇海区经济和信息化局\n2022年1月20日\n发布机构\n宁波市镇海区人民政府办公室\n发布日期\n"
            "2022-01-25\n")
    metadata = extract_metadata(normalize_text(text))
    assert (metadata.signed_by, metadata.published_on) == ("宁波市镇海区经济和信息化局", "2022-01-20")
    untitled = BODY + narrative + "\n生成日期\n2022-01-25\n"
    assert extract_metadata(normalize_text(untitled)).published_on is None


def test_a_mobile_back_link_is_no_agency() -> None:
    text = "返回宁波市镇海区人民政府\n" + BODY + "\n宁波市镇海区经济和信息化局\n2022年1月20日\n"
    assert extract_metadata(normalize_text(text)).agency_name == "宁波市镇海区经济和信息化局"


def test_a_title_naming_another_organ_than_the_signature_is_flagged() -> None:
    from ogi.extract.report import extract_report
    from tests.conftest import RAW_SAMPLES

    sample = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")
    assert "agency_conflict" not in [p.code for p in extract_report(sample).problems]
    signed = sample.replace("宁波市镇海区经济和信息化局\n", "宁波市镇海区人民政府\n", 1) + "\n宁波市镇海区经济和信息化局\n2022年1月20日\n"
    report = extract_report(signed)
    conflicts = [p for p in report.problems if p.code == "agency_conflict"]
    assert report.agency_name == "宁波市镇海区人民政府" and len(conflicts) == 1 and not conflicts[0].degrades
    assert "signed by 宁波市镇海区经济和信息化局" in conflicts[0].message
    # the titled organ's own office signing for it is no conflict (FORMAT.md M6)
    office = sample.replace("宁波市镇海区经济和信息化局\n", "宁波市镇海区人民政府\n", 1) + "\n宁波市镇海区人民政府办公室\n2022年1月20日\n"
    assert "agency_conflict" not in [p.code for p in extract_report(office).problems]
    # the signature's fuller name of the same organ is no conflict
    assert "agency_conflict" not in [p.code for p in extract_report(sample + "\n宁波市镇海区经济和信息化局\n2022年1月20日\n").problems]
