-- check_results: the consistency rules of FORMAT.md §8, one row per (report_id, rule, scope).
-- Evaluated on what the report printed; failing rules flag a report and never change its numbers.
--
-- How NULL cells enter a rule: a cell that printed nothing or a word for nothing (blank, dash, slash, 无)
-- counts as 0, and null_operands says how many did (FORMAT.md §8.1 allows it when recorded). A cell that
-- printed other text (见附件, 约2, 1 2) makes the rule not evaluable, as does a cell that could not be placed
-- at all (partial reports, missing_operands): passed is NULL and the note says why.
-- C1–C5, S4 and S5 are recomputed for the reports of this batch; S1–S3 compare an agency's consecutive years and are
-- recomputed for every report of the batch's agencies (a new year changes its neighbours' results); S3's
-- second relation compares two cells of one 2019 report.
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

-- S-rules only change for the agencies of this batch (a rule compares two years of one agency): the agencies
-- of its reports, and those of the reports it leaves without a file (a changed file's old report, which
-- the commit drops: the soft rules below already ignore it).
CREATE OR REPLACE TEMP TABLE batch_agencies AS
SELECT agency_id FROM staging.reports WHERE agency_id IS NOT NULL
UNION
SELECT agency_id FROM dim_report
WHERE agency_id IS NOT NULL
  AND report_id NOT IN (SELECT report_id FROM report_sources WHERE report_id IS NOT NULL);

DELETE FROM check_results
WHERE report_id IN (SELECT report_id FROM staging.reports)
   OR (rule IN ('S1', 'S2', 'S3') AND report_id IN (
        SELECT report_id FROM dim_report WHERE agency_id IN (SELECT agency_id FROM batch_agencies)));

-- A sum as a person reads it: 9, not 9.0 or 9e+00.
CREATE OR REPLACE TEMP MACRO shown(x) AS
    CASE WHEN x = trunc(x) THEN CAST(CAST(x AS HUGEINT) AS VARCHAR) ELSE CAST(x AS VARCHAR) END;

