"""The DuckDB storage version every file of the project is written in."""

# DuckDB 1.5 tools (the duckdb CLI on PyPI) can open files written with this storage version: the
# warehouse, and the reviews file that reviewers edit by hand.
STORAGE_COMPATIBILITY = "v1.5.0"
