-- lookup_application_rows: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_application_rows IS 'Every section 三 row of each template with its Chinese label, in template order.';
COMMENT ON COLUMN lookup_application_rows.template IS 'Template the row belongs to (2019/2021)';
COMMENT ON COLUMN lookup_application_rows.row_key IS 'Row key of section 三 (new_received, carried_over, outcomes, carried_forward)';
COMMENT ON COLUMN lookup_application_rows.row_label IS 'Chinese row label as the template prints it';
COMMENT ON COLUMN lookup_application_rows.sort_order IS 'Position in the template (for ordering rows as printed)';
