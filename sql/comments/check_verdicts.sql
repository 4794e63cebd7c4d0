-- check_verdicts: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE check_verdicts IS 'Reviewers'' verdicts on failed checks, copied read-only from the reviews file (OGI_REVIEWS).';
COMMENT ON COLUMN check_verdicts.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN check_verdicts.rule IS 'Consistency rule of FORMAT.md §8: C1 勾稽 (new+carried over = total+carried forward), C2 outcome sum, C3 row total, C4 section 四 totals, C5 domain; S1 carry-over continuity, S2 stock–flow, S3 item stock (2019: previous items carried from last year; scope <item>/within_year: new_published ≤ total_published)';
COMMENT ON COLUMN check_verdicts.scope IS 'Where the rule was evaluated: the applicant column, proceeding, row or cell';
COMMENT ON COLUMN check_verdicts.verdict IS 'Reviewer''s verdict on the failed check: confirmed (the report is wrong) or dismissed (explained)';
COMMENT ON COLUMN check_verdicts.comment IS 'Reviewer''s explanation of the verdict';
COMMENT ON COLUMN check_verdicts.reviewer IS 'Who recorded the verdict';
COMMENT ON COLUMN check_verdicts.recorded_at IS 'When the verdict was recorded';
