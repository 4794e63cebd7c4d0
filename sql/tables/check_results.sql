-- check_results: the consistency rules of FORMAT.md §8, one row per (report_id, rule, scope).
-- Evaluated on what the report printed; failing rules flag a report and never change its numbers.
--
-- How NULL cells enter a rule: a cell that printed no number (blank, dash, slash, text) counts as 0, and
-- null_operands says how many did. A cell that could not be placed at all (partial reports) makes the
-- rule not evaluable: passed is NULL and missing_operands says how many were missing.
-- C1–C5 are recomputed for the reports of this batch; S1–S3 compare an agency's consecutive years and are
-- recomputed for every report of the batch's agencies (a new year changes its neighbours' results).
CREATE TABLE IF NOT EXISTS check_results (
    report_id VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    expected DOUBLE,
    actual DOUBLE,
    passed BOOLEAN,
    severity VARCHAR NOT NULL,
    null_operands INTEGER NOT NULL,
    missing_operands INTEGER NOT NULL,
    compared_report_id VARCHAR,
    note VARCHAR
);

-- S-rules only change for the agencies of this batch (a rule compares two years of one agency).
DELETE FROM check_results
WHERE report_id IN (SELECT report_id FROM staging.reports)
   OR (rule LIKE 'S%' AND report_id IN (
        SELECT report_id FROM dim_report
        WHERE agency_id IN (SELECT agency_id FROM staging.reports WHERE agency_id IS NOT NULL)));

