"""What extraction produces: placed cells, problems found, and report metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, NamedTuple, cast

from ogi.extract.narrative import NarrativeCount


# Reports place hundreds of cells each: immutable records as NamedTuples, which are built four times faster
# than frozen dataclasses.
class PlacedCell(NamedTuple):
    section: str  # 'proactive' | 'applications' | 'litigation'
    row_key: str  # item (proactive), row key (applications), proceeding (litigation)
    col_key: str  # measure (proactive), applicant_type (applications), result (litigation)
    raw_text: str  # as printed
    norm_text: str  # normalised, no whitespace: what value parsing reads
    line_no: int
    article_item: str | None = None  # proactive only: '20.1' …
    header_unit: str | None = None  # amounts only: 元 or 万元 when the column header states it


_new_tuple: Final = tuple.__new__


def placed_cell(section: str, row_key: str, col_key: str, raw_text: str, norm_text: str, line_no: int,
                article_item: str | None = None, header_unit: str | None = None) -> PlacedCell:
    """``PlacedCell(...)`` without the NamedTuple's generated ``__new__``, which is interpreted Python even in
    the compiled parser: one call per cell, some 200 a report."""
    return cast(PlacedCell, _new_tuple(PlacedCell, (section, row_key, col_key, raw_text, norm_text, line_no,
                                                    article_item, header_unit)))


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
