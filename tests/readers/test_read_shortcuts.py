"""The readers' shortcuts give what the plain expressions they stand for give (they exist only for speed)."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogi.ingest.worker import read_file
from ogi.readers import ReadIssue
from ogi.readers.document import _OPENS_WITH_TAG, _control_share, _suffix
from ogi.readers.encoding import decode_bytes, mojibake_reason, utf8_sample

_TEXTS = st.text(alphabet=st.sampled_from(list("ab <\t\n\r\x0b\x0c\x00\x01 政府信息公开é\u3000\ufffd锟斤拷ÃÂ")), max_size=60)


@given(st.text(max_size=40).map(lambda name: name.replace("\x00", "")))
def test_suffix_is_the_paths_suffix(name: str) -> None:
    assert _suffix(name) == PurePosixPath(name).suffix.lower()


@given(_TEXTS)
def test_opens_with_tag_is_lstrip(text: str) -> None:
    data = text.encode("utf-8")
    assert bool(_OPENS_WITH_TAG.match(data)) == (data.lstrip()[:1] == b"<")
    assert (data.isspace() or not data) == (not data.strip())


@given(_TEXTS)
def test_checks_read_the_original_bytes_as_they_would_the_text_encoded_again(text: str) -> None:
    data = text.encode("utf-8")
    assert mojibake_reason(text, 0, data) == mojibake_reason(text)
    assert _control_share(text, data) == _control_share(text, None)
    assert utf8_sample(text, data, 5) == utf8_sample(text, None, 5)


def test_only_a_bom_free_strict_utf8_decoding_keeps_the_bytes() -> None:
    text = "某局2021年政府信息公开工作年度报告\n"
    decoded = decode_bytes(text.encode("utf-8"))
    assert not isinstance(decoded, ReadIssue) and decoded.utf8 == text.encode("utf-8")
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gb18030")):  # a BOM; another encoding
        decoded = decode_bytes(data)
        assert not isinstance(decoded, ReadIssue) and decoded.text == text and decoded.utf8 is None


@pytest.mark.parametrize("length", [0, 1, 4096, 65535, 65536, 65537, 300_000])
def test_read_file_reads_every_byte_whatever_the_size_hint(tmp_path: Path, length: int) -> None:
    data = os.urandom(length)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    for hint in (0, length, max(0, length - 7), length + 5):  # a file that grew or shrank since the scan
        assert read_file(str(path), hint) == data
