-- fact_litigation: administrative review and litigation, one row per (report_id, proceeding, result).
CREATE TABLE IF NOT EXISTS fact_litigation (
    report_id VARCHAR NOT NULL,
    proceeding VARCHAR NOT NULL,
    result VARCHAR NOT NULL,
    cases INTEGER
);

DELETE FROM fact_litigation WHERE report_id IN (SELECT report_id FROM staging.reports);

INSERT INTO fact_litigation
SELECT
    report_id,
    row_key,
    col_key,
    CASE WHEN value_kind = 'number' AND value = trunc(value) AND abs(value) < 2147483647
         THEN CAST(value AS INTEGER) END
FROM report_cells
WHERE section = 'litigation'
  AND report_id IN (SELECT report_id FROM staging.reports);
