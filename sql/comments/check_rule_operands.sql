-- check_rule_operands: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE check_rule_operands IS 'The cells summed on each side of rules C1–C4, per template (used by check_results).';
COMMENT ON COLUMN check_rule_operands.template IS 'Template the operand list applies to (2019/2021)';
COMMENT ON COLUMN check_rule_operands.rule IS 'Consistency rule of FORMAT.md §8: C1 勾稽 (new+carried over = total+carried forward), C2 outcome sum, C3 row total, C4 section 四 totals, C5 domain; S1 carry-over continuity, S2 stock–flow, S3 item stock (2019: previous items carried from last year; scope <item>/within_year: new_published ≤ total_published)';
COMMENT ON COLUMN check_rule_operands.scope IS 'Where the rule was evaluated: the applicant column, proceeding, row or cell';
COMMENT ON COLUMN check_rule_operands.section IS 'Section of the operand cell (applications or litigation)';
COMMENT ON COLUMN check_rule_operands.row_key IS 'Row key of the operand cell';
COMMENT ON COLUMN check_rule_operands.col_key IS 'Column key of the operand cell';
COMMENT ON COLUMN check_rule_operands.side IS 'expected or actual: which side of the rule''s equation the operand is on';
