-- fact_applications: intake and backlog, one row per (report_id, applicant_type), pivoted from report_cells.
-- A count is NULL unless the cell printed a whole number (blank, dash, slash and text stay NULL).
CREATE TABLE IF NOT EXISTS fact_applications (
    report_id VARCHAR NOT NULL,
    applicant_type VARCHAR NOT NULL,
    new_received INTEGER,
    carried_over INTEGER,
    carried_forward INTEGER
);

DELETE FROM fact_applications WHERE report_id IN (SELECT report_id FROM staging.reports);

INSERT INTO fact_applications
SELECT
    c.report_id,
    c.col_key,
    max(CASE WHEN c.row_key = 'new_received' THEN c.count_value END),
    max(CASE WHEN c.row_key = 'carried_over' THEN c.count_value END),
    max(CASE WHEN c.row_key = 'carried_forward' THEN c.count_value END)
FROM (
    SELECT report_id, row_key, col_key,
        CASE WHEN value_kind = 'number' AND value = trunc(value) AND abs(value) < 2147483647
             THEN CAST(value AS INTEGER) END AS count_value
    FROM report_cells
    WHERE section = 'applications'
      AND row_key IN ('new_received', 'carried_over', 'carried_forward')
      AND col_key IN (SELECT applicant_type FROM lookup_applicant_types)
      AND report_id IN (SELECT report_id FROM staging.reports)
) AS c
GROUP BY c.report_id, c.col_key;
