"""A raw folder mixing the sample corpus (in every document kind, under awkward names) with every kind of bad
file: each good report loads exactly, each bad file is listed once in ingest_issues, and the run exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from ogi.readers import MAX_REPORT_BYTES
from tests.conftest import ROOT, load_expected
from tests.pipeline.harness import Workspace, assert_facts_match
from tests.readers.documents import corrupt_document_entry, rewrite_docx, to_docx, to_html

EXPECTED = {e["source_path"]: e for e in load_expected()}
SAMPLES = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "data" / "raw").glob("*.txt"))}
S000, S001, S002, S003, S004 = SAMPLES

# Good files (name → sample, encoder): every sample once under an awkward name and format, and some twice (same report, other bytes).
GOOD = {
    "浙江 宁波/镇海区 统计局, 2020 (GBK).txt": (S000, lambda t: t.encode("gb18030")),
    "力洋镇（2020）[web].html": (S001, lambda t: to_html(t, "gbk").encode("gb18030")),
    "湟中区 report.docx": (S002, to_docx),
    "经信局 UTF-16.txt": (S003, lambda t: t.encode("utf-16")),
    "息烽县统计局.txt": (S004, lambda t: t.encode("utf-8")),
}
DUPLICATES = {  # the same report again: one report, both sources recorded
    "copies/000 again (utf-8).txt": (S000, lambda t: t.encode("utf-8")),
    "copies/003 繁體.txt": (S003, lambda t: opencc.OpenCC("s2twp").convert(t).encode("utf-8")),
    "copies/001 as text.txt": (S001, lambda t: t.encode("utf-8")),  # the web page's report as Word→text
    "copies/002 as text.txt": (S002, lambda t: t.encode("utf-8")),  # the Word file's report as Word→text
}
BAD = {  # file → the ingest_issues code it must get
    "empty.txt": "empty_file",
    "binary.txt": "binary_file",
    "植树通知.txt": "not_a_report",
    "huge.txt": "file_too_large",
    "loop.txt": "unreadable",
    "outside.txt": "symlink_outside_raw_folder",
    "scan.pdf": "unsupported_format",
    "mojibake.txt": "undecodable",
    "damaged XML.docx": "docx_unreadable",  # these had stopped the whole run
    "damaged ZIP entry.docx": "docx_unreadable",
}


def _write_folder(raw: Path, outside: Path) -> None:
    for name, (sample, encode) in {**GOOD, **DUPLICATES}.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(SAMPLES[sample]))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (raw / "cut off mid-table.txt").write_text(SAMPLES[S003][: len(SAMPLES[S003]) // 3], encoding="utf-8")
    (raw / "植树通知.txt").write_text("关于开展2023年春季植树活动的通知\n各单位：现就有关事项通知如下。\n", encoding="utf-8")
    with (raw / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse: costs no disk)
    os.symlink(raw / "loop.txt", raw / "loop.txt")
    outside.write_text(SAMPLES[S000], encoding="utf-8")
    os.symlink(outside, raw / "outside.txt")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(3000))
    (raw / "damaged XML.docx").write_bytes(rewrite_docx(to_docx(SAMPLES[S002]), lambda xml: xml[: len(xml) // 2]))
    (raw / "damaged ZIP entry.docx").write_bytes(corrupt_document_entry(to_docx(SAMPLES[S002])))
    (raw / "mojibake.txt").write_bytes("二〇二〇年政府信息公开工作年度报告".encode().decode("latin-1").encode("utf-8") * 20)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, subprocess.CompletedProcess]:
    base = tmp_path_factory.mktemp("mixed")
    workspace = Workspace(base / "raw", base / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    _write_folder(workspace.raw, base / "outside.txt")
    run = subprocess.run([sys.executable, "-m", "pipelines", "run"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, **workspace.env()}, timeout=300)
    return workspace, run


def test_the_run_exits_0(mixed: tuple[Workspace, subprocess.CompletedProcess]) -> None:
    assert mixed[1].returncode == 0, mixed[1].stderr[-2000:]
    assert MAX_REPORT_BYTES < 50 * 1024 * 1024


@pytest.mark.parametrize("name", list(GOOD))
def test_every_good_report_loads_exactly(mixed: tuple[Workspace, subprocess.CompletedProcess], name: str) -> None:
    workspace = mixed[0]
    expected = EXPECTED[GOOD[name][0]]
    rows = workspace.query("SELECT r.report_id, r.parse_status, r.report_year, r.template, r.agency_name "
                           "FROM report_sources s JOIN dim_report r USING (report_id) WHERE s.source_path = ?", [name])
    assert len(rows) == 1
    rid, status, year, template, agency = rows[0]
    assert (status, year, template, agency) == ("parsed", expected["report_year"], expected["template"],
                                                expected["agency_name"])
    assert_facts_match(workspace, rid, expected)


def test_duplicates_are_one_report_with_both_sources(mixed: tuple[Workspace, subprocess.CompletedProcess]) -> None:
    workspace = mixed[0]
    assert workspace.query("SELECT count(*) FROM dim_report")[0][0] == len(GOOD) + 1  # + the cut-off report
    for copy, (sample, _) in DUPLICATES.items():
        original = next(name for name, (s, _) in GOOD.items() if s == sample)
        ids = workspace.query("SELECT DISTINCT report_id FROM report_sources WHERE source_path IN (?, ?)",
                              [copy, original])
        assert len(ids) == 1, (copy, original)
        codes = workspace.query("SELECT source_path, code FROM ingest_issues WHERE source_path IN (?, ?)", [copy, original])
        assert len(codes) == 1 and codes[0][1] == "duplicate_content"  # the later of the two names says so


def test_every_bad_file_is_listed_once(mixed: tuple[Workspace, subprocess.CompletedProcess]) -> None:
    workspace = mixed[0]
    for name, code in BAD.items():
        rows = workspace.query("SELECT code, message FROM ingest_issues WHERE source_path = ? AND code = ?", [name, code])
        assert len(rows) == 1, (name, code, workspace.query("SELECT code FROM ingest_issues WHERE source_path = ?", [name]))
        assert len(rows[0][1]) > 30
    listed = {row[0] for row in workspace.query("SELECT DISTINCT source_path FROM ingest_issues")}
    assert set(BAD) <= listed
    duplicate_notes = {row[0] for row in workspace.query("SELECT source_path FROM ingest_issues WHERE code = 'duplicate_content'")}
    assert not (listed - duplicate_notes) & set(GOOD)  # good files carry no other issue


def test_a_cut_off_report_is_partial_never_parsed(mixed: tuple[Workspace, subprocess.CompletedProcess]) -> None:
    rows = mixed[0].query("SELECT r.parse_status FROM report_sources s JOIN dim_report r USING (report_id) "
                          "WHERE s.source_path = 'cut off mid-table.txt'")
    assert rows == [("partial",)]
    codes = {row[0] for row in mixed[0].query("SELECT code FROM ingest_issues WHERE source_path = 'cut off mid-table.txt'")}
    assert "table_not_found" in codes  # each unplaced table is reported
