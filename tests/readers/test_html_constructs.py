"""Web pages as government sites publish them: what the browser does not show (hidden by any trick, struck out)
is not read, a note mark stays apart from its number, and links to other reports never make the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi.extract.report import extract_report
from ogi.readers import ReadIssue, read_document
from tests.extract.helpers import cell_frame
from tests.readers.documents import to_html

SAMPLE = sorted(Path(__file__).parents[2].joinpath("data", "raw").glob("002_*.txt"))[0].read_text(encoding="utf-8")
_CELL = "<td>8</td>"  # the one cell of sample 002 that prints 8: research_institution's new_received


def _read(page: str):
    document = read_document(page.encode("utf-8"), "page.html")
    assert not isinstance(document, ReadIssue), document
    return extract_report(document.text)


def _untitled(page: str, instead: str = "") -> str:
    """The page with its two-line title (agency, year) replaced: FORMAT.md M3, the agency only in the signature."""
    title = "<p> 西宁市湟中区统计局</p>\n<p>2020年政府信息公开工作年度报告</p>"
    assert title in page
    return page.replace(title, instead, 1)


def _new_received(page: str) -> tuple[str | None, str | None]:
    frame = cell_frame(_read(page))
    row = frame.filter((frame["row_key"] == "new_received") & (frame["col_key"] == "research_institution"))
    return row["raw_text"][0], row["value_kind"][0]


@pytest.mark.parametrize(("cell", "expected"), [
    ("<td>8<sup>1</sup></td>", ("8¹", "text")),  # a footnote mark, never 81
    ("<td>8<sub>2</sub></td>", ("8²", "text")),
    ("<td>8<sup>1<sup>2</sup></sup></td>", ("8¹²", "text")),  # a mark inside a mark: raised once, with it
    ("<td><del>5</del><ins>8</ins></td>", ("8", "number")),  # tracked changes: the deleted 5 is gone
    ("<td><s>5</s>8</td>", ("8", "number")),
    ("<td><strike>5</strike>8</td>", ("8", "number")),
    ('<td><span style="font-size:0">93</span>8</td>', ("8", "number")),
    ('<td><span style="font-size: 0px;">93</span>8</td>', ("8", "number")),
    ('<td><span style="opacity:0">93</span>8</td>', ("8", "number")),
    ('<td><span style="visibility:collapse">93</span>8</td>', ("8", "number")),
    ('<td><span style="position:absolute;left:-9999px">93</span>8</td>', ("8", "number")),
    ('<td><span class="x y">93</span>8</td>', ("8", "number")),  # hidden by the page's <style> rule .y
    ("<td><ruby>8<rt>ba</rt></ruby></td>", ("8", "number")),
    ('<td><input type="text" value="8"></td>', ("8", "number")),
    ("<td><table><tr><td>8</td></tr></table></td>", ("8", "number")),  # a one-cell table inside the cell
], ids=["sup", "sub", "nested_sup", "del_ins", "s", "strike", "font_size_0", "font_size_0px", "opacity_0", "visibility_collapse",
        "off_screen", "class_hidden_by_style", "ruby", "input_value", "nested_one_cell_table"])
def test_a_cell_reads_as_the_browser_shows_it(cell: str, expected: tuple[str, str]) -> None:
    page = to_html(SAMPLE).replace(_CELL, cell, 1).replace("</style>", ".y{display:none}</style>", 1)
    assert _new_received(page) == expected


def test_visible_styles_are_not_taken_for_hiding() -> None:
    cell = '<td><span style="font-size:0.5em;opacity:0.8">8</span></td>'
    assert _new_received(to_html(SAMPLE).replace(_CELL, cell, 1)) == ("8", "number")


@pytest.mark.parametrize("related", [
    '<h3>相关阅读</h3><p><a href="/a/1.html">宁海县2019年政府信息公开工作年度报告</a></p>',
    '<p>上一篇：<a href="/a/2.html">象山县2019年政府信息公开工作年度报告</a></p>',
    '<ul><li><a href="/a/3.html">宁海县2019年政府信息公开年报</a><span>2020-01-20</span></li></ul>',
], ids=["related_reading", "previous_article", "dated_list_item"])
def test_a_link_to_another_report_above_an_untitled_page_is_not_its_title(related: str) -> None:
    report = _read(_untitled(to_html(SAMPLE), related))
    assert report.report_year == 2020 and report.agency_name != "宁海县" and report.agency_name != "象山县"
    assert "宁海县" not in (report.agency_name or "") and "象山县" not in (report.agency_name or "")


def test_the_page_title_may_be_a_link_inside_its_heading() -> None:
    page = to_html(SAMPLE).replace("<p>2020年政府信息公开工作年度报告</p>",
                                   '<h1><a href="/this.html">2020年政府信息公开工作年度报告</a></h1>', 1)
    assert _read(page).report_year == 2020


def test_a_gbk_page_that_claims_utf8_behind_a_long_script_is_still_read() -> None:
    """Detection weighs every byte: 160 KB of script read the page's few Chinese bytes as Central European."""
    script = "<script>" + "var a=[1,2,3,4,5,6,7,8,9,10];function f(x){return x*2;}\n" * 3000 + "</script>"
    page = to_html(SAMPLE).replace("</title>", "</title>" + script, 1)
    document = read_document(page.encode("gb18030"), "page.html")
    assert not isinstance(document, ReadIssue) and document.encoding == "gb18030"
    assert extract_report(document.text).status == "parsed"


