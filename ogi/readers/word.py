"""Word (.docx) → report text in the Word→text (Tika) layout the parser reads.

Body paragraphs and tables are read in document order with python-docx. A table cell is printed once on a
tab-led line (a horizontally merged cell once, like Word→text), a vertically merged continuation as an
empty cell so numbers keep their positions, and a cell's further paragraphs as continuation lines.

Text is read as Word shows it with changes accepted: content controls (``w:sdt``) are looked through, text
moved away (``w:moveFrom``), deleted or hidden (``w:vanish`` on the run or through its styles) is skipped, a
field shows its result and not its code, a raised or lowered digit (a note mark) is written as a superscript
digit, old Word's ``w:hMerge`` continuation cells are not printed, a text box is read once (not again from its VML fallback)
with its paragraphs on lines of their own, a page laid out inside a single-cell table is read as the page,
and a web page embedded whole (``w:altChunk``) is read as a web page.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError, _Element

from ogi.readers.encoding import decode_bytes
from ogi.readers.html import html_to_text, meta_charset
from ogi.readers.model import ReadIssue
from ogi.text.normalize import RAISED_DIGITS

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
_PARAGRAPH_PROPERTIES = qn("w:pPr")
_VANISH = qn("w:vanish")
_VALUE = qn("w:val")
_RUN_STYLE = qn("w:rStyle")
_PARAGRAPH_STYLE = qn("w:pStyle")
_VERTICAL_ALIGN = qn("w:vertAlign")
_POSITION = qn("w:position")
_FIELD_CHAR = qn("w:fldChar")
_FIELD_CHAR_TYPE = qn("w:fldCharType")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_SYMBOL = qn("w:sym")
_SYMBOL_CHAR = qn("w:char")
_SYMBOL_FONT = qn("w:font")
_HORIZONTAL_MERGE = qn("w:hMerge")
_ROW_PROPERTIES = qn("w:trPr")
_DELETED = qn("w:del")
_STYLE = qn("w:style")
_STYLE_ID = qn("w:styleId")
_BASED_ON = qn("w:basedOn")
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
_OBJECT_REPR = re.compile(r"(?:file )?'?<[\w.]+ object at 0x[0-9a-f]+>'?")


def docx_to_text(data: bytes) -> str | ReadIssue:
    try:
        document = docx.Document(io.BytesIO(data))
    except _DAMAGED as error:
        detail = _OBJECT_REPR.sub("the file", str(error))  # python-docx names the in-memory file by its address
        kind = "zlib.error" if isinstance(error, zlib.error) else type(error).__name__
        return ReadIssue("docx_unreadable", f"The Word file could not be opened ({kind}: {detail}); "
                         "it may be damaged or only partly downloaded.")
    global _hidden_styles, _raised_styles
    _hidden_styles = _styles_where(document, _hides)
    _raised_styles = _styles_where(document, _raises)
    lines: list[str] = []
    _body_lines(document.element.body, lines, document)
    return "\n".join(lines).strip("\n") + "\n"


# The styles of the document being read that hide text or raise it (superscript). Set by docx_to_text before
# it reads: a process reads one document at a time, and threading them through every helper below would only
# add noise.
_hidden_styles: frozenset[str] = frozenset()
_raised_styles: frozenset[str] = frozenset()


def _hides(properties: _Element) -> bool | None:
    flag = properties.find(_VANISH)
    return None if flag is None else flag.get(_VALUE, "true") not in ("0", "false", "off")


def _raises(properties: _Element) -> bool | None:
    """Superscript or subscript, or raised or lowered from the baseline (w:position, in half-points)."""
    align = properties.find(_VERTICAL_ALIGN)
    if align is not None:
        return align.get(_VALUE) in ("superscript", "subscript")
    position = properties.find(_POSITION)
    if position is None:
        return None
    try:
        return int(position.get(_VALUE, "0")) != 0
    except ValueError:
        return None


def _styles_where(document: docx.document.Document, setting: Callable[[_Element], bool | None]) -> frozenset[str]:
    """Ids of the styles whose run properties have ``setting`` true, in the style or a style it is based on."""
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in document.styles.element.iterchildren(_STYLE):
        style_id = style.get(_STYLE_ID)
        if style_id is None:
            continue
        properties = style.find(_RUN_PROPERTIES)
        own[style_id] = setting(properties) if properties is not None else None
        parent = style.find(_BASED_ON)
        if parent is not None and parent.get(_VALUE):
            based_on[style_id] = parent.get(_VALUE, "")

    def applies(style_id: str, depth: int = 0) -> bool:
        value = own.get(style_id)
        if value is not None or depth > 20 or style_id not in based_on:
            return bool(value)
        return applies(based_on[style_id], depth + 1)

    return frozenset(style_id for style_id in own if applies(style_id))


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
    _collect_text(paragraph, parts, [], _style_of(paragraph, _PARAGRAPH_PROPERTIES, _PARAGRAPH_STYLE) in _hidden_styles)
    return "".join(parts)


def _collect_text(element: _Element, parts: list[str], fields: list[bool], hidden_paragraph: bool) -> None:
    """``fields``: one entry per field open around this point, True while in its code (before its result)."""
    for node in element.iterchildren():
        tag = node.tag
        if tag == _FIELD_CHAR:
            _track_field(node.get(_FIELD_CHAR_TYPE), fields)
        elif True in fields:  # a field's code, or a field nested in it: Word shows the outer field's result only
            if tag == _RUN or (tag not in _HIDDEN and tag != _TEXT and isinstance(tag, str)):
                _collect_text(node, parts, fields, hidden_paragraph)  # for the fldChar that closes the code
        elif tag == _TEXT:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append(" ")
        elif tag == _BREAK:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _SYMBOL:
            parts.append(_symbol(node))
        elif tag == _PARAGRAPH:  # a text box's paragraph: a line of its own
            parts.append("\n")
            _collect_text(node, parts, fields, hidden_paragraph)
            parts.append("\n")
        elif tag == _RUN:
            if not _is_hidden_run(node, hidden_paragraph):
                start = len(parts)
                _collect_text(node, parts, fields, hidden_paragraph)
                if _is_raised(node):  # a note mark (33¹): read flat, 33 and 1 would make 331
                    parts[start:] = ["".join(parts[start:]).translate(RAISED_DIGITS)]
        elif tag not in _HIDDEN and isinstance(tag, str):
            _collect_text(node, parts, fields, hidden_paragraph)


def _track_field(kind: str | None, fields: list[bool]) -> None:
    if kind == "begin":
        fields.append(True)
    elif kind == "separate" and fields:
        fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def _symbol(node: _Element) -> str:
    """A character inserted as a symbol (w:sym). The Symbol font's codes sit at U+F000 + their ASCII code (F02D
    is a minus); other symbol fonts (Wingdings ✓, bullets) draw icons, which are no text of the report."""
    try:
        code = int(node.get(_SYMBOL_CHAR, ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return chr(code - 0xF000) if node.get(_SYMBOL_FONT) == "Symbol" and 0x20 < code - 0xF000 < 0x7F else ""
    return chr(code)


def _style_of(element: _Element, properties_tag: str, style_tag: str) -> str | None:
    properties = element.find(properties_tag)
    style = properties.find(style_tag) if properties is not None else None
    return style.get(_VALUE) if style is not None else None


def _is_hidden_run(run: _Element, hidden_paragraph: bool) -> bool:
    """Text formatted as hidden (w:vanish) on the run, through its character style or its paragraph's style:
    Word does not show or print it. A run's own setting wins over its styles."""
    properties = run.find(_RUN_PROPERTIES)
    if properties is None:
        return hidden_paragraph
    own = _hides(properties)
    if own is not None:
        return own
    style = properties.find(_RUN_STYLE)
    return hidden_paragraph or (style is not None and style.get(_VALUE) in _hidden_styles)