-- C1–C4: sums of printed cells (see ogi/checks/operands.py for each rule's operands). The batch's cells are
-- joined to the small operand list (never the other way round: at 100,000 reports that join would hold
-- millions of cells in memory), and the operands a report did not print are counted as missing.
INSERT INTO check_results
-- A report whose section 三 was not found still gets C4 (section 四 stands on its own) and C1–C3 as not
-- evaluable, with the operands of its section 二 template (2019 when that is unknown too).
-- Reports and rule instances are numbered so that the millions of operand rows are grouped by two integers,
-- not by three strings (9.0 s → 5.2 s for this statement at 100,000 reports).
WITH staged AS (
    SELECT report_id, coalesce(applications_template, template, '2019') AS template,
           CAST(row_number() OVER (ORDER BY report_id) AS BIGINT) AS report_no
    FROM staging.reports
    WHERE parse_status <> 'failed'
),
checks AS (
    SELECT template, rule, scope, count(*) AS operands,
           CAST(row_number() OVER (ORDER BY template, rule, scope) AS INTEGER) AS check_no
    FROM check_rule_operands
    GROUP BY template, rule, scope
),
printed AS (
    SELECT
        s.report_no, k.check_no,
        sum(CASE WHEN o.side = 'expected' THEN coalesce(c.v, 0) END) AS expected,
        sum(CASE WHEN o.side = 'actual' THEN coalesce(c.v, 0) END) AS actual,
        count(*) FILTER (WHERE c.v IS NULL AND NOT c.is_text) AS null_operands,
        count(*) FILTER (WHERE c.v IS NULL AND NOT c.is_text AND o.side = 'expected') AS expected_nulls,
        count(*) FILTER (WHERE c.is_text) AS text_operands,
        count(*) AS placed_operands
    FROM (
        SELECT report_id, section, row_key, col_key, CASE WHEN value_kind = 'number' THEN value END AS v,
               -- (\pZ: RE2's \s is ASCII only, and 暂　无 has an ideographic space; 無, 暫無: traditional copies)
               CASE WHEN value_kind = 'text' THEN lower(regexp_replace(raw_text, '[\s\pZ]', '', 'g'))
                   NOT IN ('无', '無', '空', '暂无', '暫無', 'null', 'none', 'n/a') ELSE false END AS is_text
        FROM report_cells
        WHERE section IN ('applications', 'litigation')
    ) AS c
    JOIN staged AS s ON s.report_id = c.report_id
    JOIN check_rule_operands AS o
        ON o.template = s.template AND o.section = c.section AND o.row_key = c.row_key AND o.col_key = c.col_key
    JOIN checks AS k ON k.template = o.template AND k.rule = o.rule AND k.scope = o.scope
    GROUP BY s.report_no, k.check_no
),
evaluated AS (
    SELECT
        s.report_id, k.rule, k.scope, p.expected, p.actual,
        coalesce(p.null_operands, 0) AS null_operands,
        coalesce(p.expected_nulls, 0) AS expected_nulls,
        coalesce(p.text_operands, 0) AS text_operands,
        k.operands - coalesce(p.placed_operands, 0) AS missing_operands
    FROM staged AS s
    JOIN checks AS k ON k.template = s.template
    LEFT JOIN printed AS p ON p.report_no = s.report_no AND p.check_no = k.check_no
)
SELECT
    report_id, rule, scope,
    CASE WHEN evaluable THEN expected END,
    CASE WHEN evaluable THEN actual END,
    CASE WHEN evaluable THEN expected = actual END,
    'error', null_operands, missing_operands, NULL,
    CASE
        WHEN missing_operands > 0 THEN 'not evaluable: ' || missing_operands || ' cell(s) not placed'
        WHEN text_operands > 0 THEN 'not evaluable: ' || text_operands || ' cell(s) print text, not a number'
        ELSE nullif(concat_ws('; ',
            -- What failed, in the report's own terms (expected is the first side of the rule, actual the other).
            CASE WHEN expected <> actual THEN CASE rule
                WHEN 'C1' THEN 'new + carried over = ' || shown(expected)
                               || ', but total handled + carried forward = ' || shown(actual)
                WHEN 'C2' THEN '（七）总计 prints ' || printed_total
                               || ', but the outcome rows add up to ' || shown(actual)
                WHEN 'C3' THEN '总计 prints ' || printed_total
                               || ', but the six applicant columns add up to ' || shown(actual)
                WHEN 'C4' THEN '总计 prints ' || printed_total
                               || ', but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 add up to ' || shown(actual)
            END END,
            CASE WHEN null_operands > 0 THEN null_operands || ' cell(s) printed no number and count as 0' END), '')
    END
FROM (
    SELECT *, missing_operands = 0 AND text_operands = 0 AS evaluable,
           -- C2–C4's expected side is the one 总计 cell: blank, a dash or 无 is no "0" it printed
           CASE WHEN expected_nulls > 0 THEN 'no number (counted as 0)' ELSE shown(expected) END AS printed_total
    FROM evaluated
);

-- C5, per row of a table (scope section/row): every number the row prints is in its domain — a count is a whole
-- number ≥ 0, a money amount (fee_amount, procurement_amount) a number ≥ 0, a 2019 本年增/减 (change) any whole
-- number. expected is 0 numbers out of it, actual how many are; the note names each such cell and what it
-- prints. A row that prints no number has no C5 row. (One row per cell was 4 million rows at 20,000 reports
-- — 80 % of the table, nearly all passing — and cost twice as much to write as one per row.)
INSERT INTO check_results
WITH judged AS (
    SELECT report_id, section, row_key, col_key, raw_text,
        CASE
            WHEN col_key IN ('procurement_amount', 'fee_amount') THEN value >= 0
            WHEN col_key = 'change' THEN value = trunc(value)
            ELSE value >= 0 AND value = trunc(value)
        END AS in_domain
    FROM report_cells
    WHERE value_kind = 'number' AND report_id IN (SELECT report_id FROM staging.reports)
),
-- The few rows that fail are described apart: building the note inside the one grouping of every row cost a
-- third more (3.6 s against 2.4 s at 100,000 reports).
failing AS (
    SELECT report_id, section, row_key, count(*) AS out_of_domain,
        string_agg(col_key || ' prints “' || trim(raw_text) || '”' || CASE
                WHEN col_key IN ('procurement_amount', 'fee_amount') THEN ' (requires a number >= 0)'
                WHEN col_key = 'change' THEN ' (requires a whole number)'
                ELSE ' (requires a whole number >= 0)'
            END, '; ' ORDER BY col_key) AS note
    FROM judged
    WHERE NOT in_domain
    GROUP BY report_id, section, row_key
)
SELECT
    r.report_id, 'C5', r.section || '/' || r.row_key,
    0, coalesce(f.out_of_domain, 0), f.report_id IS NULL,
    'error', 0, 0, NULL, f.note
FROM (SELECT DISTINCT report_id, section, row_key FROM judged) AS r
LEFT JOIN failing AS f USING (report_id, section, row_key);

-- S1–S3: this year against the same agency's previous year (soft rules, warnings).
INSERT INTO check_results
WITH reports AS (
    SELECT report_id, agency_id, report_year, proactive_template
    FROM dim_report
    WHERE agency_id IN (SELECT agency_id FROM batch_agencies)
      AND report_id IN (SELECT report_id FROM report_sources WHERE report_id IS NOT NULL)
      AND report_year IS NOT NULL AND parse_status <> 'failed'
),
-- A report and its agency's previous-year report(s). With several candidates the rules are not evaluable,
-- and one row per previous template is enough (the first by report_id, as the result keeps).
pairs AS (
    SELECT cur.report_id, min(prev.report_id) AS prev_id, cur.proactive_template AS cur_template,
           prev.proactive_template AS prev_template,
           CAST(sum(count(*)) OVER (PARTITION BY cur.report_id) AS BIGINT) AS candidates
    FROM reports AS cur
    JOIN reports AS prev ON prev.agency_id = cur.agency_id AND prev.report_year = cur.report_year - 1
    GROUP BY cur.report_id, cur.proactive_template, prev.proactive_template
),
-- The cells the soft rules read, one row per report and column (S1) or item (S2, S3); has_* says the cell
-- was placed at all (a cell printed without a number is placed, with a NULL value).
carry AS (
    SELECT report_id, col_key AS applicant_type,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE row_key = 'carried_forward') AS carried_forward,
        count(*) FILTER (WHERE row_key = 'carried_forward') > 0 AS has_carried_forward,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE row_key = 'carried_over') AS carried_over,
        count(*) FILTER (WHERE row_key = 'carried_over') > 0 AS has_carried_over
    FROM report_cells
    WHERE section = 'applications' AND row_key IN ('carried_forward', 'carried_over')
      AND report_id IN (SELECT report_id FROM pairs UNION ALL SELECT prev_id FROM pairs)
    GROUP BY report_id, col_key
),
stock AS (
    SELECT report_id, row_key AS item,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'in_force') AS in_force,
        count(*) FILTER (WHERE col_key = 'in_force') > 0 AS has_in_force,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'issued') AS issued,
        count(*) FILTER (WHERE col_key = 'issued') > 0 AS has_issued,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'repealed') AS repealed,
        count(*) FILTER (WHERE col_key = 'repealed') > 0 AS has_repealed,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'previous_items') AS previous_items,
        count(*) FILTER (WHERE col_key = 'previous_items') > 0 AS has_previous_items,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'change') AS change,
        count(*) FILTER (WHERE col_key = 'change') > 0 AS has_change
    FROM report_cells
    WHERE section = 'proactive' AND col_key IN ('in_force', 'issued', 'repealed', 'previous_items', 'change')
      AND report_id IN (SELECT report_id FROM pairs UNION ALL SELECT prev_id FROM pairs)
    GROUP BY report_id, row_key
),
s1 AS (
    SELECT p.report_id, 'S1' AS rule, t.applicant_type AS scope,
           prev.carried_forward AS prev_value, cur.carried_over AS cur_value, NULL::DOUBLE AS flow,
           (coalesce(prev.has_carried_forward, false) AND prev.carried_forward IS NULL)::INTEGER
           + (coalesce(cur.has_carried_over, false) AND cur.carried_over IS NULL)::INTEGER AS null_operands,
           NOT (coalesce(prev.has_carried_forward, false) AND coalesce(cur.has_carried_over, false)) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN lookup_applicant_types AS t
    LEFT JOIN carry AS prev ON prev.report_id = p.prev_id AND prev.applicant_type = t.applicant_type
    LEFT JOIN carry AS cur ON cur.report_id = p.report_id AND cur.applicant_type = t.applicant_type
),
s2 AS (
    SELECT p.report_id, 'S2' AS rule, x.item AS scope,
           prev.in_force AS prev_value, cur.in_force AS cur_value,
           coalesce(cur.issued, 0) - coalesce(cur.repealed, 0) AS flow,
           (coalesce(prev.has_in_force, false) AND prev.in_force IS NULL)::INTEGER
           + (coalesce(cur.has_in_force, false) AND cur.in_force IS NULL)::INTEGER
           + (coalesce(cur.has_issued, false) AND cur.issued IS NULL)::INTEGER
           + (coalesce(cur.has_repealed, false) AND cur.repealed IS NULL)::INTEGER AS null_operands,
           NOT (coalesce(prev.has_in_force, false) AND coalesce(cur.has_in_force, false)
                AND coalesce(cur.has_issued, false) AND coalesce(cur.has_repealed, false)) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN (VALUES ('rules'), ('normative_documents')) AS x(item)
    LEFT JOIN stock AS prev ON prev.report_id = p.prev_id AND prev.item = x.item
    LEFT JOIN stock AS cur ON cur.report_id = p.report_id AND cur.item = x.item
    WHERE p.cur_template = '2021' AND p.prev_template = '2021'
),
s3 AS (
    SELECT p.report_id, 'S3' AS rule, x.item AS scope,
           prev.previous_items AS prev_value, cur.previous_items AS cur_value, coalesce(prev.change, 0) AS flow,
           (coalesce(prev.has_previous_items, false) AND prev.previous_items IS NULL)::INTEGER
           + (coalesce(cur.has_previous_items, false) AND cur.previous_items IS NULL)::INTEGER
           + (coalesce(prev.has_change, false) AND prev.change IS NULL)::INTEGER AS null_operands,
           NOT (coalesce(prev.has_previous_items, false) AND coalesce(cur.has_previous_items, false)
                AND coalesce(prev.has_change, false)) AS missing,
           p.prev_id, p.candidates
    FROM pairs AS p
    CROSS JOIN (SELECT DISTINCT item FROM lookup_proactive_measures WHERE measure = 'previous_items') AS x
    LEFT JOIN stock AS prev ON prev.report_id = p.prev_id AND prev.item = x.item
    LEFT JOIN stock AS cur ON cur.report_id = p.report_id AND cur.item = x.item
    WHERE p.cur_template = '2019' AND p.prev_template = '2019'
),
soft AS (SELECT * FROM s1 UNION ALL SELECT * FROM s2 UNION ALL SELECT * FROM s3)
SELECT
    report_id, rule, scope,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(prev_value, 0) + coalesce(flow, 0) END,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(cur_value, 0) END,
    CASE WHEN NOT missing AND candidates = 1 THEN coalesce(prev_value, 0) + coalesce(flow, 0) = coalesce(cur_value, 0) END,
    'warning',
    null_operands,
    missing::INTEGER,
    CASE WHEN candidates = 1 THEN prev_id END,
    CASE
        WHEN candidates > 1 THEN 'not evaluable: ' || candidates || ' reports of this agency for the previous year'
        WHEN missing THEN 'not evaluable: a cell of either year was not placed'
        ELSE 'compared with report ' || prev_id
    END
