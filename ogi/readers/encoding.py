"""Bytes → text with the encoding detected, never configured; doubtful decodings are refused, not loaded.

BOMs decide first; then strict UTF-8 (which random or GB bytes practically never pass); then
charset-normalizer, which ranks candidate code pages by how plausible the decoded text is. A GBK guess is
decoded as GB18030 (its superset, so rare characters survive). The result is refused when it still looks
like mojibake: replacement characters, the 锟斤拷 of text that was already broken once, or Latin-1 debris.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ogi.readers.model import ReadIssue

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz"}
_MAX_CHAOS = 0.2
_LATIN = re.compile(r"[\x80-\u024f]")  # charset-normalizer's mess ratio above which a decoding is not trusted


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str] | ReadIssue:
    """(text, encoding name) or the reason the bytes cannot be trusted as text.

    ``declared``: an encoding the file itself names (an HTML meta charset); used when the bytes decode
    strictly with it and no BOM says otherwise."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError:
                return _undecodable(f"it starts with a {name} byte-order mark but is not valid {name}")
    if b"\x00" in data[:8192]:
        return _wide_or_binary(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        name = "gb18030" if declared.lower() in _GB_FAMILY else declared.lower()
        try:
            decoded = _checked(data.decode(name), name)
            if not isinstance(decoded, ReadIssue):
                return decoded
        except (UnicodeDecodeError, LookupError):
            pass
        # The page lies about its charset (common; a Latin code page decodes any bytes): detect instead.
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return _undecodable("no character encoding decodes it into plausible text")
    name = "gb18030" if best.encoding in _GB_FAMILY else best.encoding
    if best.chaos > _MAX_CHAOS:
        return _undecodable(f"the most likely encoding ({name}) still gives {best.chaos:.0%} garbled text")
    try:
        return _checked(data.decode(name), name)
    except UnicodeDecodeError:
        return _undecodable(f"it is not valid {name}, the most likely encoding")


def _wide_or_binary(data: bytes) -> tuple[str, str] | ReadIssue:
    """NUL bytes: UTF-16/32 without a byte-order mark, or not text at all."""
    best = from_bytes(data).best()
    if best is not None and best.encoding and best.encoding.startswith(("utf_16", "utf_32")):
        return _checked(str(best), best.encoding.replace("_", "-"))
    return ReadIssue("binary_file", "The file holds binary data (NUL bytes), not text, and is not a format the "
                     "pipeline reads (.txt, .html/.htm, .docx); it was not loaded.")


def _checked(text: str, encoding: str) -> tuple[str, str] | ReadIssue:
    problem = mojibake_reason(text)
    if problem:
        return _undecodable(f"decoded as {encoding} it {problem}")
    return text, encoding


def mojibake_reason(text: str) -> str | None:
    """Why a decoded text looks garbled, or None."""
    if text.count("\ufffd") >= 3:
        return f"contains {text.count(chr(0xFFFD))} replacement characters (�), so characters were lost before"
    if "锟斤拷" in text or "烫烫烫" in text:
        return "contains 锟斤拷/烫烫烫, the trace of text that was already garbled when it was saved"
    sample = text[:20000]
    latin = len(_LATIN.findall(sample))  # usually none: then nothing else to count
    if latin and latin / (len(sample) - len(sample.encode("ascii", "ignore"))) > 0.3:
        return "is mostly accented Latin letters (UTF-8 read as a Western code page: mojibake)"
    return None


def _undecodable(reason: str) -> ReadIssue:
    return ReadIssue("undecodable", f"The file's text encoding could not be trusted: {reason}; it was not loaded.")
