"""Word (.docx) → report text in the Word→text (Tika) layout the parser reads.

Body paragraphs and tables are read in document order with python-docx. A table cell is printed once on a
tab-led line (a horizontally merged cell once, like Word→text), a vertically merged continuation as an
empty cell so numbers keep their positions, and a cell's further paragraphs as continuation lines.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml.etree import _Element

from ogi.readers.model import ReadIssue

_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_ROW = qn("w:tr")
_CELL = qn("w:tc")
_TEXT = qn("w:t")
_TAB = qn("w:tab")
_BREAK = qn("w:br")


def docx_to_text(data: bytes) -> str | ReadIssue:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        return ReadIssue("docx_unreadable", f"The Word file could not be opened ({type(error).__name__}: {error}); "
                         "it may be damaged or only partly downloaded.")
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == _PARAGRAPH:
            lines.append(_paragraph_text(block))
        elif block.tag == _TABLE:
            lines.append("")
            lines.extend(_table_lines(block))
            lines.append("")
    return "\n".join(lines).strip("\n") + "\n"


def _paragraph_text(paragraph: _Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_TEXT, _TAB, _BREAK):
        if node.tag == _TEXT:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_lines(table: _Element) -> list[str]:
    out: list[str] = []
    for row in table.iterchildren(_ROW):
        for cell in row.iterchildren(_CELL):
            if _continues_merge(cell):
                out.append("\t")
                continue
            texts = [_cell_block_text(block) for block in cell.iterchildren(_PARAGRAPH, _TABLE)]
            texts = [line for text in texts for line in text.split("\n") if line.strip()]
            out.append("\t" + "\n".join(texts) if texts else "\t")
        out.append("")
    return out


def _cell_block_text(block: _Element) -> str:
    if block.tag == _PARAGRAPH:
        return _paragraph_text(block)
    return " ".join(_paragraph_text(p) for p in block.iter(_PARAGRAPH))  # a table nested in a cell: its words


def _continues_merge(cell: _Element) -> bool:
    properties = cell.tcPr  # type: ignore[attr-defined]  # python-docx CT_Tc
    if properties is None or properties.vMerge is None:
        return False
    return properties.vMerge.val in (None, "continue")
