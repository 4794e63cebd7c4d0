"""Column-wise accumulation of one chunk's rows, turned into polars frames at the end (then spooled as Parquet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

from ogi.extract.model import cell_columns

if TYPE_CHECKING:
    from ogi.agency import AgencyResolution
    from ogi.extract.model import PlacedCell
    from ogi.extract.narrative import NarrativeCount
    from ogi.ingest.worker import FileJob

FILE_SCHEMA = {"source_path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "content_sha256": pl.String,
               "report_id": pl.String, "encoding": pl.String, "source_format": pl.String, "reparsed": pl.Boolean}
REPORT_SCHEMA = {"report_id": pl.String, "source_path": pl.String, "content_sha256": pl.String, "encoding": pl.String,
                 "source_format": pl.String, "agency_id": pl.String, "agency_name": pl.String,
                 "report_year": pl.Int32, "template": pl.String, "proactive_template": pl.String,
                 "applications_template": pl.String, "published_on": pl.Date, "parse_status": pl.String,
                 "parser_version": pl.String, "year_source": pl.String, "agency_source": pl.String,
                 "cells_placed": pl.Int32}
AGENCY_SCHEMA = {"agency_id": pl.String, "agency_name": pl.String, "province": pl.String, "prefecture": pl.String,
                 "county": pl.String, "township": pl.String, "division_code": pl.String, "admin_level": pl.String,
                 "agency_kind": pl.String, "department": pl.String}
CELL_SCHEMA = {"report_id": pl.String, "section": pl.String, "row_key": pl.String, "col_key": pl.String,
               "article_item": pl.String, "raw_text": pl.String, "line_no": pl.Int32, "value_kind": pl.String,
               "value": pl.Float64, "unit": pl.String}
ISSUE_SCHEMA = {"source_path": pl.String, "content_sha256": pl.String, "report_id": pl.String, "stage": pl.String,
                "code": pl.String, "message": pl.String, "line_no": pl.Int32, "degrades_status": pl.Boolean}
TEXT_SCHEMA = {"report_id": pl.String, "text": pl.String}
NARRATIVE_SCHEMA = {"report_id": pl.String, "quantity": pl.String, "value": pl.Int64, "line_no": pl.Int32,
                    "raw_text": pl.String}


@dataclass
class ChunkFrames:
    files: pl.DataFrame
    reports: pl.DataFrame
    agencies: pl.DataFrame
    cells: pl.DataFrame
    issues: pl.DataFrame
    texts: pl.DataFrame
    narrative: pl.DataFrame


class FrameBuilder:
    def __init__(self) -> None:
        self._files: dict[str, list[Any]] = {k: [] for k in FILE_SCHEMA}
        self._reports: dict[str, list[Any]] = {k: [] for k in REPORT_SCHEMA}
        self._agencies: dict[str, list[Any]] = {k: [] for k in AGENCY_SCHEMA}
        self._cells: dict[str, list[Any]] = {k: [] for k in CELL_SCHEMA}
        self._issues: dict[str, list[Any]] = {k: [] for k in ISSUE_SCHEMA}
        self._texts: dict[str, list[Any]] = {k: [] for k in TEXT_SCHEMA}
        self._narrative: dict[str, list[Any]] = {k: [] for k in NARRATIVE_SCHEMA}
        self._report_ids: set[str] = set()

    def first_time(self, report_id: str) -> bool:
        """True the first time a report id is met in this chunk."""
        if report_id in self._report_ids:
            return False
        self._report_ids.add(report_id)
        return True

    def file(self, job: FileJob, sha: str | None, report_id: str | None, encoding: str | None,
             source_format: str | None, reparsed: bool = True) -> None:
        for key, value in zip(FILE_SCHEMA, (job.source_path, job.size, job.mtime_ns, sha, report_id, encoding,
                                            source_format, reparsed), strict=True):
            self._files[key].append(value)

    def report(self, **row: Any) -> None:
        for key in REPORT_SCHEMA:
            self._reports[key].append(row[key])

    def agency(self, agency: AgencyResolution) -> None:
        for key in AGENCY_SCHEMA:
            self._agencies[key].append(getattr(agency, key))

    def cells(self, report_id: str, cells: list[PlacedCell]) -> None:
        if not cells:
            return
        columns = self._cells
        section, row_key, col_key, article_item, raw_text, line_no, value_kind, value, unit = cell_columns(cells)
        columns["report_id"].extend([report_id] * len(cells))
        columns["section"].extend(section)
        columns["row_key"].extend(row_key)
        columns["col_key"].extend(col_key)
        columns["article_item"].extend(article_item)
        columns["raw_text"].extend(raw_text)
        columns["line_no"].extend(line_no)
        columns["value_kind"].extend(value_kind)
        columns["value"].extend(value)
        columns["unit"].extend(unit)

    def issue(self, source_path: str, sha: str | None, report_id: str | None, stage: str, code: str, message: str,
              line_no: int | None = None, degrades: bool | None = None) -> None:
        for key, value in zip(ISSUE_SCHEMA, (source_path, sha, report_id, stage, code, message, line_no, degrades),
                              strict=True):
            self._issues[key].append(value)

    def text(self, report_id: str, text: str) -> None:
        self._texts["report_id"].append(report_id)
        self._texts["text"].append(text)

    def narrative(self, report_id: str, counts: list[NarrativeCount]) -> None:
        for count in counts:
            for key, value in zip(NARRATIVE_SCHEMA, (report_id, *count), strict=True):
                self._narrative[key].append(value)

    def build(self) -> ChunkFrames:
        return ChunkFrames(
            files=pl.DataFrame(self._files, schema=FILE_SCHEMA),
            reports=pl.DataFrame(self._reports, schema=REPORT_SCHEMA),
            agencies=pl.DataFrame(self._agencies, schema=AGENCY_SCHEMA),
            cells=pl.DataFrame(self._cells, schema=CELL_SCHEMA),
            issues=pl.DataFrame(self._issues, schema=ISSUE_SCHEMA),
            texts=pl.DataFrame(self._texts, schema=TEXT_SCHEMA),
            narrative=pl.DataFrame(self._narrative, schema=NARRATIVE_SCHEMA),
        )
