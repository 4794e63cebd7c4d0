"""Every document kind gives the same facts as the UTF-8 text original (issue 6: 1-4), and every bad file
kind is refused with its own code and a readable sentence (issue 6: 5)."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import opencc
import pytest

from ogi.extract.report import extract_report
from ogi.readers import DecodedDocument, ReadIssue, read_document, scan_raw_folder
from tests.extract.helpers import cell_values
from tests.readers.documents import facts_of, read_decoded, to_docx, to_html

SAMPLES = sorted(Path(__file__).parents[2].joinpath("data", "raw").glob("*.txt"))


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name[:3])
def sample(request: pytest.FixtureRequest) -> tuple[str, tuple[object, ...]]:
    text = request.param.read_text(encoding="utf-8")
    facts = facts_of(text)
    assert facts[0] == "parsed" and len(facts[4]) >= 190
    return text, facts


@pytest.mark.parametrize(
    ("codec", "data_of", "recorded"),
    [
        ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
        ("utf-8 BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        ("gb18030", lambda t: t.encode("gb18030"), "gb18030"),
        ("gbk", lambda t: t.encode("gbk", errors="strict"), "gb18030"),
        ("utf-16 BOM", lambda t: t.encode("utf-16"), "utf-16"),
        ("utf-16-be BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        ("utf-16-le no BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_load_the_same_facts(sample: tuple[str, tuple[object, ...]], codec: str, data_of, recorded: str) -> None:
    text, facts = sample
    document = read_decoded(data_of(text.replace("\u00a0", " ") if codec == "gbk" else text), "report.txt")
    assert document.encoding == recorded and document.source_format == "text"
    assert facts_of(document.text) == (facts if codec != "gbk" else facts_of(text.replace("\u00a0", " ")))


def test_html_with_merged_cells_gives_the_same_facts(sample: tuple[str, tuple[object, ...]]) -> None:
    text, facts = sample
    page = to_html(text)
    if "\t" in text:  # Word→text samples become real tables with merged cells
        assert "rowspan=" in page and "colspan=" in page and "<br>" in page
    document = read_decoded(page.encode("utf-8"), "报告 (2020).html")
    assert document.source_format == "html" and document.encoding == "utf-8"
    assert facts_of(document.text) == facts
    assert "var nav" not in document.text and "首页 >" not in document.text  # script and navigation dropped


def test_html_charset_from_the_meta_tag(sample: tuple[str, tuple[object, ...]]) -> None:
    text, facts = sample
    document = read_decoded(to_html(text, charset="gbk").encode("gb18030"), "page.htm")
    assert document.encoding == "gb18030"
    assert facts_of(document.text) == facts


def test_docx_with_merged_cells_gives_the_same_facts(sample: tuple[str, tuple[object, ...]]) -> None:
    text, facts = sample
    data = to_docx(text)
    if "\t" in text:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert "w:vMerge" in xml and "w:gridSpan" in xml
    document = read_decoded(data, "report.docx")
    assert document.source_format == "docx"
    assert facts_of(document.text) == facts


def test_traditional_characters_parse_like_the_simplified_original(sample: tuple[str, tuple[object, ...]]) -> None:
    text, facts = sample
    traditional = opencc.OpenCC("s2twp").convert(text)  # Taiwan vocabulary too: 文件→檔案, 信息→資訊
    assert traditional != text
    document = read_decoded(traditional.encode("utf-8"), "繁體.txt")
    report = extract_report(document.text)
    assert (report.status, report.agency_name, report.report_year, report.template, cell_values(report)) == facts
    assert all(c.raw_text.strip() in traditional for c in report.cells)  # raw text kept as printed
    if any("万" in c.raw_text for c in extract_report(text).cells):
        assert any("萬" in c.raw_text for c in report.cells)


def test_big5_traditional_text_is_detected(sample: tuple[str, tuple[object, ...]]) -> None:
    text, _ = sample
    traditional = opencc.OpenCC("s2twp").convert(text.replace("\u00a0", " "))
    data = traditional.encode("big5")
    document = read_decoded(data, "big5.txt")
    assert document.encoding in ("big5", "cp950", "big5hkscs")
    assert facts_of(document.text)[1:] == facts_of(text.replace("\u00a0", " "))[1:]


MOJIBAKE = "二〇二〇年政府信息公开工作年度报告".encode().decode("latin-1").encode("utf-8")


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.txt", "empty_file"),
        (b"  \r\n\t \n", "blank.txt", "empty_file"),
        ("\u3000\u3000\n \u00a0\t\n".encode(), "ideographic_spaces.txt", "empty_file"),  # spaces bytes.strip() keeps
        ("\u3000 \r\n".encode("utf-16"), "utf16_spaces.txt", "empty_file"),
        (os.urandom(1) + bytes(range(256)) * 40, "random.txt", "binary_file"),
        (b"\x7fELF\x02\x01\x01" + bytes(4000), "program.txt", "binary_file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + os.urandom(2000), "report.pdf", "unsupported_format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "report.doc", "unsupported_format"),
        (b"PK\x03\x04" + os.urandom(200), "cut.docx", "docx_unreadable"),
        (b"\x01\x02" + bytes(range(256)) * 40, "named.docx", "docx_unreadable"),  # neither ZIP nor text
        (MOJIBAKE * 20, "mojibake.txt", "undecodable"),
        ("锟斤拷锟斤拷报告".encode() * 20, "lost.txt", "undecodable"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_bad_files_are_refused_with_a_code_and_a_sentence(data: bytes, name: str, code: str) -> None:
    issue = read_document(data, name)
    assert isinstance(issue, ReadIssue) and issue.code == code
    assert issue.message.endswith(".") and len(issue.message) > 30


def test_text_named_docx_is_read_as_text() -> None:
    """The format is sniffed from the bytes: a report saved as text under a .docx name still loads."""
    text = "息烽县统计局\n2020年政府信息公开工作年度报告\n一、总体情况"
    document = read_document(text.encode("utf-8"), "renamed.docx")
    assert isinstance(document, DecodedDocument) and document.source_format == "text" and document.text == text


def test_zip_that_is_not_word_is_unsupported() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    issue = read_document(buffer.getvalue(), "archive.zip")
    assert isinstance(issue, ReadIssue) and issue.code == "unsupported_format"


def test_scan_skips_hidden_files_and_refuses_links_out_of_the_folder(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "省份 (浙江), 2020").mkdir(parents=True)
    (raw / "省份 (浙江), 2020" / "a b,（1）.txt").write_text("x")
    (raw / ".DS_Store").write_bytes(b"\0")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (raw / "link.txt").symlink_to(outside)
    (raw / "inside.txt").symlink_to(raw / "省份 (浙江), 2020" / "a b,（1）.txt")
    (raw / "dangling.txt").symlink_to(raw / "gone.txt")
    files, problems = scan_raw_folder(raw)
    assert [f.relative_path for f in files] == ["inside.txt", "省份 (浙江), 2020/a b,（1）.txt"]
    assert sorted((path, issue.code) for path, issue in problems) == [
        ("dangling.txt", "broken_symlink"), ("link.txt", "symlink_outside_raw_folder")]


def test_a_page_laid_out_in_tables_still_reads_its_data_tables(sample: tuple[str, tuple[object, ...]]) -> None:
    text, facts = sample
    page = to_html(text)
    start, end = page.index('<div class="article">'), page.index('<div class="footer">')
    wrapped = (page[:start] + '<table width="100%"><tr><td>栏目导航</td><td>' + page[start:end] + "</td></tr></table>"
               + page[end:])  # old government sites wrap the whole page in a layout table
    assert facts_of(read_decoded(wrapped.encode("utf-8"), "old-site.htm").text) == facts


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    (raw / "locked").mkdir(parents=True)
    (raw / "locked" / "a.txt").write_text("x", encoding="utf-8")
    (raw / "b.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str):  # permissions cannot lock out root, who runs CI: refuse like the kernel would
        if path.endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = scan_raw_folder(raw)
    assert [f.relative_path for f in files] == ["b.txt"]
    assert [(name, issue.code) for name, issue in problems] == [("locked", "unreadable")]
    assert "could not be listed" in problems[0][1].message
