"""Printing counts in one report's style: padding, units, blanks."""

from __future__ import annotations

import random

_STR = [str(i) for i in range(1000)]


class Fmt:
    """Prints numbers in one report's style: padding, units, blanks."""

    __slots__ = ("blank", "pad", "rng", "unit")

    def __init__(self, rng: random.Random, pad: str | None, blank: str, unit: str | None) -> None:
        self.rng, self.pad, self.blank, self.unit = rng, pad, blank, unit

    def count(self, value: int | None, first: bool = False) -> str:
        if value is None:
            return self.blank
        if self.pad is None:
            return str(value)
        return self.row([value])[0] if first else str(value)

    def row(self, values: list[int | None]) -> list[str]:
        """A row of counts, padded in the report's style (seeds 000, 003)."""
        blank = self.blank
        cells = [blank if v is None else _STR[v] if 0 <= v < 1000 else str(v) for v in values]
        pad = self.pad
        if pad is None or values[0] is None:
            return cells
        if pad == "nbsp":  # seed 000: NBSP before the first value of each row
            cells[0] = "\xa0" + cells[0]
        elif pad == "space":  # seed 003
            cells[0] = "  " + cells[0]
        elif pad == "nbsp_after":
            cells[-1] = cells[-1] + "\xa0" if values[-1] is not None else cells[-1]
            cells[0] = cells[0] + "\xa0"
        else:
            cells[0] = "\u3000" + cells[0] + "\u3000"
            if len(values) > 1 and values[1] is not None:
                cells[1] = cells[1] + "\u3000"
        return cells

    def item_count(self, value: int | None, first: bool = False) -> str:
        if value is not None and self.unit and self.rng.random() < 0.5:
            return f"{value}{self.unit}"
        return self.count(value, first)
