"""ogi-warehouse domain code: plain Python and polars, no Dagster.

Subpackages: ``text`` (normalisation), ``extract`` (report text → cells and metadata), ``readers``
(files → decoded text), ``agency`` (agency names → administrative divisions), ``warehouse`` (DuckDB
storage and publishing), ``checks`` (consistency rules), ``synth`` (synthetic reports for tests and
benchmarks).
"""

PARSER_VERSION = "1.8.0"
"""Version of the extraction code and of the rows derived from it per report (check_results' C5 became one row
per table row in 1.7.0; amounts printed in 元 are divided exactly in 1.8.0, where polars had multiplied by 0.0001,
off in the last digit). Bumping it makes the next run re-parse and re-check every report."""
