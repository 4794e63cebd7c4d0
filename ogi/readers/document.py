"""One file's bytes → a decoded document (text, HTML or Word), or the reason it cannot be one.

The format is sniffed from the bytes (a .txt that is really a web page is read as HTML, a renamed Word
file as Word); the file name only breaks ties."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ogi.readers.encoding import decode_bytes, utf8_sample
from ogi.readers.html import html_to_text, looks_like_html, meta_charset
from ogi.readers.model import DecodedDocument, ReadIssue
from ogi.readers.word import docx_to_text

_OLE = b"\xd0\xcf\x11\xe0"
# The two streams of an encrypted .docx/.xlsx (an OLE container, like an old .doc).
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_WORD_MAIN_PART = b"wordprocessingml.document.main+xml"
_FOREIGN_FORMATS = (
    (b"%PDF", "a PDF document"),
    (_OLE, "an old binary Office file (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
# Control characters that no text holds, as UTF-8 bytes: each is one byte there, and no other character's
# encoding holds them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_WEB_ARCHIVE = re.compile(rb"^MIME-Version:|Content-Type:\s*multipart/related", re.I | re.M)
# The pattern cannot match without one of these words; looking for them first is far cheaper than the scan.
_WEB_ARCHIVE_WORDS = (b"mime-version:", b"content-type:")
_OPENS_WITH_TAG = re.compile(rb"[ \t\n\r\x0b\x0c]*<")  # data.lstrip()[:1] == b"<", without copying the file


def read_document(data: bytes, file_name: str) -> DecodedDocument | ReadIssue:
    if data.isspace() or not data:  # not data.strip(), without copying the file
        return ReadIssue("empty_file", "The file is empty (no text at all); there is nothing to load.")
    suffix = _suffix(file_name)
    if data.startswith(b"PK\x03\x04"):
        return _read_zip(data)
    if data.startswith(_OLE) and all(stream in data for stream in _ENCRYPTION_STREAMS):
        return ReadIssue("unsupported_format", "The file is a password-protected (encrypted) Office document; open "
                         "it in Word and save it without a password (.docx) to load it.")
    for magic, what in _FOREIGN_FORMATS:
        if data.startswith(magic):
            return ReadIssue("unsupported_format", f"The file is {what}, not a format the pipeline reads (.txt, "
                             ".html/.htm, .docx); convert it to one of those to load it.")
    head = data[:2048]
    lowered = head.lower()  # ASCII case folding, as re.I does for bytes
    if any(word in lowered for word in _WEB_ARCHIVE_WORDS) and _WEB_ARCHIVE.search(head):
        return ReadIssue("unsupported_format", "The file is a web archive (.mht/.mhtml, a \"single file web page\"), "
                         "not a format the pipeline reads; save it as a web page (.htm) or a Word file (.docx).")
    declared = meta_charset(data) if suffix in _HTML_SUFFIXES or _OPENS_WITH_TAG.match(data) else None
    decoded = decode_bytes(data, declared)
    binary = not isinstance(decoded, ReadIssue) and _control_share(decoded.text, decoded.utf8) > 0.01
    if suffix == ".docx" and (binary or isinstance(decoded, ReadIssue)):  # a .docx that is plain text is read as text
        return ReadIssue("docx_unreadable", "The file is named .docx but is not a Word file (no ZIP container); it "
                         "may be damaged or only partly downloaded.")
    if isinstance(decoded, ReadIssue):
        return decoded
    text, encoding, replaced = decoded.text, decoded.encoding, decoded.replaced
    if replaced and text.rstrip().endswith("\ufffd"):
        issues: tuple[ReadIssue, ...] = (ReadIssue(
            "bytes_undecodable", f"The file ends in the middle of a {encoding} character: it looks cut off (an "
            "interrupted download or copy). What it holds is loaded; whatever followed the cut is missing."),)
    elif replaced:
        issues = (ReadIssue("bytes_undecodable", f"{replaced} place(s) in the file are not valid {encoding} (a "
                            "character cut in two, as where a site truncates its page description); they are read as "
                            "�, as a browser shows them. A table cell they fall in reads as text."),)
    else:
        issues = ()
    if binary:
        return ReadIssue("binary_file", "The file holds binary data (control bytes) rather than text; it was not "
                         "loaded. The pipeline reads text (.txt), web pages (.html/.htm) and Word files (.docx).")
    if suffix in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            return ReadIssue("empty_file", "The web page has no visible text (only markup or scripts); there is "
                             "nothing to load.")
        return DecodedDocument(text, encoding, "html", issues)
    if text.isspace():  # spaces the bytes test cannot see: U+3000, NBSP, a UTF-16 file's spaces
        return ReadIssue("empty_file", "The file holds only whitespace (no text at all); there is nothing to load.")
    return DecodedDocument(text, encoding, "text", issues)


def _suffix(file_name: str) -> str:
    """PurePosixPath(file_name).suffix.lower(), without making a path object for every file."""
    name = file_name.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def _declares_word_document(package: zipfile.ZipFile) -> bool:
    """A Word package, whatever its main part is named (word/document2.xml): its content types say so."""
    if "word/document.xml" in package.namelist():
        return True
    try:
        return _WORD_MAIN_PART in package.read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return False


def _read_zip(data: bytes) -> DecodedDocument | ReadIssue:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            is_word = _declares_word_document(package)
    except zipfile.BadZipFile:
        return ReadIssue("docx_unreadable", "The file is a damaged or cut-off ZIP/Word file; it could not be opened.")
    if not is_word:
        return ReadIssue("unsupported_format", "The file is a ZIP archive (or an Excel/PowerPoint file), not a Word "
                         "report; unpack or convert it to .txt, .html or .docx to load it.")
    text = docx_to_text(data)
    if isinstance(text, ReadIssue):
        return text
    if not text.strip():
        return ReadIssue("empty_file", "The Word file has no text; there is nothing to load.")
    return DecodedDocument(text, None, "docx")


def _control_share(text: str, utf8: bytes | None) -> float:
    # Counting the control characters: deleting their bytes from the UTF-8 form is several times faster than
    # a regex.
    sample, encoded = utf8_sample(text, utf8, 20000)
    return (len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))) / max(1, len(sample))
