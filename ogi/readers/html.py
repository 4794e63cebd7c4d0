"""HTML page → report text in the Word→text (Tika) layout the parser reads.

Tables come from the DOM, not from text lines: every row's cells are placed on a grid that honours
``rowspan``/``colspan``. Each cell is printed once, on its own line led by a tab; a cell continued from the
row above (rowspan) is printed as an empty cell, exactly as Word→text prints a vertically merged cell, so
the numbers of a row keep their positions. ``<br>`` and paragraphs inside a cell become continuation lines.
Scripts, styles, navigation, sidebars, footers, hidden text and blocks that are mostly links are dropped.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_DROP = ("script", "style", "noscript", "template", "iframe", "nav", "footer", "aside", "head", "select", "button",
         "svg")
# Blocks that may be a list of links to other pages (a sidebar of other years' reports, a menu): their
# titles must not be read as this report's title.
_LINK_LIST_BLOCKS = ("div", "section", "ul", "ol", "dl", "p", "span", "header")
_LINK_SHARE = 0.7
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "fieldset", "address", "figure", "figcaption",
    "caption", "hr", "body", "html",
}
_CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|copyright)(?:$|[\s_-])", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TABLE_TAG = re.compile(r"<table", re.I)
_CELL_END = re.compile(r"</td>", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    head = data[:4096].decode("ascii", errors="ignore")
    match = re.search(r"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", head, re.I)
    return match.group(1) if match else None


def looks_like_html(text: str) -> bool:
    if "<" not in text:  # no tag at all (most text files): nothing below can match
        return False
    head = text[:4096].lower()
    return "<html" in head or "<!doctype html" in head or bool(_TABLE_TAG.search(text) and _CELL_END.search(text))


def html_to_text(markup: str) -> str:
    root = lxml.html.fromstring(_XML_DECLARATION.sub("", markup) or "<html></html>")
    for element in list(root.iter(*_DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter()):
        if element.getparent() is not None and isinstance(element.tag, str) and (
            _is_chrome(element) or _is_hidden(element) or _is_link_list(element)
        ):
            element.drop_tree()
    lines: list[str] = []
    current: list[str] = []
    _walk(root, lines, current)
    _flush(lines, current)
    return "\n".join(lines).strip("\n") + "\n"


def _is_chrome(element: etree._Element) -> bool:
    if element.tag in ("td", "th", "tr", "table", "tbody", "body", "html"):
        return False
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(marks.strip()) and bool(_CHROME_CLASS.search(marks))


def _is_hidden(element: etree._Element) -> bool:
    """Text the browser does not show (display:none spans are an anti-copy trick inside value cells)."""
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style", "") or ""))


def _is_link_list(element: etree._Element) -> bool:
    """A block that is mostly the text of two or more links and holds no table: navigation, not the report."""
    if element.tag not in _LINK_LIST_BLOCKS or next(element.iter("table"), None) is not None:
        return False
    links = list(element.iter("a"))
    if len(links) < 2:
        return False
    total = len("".join(element.text_content().split()))
    linked = sum(len("".join(link.text_content().split())) for link in links)
    return total > 0 and linked >= _LINK_SHARE * total


def _flush(lines: list[str], current: list[str]) -> None:
    line = _SPACES.sub(" ", "".join(current)).strip(" ")
    if line:
        lines.append(line)
    current.clear()


def _walk(element: etree._Element, lines: list[str], current: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table" and _is_data_table(element):
        _flush(lines, current)
        lines.append("")
        lines.extend(_table_lines(element))
        lines.append("")
    elif tag == "br":
        _flush(lines, current)
    else:
        block = tag in _BLOCK or tag in ("table", "tr", "td", "th")  # a layout table reads as blocks
        if block:
            _flush(lines, current)
        if tag and element.text:
            current.append(element.text)
        for child in element:
            _walk(child, lines, current)
        if block:
            _flush(lines, current)
    if element.tail:
        current.append(element.tail)


def _is_data_table(table: etree._Element) -> bool:
    """Old government sites lay whole pages out in tables; a table holding other tables is layout."""
    return next(table.iterdescendants("table"), None) is None


def _table_lines(table: etree._Element) -> list[str]:
    out: list[str] = []
    pending: dict[int, int] = {}  # grid column → rows still covered by a rowspan from above
    for row in _rows(table):
        column = 0
        printed: list[str] = []
        for cell in row.iterchildren("td", "th"):
            while pending.get(column):  # a cell merged down from an earlier row: printed empty
                pending[column] -= 1
                printed.append("\t")
                column += 1
            span = _span(cell, "colspan")
            down = _span(cell, "rowspan") - 1
            for offset in range(span):
                if down:
                    pending[column + offset] = down
            printed.append(_cell_text(cell))
            column += span
        for trailing in sorted(c for c, rows in pending.items() if rows and c >= column):
            pending[trailing] -= 1
            printed.append("\t")
        out.extend(printed)
        out.append("")
    return out


def _rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _span(cell: etree._Element, attribute: str) -> int:
    digits = re.match(r"\s*(\d+)", cell.get(attribute, "1") or "1")
    return max(1, min(int(digits.group(1)), 1000)) if digits else 1


def _cell_text(cell: etree._Element) -> str:
    lines: list[str] = []
    current: list[str] = []
    if cell.text:
        current.append(cell.text)
    for child in cell:
        _walk(child, lines, current)
    _flush(lines, current)
    lines = [line for line in lines if line]
    return "\t" + "\n".join(lines) if lines else "\t"
