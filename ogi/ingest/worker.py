"""Parse a chunk of files into polars frames. Runs in worker processes: no Dagster, no DuckDB here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from ogi import PARSER_VERSION
from ogi.agency import resolve_agency
from ogi.extract.report import extract_report
from ogi.ingest.frames import ChunkFrames, FrameBuilder
from ogi.ingest.identity import report_id_for, report_id_from_facts, sha256_hex
from ogi.native import compiled_in_use
from ogi.readers import MAX_REPORT_BYTES, ReadIssue, read_document
from ogi.text.normalize import normalize_lines

# Where a cell's line number refers to text the analyst cannot open as-is, the text is stored.
_STORED_TEXT_FORMATS = ("html", "docx")


@dataclass(frozen=True)
class FileJob:
    source_path: str  # relative to the raw folder, POSIX
    path: str
    size: int
    mtime_ns: int
    known_sha256: str | None = None  # content already parsed by this parser version
    known_report_id: str | None = None


def read_file(path: str, size: int = 0) -> bytes:
    """The file's bytes. ``size``, what the scan saw, lets the first read take them all: a buffered file object
    costs more than the reads for a small file. Read on to the end all the same (a file grown since; a network
    file system may return less than asked)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        parts = [os.read(descriptor, size + 1)]
        while parts[-1]:
            parts.append(os.read(descriptor, max(size + 1, 1 << 16)))
        return parts[0] if len(parts) == 2 else b"".join(parts)
    finally:
        os.close(descriptor)


def parse_chunk(jobs: list[FileJob]) -> ChunkFrames:
    builder = FrameBuilder()
    for job in jobs:
        try:
            _parse_one(job, builder)
        except Exception as error:  # one file no reader foresaw must not stop the run, nor vanish
            _report_failure(job, error, builder)
    return builder.build()


def _report_failure(job: FileJob, error: Exception, out: FrameBuilder) -> None:
    """The file is listed without a hash, like an unreadable one, so the next run tries it again."""
    # _parse_one writes a file's rows only after everything that can fail has run: nothing is half-written here.
    detail = str(error).strip().split("\n")[0][:200]
    # Compiled code checks type hints as it runs (ogi/native.py): the plain modules may read this file.
    plain = (" The compiled parser raised it: OGI_NATIVE=0 runs the plain-Python one, which may read the file."
             if isinstance(error, TypeError) and compiled_in_use() else "")
    out.file(job, None, None, None, None)
    out.issue(job.source_path, None, None, "read", "parser_failed",
              f"{job.source_path} could not be read: the parser failed on it ({type(error).__name__}: {detail}). "
              "It was not loaded; the other files were. This is a fault of ogi-warehouse, not of the file alone: "
              f"please report it with the file.{plain}")


def _parse_one(job: FileJob, out: FrameBuilder) -> None:
    if job.size > MAX_REPORT_BYTES:
        out.file(job, None, None, None, None)
        out.issue(job.source_path, None, None, "read", "file_too_large",
                  f"{job.source_path} is {job.size / 2**20:.1f} MiB, more than the {MAX_REPORT_BYTES / 2**20:.0f} MiB an "
                  "annual report can plausibly be; it was not read.")
        return
    try:
        data = read_file(job.path, job.size)
    except OSError as error:
        out.file(job, None, None, None, None)
        out.issue(job.source_path, None, None, "read", "unreadable", f"{job.source_path} could not be read: {error}.")
        return
    sha = sha256_hex(data)
    if sha == job.known_sha256:  # touched, not changed: nothing to parse
        out.file(job, sha, job.known_report_id, None, None, reparsed=False)
        return
    document = read_document(data, job.source_path.rpartition("/")[2])  # the name: a Path costs more
    if isinstance(document, ReadIssue):
        out.file(job, sha, None, None, None)
        out.issue(job.source_path, sha, None, "read", document.code, document.message)
        return
    normalized, raw_lines, norm_lines = normalize_lines(document.text)
    extracted = extract_report(document.text, normalized, (raw_lines, norm_lines) if norm_lines is not None else None)
    if extracted.status == "not_a_report":
        out.file(job, sha, None, document.encoding, document.source_format)
        for problem in extracted.problems:
            out.issue(job.source_path, sha, None, "extract", problem.code, f"{job.source_path}: {problem.message}")
        return
    agency = resolve_agency(extracted.agency_name, document.text)
    if extracted.status == "parsed" and agency.agency_id and extracted.report_year and extracted.template:
        report_id = report_id_from_facts(agency.agency_id, extracted.report_year, extracted.template, extracted.cells)
    else:
        report_id = report_id_for(document.text, normalized)
    out.file(job, sha, report_id, document.encoding, document.source_format)
    if not out.first_time(report_id):  # the same report again in this chunk: one report, two sources
        return
    out.report(
        report_id=report_id, source_path=job.source_path, content_sha256=sha, encoding=document.encoding,
        source_format=document.source_format, agency_id=agency.agency_id if extracted.agency_name else None,
        agency_name=extracted.agency_name, report_year=extracted.report_year, template=extracted.template,
        proactive_template=extracted.proactive_template, applications_template=extracted.applications_template,
        published_on=date.fromisoformat(extracted.published_on) if extracted.published_on else None,
        parse_status=extracted.status, parser_version=PARSER_VERSION, year_source=extracted.year_source,
        agency_source=extracted.agency_source, cells_placed=len(extracted.cells),
    )
    if extracted.agency_name:
        out.agency(agency)
    for issue in document.issues:
        out.issue(job.source_path, sha, report_id, "read", issue.code, issue.message)
    for problem in extracted.problems:
        out.issue(job.source_path, sha, report_id, "extract", problem.code, problem.message, problem.line_no,
                  problem.degrades)
    for code, message in agency.issues if extracted.agency_name else ():
        out.issue(job.source_path, sha, report_id, "agency", code, message, None, False)
    out.cells(report_id, extracted.cells)
    out.narrative(report_id, extracted.narrative)
    if document.source_format in _STORED_TEXT_FORMATS:
        out.text(report_id, document.text)

