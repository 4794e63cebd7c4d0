-- rule_failures: how many reports fail each consistency rule (FORMAT.md §8), one row per rule.
--   reports_checked       = reports with at least one check_results row for the rule
--   reports_failed        = reports with at least one failing scope (passed = FALSE)
--   reports_not_evaluable = reports with a scope that could not be evaluated (passed NULL: a cell not placed)
--   failure_rate          = reports_failed / reports_checked (NULL when no report was checked)
-- Severity: error for the hard C-rules, warning for the soft S-rules.
CREATE OR REPLACE VIEW rule_failures AS
SELECT
    rule,
    any_value(severity) AS severity,
    count(DISTINCT report_id) AS reports_checked,
    count(DISTINCT report_id) FILTER (WHERE passed = FALSE) AS reports_failed,
    count(DISTINCT report_id) FILTER (WHERE passed IS NULL) AS reports_not_evaluable,
    count(*) FILTER (WHERE passed = FALSE) AS checks_failed,
    CASE WHEN count(DISTINCT report_id) > 0
         THEN count(DISTINCT report_id) FILTER (WHERE passed = FALSE) / count(DISTINCT report_id) END AS failure_rate
FROM check_results
GROUP BY rule;
