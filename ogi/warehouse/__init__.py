"""DuckDB storage: the pipeline's work database, the SQL in ``sql/``, and atomic publishing."""
