-- failing_reports: each report that fails at least one hard rule (C1–C5), with its agency, year, the
-- rules failed and the reviewers' verdicts so far.
CREATE OR REPLACE VIEW failing_reports AS
SELECT
    d.report_id,
    d.agency_name,
    a.province,
    a.prefecture,
    a.county,
    d.report_year,
    d.template,
    d.source_path,
    list(DISTINCT f.rule ORDER BY f.rule) AS rules_failed,
    count(*) AS failed_checks,
    list(f.rule || ' ' || f.scope ORDER BY f.rule, f.scope) AS failed_scopes,
    count(f.verdict) AS reviewed,
    count(*) FILTER (WHERE f.verdict = 'confirmed') AS confirmed,
    count(*) FILTER (WHERE f.verdict = 'dismissed') AS dismissed,
    count(*) FILTER (WHERE f.verdict IS NULL) AS awaiting_review
FROM check_findings AS f
JOIN dim_report AS d USING (report_id)
LEFT JOIN dim_agency AS a USING (agency_id)
WHERE f.severity = 'error'
GROUP BY ALL;