@pytest.mark.parametrize("cell", [
    # font-size:0 against the gaps between inline blocks: the children size their own text
    '<td><div style="font-size:0"><span style="font-size:14px">8</span></div></td>',
    '<td><div style="visibility:hidden"><span style="visibility:visible">8</span></div></td>',
], ids=["font_size_0_parent", "visible_child"])
def test_text_a_child_makes_visible_again_is_read(cell: str) -> None:
    assert _new_received(to_html(SAMPLE).replace(_CELL, cell, 1)) == ("8", "number")


def test_an_articles_own_footer_is_read_and_the_sites_is_not() -> None:
    """An untitled page signed in a <footer>: the signature names the agency; the site's footer names its host."""
    signed = _untitled(to_html(SAMPLE)).replace("</body>", "<footer><p>湟中区统计局</p><p>2021年1月20日</p></footer>"
                          "<footer><p>主办单位：西宁市人民政府办公室</p><p>网站标识码 6301000001</p></footer></body>", 1)
    report = _read(signed)
    assert (report.agency_name, report.published_on) == ("湟中区统计局", "2021-01-20")


_PAGE_STYLES = ("@media (max-width:600px){.wide{display:none}} .tab-content>.tab-pane{display:none} "
                ".fade{opacity:0} .fade.in{opacity:1} /* .article{display:none} */ .gap{font-size:0} .gap>*{font-size:14px}")


@pytest.mark.parametrize(("before", "after"), [
    ('<div style="position:absolute;left:50%;margin-left:-480px">', "</div>"),  # a centred box
    ('<div style="margin-top:-120px">', "</div>"),
    ('<div class="wide">', "</div>"),  # hidden on phones only
    ('<div class="tab-content"><div class="tab-pane active">', "</div></div>"),  # the shown tab
    ('<div class="fade in">', "</div>"),
    ('<div class="article">', "</div>"),  # a rule commented out
    ('<div style="opacity:0;animation:show 1s forwards">', "</div>"),  # faded in
    ('<div class="gap">', "</div>"),  # font-size:0 against inline-block gaps, children sized by a class
], ids=["centred_box", "negative_margin", "media_query", "bootstrap_tab", "fade_in", "commented_rule",
        "opacity_animation", "font_gap_class"])
def test_layout_styles_never_hide_the_report(before: str, after: str) -> None:
    page = to_html(SAMPLE).replace("</style>", _PAGE_STYLES + "</style>", 1)
    page = page.replace('<div class="article">', '<div class="article">' + before, 1).replace("</body>", after + "</body>", 1)
    report = _read(page)
    assert report.status == "parsed" and _new_received(page) == ("8", "number")


@pytest.mark.parametrize("cell", [
    '<td style="visibility:hidden">8</td>',
    '<td style="opacity:0">8</td>',
], ids=["visibility_hidden", "opacity_0"])
def test_an_invisible_cell_keeps_its_place_and_shows_nothing(cell: str) -> None:
    assert _new_received(to_html(SAMPLE).replace(_CELL, cell, 1)) == ("", "blank")


def test_a_title_link_in_a_title_block_is_the_title() -> None:
    page = to_html(SAMPLE).replace(
        "<p> 西宁市湟中区统计局</p>\n<p>2020年政府信息公开工作年度报告</p>",
        '<p>西宁市人民政府</p><div class="article-title"><a href="/this.html">西宁市湟中区统计局2020年政府信息公开工作年度报告</a></div>',
        1)
    report = _read(page)
    assert (report.agency_name, report.report_year) == ("西宁市湟中区统计局", 2020)


