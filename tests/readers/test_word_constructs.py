"""Word files as agencies' Word and WPS write them, and as downloads damage them: each is read as Word shows it
(changes accepted, hidden text and field codes left out) or refused with a sentence, never stopping the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi.ingest.worker import FileJob, parse_chunk
from ogi.readers import ReadIssue, read_document
from tests.readers.documents import corrupt_document_entry, rewrite_docx, to_docx

SAMPLE = sorted(Path(__file__).parents[2].joinpath("data", "raw").glob("002_*.txt"))[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [
    lambda data: rewrite_docx(data, lambda xml: xml[: len(xml) // 2]),  # cut off inside the XML
    lambda data: rewrite_docx(data, lambda xml: xml.replace("<w:t>", "<w:t>\x0b", 1)),  # a control character
    corrupt_document_entry,  # a damaged compressed entry
], ids=["cut_xml", "control_character", "corrupt_deflate"])
def test_a_damaged_word_file_is_refused_with_a_sentence(damage) -> None:
    document = read_document(damage(to_docx(SAMPLE)), "report.docx")
    assert isinstance(document, ReadIssue) and document.code == "docx_unreadable"
    assert "damaged" in document.message and " at 0x" not in document.message


def test_a_file_the_parser_fails_on_is_listed_and_the_others_load(tmp_path: Path, monkeypatch) -> None:
    """Whatever a file makes the parser raise, the chunk goes on: the file gets a sentence and no hash (so the
    next run tries it again), the file beside it loads."""
    import ogi.ingest.worker as worker

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    bad.write_text(SAMPLE.replace("统计局", "统计局 ", 1), encoding="utf-8")
    real_extract = worker.extract_report

    def failing_extract(text: str, normalized: str | None = None):
        if "统计局 " in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(text, normalized)

    monkeypatch.setattr(worker, "extract_report", failing_extract)
    frames = parse_chunk([FileJob(path.name, str(path), path.stat().st_size, 0) for path in (bad, good)])
    assert frames.reports["source_path"].to_list() == ["good.txt"]
    assert frames.files.filter(frames.files["source_path"] == "bad.txt")["content_sha256"].to_list() == [None]
    issues = frames.issues.filter(frames.issues["source_path"] == "bad.txt")
    assert issues["code"].to_list() == ["parser_failed"]
    assert "RecursionError" in issues["message"][0] and "the other files were" in issues["message"][0]