FROM soft
QUALIFY row_number() OVER (PARTITION BY report_id, rule, scope ORDER BY prev_id) = 1;

-- S3, second relation: within one 2019 report, an item's new_published ≤ its total_published (scope
-- '<item>/within_year'). Evaluated for the same reports whose S-rows were deleted above.
INSERT INTO check_results
WITH reports AS (
    SELECT report_id FROM staging.reports WHERE parse_status <> 'failed' AND proactive_template = '2019'
    UNION
    SELECT report_id FROM dim_report
    WHERE agency_id IN (SELECT agency_id FROM batch_agencies)
      AND report_id IN (SELECT report_id FROM report_sources WHERE report_id IS NOT NULL)
      AND parse_status <> 'failed' AND proactive_template = '2019'
),
flows AS (
    SELECT report_id, row_key AS item,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'new_published') AS new_published,
        count(*) FILTER (WHERE col_key = 'new_published') > 0 AS has_new_published,
        max(CASE WHEN value_kind = 'number' THEN value END) FILTER (WHERE col_key = 'total_published') AS total_published,
        count(*) FILTER (WHERE col_key = 'total_published') > 0 AS has_total_published
    FROM report_cells
    WHERE section = 'proactive' AND col_key IN ('new_published', 'total_published')
      AND report_id IN (SELECT report_id FROM reports)
    GROUP BY report_id, row_key
),
checked AS (
    SELECT r.report_id, x.item, f.new_published, f.total_published,
           coalesce(f.has_new_published, false) AS has_new_published,
           coalesce(f.has_total_published, false) AS has_total_published,
           NOT (coalesce(f.has_new_published, false) AND coalesce(f.has_total_published, false)) AS missing
    FROM reports AS r
    CROSS JOIN (SELECT DISTINCT item FROM lookup_proactive_measures
                WHERE template = '2019' AND measure = 'new_published') AS x
    LEFT JOIN flows AS f ON f.report_id = r.report_id AND f.item = x.item
)
SELECT
    report_id, 'S3', item || '/within_year',
    CASE WHEN NOT missing THEN coalesce(total_published, 0) END,
    CASE WHEN NOT missing THEN coalesce(new_published, 0) END,
    CASE WHEN NOT missing THEN coalesce(new_published, 0) <= coalesce(total_published, 0) END,
    'warning',
    (has_new_published AND new_published IS NULL)::INTEGER + (has_total_published AND total_published IS NULL)::INTEGER,
    missing::INTEGER,
    NULL,
    CASE
        WHEN missing THEN 'not evaluable: a cell was not placed'
        ELSE 'new_published (actual) must not exceed total_published (expected)'
    END
