-- outcomes_comparable: section 三 outcomes on one vocabulary for both templates, one row per
-- (report_id, applicant_type, outcome), using the 2019 keys.
-- FORMAT.md §4.3: A[other, c] (2019) ≙ A[other_no_correction, c] + A[other_fee_unpaid, c] + A[other_misc, c] (2021).
-- The three 2021 other_* rows are summed into one `other` row (source_outcomes lists what was summed);
-- every other outcome is passed through unchanged. A 2019 `other` cannot be split back into reasons.
-- NULL handling (strict): the summed `other` is NULL when any of the three 2021 cells printed no number
-- or was not placed; cells_expected / cells_counted show it.
-- Only the `other` rows are aggregated; every other outcome passes through as it is (cheap on big warehouses).
CREATE OR REPLACE VIEW outcomes_comparable AS
SELECT
    g.report_id, g.report_year, g.template, g.applicant_type, g.outcome, g.outcome_group, g.outcome_label,
    g.sort_order, CAST(g.applications AS BIGINT) AS applications, [g.outcome] AS source_outcomes,
    CAST(1 AS BIGINT) AS cells_expected, CAST(g.applications IS NOT NULL AS BIGINT) AS cells_counted
FROM outcome_grid AS g
WHERE g.outcome_group <> 'other'
UNION ALL
SELECT
    g.report_id,
    any_value(g.report_year),
    any_value(g.template),
    g.applicant_type,
    'other',
    'other',
    '（六）其他处理',
    min(g.sort_order),
    CAST(CASE WHEN count(g.applications) = count(*) THEN sum(g.applications) END AS BIGINT),
    list(g.outcome ORDER BY g.sort_order),
    count(*),
    count(g.applications)
FROM outcome_grid AS g
WHERE g.outcome_group = 'other'
GROUP BY g.report_id, g.applicant_type;