def test_decorative_strike_tags_and_telephone_inputs_show_their_text() -> None:
    cell = '<td><s style="text-decoration:none">8</s></td>'
    assert _new_received(to_html(SAMPLE).replace(_CELL, cell, 1)) == ("8", "number")
    assert _new_received(to_html(SAMPLE).replace(_CELL, '<td><input type="tel" value="8"></td>', 1)) == ("8", "number")


def test_bidirectional_marks_inside_a_number_are_invisible() -> None:
    raw, kind = _new_received(to_html(SAMPLE).replace(_CELL, "<td>\u200f8\u202c</td>", 1))
    assert (raw, kind) == ("\u200f8\u202c", "number")  # read as 8; raw_text keeps what was printed


def test_a_rowspan_ends_with_its_row_group() -> None:
    """A header cell spanning more rows than <thead> has does not reach into <tbody> (browsers clip it)."""
    from ogi.readers.html import html_to_text

    table = ('<table><thead><tr><td rowspan="3">项目</td><td>数量</td></tr></thead>'
             "<tbody><tr><td>行政复议</td><td>7</td></tr></tbody></table>")
    assert html_to_text(table) == "\t项目\n\t数量\n\n\t行政复议\n\t7\n"


_HIDING_RULES = ("<!-- .a,.hid{display:none} span.gone{display:none} #jam{visibility:hidden} .pale{color:#fff} "
                 ".up{vertical-align:super} -->")


@pytest.mark.parametrize(("cell", "expected"), [
    ('<td><span class="hid">9</span>8</td>', ("8", "number")),  # a selector list, in an old <!-- --> wrapper
    ('<td><span class="gone">9</span>8</td>', ("8", "number")),  # tag.class
    ('<td><span id="jam">9</span>8</td>', ("8", "number")),  # #id
    ('<td><span class="pale">9</span>8</td>', ("8", "number")),  # white by a class
    ('<td><span style="color:#ffffff">9</span>8</td>', ("8", "number")),  # white jammer digits
    ('<td><font color="#FFFFFF">9</font>8</td>', ("8", "number")),
    ('<td><a style="font-size:0">9</a><tt style="opacity:0">9</tt>8</td>', ("8", "number")),  # any tag in a cell
    ('<td>8<span style="vertical-align:super">1</span></td>', ("8¹", "text")),  # note marks raised by CSS
    ('<td>8<span class="up">1</span></td>', ("8¹", "text")),
    ('<td>8<span style="position:relative;top:-4px">1</span></td>', ("8¹", "text")),
    ('<td><select><option>0</option><option selected>8</option></select></td>', ("8", "number")),
    ('<td><img src="n.png" alt="8"></td>', ("8", "number")),  # a number drawn as an image
], ids=["selector_list", "tag_class", "id_rule", "pale_class", "white_style", "white_font", "any_tag",
        "css_super", "class_super", "relative_shift", "select", "img_alt"])
def test_round_three_cells(cell: str, expected: tuple[str, str]) -> None:
    page = to_html(SAMPLE).replace(_CELL, cell, 1).replace("</style>", _HIDING_RULES + "</style>", 1)
    assert _new_received(page) == expected


def test_a_hidden_row_or_old_copy_is_not_read() -> None:
    page = to_html(SAMPLE).replace("</style>", ".d-none{display:none!important}</style>", 1)
    row_start = page.rindex("<tr>", 0, page.index(_CELL))
    jammed = page[:row_start] + '<tr class="d-none">' + "<td>9</td>" * 10 + "</tr>" + page[row_start:]
    assert _new_received(jammed) == ("8", "number")


def test_rows_wrapped_in_font_or_form_tags_are_rows() -> None:
    page = to_html(SAMPLE)
    table_start = page.rindex("<table", 0, page.index(_CELL))
    open_end = page.index(">", table_start) + 1
    table_end = page.index("</table>", table_start)
    wrapped = page[:open_end] + "<font size=2>" + page[open_end:table_end] + "</font>" + page[table_end:]
    assert _new_received(wrapped) == ("8", "number")


def test_a_preformatted_block_keeps_its_lines() -> None:
    from ogi.readers.html import html_to_text

    text = html_to_text("<html><body><pre>一、总体情况\n本年度收到申请3件。\n\n  行政复议   2   1</pre></body></html>")
    assert text == "一、总体情况\n本年度收到申请3件。\n\n行政复议 2 1\n"
