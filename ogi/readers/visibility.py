"""What a browser does not show on a web page, so that the reader does not read it either.

Pages hide digits inside value cells against copying (a hidden 9 before a visible 33 would read 933): by
``display:none``, ``visibility:hidden``, ``opacity:0``, ``font-size:0``, an off-screen position or a class a
``<style>`` rule hides. Outside table cells the same styles lay pages out — ``font-size:0`` against the gaps
between inline blocks, fade-in animations from ``opacity:0``, negative margins that centre a box, tab panes
and media queries — so only ``display:none``, ``visibility:hidden`` and the ``hidden`` attribute hide a block;
the other tricks count on inline text inside a cell.
"""

from __future__ import annotations

import re

from lxml import etree

_NOT_NAME = r"(?<![\w-])"  # margin-left is no left, font-size no size
_ZERO = r"0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:;|!|$)"
_DISPLAY_NONE = re.compile(rf"{_NOT_NAME}display\s*:\s*none", re.I)
_INVISIBLE = re.compile(rf"{_NOT_NAME}visibility\s*:\s*(?:hidden|collapse)", re.I)
_VISIBLE = re.compile(rf"{_NOT_NAME}visibility\s*:\s*visible", re.I)
_TRANSPARENT = re.compile(rf"{_NOT_NAME}opacity\s*:\s*{_ZERO}", re.I)
_ANIMATED = re.compile(rf"{_NOT_NAME}(?:animation|transition)", re.I)
_ZERO_FONT = re.compile(rf"{_NOT_NAME}font-size\s*:\s*{_ZERO}", re.I)
_SIZED_FONT = re.compile(rf"{_NOT_NAME}font-size\s*:\s*(?!{_ZERO})[^;\s]", re.I)
_POSITIONED = re.compile(rf"{_NOT_NAME}position\s*:\s*(?:absolute|fixed)", re.I)
_FAR_OFF = re.compile(rf"{_NOT_NAME}(?:left|top)\s*:\s*-\d{{4,}}(?:\.\d+)?(?:px|pt)", re.I)
_INDENTED_AWAY = re.compile(rf"{_NOT_NAME}text-indent\s*:\s*-\d{{4,}}(?:\.\d+)?(?:px|pt|em)", re.I)
_INLINE = frozenset({"span", "font", "i", "b", "em", "strong", "small", "u", "ins", "label", "code"})
_CELLS = frozenset({"td", "th"})
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SINGLE_CLASS_RULE = re.compile(r"^\s*\.([\w-]+)\s*\{([^}]*)\}", re.M)


def hidden_classes(root: etree._Element) -> frozenset[str]:
    """Classes a page's <style> rules hide outright (``.x{display:none}``): top-level rules whose selector is
    one class — not in a media query, not a descendant or state selector (tabs, fades), not commented out."""
    rules = "\n".join(_top_level(_COMMENT.sub("", style.text or "")) for style in root.iter("style"))
    return frozenset(
        match.group(1) for match in _SINGLE_CLASS_RULE.finditer(rules)
        if _DISPLAY_NONE.search(match.group(2)) or _INVISIBLE.search(match.group(2)) or _TRANSPARENT.search(match.group(2))
    )


def _top_level(css: str) -> str:
    """The rules outside any @-block, one per line."""
    kept: list[str] = []
    depth, start = 0, 0
    in_at_block = False
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                in_at_block = css[start:index].lstrip().startswith("@")
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                if not in_at_block:
                    kept.append(css[start : index + 1].strip())
                start = index + 1
    return "\n".join(kept)


def is_hidden(element: etree._Element, classes: frozenset[str]) -> bool:
    """Whether the browser shows none of the element's text (it is dropped, with its place: a hidden <td> too,
    as display:none removes the cell)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style") or ""
    if _DISPLAY_NONE.search(style):
        return True
    if element.tag in _CELLS:
        return False  # an invisible cell keeps its place: see empties_cell
    if _INVISIBLE.search(style) and not _descendant(element, _VISIBLE):
        return True
    return element.tag in _INLINE and _in_cell(element) and _tricked(element, style, classes)


def empties_cell(cell: etree._Element, classes: frozenset[str]) -> bool:
    """A table cell that keeps its place but shows nothing (visibility:hidden, opacity:0, a hiding class)."""
    if cell.tag not in _CELLS:
        return False
    style = cell.get("style") or ""
    if (_INVISIBLE.search(style) and not _descendant(cell, _VISIBLE)) or (
            _TRANSPARENT.search(style) and not _ANIMATED.search(style)):
        return True
    return bool(classes) and not classes.isdisjoint((cell.get("class") or "").split())


def _tricked(element: etree._Element, style: str, classes: frozenset[str]) -> bool:
    if _TRANSPARENT.search(style) and not _ANIMATED.search(style):
        return True
    if _ZERO_FONT.search(style) and not _descendant(element, _SIZED_FONT):
        return True
    if (_POSITIONED.search(style) and _FAR_OFF.search(style)) or _INDENTED_AWAY.search(style):
        return True
    return bool(classes) and not classes.isdisjoint((element.get("class") or "").split())


def _in_cell(element: etree._Element) -> bool:
    return any(parent.tag in _CELLS for parent in element.iterancestors())


def _descendant(element: etree._Element, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(inner.get("style") or "") for inner in element.iterdescendants()
               if isinstance(inner.tag, str))
