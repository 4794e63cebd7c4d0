-- check_results: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE check_results IS 'Consistency rules (FORMAT.md §8), one row per (report_id, rule, scope); failing rules flag a report, never alter it. Contract table.';
COMMENT ON COLUMN check_results.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN check_results.rule IS 'Consistency rule of FORMAT.md §8: C1 勾稽 (new+carried over = total+carried forward), C2 outcome sum, C3 row total, C4 section 四 totals, C5 domain; S1 carry-over continuity, S2 stock–flow, S3 item stock (2019: previous items carried from last year; scope <item>/within_year: new_published ≤ total_published)';
COMMENT ON COLUMN check_results.scope IS 'Where the rule was evaluated: the applicant column, proceeding or row; C5 a table row as <section>/<row> (applications/new_received); S3''s within-year relation uses <item>/within_year';
COMMENT ON COLUMN check_results.expected IS 'Value the rule expects (sum of the left-hand side; for C5, 0 numbers out of their domain); NULL when not evaluable';
COMMENT ON COLUMN check_results.actual IS 'Value found (right-hand side; for C5, how many of the row''s numbers are out of their domain); NULL when not evaluable';
COMMENT ON COLUMN check_results.passed IS 'TRUE if the rule holds, FALSE if it fails, NULL if it could not be evaluated (a cell not placed)';
COMMENT ON COLUMN check_results.severity IS 'error for hard C-rules, warning for soft S-rules';
COMMENT ON COLUMN check_results.null_operands IS 'Placed operand cells that printed nothing or a word for nothing (blank, dash, slash, 无) and were counted as 0 by the check';
COMMENT ON COLUMN check_results.missing_operands IS 'Operand cells that were not placed at all (make the rule not evaluable)';
COMMENT ON COLUMN check_results.compared_report_id IS 'For S-rules: the previous-year report compared with';
COMMENT ON COLUMN check_results.note IS 'What failed, in the report''s terms (C1–C4; for C5 each cell out of its domain and what it prints), and how the check was evaluated (cells counted as 0, not evaluable and why, compared report)';
