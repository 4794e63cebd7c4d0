"""Word files as agencies' Word and WPS write them, and as downloads damage them: each is read as Word shows it
(changes accepted, hidden text and field codes left out) or refused with a sentence, never stopping the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi.ingest.worker import FileJob, parse_chunk
from ogi.readers import ReadIssue, read_document
from tests.readers.documents import corrupt_document_entry, rewrite_docx, to_docx

SAMPLE = sorted(Path(__file__).parents[2].joinpath("data", "raw").glob("002_*.txt"))[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [
    lambda data: rewrite_docx(data, lambda xml: xml[: len(xml) // 2]),  # cut off inside the XML
    lambda data: rewrite_docx(data, lambda xml: xml.replace("<w:t>", "<w:t>\x0b", 1)),  # a control character
    corrupt_document_entry,  # a damaged compressed entry
], ids=["cut_xml", "control_character", "corrupt_deflate"])
def test_a_damaged_word_file_is_refused_with_a_sentence(damage) -> None:
    document = read_document(damage(to_docx(SAMPLE)), "report.docx")
    assert isinstance(document, ReadIssue) and document.code == "docx_unreadable"
    assert "damaged" in document.message and " at 0x" not in document.message


def test_a_file_the_parser_fails_on_is_listed_and_the_others_load(tmp_path: Path, monkeypatch) -> None:
    """Whatever a file makes the parser raise, the chunk goes on: the file gets a sentence and no hash (so the
    next run tries it again), the file beside it loads."""
    import ogi.ingest.worker as worker

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    bad.write_text(SAMPLE.replace("统计局", "统计局 ", 1), encoding="utf-8")
    real_extract = worker.extract_report

    def failing_extract(text: str, normalized: str | None = None, lines: tuple[list[str], list[str]] | None = None):
        if "统计局 " in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(text, normalized, lines)

    monkeypatch.setattr(worker, "extract_report", failing_extract)
    frames = parse_chunk([FileJob(path.name, str(path), path.stat().st_size, 0) for path in (bad, good)])
    assert frames.reports["source_path"].to_list() == ["good.txt"]
    assert frames.files.filter(frames.files["source_path"] == "bad.txt")["content_sha256"].to_list() == [None]
    issues = frames.issues.filter(frames.issues["source_path"] == "bad.txt")
    assert issues["code"].to_list() == ["parser_failed"]
    assert "RecursionError" in issues["message"][0] and "the other files were" in issues["message"][0]
    assert "OGI_NATIVE=0" not in issues["message"][0]  # only a TypeError can come from a compiled type check


def test_a_type_error_from_the_compiled_parser_says_how_to_run_the_plain_one(tmp_path: Path, monkeypatch) -> None:
    import ogi.ingest.worker as worker
    import ogi.native

    bad = tmp_path / "bad.txt"
    bad.write_text(SAMPLE, encoding="utf-8")

    def failing_extract(text: str, normalized: str | None = None, lines: tuple[list[str], list[str]] | None = None):
        raise TypeError("str object expected; got None")

    monkeypatch.setattr(worker, "extract_report", failing_extract)
    frames = parse_chunk([FileJob(bad.name, str(bad), bad.stat().st_size, 0)])
    message = frames.issues["message"][0]
    assert "TypeError: str object expected; got None" in message
    assert ("OGI_NATIVE=0 runs the plain-Python one" in message) == ogi.native.compiled_in_use()


_CELL_RUN = "<w:r><w:t>8</w:t></w:r>"  # the one cell of sample 002 that prints 8: research_institution's new_received
_HIDDEN_STYLES = ('<w:style w:type="character" w:customStyle="1" w:styleId="HiddenChar"><w:name w:val="Hidden Char"/>'
                  '<w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:customStyle="1" '
                  'w:styleId="NoteChar"><w:name w:val="Note Char"/><w:basedOn w:val="HiddenChar"/></w:style>'
                  '<w:style w:type="character" w:customStyle="1" w:styleId="NoteMark"><w:name w:val="Note Mark"/>'
                  '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>')


def _new_received(data: bytes) -> tuple[str | None, str | None]:
    """(raw text, value kind) of the cell research_institution × new_received."""
    from ogi.extract.report import extract_report
    from tests.extract.helpers import cell_frame

    document = read_document(data, "report.docx")
    assert not isinstance(document, ReadIssue), document
    frame = cell_frame(extract_report(document.text))
    row = frame.filter((frame["row_key"] == "new_received") & (frame["col_key"] == "research_institution"))
    return row["raw_text"][0], row["value_kind"][0]


def _with_cell(runs: str, styles: str = "") -> bytes:
    data = rewrite_docx(to_docx(SAMPLE), lambda xml: xml.replace(_CELL_RUN, runs, 1))
    return rewrite_docx(data, lambda xml: xml.replace("</w:styles>", styles + "</w:styles>"), "word/styles.xml")


@pytest.mark.parametrize(("runs", "expected"), [
    # text hidden by its character style, directly or through the style it is based on
    ('<w:r><w:rPr><w:rStyle w:val="HiddenChar"/></w:rPr><w:t>93</w:t></w:r>' + _CELL_RUN, ("8", "number")),
    ('<w:r><w:rPr><w:rStyle w:val="NoteChar"/></w:rPr><w:t>93</w:t></w:r>' + _CELL_RUN, ("8", "number")),
    # the run's own setting wins over its style
    ('<w:r><w:rPr><w:rStyle w:val="HiddenChar"/><w:vanish w:val="0"/></w:rPr><w:t>8</w:t></w:r>', ("8", "number")),
    # a field nested in a field's code: only the outer result shows ({ = { REF b1 } + 1 })
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF b1 </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
     '<w:r><w:instrText> + 1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
     + _CELL_RUN + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', ("8", "number")),
    # a raised note mark is no digit of the number
    (_CELL_RUN + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>', ("8¹", "text")),
    # a note mark raised through a character style, or by a baseline offset
    (_CELL_RUN + '<w:r><w:rPr><w:rStyle w:val="NoteMark"/></w:rPr><w:t>1</w:t></w:r>', ("8¹", "text")),
    (_CELL_RUN + '<w:r><w:rPr><w:position w:val="6"/></w:rPr><w:t>2</w:t></w:r>', ("8²", "text")),
    # an icon from a symbol font (Wingdings ✓) is no character of the text
    ('<w:r><w:sym w:font="Wingdings 2" w:char="F050"/></w:r>' + _CELL_RUN, ("8", "number")),
    # dashes typed as a Symbol-font character or a non-breaking hyphen
    ('<w:r><w:sym w:font="Symbol" w:char="F02D"/></w:r>', ("-", "dash")),
    ("<w:r><w:noBreakHyphen/></w:r>", ("-", "dash")),
], ids=["style_hidden", "style_hidden_by_inheritance", "run_unhides", "nested_field", "superscript",
        "superscript_style", "raised_position", "wingdings_icon", "symbol_dash", "no_break_hyphen"])
def test_a_cell_reads_as_word_shows_it(runs: str, expected: tuple[str, str]) -> None:
    assert _new_received(_with_cell(runs, _HIDDEN_STYLES)) == expected


def test_old_word_horizontal_merges_are_printed_once() -> None:
    """w:hMerge (Word 97–2003) instead of w:gridSpan: the continuation cells are no cells of the row."""
    def to_hmerge(xml: str) -> str:
        label = "<w:t>一、本年新收政府信息公开申请数量</w:t></w:r></w:p></w:tc>"
        start = xml.rindex("<w:tc>", 0, xml.index(label))
        cell = xml[start : xml.index(label) + len(label)]
        merged = cell.replace('<w:gridSpan w:val="3"/>', '<w:hMerge w:val="restart"/>')
        continuation = "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"
        return xml.replace(cell, merged + continuation * 2, 1)

    assert _new_received(rewrite_docx(to_docx(SAMPLE), to_hmerge)) == ("8", "number")


def test_a_two_column_table_holding_a_one_row_table_is_data_not_page_layout() -> None:
    from lxml import etree

    from ogi.readers.word import _is_frame

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    inner = f"<w:tbl><w:tr>{cell.format('5')}</w:tr></w:tbl>"
    data = f"<w:tbl {namespace}><w:tr>{cell.format('行政许可')}<w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    assert not _is_frame(etree.fromstring(data))
    layout = inner.replace("</w:tr></w:tbl>", f"</w:tr><w:tr>{cell.format('6')}</w:tr></w:tbl>")
    assert _is_frame(etree.fromstring(f"<w:tbl {namespace}><w:tr><w:tc>{layout}<w:p/></w:tc></w:tr></w:tbl>"))
    # blank margin columns either side of the page's column: still a frame
    margin = "<w:tc><w:p/></w:tc>"
    framed = f"<w:tbl {namespace}><w:tr>{margin}<w:tc>{layout}<w:p/></w:tc>{margin}</w:tr></w:tbl>"
    assert _is_frame(etree.fromstring(framed))


def test_packages_named_otherwise_and_encrypted_files() -> None:
    renamed = rewrite_docx(to_docx(SAMPLE), lambda xml: xml.replace("/word/document.xml", "/word/document2.xml"),
                           "[Content_Types].xml")
    renamed = rewrite_docx(renamed, lambda xml: xml.replace("document.xml", "document2.xml"),
                           "_rels/.rels")
    import io
    import zipfile

    source, buffer = zipfile.ZipFile(io.BytesIO(renamed)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            name = "word/document2.xml" if item.filename == "word/document.xml" else item.filename
            target.writestr(name, source.read(item.filename))
    document = read_document(buffer.getvalue(), "report.docx")
    assert not isinstance(document, ReadIssue) and "本年新收" in document.text
    encrypted = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(100)
                 + "EncryptedPackage".encode("utf-16-le") + bytes(2000))
    issue = read_document(encrypted, "report.docx")
    assert isinstance(issue, ReadIssue) and "password" in issue.message


def test_a_row_deleted_with_tracked_changes_is_not_read() -> None:
    """Only the row's deletion mark (w:trPr/w:del), its runs not wrapped in w:del: the row is still gone."""
    def with_deleted_row(xml: str) -> str:
        start = xml.rindex("<w:tr>", 0, xml.index(_CELL_RUN))
        end = xml.index("</w:tr>", start) + len("</w:tr>")
        row = xml[start:end]
        deleted = row.replace("<w:tr>", '<w:tr><w:trPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/>'
                              "</w:trPr>", 1).replace("<w:t>0</w:t>", "<w:t>9</w:t>").replace("<w:t>8</w:t>", "<w:t>9</w:t>")
        return xml[:start] + deleted + xml[start:]

    assert _new_received(rewrite_docx(to_docx(SAMPLE), with_deleted_row)) == ("8", "number")
