"""What extraction produces: placed cells, problems found, and report metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ogi.extract.narrative import NarrativeCount
from ogi.extract.values import read_value


class PlacedCell:
    """One table cell placed in the template. A plain class with its own constructor: compiled, it is built
    and read as a C struct (some 200 a report), where a NamedTuple was built through interpreted code and read
    through attribute lookups."""

    __slots__ = ("article_item", "col_key", "header_unit", "line_no", "norm_text", "raw_text", "row_key", "section")

    def __init__(self, section: str, row_key: str, col_key: str, raw_text: str, norm_text: str, line_no: int,
                 article_item: str | None = None, header_unit: str | None = None) -> None:
        self.section = section  # 'proactive' | 'applications' | 'litigation'
        self.row_key = row_key  # item (proactive), row key (applications), proceeding (litigation)
        self.col_key = col_key  # measure (proactive), applicant_type (applications), result (litigation)
        self.raw_text = raw_text  # as printed
        self.norm_text = norm_text  # normalised, no whitespace: what value parsing reads
        self.line_no = line_no
        self.article_item = article_item  # proactive only: '20.1' …
        self.header_unit = header_unit  # amounts only: 元 or 万元 when the column header states it

    def fields(self) -> tuple[str, str, str, str, str, int, str | None, str | None]:
        return (self.section, self.row_key, self.col_key, self.raw_text, self.norm_text, self.line_no,
                self.article_item, self.header_unit)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlacedCell) and self.fields() == other.fields()

    __hash__ = None  # type: ignore[assignment]  # compared by value

    def __repr__(self) -> str:
        return "PlacedCell" + repr(self.fields())


def cell_columns(cells: list[PlacedCell]) -> tuple[list[str], list[str], list[str], list[str | None], list[str],
                                                  list[int], list[str], list[float | None], list[str | None]]:
    """The cells' section, row_key, col_key, article_item, raw_text and line_no as columns, and what each
    printed as value_kind, value and unit (``read_value``), for the parse workers' frames."""
    readings = [read_value(c.norm_text, c.col_key, c.header_unit) for c in cells]
    return ([c.section for c in cells], [c.row_key for c in cells], [c.col_key for c in cells],
            [c.article_item for c in cells], [c.raw_text for c in cells], [c.line_no for c in cells],
            [r[0] for r in readings], [r[1] for r in readings], [r[2] for r in readings])


class Problem(NamedTuple):
    code: str  # stable identifier, e.g. 'cell_unplaced', 'table_not_found'
    message: str  # a sentence a person understands
    line_no: int | None = None
    degrades: bool = True  # True when the report cannot be called 'parsed' because of it


@dataclass
class SectionResult:
    cells: list[PlacedCell] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    template: str | None = None
    found: bool = False


@dataclass
class ExtractedReport:
    agency_name: str | None
    report_year: int | None
    published_on: str | None  # ISO date
    template: str | None  # '2019' | '2021'
    proactive_template: str | None
    applications_template: str | None
    status: str  # 'parsed' | 'partial' | 'failed' | 'not_a_report'
    cells: list[PlacedCell]
    problems: list[Problem]
    year_source: str | None = None
    agency_source: str | None = None
    narrative: list[NarrativeCount] = field(default_factory=list)  # what the running text says (S4, S5)
