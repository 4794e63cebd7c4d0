"""Raw files → report text: folder scanning, format sniffing, encoding detection, HTML and Word reading.

Every reader returns the report in one layout (Word→text, as Apache Tika prints it: a table cell per
tab-led line, rows separated by blank lines), so the parser has one input shape per document kind and the
same report gives the same facts whatever file it came in. Libraries: charset-normalizer (encoding
detection), lxml (HTML DOM), python-docx (Word)."""

from ogi.readers.document import read_document
from ogi.readers.model import MAX_REPORT_BYTES, DecodedDocument, RawFile, ReadIssue
from ogi.readers.scan import scan_raw_folder

__all__ = ["MAX_REPORT_BYTES", "DecodedDocument", "RawFile", "ReadIssue", "read_document", "scan_raw_folder"]
