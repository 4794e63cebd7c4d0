"""Bytes → text with the encoding detected, never configured; doubtful decodings are refused, not loaded.

BOMs decide first; then strict UTF-8 (which random or GB bytes practically never pass); then the charset
the page declares; then charset-normalizer, which ranks candidate code pages by how plausible the decoded
text is. A GBK guess is decoded as GB18030 (its superset, so rare characters survive). A handful of invalid
bytes in otherwise valid UTF-8 or declared text (a character cut in two where a site truncated its page
description) is read as a browser reads it: each becomes �, and the reader says so. The result is refused
when it still looks like mojibake: replacement characters, the 锟斤拷 of text that was already broken once,
or Latin, Greek or Cyrillic debris.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

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
_MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a decoding is not trusted
# Letters of Western, Greek and Cyrillic code pages: what Chinese bytes read with the wrong code page become.
# NBSP, ·, ×, ÷ and ° are left out: Chinese pages print them.
_FOREIGN_LETTERS = re.compile(r"[\x80-\x9f\xa1-\xaf\xb1-\xb6\xb8-\xd6\xd8-\xf6\xf8-\u024f\u0370-\u052f]")
_TWO_BYTE_LEADS = bytes(range(0xC2, 0xD5))  # UTF-8 lead bytes of U+0080–U+053F
_MAX_INVALID_BYTES = 16  # more than a few cut characters: the bytes are in another encoding altogether


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0  # invalid bytes read as U+FFFD
    # The bytes when they are exactly the text's UTF-8 form (valid UTF-8 without a BOM), so that the checks
    # which count bytes need not encode the text again; None otherwise.
    utf8: bytes | None = None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded | ReadIssue:
    """The text and its encoding, or the reason the bytes cannot be trusted as text.

    ``declared``: an encoding the file itself names (an HTML meta charset); used when the bytes decode
    with it and no BOM says otherwise."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError:
                return _undecodable(f"it starts with a {name} byte-order mark but is not valid {name}")
    if b"\x00" in data[:8192]:
        return _wide_or_binary(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8", utf8=data)
    except UnicodeDecodeError:
        pass
    names = ["gb18030" if declared.lower() in _GB_FAMILY else declared.lower()] if declared else []
    for name in names:
        try:
            decoded = _checked(data.decode(name), name)
            if not isinstance(decoded, ReadIssue):
                return decoded
        except (UnicodeDecodeError, LookupError):
            pass
    for name in [*names, "utf-8"]:
        nearly = _nearly_valid(data, name)
        if nearly is not None:
            return nearly
    # The page lies about its charset (common; a Latin code page decodes any bytes): detect instead.
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return _undecodable("no character encoding decodes it into plausible text")
    name = "gb18030" if best.encoding in _GB_FAMILY else best.encoding
    if best.chaos > _MAX_CHAOS:
        return _undecodable(f"the most likely encoding ({name}) still gives {best.chaos:.0%} garbled text")
    try:
        detected = _checked(data.decode(name), name)
    except UnicodeDecodeError:
        return _undecodable(f"it is not valid {name}, the most likely encoding")
    if isinstance(detected, ReadIssue) and name != "gb18030":
        # Detection weighs every byte, and a page's scripts can outweigh its text: a Chinese page it reads as
        # mojibake is tried as GB18030, which Chinese sites use most, before giving up.
        try:
            fallback = _checked(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            return detected
        return detected if isinstance(fallback, ReadIssue) else fallback
    return detected


def _wide_or_binary(data: bytes) -> Decoded | ReadIssue:
    """NUL bytes: UTF-16/32 without a byte-order mark, or not text at all."""
    best = from_bytes(data).best()
    if best is not None and best.encoding and best.encoding.startswith(("utf_16", "utf_32")):
        return _checked(str(best), best.encoding.replace("_", "-"))
    return ReadIssue("binary_file", "The file holds binary data (NUL bytes), not text, and is not a format the "
                     "pipeline reads (.txt, .html/.htm, .docx); it was not loaded.")


def _nearly_valid(data: bytes, name: str) -> Decoded | None:
    """The text when only a few bytes are invalid in ``name`` (read as �, as a browser does), else None."""
    try:
        text = data.decode(name, errors="replace")
    except LookupError:
        return None
    replaced = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")  # not the printed ones
    if not 0 < replaced <= _MAX_INVALID_BYTES:
        return None
    checked = _checked(text, name, replaced)
    return None if isinstance(checked, ReadIssue) else checked


def _checked(text: str, encoding: str, replaced: int = 0, utf8: bytes | None = None) -> Decoded | ReadIssue:
    problem = mojibake_reason(text, replaced, utf8)
    if problem:
        return _undecodable(f"decoded as {encoding} it {problem}")
    return Decoded(text, encoding, replaced, utf8)


def utf8_sample(text: str, utf8: bytes | None, size: int) -> tuple[str, bytes]:
    """The first ``size`` characters and their UTF-8 form (``utf8``: the whole text's, when known: a strict
    UTF-8 decoding encodes back to the very same bytes)."""
    sample = text[:size]
    if utf8 is not None and len(sample) == len(text):
        return sample, utf8
    return sample, sample.encode("utf-8", "surrogatepass")  # a lone surrogate is a character like any other


def mojibake_reason(text: str, replaced: int = 0, utf8: bytes | None = None) -> str | None:
    """Why a decoded text looks garbled, or None (``replaced``: invalid bytes the decoder itself read as �;
    ``utf8``: the text's UTF-8 form, when the caller has it)."""
    printed = text.count("\ufffd") - replaced
    if printed >= 3:
        return f"contains {printed} replacement characters (�), so characters were lost before"
    if "锟斤拷" in text or "烫烫烫" in text:
        return "contains 锟斤拷/烫烫烫, the trace of text that was already garbled when it was saved"
    # Every one of those letters is U+0080–U+052F, two bytes in UTF-8 led by C2–D4 (bytes no other character's
    # encoding holds). Fewer than 20 such characters (the usual case) rule mojibake out without the slower regex.
    # A page may open with tens of kilobytes of script: when the sample is nearly all ASCII, the whole text is
    # looked at (a Chinese sample is what it is, and the text after it need not be encoded).
    sample, encoded = utf8_sample(text, utf8, 20000)
    if len(encoded) - len(sample) < 200 and len(text) > len(sample):
        sample, encoded = utf8_sample(text, utf8, len(text))
    if len(encoded) - len(encoded.translate(None, _TWO_BYTE_LEADS)) < 20:
        return None
    foreign = len(_FOREIGN_LETTERS.findall(sample))
    # A few (Σ, §, é in an otherwise ASCII text) are symbols, not debris: mojibake of a report gives hundreds.
    if foreign >= 20 and foreign / (len(sample) - len(sample.encode("ascii", "ignore"))) > 0.3:
        return ("is mostly Latin, Greek or Cyrillic letters where Chinese is expected (bytes read with the wrong "
                "code page: mojibake)")
    return None


def _undecodable(reason: str) -> ReadIssue:
    return ReadIssue("undecodable", f"The file's text encoding could not be trusted: {reason}; it was not loaded.")
