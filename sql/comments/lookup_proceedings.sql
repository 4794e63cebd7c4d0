-- lookup_proceedings: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_proceedings IS 'Section 四 proceedings with their Chinese labels.';
COMMENT ON COLUMN lookup_proceedings.proceeding IS 'Section 四 proceeding: administrative_review 行政复议, litigation_direct 未经复议直接起诉, litigation_after_review 复议后起诉';
COMMENT ON COLUMN lookup_proceedings.proceeding_label IS 'Chinese label of the proceeding';
