"""Table structures (labels fixed, values as placeholders) and their printing in each text shape."""

from __future__ import annotations

from functools import lru_cache

Cell = str | None  # None: a merged-cell continuation (an empty TAB cell in Word text, absent in HTML)
Row = list[Cell]


def _cell_line(cell: str, mode: str) -> str:
    """An HTML/markdown rendering of a cell that Word printed over several lines (L6)."""
    if "\n" not in cell:
        return cell
    if mode == "cut" and cell.startswith("本年新"):
        return "本年新"
    if mode == "space":
        return cell.replace("\n", " ")
    return cell.replace("\n", "")


V = "\x00"  # a value cell in a table structure: rendered as a str.format placeholder


def _escape(cell: str) -> str:
    return cell.replace("{", "{{").replace("}", "}}")


@lru_cache(maxsize=4096)
def table_format(structure: tuple[tuple[Cell, ...], ...], width: int, shape: str, mode: str, pad: bool) -> str:
    """The whole table as a ``str.format`` string (labels fixed, values as ``{}``), computed once per layout."""
    lines: list[str] = []
    for index, row in enumerate(structure):
        if shape == "docx":
            lines.append("\n".join("\t" if c is None else "\t{}" if c == V else "\t" + _escape(c) for c in row) + "\n")
            continue
        if shape == "markdown":
            lines.append("| " + " | ".join("" if c is None else "{}" if c == V else _escape(_cell_line(c, "join").strip())
                                           for c in row) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
            continue
        cells = ["{}" if c == V else _escape(_cell_line(c, mode)) for c in row if c is not None]
        padding = "|" * (width - len(cells)) if pad and width > len(cells) else ""
        if shape == "html_rows":
            lines.append(" | ".join(cells) + " |" + padding)
        else:
            lines.append("\n".join(f"{c} |" for c in cells) + (" " + padding if padding else "")
                         + ("\n|" if shape == "html_separated" else ""))
    if shape == "markdown":
        return "\n" + "\n".join(lines) + "\n"
    return "\n".join(lines) + ("\n" if shape == "docx" else "")


def split_values(rows: list[Row]) -> tuple[tuple[tuple[Cell, ...], ...], list[str]]:
    """Section 二 rows → (structure, values): data rows hold a label then values."""
    structure: list[tuple[Cell, ...]] = []
    values: list[str] = []
    for row in rows:
        if len(row) == 1 or row[0] == "信息内容":
            structure.append(tuple(row))
        else:
            structure.append((row[0], *([V] * (len(row) - 1))))
            values.extend(row[1:])  # type: ignore[arg-type]
    return tuple(structure), values
