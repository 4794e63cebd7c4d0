-- report_texts: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE report_texts IS 'Decoded text of reports read from HTML or Word, which report_cells.line_no refers to.';
COMMENT ON COLUMN report_texts.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN report_texts.text IS 'Decoded, normalised text of the report that report_cells.line_no refers to';
