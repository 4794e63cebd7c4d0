-- check_findings: every failed check with the reviewer's latest verdict on it (NULL when not reviewed).
CREATE OR REPLACE VIEW check_findings AS
SELECT
    c.report_id, c.rule, c.scope, c.severity, c.expected, c.actual, c.null_operands, c.note,
    v.verdict, v.comment AS verdict_comment, v.reviewer, v.recorded_at AS verdict_recorded_at
FROM check_results AS c
LEFT JOIN (
    SELECT * FROM check_verdicts
    QUALIFY row_number() OVER (PARTITION BY report_id, rule, scope ORDER BY recorded_at DESC) = 1
) AS v USING (report_id, rule, scope)
WHERE c.passed = FALSE;
