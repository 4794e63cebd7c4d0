"""Word (.docx) → report text in the Word→text (Tika) layout the parser reads.

Body paragraphs and tables are read in document order with python-docx. A table cell is printed once on a
tab-led line (a horizontally merged cell once, like Word→text), a vertically merged continuation as an
empty cell so numbers keep their positions, and a cell's further paragraphs as continuation lines.

Text is read as Word shows it with changes accepted: content controls (``w:sdt``) are looked through, text
moved away (``w:moveFrom``) or deleted is skipped, a text box is read once (not again from its VML fallback)
with its paragraphs on lines of their own, a page laid out inside a single-cell table is read as the page,
and a web page embedded whole (``w:altChunk``) is read as a web page.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError, _Element

from ogi.readers.encoding import decode_bytes
from ogi.readers.html import html_to_text, meta_charset
from ogi.readers.model import ReadIssue

_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_ROW = qn("w:tr")
_CELL = qn("w:tc")
_TEXT = qn("w:t")
_TAB = qn("w:tab")
_BREAK = qn("w:br")
_ALT_CHUNK = qn("w:altChunk")
_RUN = qn("w:r")
_RUN_PROPERTIES = qn("w:rPr")
_VANISH = qn("w:vanish")
_VALUE = qn("w:val")
_RELATIONSHIP_ID = qn("r:id")
# Containers whose children belong to the enclosing body, row or cell (content controls, custom XML).
_TRANSPARENT = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")})
# Subtrees whose text Word does not show: moved-away and deleted text, and the VML copy of a text box.
_HIDDEN = frozenset({
    qn("w:moveFrom"), qn("w:del"), qn("w:sdtPr"), qn("w:rPr"), qn("w:pPr"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
})


# What a damaged package raises: a cut or corrupt ZIP entry, XML that does not parse, a part that is missing.
_DAMAGED = (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, XMLSyntaxError, PackageNotFoundError)
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-f]+>'?")


def docx_to_text(data: bytes) -> str | ReadIssue:
    try:
        document = docx.Document(io.BytesIO(data))
    except _DAMAGED as error:
        detail = _OBJECT_REPR.sub("the file", str(error))  # python-docx names the in-memory file by its address
        kind = "zlib.error" if isinstance(error, zlib.error) else type(error).__name__
        return ReadIssue("docx_unreadable", f"The Word file could not be opened ({kind}: {detail}); "
                         "it may be damaged or only partly downloaded.")
    lines: list[str] = []
    _body_lines(document.element.body, lines, document)
    return "\n".join(lines).strip("\n") + "\n"


def _body_lines(container: _Element, lines: list[str], document: docx.document.Document) -> None:
    for block in _children(container, _PARAGRAPH, _TABLE, _ALT_CHUNK):
        if block.tag == _PARAGRAPH:
            lines.append(_paragraph_text(block))
        elif block.tag == _ALT_CHUNK:
            lines.extend(_embedded_page_lines(block, document))
        elif (only := _single_cell(block)) is not None:
            _body_lines(only, lines, document)  # a page laid out inside a one-cell table
        elif _is_frame(block):
            # A frame of one or two columns holding tables lays the page out (pasted from a web page): its cells
            # are read as the page, in order, and the tables inside them as tables.
            for row in _children(block, _ROW):
                for cell in _children(row, _CELL):
                    _body_lines(cell, lines, document)
        else:
            lines.append("")
            lines.extend(_table_lines(block))
            lines.append("")


def _children(element: _Element, *tags: str) -> Iterator[_Element]:
    """The children with these tags, looking through content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, *tags)


def _single_cell(table: _Element) -> _Element | None:
    rows = list(_children(table, _ROW))
    cells = list(_children(rows[0], _CELL)) if len(rows) == 1 else []
    return cells[0] if len(cells) == 1 else None


def _embedded_page_lines(chunk: _Element, document: docx.document.Document) -> list[str]:
    part = document.part.related_parts.get(chunk.get(_RELATIONSHIP_ID, ""))
    if part is None or "html" not in part.content_type:
        return []
    decoded = decode_bytes(part.blob, meta_charset(part.blob))
    return [] if isinstance(decoded, ReadIssue) else html_to_text(decoded[0]).split("\n")


def _paragraph_text(paragraph: _Element) -> str:
    parts: list[str] = []
    _collect_text(paragraph, parts)
    return "".join(parts)


def _collect_text(element: _Element, parts: list[str]) -> None:
    for node in element.iterchildren():
        tag = node.tag
        if tag == _TEXT:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append(" ")
        elif tag == _BREAK:
            parts.append("\n")
        elif tag == _PARAGRAPH:  # a text box's paragraph: a line of its own
            parts.append("\n")
            _collect_text(node, parts)
            parts.append("\n")
        elif tag == _RUN and _is_hidden_run(node):
            continue
        elif tag not in _HIDDEN and isinstance(tag, str):
            _collect_text(node, parts)


def _is_hidden_run(run: _Element) -> bool:
    """Text formatted as hidden (w:vanish): Word does not show or print it."""
    properties = run.find(_RUN_PROPERTIES)
    vanish = properties.find(_VANISH) if properties is not None else None
    return vanish is not None and vanish.get(_VALUE, "true") not in ("0", "false", "off")


def _table_lines(table: _Element) -> list[str]:
    out: list[str] = []
    for row in _children(table, _ROW):
        for cell in _children(row, _CELL):
            if _continues_merge(cell):
                out.append("\t")
                continue
            texts = [_cell_block_text(block) for block in _children(cell, _PARAGRAPH, _TABLE)]
            texts = [line for text in texts for line in text.split("\n") if line.strip()]
            out.append("\t" + "\n".join(texts) if texts else "\t")
        out.append("")
    return out


def _cell_block_text(block: _Element) -> str:
    if block.tag == _PARAGRAPH:
        return _paragraph_text(block)
    return " ".join(_paragraph_text(p) for p in block.iter(_PARAGRAPH))  # a small table inside a data cell: its words


def _is_frame(table: _Element) -> bool:
    """A table of at most two columns that holds tables: page layout, not data (a data table may hold a small
    table in one of its cells)."""
    if next(table.iterdescendants(_TABLE), None) is None:
        return False
    return all(len(list(_children(row, _CELL))) <= 2 for row in _children(table, _ROW))


def _continues_merge(cell: _Element) -> bool:
    properties = cell.tcPr  # type: ignore[attr-defined]  # python-docx CT_Tc
    if properties is None or properties.vMerge is None:
        return False
    return properties.vMerge.val in (None, "continue")
