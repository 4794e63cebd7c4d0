-- fact_outcomes: how applications were handled, one row per (report_id, outcome, applicant_type).
CREATE TABLE IF NOT EXISTS fact_outcomes (
    report_id VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL,
    applicant_type VARCHAR NOT NULL,
    outcome_group VARCHAR NOT NULL,
    applications INTEGER
);

DELETE FROM fact_outcomes WHERE report_id IN (SELECT report_id FROM staging.reports);

INSERT INTO fact_outcomes
SELECT
    c.report_id,
    c.row_key,
    c.col_key,
    o.outcome_group,
    CASE WHEN c.value_kind = 'number' AND c.value = trunc(c.value) AND abs(c.value) < 2147483647
         THEN CAST(c.value AS INTEGER) END
FROM report_cells AS c
JOIN lookup_outcomes AS o ON o.outcome = c.row_key
WHERE c.section = 'applications'
  AND c.col_key IN (SELECT applicant_type FROM lookup_applicant_types)
  AND c.report_id IN (SELECT report_id FROM staging.reports);
