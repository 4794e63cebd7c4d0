"""HTML page → report text in the Word→text (Tika) layout the parser reads.

Tables come from the DOM, not from text lines: every row's cells are placed on a grid that honours
``rowspan``/``colspan``. Each cell is printed once, on its own line led by a tab; a cell continued from the
row above (rowspan) is printed as an empty cell, exactly as Word→text prints a vertically merged cell, so
the numbers of a row keep their positions. ``<br>`` and paragraphs inside a cell become continuation lines.
Scripts, styles, navigation, sidebars, footers, hidden text (inline styles, hidden classes), struck-out text,
links to report pages and blocks that are mostly links are dropped; a <sup>/<sub> digit stays a note mark.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ogi.readers.visibility import empties_cell, in_cell, is_hidden, is_raised, style_rules
from ogi.text.normalize import RAISED_DIGITS

# Struck-out text is deleted text (a Word page saved with tracked changes); rt/rp are a ruby annotation's reading.
_DROP = ("script", "style", "noscript", "template", "iframe", "nav", "footer", "aside", "head", "select", "button",
         "svg", "del", "s", "strike", "rt", "rp")
# Blocks that may be a list of links to other pages (a sidebar of other years' reports, a menu): their
# titles must not be read as this report's title.
_LINK_LIST_BLOCKS = ("div", "section", "ul", "ol", "dl", "p", "span", "header")
_LINK_SHARE = 0.7
# A link whose text names a report (a related-reports list, 上一篇/下一篇): another page, never this one's title.
_REPORT_LINK = re.compile(r"年度?报告|年报")
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "fieldset", "address", "figure", "figcaption",
    "caption", "hr", "body", "html",
}
_CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|copyright)(?:$|[\s_-])", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_MARK = re.compile(r"title|biaoti", re.I)
_NAVIGATION_WORDS = re.compile(r"相关|上一篇|下一篇|上篇|下篇|推荐|热点|阅读|延伸|链接|更多|往期|历年|专题|附件")
_NO_DECORATION = re.compile(r"text-decoration\s*:\s*none", re.I)
_PREFORMATTED_STYLE = re.compile(r"white-space\s*:\s*pre", re.I)
_SITE_FOOTER_WORDS = re.compile(r"主办|承办|版权|ICP|备案|技术支持|网站标识码|联系我们|网站地图|公网安备", re.I)
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
    rules = style_rules(root)
    for element in list(root.iter("select", "input", "img")):  # what form fields and images show, as text
        _show_value(element)
    for element in list(root.iter(*_DROP)):
        if element.getparent() is not None and not _is_article_footer(element) and not _is_decorative(element):
            element.drop_tree()
    for element in list(root.iter()):
        if element.getparent() is None or not isinstance(element.tag, str):
            continue
        if (_is_chrome(element) or is_hidden(element, rules) or _is_link_list(element)
                or _is_report_link(element)):
            element.drop_tree()
        elif empties_cell(element, rules):  # its place (and span) kept, its text gone
            for child in list(element):
                element.remove(child)
            element.text = None
    for element in list(root.iter()):
        # (A mark inside a raised mark was raised with it, and left its tree: no parent any more.)
        if isinstance(element.tag, str) and element.getparent() is not None and is_raised(element, rules):
            _raise_digits(element)
    lines: list[str] = []
    current: list[str] = []
    _walk(root, lines, current)
    _flush(lines, current)
    return "\n".join(lines).strip("\n") + "\n"


def _is_article_footer(element: etree._Element) -> bool:
    """An article's own <footer> holds its signature and date; the page's footer names the site's host."""
    if element.tag != "footer":
        return False
    if any(parent.tag in ("article", "main") for parent in element.iterancestors()):
        return True
    return not _SITE_FOOTER_WORDS.search(element.text_content())


def _is_chrome(element: etree._Element) -> bool:
    if element.tag in ("td", "th", "tr", "table", "tbody", "body", "html"):
        return False
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(marks.strip()) and bool(_CHROME_CLASS.search(marks))


