"""Build docs/cookbook.md from sql/cookbook/*.sql and their results on a warehouse.

    .venv/bin/python docs/build_cookbook.py                     # builds the sample warehouse (data/raw) first
    .venv/bin/python docs/build_cookbook.py path/to/ogi.duckdb  # uses an existing warehouse

tests/analytics/test_cookbook.py re-runs every query and compares it with the tables in the doc, so the
doc and the SQL cannot drift apart: change a query, then rebuild the doc.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
COOKBOOK_SQL = ROOT / "sql" / "cookbook"
COOKBOOK_MD = ROOT / "docs" / "cookbook.md"
OUTPUT_BLOCK = re.compile(r"<!-- output: (?P<name>[\w-]+) -->\n(?P<table>.*?)\n<!-- /output -->", re.S)

INTRO = """# Analyst cookbook

> **Why matplotlib.** The pictures are rendered by matplotlib with
> the headless Agg backend: it is the most widely used Python plotting library, draws static PNGs without a
> browser, JavaScript runtime or network (plotly/kaleido need a Chromium, Altair/vl-convert a bundled
> Deno/V8 of ~50 MB), and brings only numpy, pillow and a few small wheels. Chinese labels need a CJK
> font and this machine has none (`fc-list :lang=zh` is empty), so the project pins `manimgx-fonts-cjk`, a
> PyPI wheel that ships Noto Sans CJK (SIL OFL 1.1, ~20 MB download) — installed with the other
> dependencies, no system package needed. Without it the charts label provinces by their GB/T 2260 code
> instead, so they never show tofu boxes.

Every query below is a file in `sql/cookbook/`; the output shown is its actual result on the five sample
reports of `data/raw` (built by `docs/build_cookbook.py`, checked by `tests/analytics/test_cookbook.py`).
The sample is small and mostly zeros: many rates are `NULL`, which means *undefined* (a zero or unknown
denominator), never 0 %.

## Opening the warehouse

The published file is `OGI_WAREHOUSE` (default `data/warehouse/ogi.duckdb`). It is replaced atomically after
each run, so open it read-only and reopen to see a new run.

**DuckDB CLI.** The file is written by DuckDB 2.0 with `storage_compatibility_version = 'v1.5.0'`, so any
DuckDB CLI ≥ 1.5 opens it. The PyPI package `duckdb-cli` (1.5.x) installs a `duckdb` executable:

```sh
.venv/bin/uv pip install --python .venv/bin/python duckdb-cli==1.5.6   # into the project's .venv
.venv/bin/duckdb -readonly data/warehouse/ogi.duckdb
D SELECT * FROM report_summary;
D SELECT table_name, column_name, comment FROM duckdb_columns() WHERE table_name = 'report_measures';
```

**Python / polars** (the project's own environment, DuckDB 2.0):

```python
import duckdb

con = duckdb.connect("data/warehouse/ogi.duckdb", read_only=True)
frame = con.sql("SELECT * FROM report_measures").pl()   # a polars DataFrame
con.close()
```

**Parquet.** Every table and view is also exported to `OGI_EXPORT_DIR` (default `data/export`), partitioned by
`report_year` where it has one: `duckdb.sql("SELECT * FROM read_parquet('data/export/report_summary/**/*.parquet',
hive_partitioning = true)")` or `polars.scan_parquet("data/export/report_summary/**/*.parquet",
hive_partitioning=True)`. Charts are in `OGI_REPORTS_DIR` (default `data/reports`).

**What is this column?** Every table, view and column carries a comment (meaning and Chinese label):
`duckdb_tables()`, `duckdb_views()` and `duckdb_columns()` show them; the definitions of the measures (numerator,
denominator, NULL handling) are also written at the top of each file in `sql/views/`.

## Views

| view | one row per | what |
|---|---|---|
| `report_summary` | report | headline numbers: intake, outcome groups, carried forward, review and litigation, checks failed |
| `report_measures` | report | disclosure rates (a)(b)(c), not-held rate, discretionary denial share, backlog, review/litigation intensity, correction rates, each with numerator and denominator |
| `agency_year_measures` | agency and year | the same measures, from the report that stands for the agency's year (`agency_year_report`) |
| `denial_reason_mix` / `agency_year_denial_reason_mix` | report (agency-year) and denial reason | each `denied_*` reason's share of all denials |
| `outcomes_comparable` | report, applicant type, outcome | outcomes on the 2019 keys (2021 `other_*` summed into `other`) |
| `outcome_groups` / `outcome_grid` | report, applicant type, group (cell) | computed subtotals / every template cell, placed or not |
| `rule_failures` | consistency rule | reports checked, failing, not evaluable |
| `check_findings` / `failing_reports` | failed check / report | failed checks with reviewer verdicts |

NULL rules for all of them: a count is NULL when the report printed nothing countable or the cell was not
placed (partial reports); a sum is NULL when any of its cells is; a rate is NULL when its numerator or
denominator is NULL or its denominator is 0.

## Questions
"""


def queries() -> list[Path]:
    return sorted(COOKBOOK_SQL.glob("*.sql"))


def title(sql: str) -> str:
    first = sql.lstrip().splitlines()[0]
    return first.removeprefix("--").strip()


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def run(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The query's result as a markdown table (the form the doc shows and the test compares)."""
    relation = con.sql(sql)
    rows = relation.fetchall()
    lines = ["| " + " | ".join(relation.columns) + " |", "|" + "---|" * len(relation.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render(con: duckdb.DuckDBPyConnection) -> str:
    parts = [INTRO]
    for number, path in enumerate(queries(), start=1):
        sql = path.read_text(encoding="utf-8").strip()
        parts.append(f"### {number}. {title(sql)}\n\n`sql/cookbook/{path.name}`\n\n```sql\n{sql}\n```\n\n"
                     f"<!-- output: {path.stem} -->\n{run(con, sql)}\n<!-- /output -->\n")
    return "\n".join(parts)


def documented_outputs(markdown: str) -> dict[str, str]:
    return {m["name"]: m["table"] for m in OUTPUT_BLOCK.finditer(markdown)}


def sample_warehouse(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.pipeline.harness import workspace_with_samples

    workspace = workspace_with_samples(folder)
    workspace.run()
    return workspace.warehouse


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(argv[0]) if argv else sample_warehouse(Path(tmp))
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            COOKBOOK_MD.write_text(render(con), encoding="utf-8")
        finally:
            con.close()
    print(f"wrote {COOKBOOK_MD}")


if __name__ == "__main__":
    main(sys.argv[1:])
