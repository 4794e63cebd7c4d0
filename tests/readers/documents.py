"""Write a Word→text (Tika) sample report out as other documents: an HTML page and a Word file whose tables
use real merged cells (rowspan/colspan, vMerge/gridSpan), the way agencies' own files do."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import docx

from ogi.extract.report import extract_report
from ogi.readers import DecodedDocument, read_document
from tests.extract.helpers import cell_values
from tests.extract.reshape import Row, read_tika

_NUMBER = re.compile(r"^[\s\u00a0]*[+-]?\d")


def facts_of(text: str) -> tuple[object, ...]:
    """What a comparison of two documents of one report looks at: status, agency, year, template, values."""
    report = extract_report(text)
    return report.status, report.agency_name, report.report_year, report.template, cell_values(report)


def read_decoded(data: bytes, name: str) -> DecodedDocument:
    """The document read from ``data``; fails the test when it is refused."""
    document = read_document(data, name)
    assert isinstance(document, DecodedDocument), document
    return document


@dataclass
class LaidCell:
    text: str
    column: int
    colspan: int = 1
    rowspan: int = 1


def lay_out(rows: list[Row]) -> tuple[list[list[LaidCell]], int]:
    """Cells placed on a grid: an empty leading cell under a one-column cell merges into it (rowspan); a row
    shorter than the table widens its last label cell (colspan)."""
    width = max(len(r) for r in rows)
    laid: list[list[LaidCell]] = []
    open_above: dict[int, LaidCell] = {}  # grid column → a one-column cell that reaches the previous row
    for row in rows:
        out: list[LaidCell] = []
        leading = 0
        while leading < len(row) and not row[leading].strip() and leading in open_above:
            open_above[leading].rowspan += 1
            leading += 1
        rest = row[leading:]
        deficit = width - len(row)
        widen = max((i for i, t in enumerate(rest) if t.strip() and not _NUMBER.match(t)), default=len(rest) - 1)
        column = leading
        reached: dict[int, LaidCell] = {c: open_above[c] for c in range(leading)}
        for index, text in enumerate(rest):
            cell = LaidCell(text, column, 1 + (deficit if index == widen and deficit > 0 else 0))
            out.append(cell)
            if cell.colspan == 1:
                reached[column] = cell
            column += cell.colspan
        open_above = reached
        laid.append(out)
    return laid, width


def _html_cell_text(text: str) -> str:
    escaped = html.escape(text)
    if len(text) > 14 and not _NUMBER.match(text):  # a long label wraps inside its cell
        middle = len(escaped) // 2
        return escaped[:middle] + "<br>" + escaped[middle:]
    return escaped


def to_html(text: str, charset: str = "utf-8") -> str:
    parts = [f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>年度报告</title>',
             "<script>var nav = '首页 > 信息公开';</script><style>td{border:1px}</style></head><body>",
             '<div class="nav-bar"><a href="/">首页</a> &gt; <a href="#">政府信息公开</a> &gt; 年度报告</div>',
             '<div class="article">']
    for segment in read_tika(text):
        if isinstance(segment, str):
            parts.append(f"<p>{html.escape(segment)}</p>")
            continue
        laid, _ = lay_out(segment)
        parts.append('<table border="1"><tbody>')
        for row in laid:
            cells = "".join(
                "<td" + (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
                + f">{_html_cell_text(c.text)}</td>" for c in row
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
    parts.append('</div><div class="footer">主办单位：某某市人民政府办公室 网站标识码 3302000000</div></body></html>')
    return "\n".join(parts)


def to_docx(text: str) -> bytes:
    document = docx.Document()
    for segment in read_tika(text):
        if isinstance(segment, str):
            document.add_paragraph(segment)
            continue
        _add_table(document, segment)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_table(document: docx.document.Document, rows: list[Row]) -> None:
    laid, width = lay_out(rows)
    table = document.add_table(rows=len(laid), cols=width)
    row_of = {id(cell): index for index, row in enumerate(laid) for cell in row}
    for index, row in enumerate(laid):
        for cell in row:
            target = table.cell(index, cell.column)
            lines = cell.text.split("\n") if "\n" in cell.text else [cell.text]
            target.text = lines[0]
            for more in lines[1:]:
                target.add_paragraph(more)
    for row in laid:
        for cell in row:
            top = row_of[id(cell)]
            if cell.colspan > 1:
                table.cell(top, cell.column).merge(table.cell(top, cell.column + cell.colspan - 1))
            if cell.rowspan > 1:
                table.cell(top, cell.column).merge(table.cell(top + cell.rowspan - 1, cell.column))
    # Cells past the end of a short row (Word tables are rectangular) stay empty; Tika prints them empty too.


def rewrite_docx(data: bytes, transform: Callable[[str], str], part: str = "word/document.xml") -> bytes:
    """The Word file with one part's XML rewritten (to build what python-docx cannot write)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = transform(content.decode("utf-8")).encode("utf-8")
            target.writestr(item.filename, content)
    return buffer.getvalue()


def corrupt_document_entry(data: bytes) -> bytes:
    """The Word file with bytes in the middle of its compressed document.xml overwritten (a bad download)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(64) + data[middle + 64 :]