-- C1–C4: sums of printed cells (see ogi/checks/operands.py for each rule's operands).
INSERT INTO check_results
WITH staged AS (
    SELECT report_id, applications_template AS template
    FROM staging.reports
    WHERE parse_status <> 'failed' AND applications_template IS NOT NULL
),
cells AS (
    SELECT report_id, section, row_key, col_key, CASE WHEN value_kind = 'number' THEN value END AS v
    FROM report_cells
    WHERE section IN ('applications', 'litigation') AND report_id IN (SELECT report_id FROM staged)
),
evaluated AS (
    SELECT
        s.report_id, o.rule, o.scope,
        sum(CASE WHEN o.side = 'expected' THEN coalesce(c.v, 0) END) AS expected,
        sum(CASE WHEN o.side = 'actual' THEN coalesce(c.v, 0) END) AS actual,
        count(*) FILTER (WHERE c.report_id IS NOT NULL AND c.v IS NULL) AS null_operands,
        count(*) FILTER (WHERE c.report_id IS NULL) AS missing_operands
    FROM staged AS s
    JOIN check_rule_operands AS o ON o.template = s.template
    LEFT JOIN cells AS c
        ON c.report_id = s.report_id AND c.section = o.section AND c.row_key = o.row_key AND c.col_key = o.col_key
    GROUP BY s.report_id, o.rule, o.scope
)
SELECT
    report_id, rule, scope,
    CASE WHEN missing_operands = 0 THEN expected END,
    CASE WHEN missing_operands = 0 THEN actual END,
    CASE WHEN missing_operands = 0 THEN expected = actual END,
    'error', null_operands, missing_operands, NULL,
    CASE
        WHEN missing_operands > 0 THEN 'not evaluable: ' || missing_operands || ' cell(s) not placed'
        WHEN null_operands > 0 THEN null_operands || ' cell(s) printed no number and count as 0'
    END
FROM evaluated;

-- C5: every printed number is a count ≥ 0 (whole), a money amount ≥ 0, or (2019 本年增/减) any whole number.
INSERT INTO check_results
SELECT
    report_id, 'C5', section || '/' || row_key || '/' || col_key,
    NULL, value,
    CASE
        WHEN col_key IN ('procurement_amount', 'fee_amount') THEN value >= 0
        WHEN col_key = 'change' THEN value = trunc(value)
        ELSE value >= 0 AND value = trunc(value)
    END,
    'error', 0, 0, NULL,
    CASE
        WHEN col_key IN ('procurement_amount', 'fee_amount') THEN 'requires a decimal >= 0'
        WHEN col_key = 'change' THEN 'requires a whole number'
        ELSE 'requires a whole number >= 0'
    END
FROM report_cells
WHERE value_kind = 'number' AND report_id IN (SELECT report_id FROM staging.reports);

-- S1–S3: this year against the same agency's previous year (soft rules, warnings).
INSERT INTO check_results
WITH reports AS (
    SELECT report_id, agency_id, report_year, proactive_template
    FROM dim_report
    WHERE agency_id IN (SELECT agency_id FROM staging.reports WHERE agency_id IS NOT NULL)
      AND report_year IS NOT NULL AND parse_status <> 'failed'
),
pairs AS (
    SELECT cur.report_id, prev.report_id AS prev_id, cur.proactive_template AS cur_template,
           prev.proactive_template AS prev_template,
           count(*) OVER (PARTITION BY cur.report_id) AS candidates
    FROM reports AS cur
    JOIN reports AS prev ON prev.agency_id = cur.agency_id AND prev.report_year = cur.report_year - 1
),
v AS (
    SELECT report_id, section, row_key, col_key, CASE WHEN value_kind = 'number' THEN value END AS v
    FROM report_cells
    WHERE report_id IN (SELECT report_id FROM pairs UNION ALL SELECT prev_id FROM pairs)
),
s1 AS (
    SELECT p.report_id, 'S1' AS rule, t.applicant_type AS scope,
           prev_cf.v AS prev_value, cur_co.v AS cur_value, NULL::DOUBLE AS flow,
           (prev_cf.report_id IS NULL OR cur_co.report_id IS NULL) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN lookup_applicant_types AS t
    LEFT JOIN v AS prev_cf ON prev_cf.report_id = p.prev_id AND prev_cf.section = 'applications'
        AND prev_cf.row_key = 'carried_forward' AND prev_cf.col_key = t.applicant_type
    LEFT JOIN v AS cur_co ON cur_co.report_id = p.report_id AND cur_co.section = 'applications'
        AND cur_co.row_key = 'carried_over' AND cur_co.col_key = t.applicant_type
),
s2 AS (
    SELECT p.report_id, 'S2' AS rule, x.item AS scope,
           prev_if.v AS prev_value, cur_if.v AS cur_value,
           coalesce(cur_is.v, 0) - coalesce(cur_rp.v, 0) AS flow,
           (prev_if.report_id IS NULL OR cur_if.report_id IS NULL) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN (VALUES ('rules'), ('normative_documents')) AS x(item)
    LEFT JOIN v AS prev_if ON prev_if.report_id = p.prev_id AND prev_if.section = 'proactive'
        AND prev_if.row_key = x.item AND prev_if.col_key = 'in_force'
    LEFT JOIN v AS cur_if ON cur_if.report_id = p.report_id AND cur_if.section = 'proactive'
        AND cur_if.row_key = x.item AND cur_if.col_key = 'in_force'
    LEFT JOIN v AS cur_is ON cur_is.report_id = p.report_id AND cur_is.section = 'proactive'
        AND cur_is.row_key = x.item AND cur_is.col_key = 'issued'
    LEFT JOIN v AS cur_rp ON cur_rp.report_id = p.report_id AND cur_rp.section = 'proactive'
        AND cur_rp.row_key = x.item AND cur_rp.col_key = 'repealed'
    WHERE p.cur_template = '2021' AND p.prev_template = '2021'
),
s3 AS (
    SELECT p.report_id, 'S3' AS rule, x.item AS scope,
           prev_pi.v AS prev_value, cur_pi.v AS cur_value, coalesce(prev_ch.v, 0) AS flow,
           (prev_pi.report_id IS NULL OR cur_pi.report_id IS NULL) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN (SELECT DISTINCT item FROM lookup_proactive_measures WHERE measure = 'previous_items') AS x
    LEFT JOIN v AS prev_pi ON prev_pi.report_id = p.prev_id AND prev_pi.section = 'proactive'
        AND prev_pi.row_key = x.item AND prev_pi.col_key = 'previous_items'
    LEFT JOIN v AS prev_ch ON prev_ch.report_id = p.prev_id AND prev_ch.section = 'proactive'
        AND prev_ch.row_key = x.item AND prev_ch.col_key = 'change'
    LEFT JOIN v AS cur_pi ON cur_pi.report_id = p.report_id AND cur_pi.section = 'proactive'
        AND cur_pi.row_key = x.item AND cur_pi.col_key = 'previous_items'
    WHERE p.cur_template = '2019' AND p.prev_template = '2019'
),
soft AS (SELECT * FROM s1 UNION ALL SELECT * FROM s2 UNION ALL SELECT * FROM s3)
SELECT
    report_id, rule, scope,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(prev_value, 0) + coalesce(flow, 0) END,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(cur_value, 0) END,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(prev_value, 0) + coalesce(flow, 0) = coalesce(cur_value, 0) END,
    'warning',
    (prev_value IS NULL)::INTEGER + (cur_value IS NULL)::INTEGER,
    missing::INTEGER,
    CASE WHEN candidates = 1 THEN prev_id END,
    CASE
        WHEN candidates > 1 THEN 'not evaluable: ' || candidates || ' reports of this agency for the previous year'
        WHEN missing THEN 'not evaluable: a cell of either year was not placed'
        ELSE 'compared with report ' || prev_id
    END
FROM soft
QUALIFY row_number() OVER (PARTITION BY report_id, rule, scope ORDER BY prev_id) = 1;
