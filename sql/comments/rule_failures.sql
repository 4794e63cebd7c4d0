-- rule_failures: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW rule_failures IS 'Per consistency rule, reports checked, failing and not evaluable, and the failure rate.';
COMMENT ON COLUMN rule_failures.rule IS 'Consistency rule of FORMAT.md §8: C1 勾稽 (new+carried over = total+carried forward), C2 outcome sum, C3 row total, C4 section 四 totals, C5 domain; S1 carry-over continuity, S2 stock–flow, S3 item stock (2019: previous items carried from last year; scope <item>/within_year: new_published ≤ total_published)';
COMMENT ON COLUMN rule_failures.severity IS 'error (hard C-rule) or warning (soft S-rule)';
COMMENT ON COLUMN rule_failures.reports_checked IS 'Reports the rule was evaluated on';
COMMENT ON COLUMN rule_failures.reports_failed IS 'Reports failing the rule on at least one scope';
COMMENT ON COLUMN rule_failures.reports_not_evaluable IS 'Reports where the rule could not be evaluated on some scope';
COMMENT ON COLUMN rule_failures.checks_failed IS 'Failing (report, scope) checks';
COMMENT ON COLUMN rule_failures.failure_rate IS 'reports_failed / reports_checked; NULL if no report was checked';