def _is_raised(run: _Element) -> bool:
    """Superscript or subscript, set on the run or through its character style (the run's own setting wins)."""
    properties = run.find(_RUN_PROPERTIES)
    if properties is None:
        return False
    own = _raises(properties)
    if own is not None:
        return own
    style = properties.find(_RUN_STYLE)
    return style is not None and style.get(_VALUE) in _raised_styles


def _table_lines(table: _Element) -> list[str]:
    out: list[str] = []
    for row in _children(table, _ROW):
        if _is_deleted_row(row):
            continue  # a row deleted with tracked changes on
        for cell in _children(row, _CELL):
            if _continues_horizontal_merge(cell):
                continue  # old Word's w:hMerge: the merged cell was printed once, like a gridSpan
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
    """A table whose rows hold at most two cells with anything in them, and which holds tables of several rows:
    page layout (blank margin columns beside it, maybe), not data — a data table, even one of two columns, may
    hold a one-row table in one of its cells."""
    if not any(len(list(_children(inner, _ROW))) > 1 for inner in table.iterdescendants(_TABLE)):
        return False
    return all(sum(_has_content(cell) for cell in _children(row, _CELL)) <= 2 for row in _children(table, _ROW))


def _has_content(cell: _Element) -> bool:
    return any((text.text or "").strip() for text in cell.iter(_TEXT)) or next(cell.iter(_TABLE), None) is not None


def _is_deleted_row(row: _Element) -> bool:
    properties = row.find(_ROW_PROPERTIES)
    return properties is not None and properties.find(_DELETED) is not None


def _continues_horizontal_merge(cell: _Element) -> bool:
    properties = cell.tcPr  # type: ignore[attr-defined]  # python-docx CT_Tc
    merge = properties.find(_HORIZONTAL_MERGE) if properties is not None else None
    return merge is not None and merge.get(_VALUE, "continue") != "restart"


def _continues_merge(cell: _Element) -> bool:
    properties = cell.tcPr  # type: ignore[attr-defined]  # python-docx CT_Tc
    if properties is None or properties.vMerge is None:
        return False
    return properties.vMerge.val in (None, "continue")
