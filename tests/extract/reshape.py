"""Re-print a Word→text (Tika style) report in other text shapes, to test the parser on shapes it was
not written against: markdown pipe tables, HTML one-row-per-line, HTML one-cell-per-line, plain text."""

from __future__ import annotations

from collections.abc import Callable

Row = list[str]
Segment = str | list[Row]  # a narrative line, or a table


def read_tika(text: str) -> list[Segment]:
    segments: list[Segment] = []
    table: list[Row] | None = None
    row: Row | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if table is None:
                table = []
                segments.append(table)
            if row is None:
                row = []
                table.append(row)
            row.extend(line[1:].split("\t"))
        elif line.strip() == "":
            row = None
            if table is not None and segments and segments[-1] is table and not table:
                segments.pop()
        elif row is not None:
            row[-1] += line  # continuation of the previous cell (L1)
        else:
            table = None
            segments.append(line)
    return [s for s in segments if s != []]


def _cells(row: Row) -> Row:
    return [c.replace("\n", "") for c in row]


def to_markdown(segments: list[Segment]) -> str:
    out: list[str] = []
    for segment in segments:
        if isinstance(segment, str):
            out.append(segment)
            continue
        width = max(len(r) for r in segment)
        out.append("")
        for index, row in enumerate(segment):
            cells = [c.strip() for c in _cells(row)]
            out.append("| " + " | ".join(cells) + " |")
            if index == 0:
                out.append("|" + "---|" * width)
        out.append("")
    return "\n".join(out)


def _render(segments: list[Segment], row_lines: Callable[[Row], list[str]]) -> str:
    """Narrative lines as they are; each table row as the lines ``row_lines`` prints it."""
    out: list[str] = []
    for segment in segments:
        if isinstance(segment, str):
            out.append(segment)
            continue
        for row in segment:
            out.extend(row_lines(_cells(row)))
    return "\n".join(out)


def to_html_rows(segments: list[Segment], pad_to: int = 0) -> str:
    return _render(segments, lambda cells: [" | ".join(cells) + " |" + "|" * max(0, pad_to - len(cells))])


def to_html_cells(segments: list[Segment], pad_to: int = 10) -> str:
    def lines(cells: Row) -> list[str]:
        padding = " " + "|" * (pad_to - len(cells)) if pad_to > len(cells) else ""
        return [f"{cell} |" for cell in cells[:-1]] + [f"{cells[-1]} |{padding}"]

    return _render(segments, lines)


def to_html_separated(segments: list[Segment]) -> str:
    """One cell per line, table rows separated by lone ``|`` lines (L5, as 湖口县大垅乡 2020 prints them)."""
    return _render(segments, lambda cells: [*(f"{cell} |" for cell in cells), "|"])


def to_plain(segments: list[Segment]) -> str:
    return _render(segments, lambda cells: ["  ".join(c.strip() for c in cells if c.strip())])