FROM checked;

DROP TABLE batch_agencies;

-- S4 and S5: what section 一 says about the applications (staging.narrative, read by ogi/extract/narrative.py)
-- against the table (warnings). S4 compares the counts it quotes with the 总计 column of 一、本年新收 and
-- 二、上年结转, and, where section 三 counts applications whose fee went unpaid (2021 other_fee_unpaid), looks
-- for fees in section 六. S5 flags a section 三 that records no application handled (every outcome row 0 or
-- blank) beside a section 一 that says applications came in. A table cell printed without a number, or not
-- placed, leaves the rule not evaluable.
INSERT INTO check_results
WITH said AS (
    SELECT n.* FROM staging.narrative AS n
    JOIN staging.reports AS r USING (report_id)
    WHERE r.parse_status <> 'failed'
),
-- The batch's cells are read from report_cells, loaded by now: reading them from the parse spool again (twice)
-- cost more (1.7 s against 1.2 s for this statement at 100,000 reports).
table_totals AS (
    SELECT report_id, row_key, any_value(value) AS value, any_value(value_kind) AS value_kind
    FROM report_cells
    WHERE report_id IN (SELECT report_id FROM staging.reports)
      AND section = 'applications' AND col_key = 'total' AND row_key IN ('new_received', 'carried_over', 'other_fee_unpaid')
    GROUP BY report_id, row_key
),
s4_counts AS (
    SELECT s.report_id, 'S4' AS rule, s.quantity AS scope, s.value AS expected,
           CASE WHEN t.value_kind = 'number' THEN t.value END AS actual,
           t.value_kind IS NULL AS missing,
           'section 一 (line ' || s.line_no || ', “' || s.raw_text || '”) says ' || s.value
               || CASE WHEN t.value_kind = 'number' THEN '; the table''s 总计 prints ' || shown(t.value)
                       WHEN t.value_kind IS NULL THEN '; not evaluable: the table''s 总计 cell was not placed'
                       ELSE '; not evaluable: the table''s 总计 cell prints no number' END AS note
    FROM said AS s
    LEFT JOIN table_totals AS t ON t.report_id = s.report_id AND t.row_key = s.quantity
    WHERE s.quantity IN ('new_received', 'carried_over')
),
s4_fees AS (
    SELECT t.report_id, 'S4' AS rule, 'fee_notices' AS scope, 1 AS expected, s.value AS actual, s.value IS NULL AS missing,
           'section 三 counts ' || shown(t.value) || ' application(s) whose fee went unpaid (other_fee_unpaid); '
               || CASE WHEN s.value = 1 THEN 'section 六 (line ' || s.line_no || ') mentions fees'
                       WHEN s.value = 0 THEN 'section 六 (line ' || s.line_no || ') says nothing about fees'
                       ELSE 'not evaluable: no section 六 was found' END AS note
    FROM table_totals AS t
    LEFT JOIN said AS s ON s.report_id = t.report_id AND s.quantity = 'section_six_mentions_fees'
    WHERE t.row_key = 'other_fee_unpaid' AND t.value_kind = 'number' AND t.value > 0
),
handled AS (
    SELECT c.report_id,
           sum(c.value) FILTER (WHERE c.value_kind = 'number') AS outcomes,
           count(*) FILTER (WHERE c.value_kind = 'text') AS text_cells
    FROM report_cells AS c
    JOIN lookup_outcomes AS o ON o.outcome = c.row_key
    WHERE c.report_id IN (SELECT report_id FROM staging.reports)
      AND c.section = 'applications' AND o.outcome_group <> 'total'
      AND c.col_key IN (SELECT applicant_type FROM lookup_applicant_types WHERE applicant_type <> 'total')
    GROUP BY c.report_id
),
s5 AS (
    SELECT s.report_id, 'S5' AS rule, 'applications' AS scope, s.value AS expected, coalesce(h.outcomes, 0) AS actual,
           h.report_id IS NULL OR h.text_cells > 0 AS missing,
           'section 一 (line ' || s.line_no || ', “' || s.raw_text || '”) says ' || s.value || ' application(s) came in; '
               || CASE WHEN h.report_id IS NULL THEN 'not evaluable: no outcome row of section 三 was placed'
                       WHEN h.text_cells > 0 THEN 'not evaluable: an outcome cell prints text'
                       ELSE 'section 三''s outcome rows add up to ' || shown(coalesce(h.outcomes, 0)) || ' over the six applicant columns' END AS note
    FROM said AS s
    LEFT JOIN handled AS h USING (report_id)
    WHERE s.quantity = 'new_received' AND s.value > 0
)
SELECT report_id, rule, scope,
       CASE WHEN NOT missing THEN expected END,
       CASE WHEN NOT missing THEN actual END,
       CASE WHEN NOT missing THEN (CASE WHEN rule = 'S5' THEN actual > 0 ELSE expected = actual END) END,
       'warning', 0, missing::INTEGER, NULL, note
FROM (SELECT * FROM s4_counts UNION ALL SELECT * FROM s4_fees UNION ALL SELECT * FROM s5);
