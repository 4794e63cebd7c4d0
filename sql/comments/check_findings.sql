-- check_findings: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW check_findings IS 'Every failed check with the reviewer''s latest verdict (NULL when not reviewed).';
COMMENT ON COLUMN check_findings.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN check_findings.rule IS 'Consistency rule of FORMAT.md §8: C1 勾稽 (new+carried over = total+carried forward), C2 outcome sum, C3 row total, C4 section 四 totals, C5 domain; S1 carry-over continuity, S2 stock–flow, S3 item stock (2019: previous items carried from last year; scope <item>/within_year: new_published ≤ total_published)';
COMMENT ON COLUMN check_findings.scope IS 'Where the rule was evaluated: the applicant column, proceeding, row or cell';
COMMENT ON COLUMN check_findings.severity IS 'error for hard C-rules, warning for soft S-rules';
COMMENT ON COLUMN check_findings.expected IS 'Value the rule expects';
COMMENT ON COLUMN check_findings.actual IS 'Value found';
COMMENT ON COLUMN check_findings.null_operands IS 'Operand cells that printed no number and were counted as 0 by the check';
COMMENT ON COLUMN check_findings.note IS 'Explanation of how the check was evaluated (NULL operands, not evaluable, compared report)';
COMMENT ON COLUMN check_findings.verdict IS 'Reviewer''s verdict on the failed check: confirmed (the report is wrong) or dismissed (explained)';
COMMENT ON COLUMN check_findings.verdict_comment IS 'Reviewer''s explanation of the latest verdict';
COMMENT ON COLUMN check_findings.reviewer IS 'Who recorded the verdict';
COMMENT ON COLUMN check_findings.verdict_recorded_at IS 'When the latest verdict was recorded';