def _is_report_link(element: etree._Element) -> bool:
    """A link to another report page — in a list, or under 相关阅读, 上一篇, 热点 … — whose title must not be read
    as this page's. A page's own title may be a link too: in a heading or a title block it is kept."""
    if element.tag != "a" or element.get("href") is None or not _REPORT_LINK.search(element.text_content()):
        return False
    ancestors = list(element.iterancestors())
    if any(parent.tag in _HEADINGS or _TITLE_MARK.search(f"{parent.get('class', '')} {parent.get('id', '')}")
           for parent in ancestors):
        return False
    if any(parent.tag == "li" for parent in ancestors):
        return True
    parent = element.getparent()
    around = parent.text_content().replace(element.text_content(), "", 1) if parent is not None else ""
    before = [parent.getprevious() if parent is not None else None]
    row = next((ancestor for ancestor in ancestors if ancestor.tag == "tr"), None)
    if row is not None:  # a layout table: the heading (相关信息) in the row above
        before.append(row.getprevious())
    around += "".join(node.text_content() for node in before if node is not None and isinstance(node.tag, str))
    return bool(_NAVIGATION_WORDS.search(around))


def _is_decorative(element: etree._Element) -> bool:
    """<s>/<strike> styled not to strike through: a way to set text, not to delete it."""
    return element.tag in ("s", "strike") and bool(_NO_DECORATION.search(element.get("style") or ""))


def _show_value(field: etree._Element) -> None:
    """A form field shows its value (a table exported from a web form), a drop-down list its chosen option, and
    an image in a table cell its text (numbers drawn as images carry them in alt)."""
    if field.tag in ("select", "img") and not in_cell(field):
        return  # outside the tables: a site's year picker, a logo
    if field.tag == "select":
        options = list(field.iter("option"))
        chosen = next((option for option in options if option.get("selected") is not None), options[0] if options else None)
        shown = chosen.text_content().strip() if chosen is not None else ""
    elif field.tag == "img":
        shown = field.get("alt", "") or ""
    else:
        shown = field.get("value", "") if (field.get("type") or "text").lower() in ("text", "number", "tel") else ""
    field.tail = shown + (field.tail or "")
    field.drop_tree()


def _raise_digits(element: etree._Element) -> None:
    """A note mark set above the line (301<sup>1</sup>) is written as a superscript digit, which the normaliser
    keeps apart from the number: flattened, it would read 3011."""
    text = element.text_content().translate(RAISED_DIGITS)
    for child in list(element):
        element.remove(child)
    element.text = text
    element.drop_tag()


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
    elif tag in ("pre", "textarea") or (tag and _PREFORMATTED_STYLE.search(element.get("style") or "")):
        _flush(lines, current)  # its lines are the page's lines (a text table typed with spaces)
        for line in element.text_content().split("\n"):
            current.append(line)
            if line.strip():
                _flush(lines, current)
            else:
                current.clear()
                lines.append("")  # a blank line parts the rows of a text table
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
    """Old government sites lay whole pages out in tables; a table holding tables of several rows is layout (a
    data table may hold a one-row table in a cell)."""
    return not any(len(_rows(inner)) > 1 for inner in table.iterdescendants("table"))


def _table_lines(table: etree._Element) -> list[str]:
    out: list[str] = []
    pending: dict[int, int] = {}  # grid column → rows still covered by a rowspan from above
    group = None
    for row in _rows(table):
        if row.getparent() is not group:  # a rowspan ends with its row group (<thead>, <tbody>), as browsers do
            group = row.getparent()
            pending.clear()
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
    """The table's own rows, in their row groups or in the wrappers old pages put around them (<font>, <form>),
    never a nested table's."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif isinstance(child.tag, str) and child.tag not in ("table", "td", "th", "caption", "colgroup", "col"):
            rows.extend(_rows(child))
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
        if child.tag == "table":  # a small table inside a data cell: its words, as Word→text prints it
            _flush(lines, current)
            lines.append(" ".join(child.text_content().split()))
            if child.tail:
                current.append(child.tail)
            continue
        _walk(child, lines, current)
    _flush(lines, current)
    lines = [line for line in lines if line]
    return "\t" + "\n".join(lines) if lines else "\t"
