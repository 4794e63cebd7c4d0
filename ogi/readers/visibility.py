"""What a browser does not show on a web page, so that the reader does not read it either.

Pages hide digits inside value cells against copying (a hidden 9 before a visible 33 would read 933): by
``display:none``, ``visibility:hidden``, a class or id a ``<style>`` rule hides, ``opacity:0``, white text,
``font-size:0`` or an off-screen position. Outside table cells the last four lay pages out — ``font-size:0``
against the gaps between inline blocks, fade-in animations from ``opacity:0``, negative margins that centre a
box — so they count only inside a cell; everywhere else only ``display:none``, ``visibility:hidden``, the
``hidden`` attribute and a hiding rule hide text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_CELLS = frozenset({"td", "th"})
_PALE = re.compile(rf"{_NOT_NAME}color\s*:\s*(?:#fff(?:fff)?|white|transparent|rgba\([^)]*,\s*0\))\s*(?:;|!|$)", re.I)
_RAISED = re.compile(rf"{_NOT_NAME}vertical-align\s*:\s*(?:super|sub)", re.I)
_RELATIVE = re.compile(rf"{_NOT_NAME}position\s*:\s*relative", re.I)
_SHIFTED_UP = re.compile(rf"{_NOT_NAME}(?:top\s*:\s*-|bottom\s*:\s*\d*[1-9])", re.I)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_CLASS_SELECTOR = re.compile(r"^[a-z0-9]*\.([\w-]+)$", re.I)
_ID_SELECTOR = re.compile(r"^[a-z0-9]*#([\w-]+)$", re.I)


@dataclass(frozen=True)
class StyleRules:
    """What a page's <style> rules hide: top-level rules whose selectors are one class or one id each (``.x``,
    ``span.x``, ``#y``, ``.a,.b``) — not in a media query, not a descendant or state selector (tabs, fades),
    not commented out. ``faded_classes`` only make text transparent, white or zero-sized, which counts inside
    cells; ``raised_classes`` set text above or below the line (a note mark)."""

    hidden_classes: frozenset[str] = frozenset()
    hidden_ids: frozenset[str] = frozenset()
    faded_classes: frozenset[str] = frozenset()
    raised_classes: frozenset[str] = frozenset()


def style_rules(root: etree._Element) -> StyleRules:
    hidden_classes: set[str] = set()
    hidden_ids: set[str] = set()
    faded: set[str] = set()
    raised: set[str] = set()
    # Old pages wrap their rules in <!-- --> for browsers that showed style sheets as text.
    css = "\n".join(_top_level(_COMMENT.sub("", (style.text or "").replace("<!--", " ").replace("-->", " ")))
                    for style in root.iter("style"))
    for match in _RULE.finditer(css):
        body = match.group(2)
        hides = bool(_DISPLAY_NONE.search(body) or _INVISIBLE.search(body))
        fades = bool(_TRANSPARENT.search(body) or _PALE.search(body) or _ZERO_FONT.search(body))
        lifts = bool(_RAISED.search(body))
        if not (hides or fades or lifts):
            continue
        selectors = [selector.strip() for selector in match.group(1).split(",")]
        classes = {found.group(1) for found in map(_CLASS_SELECTOR.match, selectors) if found}
        if hides:
            hidden_classes |= classes
            hidden_ids.update(found.group(1) for found in map(_ID_SELECTOR.match, selectors) if found)
        elif fades:
            faded |= classes
        if lifts:
            raised |= classes
    return StyleRules(frozenset(hidden_classes), frozenset(hidden_ids), frozenset(faded), frozenset(raised))


def is_raised(element: etree._Element, rules: StyleRules) -> bool:
    """A note mark set above or below the line (<sup>, vertical-align:super, a small relative shift upwards, a
    class that does either): kept apart from the number beside it."""
    if element.tag in ("sup", "sub"):
        return True
    style = element.get("style") or ""
    if _RAISED.search(style) or (_RELATIVE.search(style) and _SHIFTED_UP.search(style)):
        return True
    return not rules.raised_classes.isdisjoint((element.get("class") or "").split())


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


def is_hidden(element: etree._Element, rules: StyleRules) -> bool:
    """Whether the browser shows none of the element's text (it is dropped, with its place: a hidden <td> too,
    as display:none removes the cell)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style") or ""
    classes = (element.get("class") or "").split()
    if _DISPLAY_NONE.search(style) or not rules.hidden_classes.isdisjoint(classes) or (
            element.get("id") in rules.hidden_ids):
        return True
    if element.tag in _CELLS:
        return False  # an invisible cell keeps its place: see empties_cell
    if _invisible(element, style):
        return True
    return _tricked(element, style, classes, rules) and in_cell(element)


def empties_cell(cell: etree._Element, rules: StyleRules) -> bool:
    """A table cell that keeps its place but shows nothing (visibility:hidden, opacity:0, a fading class)."""
    if cell.tag not in _CELLS:
        return False
    style = cell.get("style") or ""
    if _invisible(cell, style) or _transparent(style):
        return True
    return not rules.faded_classes.isdisjoint((cell.get("class") or "").split())


def _tricked(element: etree._Element, style: str, classes: list[str], rules: StyleRules) -> bool:
    """The anti-copy tricks, inside a table cell: transparent, white, zero-sized or off-screen text."""
    if _transparent(style) or _PALE.search(style):
        return True
    if element.tag == "font" and _PALE.search(f"color:{element.get('color') or ''};"):
        return True
    if _ZERO_FONT.search(style) and not _descendant(element, _SIZED_FONT):
        return True
    if (_POSITIONED.search(style) and _FAR_OFF.search(style)) or _INDENTED_AWAY.search(style):
        return True
    return not rules.faded_classes.isdisjoint(classes)


def _invisible(element: etree._Element, style: str) -> bool:
    """visibility:hidden, unless a descendant shows itself again (visibility:visible)."""
    return bool(_INVISIBLE.search(style)) and not _descendant(element, _VISIBLE)


def _transparent(style: str) -> bool:
    """opacity:0, unless an animation or transition fades it in."""
    return bool(_TRANSPARENT.search(style)) and not _ANIMATED.search(style)


def in_cell(element: etree._Element) -> bool:
    return any(parent.tag in _CELLS for parent in element.iterancestors())


def _descendant(element: etree._Element, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(inner.get("style") or "") for inner in element.iterdescendants()
               if isinstance(inner.tag, str))
