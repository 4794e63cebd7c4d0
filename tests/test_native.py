"""The mypyc build of the parser: used only when it matches the sources, and parses exactly as the source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import ogi.native as native
from ogi.synth.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]

_PARSE = """
import sys
from pathlib import Path
import ogi.native
from ogi.ingest.worker import FileJob, parse_chunk
print("compiled" if ogi.native.compiled_in_use() else "source")
paths = [Path(p) for p in Path(sys.argv[1]).read_text().splitlines()]
frames = parse_chunk([FileJob(str(p), str(p), p.stat().st_size, 0) for p in paths])
for name in ("files", "reports", "agencies", "cells", "issues", "narrative", "texts"):
    getattr(frames, name).write_parquet(Path(sys.argv[2]) / f"{name}.parquet")
"""


@pytest.fixture
def fresh_lookup(monkeypatch: pytest.MonkeyPatch):
    """compiled_root() is cached per process: clear it around a test that changes where builds are looked for."""
    native.compiled_root.cache_clear()
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield
    native.compiled_root.cache_clear()


def test_the_digest_follows_the_compiled_sources_only(tmp_path: Path) -> None:
    copy = tmp_path / "ogi"
    shutil.copytree(native.PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    before = native.source_digest(copy)
    assert before == native.source_digest(native.PACKAGE_ROOT)
    (copy / "warehouse" / "store.py").write_text("# not part of the parser\n", encoding="utf-8")
    assert native.source_digest(copy) == before
    tokens = copy / "extract" / "tokens.py"
    tokens.write_text(tokens.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert native.source_digest(copy) != before
    assert "extract/tokens.py" in native.compiled_sources(copy)
    assert "agency/data.py" not in native.compiled_sources(copy)  # digested, not compiled
    assert not any(p.endswith("__init__.py") for p in native.compiled_sources(copy))


def test_a_build_for_other_sources_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 fresh_lookup: None) -> None:
    monkeypatch.setenv("OGI_NATIVE_DIR", str(tmp_path))
    monkeypatch.delenv("OGI_NATIVE", raising=False)
    stale = tmp_path / "0123456789abcdef0123"  # a build of sources as they were before an edit
    (stale / "ogi" / "extract").mkdir(parents=True)
    (stale / "complete").write_text("")
    package_path = [str(native.PACKAGE_ROOT / "extract")]
    native.use_compiled(package_path)
    assert package_path == [str(native.PACKAGE_ROOT / "extract")]
    assert str(stale) not in sys.path


def test_a_build_for_these_sources_goes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fresh_lookup: None) -> None:
    monkeypatch.setenv("OGI_NATIVE_DIR", str(tmp_path))
    monkeypatch.delenv("OGI_NATIVE", raising=False)
    current = tmp_path / native.source_digest()
    (current / "ogi" / "extract").mkdir(parents=True)
    package_path = [str(native.PACKAGE_ROOT / "extract")]
    native.use_compiled(package_path)
    assert len(package_path) == 1, "a build without its completion mark is half-written"
    native.compiled_root.cache_clear()
    (current / "complete").write_text("")
    native.use_compiled(package_path)
    assert package_path == [str(current / "ogi" / "extract"), str(native.PACKAGE_ROOT / "extract")]
    assert sys.path[-1] == str(current)  # the shared library's folder goes last: it never shadows a package
    native.compiled_root.cache_clear()
    monkeypatch.setenv("OGI_NATIVE", "0")
    other_path = [str(native.PACKAGE_ROOT / "text")]
    native.use_compiled(other_path)
    assert other_path == [str(native.PACKAGE_ROOT / "text")]


def _parse_in_subprocess(files: Path, out: Path, compiled: bool) -> str:
    out.mkdir()
    env = {**os.environ, "OGI_NATIVE": "1" if compiled else "0"}
    done = subprocess.run([sys.executable, "-c", _PARSE, str(files), str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_compiled_parser_loads_exactly_what_the_source_loads(tmp_path: Path) -> None:
    if native.compiled_root() is None:
        pytest.skip("no mypyc build for these sources (python -m ogi.native builds it; tasks.py does so)")
    assert native.compiled_in_use(), "a build exists for these sources, so the tests must run it"
    write_corpus(tmp_path / "synthetic", 300, seed=11, inconsistent_share=0.25)
    paths = [*sorted((tmp_path / "synthetic").rglob("*.*")), *sorted((ROOT / "data" / "raw").glob("*.*"))]
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(p) for p in paths if p.is_file()))
    assert _parse_in_subprocess(listing, tmp_path / "compiled", compiled=True) == "compiled"
    assert _parse_in_subprocess(listing, tmp_path / "source", compiled=False) == "source"
    for frame in sorted((tmp_path / "source").glob("*.parquet")):
        expected = pl.read_parquet(frame)
        assert pl.read_parquet(tmp_path / "compiled" / frame.name).equals(expected), frame.stem
    assert pl.read_parquet(tmp_path / "source" / "cells.parquet").height > 300 * 50
