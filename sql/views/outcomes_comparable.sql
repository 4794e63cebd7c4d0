-- outcomes_comparable: section 三 outcomes on one vocabulary for both templates, one row per
-- (report_id, applicant_type, outcome), using the 2019 keys.
-- FORMAT.md §4.3: A[other, c] (2019) ≙ A[other_no_correction, c] + A[other_fee_unpaid, c] + A[other_misc, c] (2021).
-- The three 2021 other_* rows are summed into one `other` row (source_outcomes lists what was summed);
-- every other outcome is passed through unchanged. A 2019 `other` cannot be split back into reasons.
-- NULL handling (strict): the summed `other` is NULL when any of the three 2021 cells printed no number
-- or was not placed; cells_expected / cells_counted show it.
CREATE OR REPLACE VIEW outcomes_comparable AS
SELECT
    g.report_id,
    any_value(g.report_year) AS report_year,
    any_value(g.template) AS template,
    g.applicant_type,
    CASE WHEN g.outcome_group = 'other' THEN 'other' ELSE g.outcome END AS outcome,
    any_value(g.outcome_group) AS outcome_group,
    CASE WHEN g.outcome_group = 'other' THEN '（六）其他处理' ELSE any_value(g.outcome_label) END AS outcome_label,
    min(g.sort_order) AS sort_order,
    CAST(CASE WHEN count(g.applications) = count(*) THEN sum(g.applications) END AS BIGINT) AS applications,
    list(g.outcome ORDER BY g.sort_order) AS source_outcomes,
    count(*) AS cells_expected,
    count(g.applications) AS cells_counted
FROM outcome_grid AS g
GROUP BY g.report_id, g.applicant_type, CASE WHEN g.outcome_group = 'other' THEN 'other' ELSE g.outcome END,
    g.outcome_group;
