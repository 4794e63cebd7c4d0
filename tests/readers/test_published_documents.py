"""Web pages and Word files as sites and office systems really produce them give the same facts as the text
original: sidebars of other reports' titles, hidden anti-copy text, lying charsets, content controls, tracked
moves, text boxes, pages inside a one-cell table, embedded web pages."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ogi.readers import ReadIssue, read_document
from ogi.readers.word import docx_to_text
from tests.readers.documents import facts_of, read_decoded, to_docx, to_html

SAMPLES = [p for p in sorted(Path(__file__).parents[2].joinpath("data", "raw").glob("*.txt"))
           if "\n\t" in p.read_text(encoding="utf-8")]  # Word→text samples: they become real tables
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SIDEBAR = ('<div class="left_box"><h3>相关报告</h3><ul>'
           '<li><a href="/1.html">某市某区财政局2019年政府信息公开工作年度报告</a></li>'
           '<li><a href="/2.html">某市某区人民政府2019年政府信息公开工作年度报告</a></li>'
           '<li><a href="/3.html">关于印发《2020年政务公开工作要点》的通知</a></li></ul></div>')


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name[:3])
def sample(request: pytest.FixtureRequest) -> tuple[str, tuple[object, ...]]:
    text = request.param.read_text(encoding="utf-8")
    return text, facts_of(text)


# Web pages


def test_a_sidebar_of_other_reports_before_the_article_is_not_the_title(sample) -> None:
    text, facts = sample
    page = to_html(text).replace('<div class="article">', SIDEBAR + '<div class="article">', 1)
    document = read_decoded(page.encode("utf-8"), "page.html")
    assert "财政局2019年" not in document.text
    assert facts_of(document.text) == facts


def test_hidden_text_in_value_cells_is_not_read(sample) -> None:
    text, facts = sample
    page = re.sub(r"(<td[^>]*>)(\d+)(</td>)", r'\1\2<span style="display: none">8</span>\3', to_html(text))
    assert page.count("display: none") > 50
    assert facts_of(read_decoded(page.encode("utf-8"), "page.html").text) == facts


def test_a_page_declaring_a_latin_charset_over_gbk_bytes_is_detected(sample) -> None:
    text, facts = sample
    document = read_decoded(to_html(text, charset="iso-8859-1").encode("gb18030"), "page.html")
    assert document.encoding == "gb18030"
    assert facts_of(document.text) == facts


@pytest.mark.parametrize(("charset", "codec"), [("gbk", "gb18030"), ("utf-8", "utf-8")])
def test_a_character_cut_in_two_in_the_page_description_does_not_lose_the_report(sample, charset: str,
                                                                                   codec: str) -> None:
    text, facts = sample
    cut = "宁波市镇海区统计局政府信息公开年度报告".encode(codec)[:-1]  # a CMS truncates by bytes, not characters
    page = to_html(text, charset=charset).encode(codec).replace(
        b"<title>", b'<meta name="description" content="' + cut + b'"><title>', 1)
    document = read_decoded(page, "page.html")
    assert document.encoding == codec
    assert [issue.code for issue in document.issues] == ["bytes_undecodable"]
    assert facts_of(document.text) == facts


def test_many_invalid_bytes_are_still_refused() -> None:
    page = "<html><body><p>某局2020年政府信息公开工作年度报告</p></body></html>".encode() + bytes([0xE5, 0x20]) * 40
    issue = read_document(page, "page.html")
    assert isinstance(issue, ReadIssue) and issue.code == "undecodable"


def test_no_break_spaces_stored_as_characters_are_not_mojibake(sample) -> None:
    text, facts = sample
    page = re.sub(r"(<td[^>]*>)([^<]*)(</td>)", "\\1\u00a0\u00a0\\2\u00a0\u00a0\\3", to_html(text))
    document = read_decoded(page.encode("utf-8"), "page.html")
    assert facts_of(document.text) == facts


def test_a_web_archive_is_refused_with_its_name() -> None:
    data = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\n<html></html>'
    issue = read_document(data, "report.mht")
    assert isinstance(issue, ReadIssue) and issue.code == "unsupported_format" and "web archive" in issue.message


# Word files


def _rewrite_docx(data: bytes, change) -> bytes:
    """The Word file with its document.xml changed by ``change(body)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    change(root.find(f"{{{W}}}body"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            payload = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item, payload)
    return out.getvalue()


def _wrap(element: etree._Element, tag: str = "sdt") -> None:
    """Put ``element`` inside a content control (w:sdt/w:sdtContent) where it stands."""
    sdt = etree.Element(f"{{{W}}}{tag}")
    etree.SubElement(sdt, f"{{{W}}}sdtPr")
    content = etree.SubElement(sdt, f"{{{W}}}sdtContent")
    element.addprevious(sdt)
    content.append(element)


def test_content_controls_around_cells_rows_and_paragraphs_are_looked_through(sample) -> None:
    text, facts = sample

    def controls(body: etree._Element) -> None:
        _wrap(body.find(f"{{{W}}}p"))  # the first paragraph (the title)
        tables = body.findall(f"{{{W}}}tbl")
        _wrap(tables[-1])  # a whole table
        _wrap(tables[0].findall(f"{{{W}}}tr")[1])  # a row
        for cell in tables[1].iter(f"{{{W}}}tc"):  # every cell's content
            for paragraph in cell.findall(f"{{{W}}}p"):
                _wrap(paragraph)

    assert facts_of(read_decoded(_rewrite_docx(to_docx(text), controls), "report.docx").text) == facts


def test_text_moved_away_is_not_read(sample) -> None:
    text, facts = sample

    def move(body: etree._Element) -> None:
        for text_node in body.iter(f"{{{W}}}t"):
            if text_node.text and text_node.text.strip().isdigit():
                moved = etree.Element(f"{{{W}}}moveFrom")
                run = etree.SubElement(moved, f"{{{W}}}r")
                etree.SubElement(run, f"{{{W}}}t").text = "7"
                text_node.getparent().addprevious(moved)  # "7" moved out of the cell before its number

    assert facts_of(read_decoded(_rewrite_docx(to_docx(text), move), "report.docx").text) == facts


def test_text_formatted_as_hidden_is_not_read(sample) -> None:
    text, facts = sample

    def hide(body: etree._Element) -> None:
        for text_node in body.iter(f"{{{W}}}t"):
            if text_node.text and text_node.text.strip().isdigit():
                run = etree.Element(f"{{{W}}}r")
                etree.SubElement(etree.SubElement(run, f"{{{W}}}rPr"), f"{{{W}}}vanish")
                etree.SubElement(run, f"{{{W}}}t").text = "1"
                text_node.getparent().addprevious(run)  # a hidden "1" before every number
        shown = etree.Element(f"{{{W}}}r")  # w:val="0" switches hiding off: this one is shown
        vanish = etree.SubElement(etree.SubElement(shown, f"{{{W}}}rPr"), f"{{{W}}}vanish")
        vanish.set(f"{{{W}}}val", "0")
        etree.SubElement(shown, f"{{{W}}}t").text = "附注"
        last = [child for child in body if child.tag != f"{{{W}}}sectPr"][-1]
        last.addnext(etree.Element(f"{{{W}}}p"))
        last.getnext().append(shown)

    document = read_decoded(_rewrite_docx(to_docx(text), hide), "report.docx")
    assert facts_of(document.text) == facts
    assert document.text.rstrip().endswith("附注")


def test_a_page_inside_a_one_cell_layout_table_is_read_as_the_page(sample) -> None:
    text, facts = sample

    def lay_out(body: etree._Element) -> None:
        blocks = [child for child in body if child.tag != f"{{{W}}}sectPr"]
        table = etree.Element(f"{{{W}}}tbl")
        cell = etree.SubElement(etree.SubElement(table, f"{{{W}}}tr"), f"{{{W}}}tc")
        blocks[0].addprevious(table)
        for block in blocks:
            cell.append(block)

    assert facts_of(read_decoded(_rewrite_docx(to_docx(text), lay_out), "report.docx").text) == facts


def test_tables_inside_a_frame_table_are_read_as_tables(sample) -> None:
    """A Word file made from a web page keeps the page's layout tables: each report table sits in a frame
    table's cell, under a caption row."""
    text, facts = sample

    def frame(body: etree._Element) -> None:
        for table in body.findall(f"{{{W}}}tbl"):
            outer = etree.Element(f"{{{W}}}tbl")
            caption = etree.SubElement(etree.SubElement(outer, f"{{{W}}}tr"), f"{{{W}}}tc")
            run = etree.SubElement(etree.SubElement(caption, f"{{{W}}}p"), f"{{{W}}}r")
            etree.SubElement(run, f"{{{W}}}t").text = "统计表"
            holder = etree.SubElement(etree.SubElement(outer, f"{{{W}}}tr"), f"{{{W}}}tc")
            table.addprevious(outer)
            holder.append(table)
            etree.SubElement(holder, f"{{{W}}}p")  # Word ends every cell with a paragraph

    assert facts_of(read_decoded(_rewrite_docx(to_docx(text), frame), "report.docx").text) == facts


def test_a_small_table_inside_a_data_cell_leaves_the_data_table_a_table(sample) -> None:
    """Only a frame of one or two columns is page layout; a data table may hold a small table in a cell."""
    text, facts = sample

    def nest(body: etree._Element) -> None:
        tables = body.findall(f"{{{W}}}tbl")
        widest = max(tables, key=lambda t: max(len(r.findall(f"{{{W}}}tc")) for r in t.findall(f"{{{W}}}tr")))
        cell = widest.find(f"{{{W}}}tr").find(f"{{{W}}}tc")
        inner = etree.SubElement(cell, f"{{{W}}}tbl")
        inner_cell = etree.SubElement(etree.SubElement(inner, f"{{{W}}}tr"), f"{{{W}}}tc")
        run = etree.SubElement(etree.SubElement(inner_cell, f"{{{W}}}p"), f"{{{W}}}r")
        etree.SubElement(run, f"{{{W}}}t").text = "注"
        etree.SubElement(cell, f"{{{W}}}p")

    assert facts_of(read_decoded(_rewrite_docx(to_docx(text), nest), "report.docx").text) == facts


def test_a_text_box_is_read_once_with_its_paragraphs_on_their_own_lines() -> None:
    box = (f'<w:p xmlns:w="{W}" xmlns:mc="{MC}"><w:r><mc:AlternateContent>'
           "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
           "<w:p><w:r><w:t>息烽县统计局</w:t></w:r></w:p><w:p><w:r><w:t>2021年1月19日</w:t></w:r></w:p>"
           "</w:txbxContent></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><w:txbxContent>"
           "<w:p><w:r><w:t>息烽县统计局</w:t></w:r></w:p><w:p><w:r><w:t>2021年1月19日</w:t></w:r></w:p>"
           "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    data = _rewrite_docx(to_docx("正文\n"), lambda body: body.insert(0, etree.fromstring(box)))
    text = docx_to_text(data)
    assert isinstance(text, str)
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines[:2] == ["息烽县统计局", "2021年1月19日"] and text.count("息烽县统计局") == 1


def test_a_web_page_embedded_in_a_word_file_is_read(sample) -> None:
    text, facts = sample
    document = docx.Document()
    page = Part(PackURI("/word/afchunk1.htm"), "text/html", to_html(text).encode("utf-8"), document.part.package)
    relationship = document.part.relate_to(
        page, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    chunk = etree.SubElement(document.element.body, f"{{{W}}}altChunk")
    chunk.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", relationship)
    document.element.body.append(document.element.body.find(f"{{{W}}}sectPr"))  # sectPr stays last
    buffer = io.BytesIO()
    document.save(buffer)
    read = read_decoded(buffer.getvalue(), "report.docx")
    assert facts_of(read.text) == facts


def test_a_file_cut_off_in_a_character_says_it_looks_cut_off(sample) -> None:
    text, _ = sample
    data = text.encode("utf-8")
    lead = next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0xE0)  # a 3-byte character's first byte
    document = read_decoded(data[: lead + 2], "report.txt")  # two of its three bytes
    [issue] = document.issues
    assert issue.code == "bytes_undecodable" and "looks cut off" in issue.message
