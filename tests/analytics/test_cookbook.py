"""docs/cookbook.md shows the actual result of every sql/cookbook query on the sample warehouse."""

from __future__ import annotations

import importlib.util

import duckdb

from tests.conftest import ROOT
from tests.pipeline.harness import Workspace

_spec = importlib.util.spec_from_file_location("build_cookbook", ROOT / "docs" / "build_cookbook.py")
assert _spec and _spec.loader
build_cookbook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_cookbook)


def test_cookbook_has_a_query_per_measure() -> None:
    assert len(build_cookbook.queries()) >= 8


def test_documented_outputs_match_fresh_results(sample_workspace: Workspace) -> None:
    documented = build_cookbook.documented_outputs(build_cookbook.COOKBOOK_MD.read_text(encoding="utf-8"))
    assert set(documented) == {p.stem for p in build_cookbook.queries()}, "rebuild: python docs/build_cookbook.py"
    con = duckdb.connect(str(sample_workspace.warehouse), read_only=True)
    try:
        for path in build_cookbook.queries():
            fresh = build_cookbook.run(con, path.read_text(encoding="utf-8"))
            assert fresh == documented[path.stem], f"{path.name}: rebuild docs/cookbook.md"
            assert fresh.count("\n") >= 2, f"{path.name} returns no row"
    finally:
        con.close()
