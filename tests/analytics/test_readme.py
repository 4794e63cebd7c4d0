"""The README's example queries return, on the sample corpus, exactly the tables the README shows."""

from __future__ import annotations

import re

import duckdb

from tests.analytics.test_cookbook import build_cookbook
from tests.conftest import ROOT
from tests.pipeline.harness import Workspace

EXAMPLE = re.compile(r"```sql\n(?P<sql>.*?)```\n\n(?P<table>(?:\|[^\n]*\|\n)+)", re.S)


def readme_examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Querying the warehouse"):]
    section = section[: section.index("\n## ", 5)]
    return [(m["sql"], m["table"].rstrip("\n")) for m in EXAMPLE.finditer(section)]


def test_readme_shows_three_examples_with_their_output(sample_workspace: Workspace) -> None:
    examples = readme_examples()
    assert len(examples) >= 3
    con = duckdb.connect(str(sample_workspace.warehouse), read_only=True)
    try:
        for sql, table in examples:
            assert build_cookbook.run(con, sql) == table, sql
    finally:
        con.close()
