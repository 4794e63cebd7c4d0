"""ogi-warehouse domain code: plain Python and polars, no Dagster.

Subpackages: ``text`` (normalisation), ``extract`` (report text → cells and metadata), ``readers``
(files → decoded text), ``agency`` (agency names → administrative divisions), ``warehouse`` (DuckDB
storage and publishing), ``checks`` (consistency rules), ``synth`` (synthetic reports for tests and
benchmarks).
"""

PARSER_VERSION = "1.6.0"
"""Version of the extraction code. Bumping it makes the next run re-parse every report."""
