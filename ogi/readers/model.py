"""What the readers hand to the parser, and what they report when they cannot."""

from __future__ import annotations

from dataclasses import dataclass, field

# An annual report is tens of kilobytes of text; a Word file with pictures a few megabytes. Anything much
# larger is not a report (a crawl artefact, a scanned archive) and is not read into memory.
MAX_REPORT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RawFile:
    relative_path: str  # POSIX path inside the raw folder: the report's source_path
    path: str  # absolute path to open
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class ReadIssue:
    code: str  # stable, for filtering ingest_issues
    message: str  # a sentence a person understands


@dataclass(frozen=True)
class DecodedDocument:
    text: str  # the report as text: Word→text (Tika) layout, one table cell per tab-led line
    encoding: str | None  # the detected character encoding; None where the format fixes it (docx)
    source_format: str  # 'text' | 'html' | 'docx'
    issues: tuple[ReadIssue, ...] = field(default=())  # problems that did not stop the reading
