-- outcome_groups: section 三 outcome subtotals, one row per (report_id, applicant_type, outcome_group).
-- The templates print no subtotal rows (FORMAT.md §4.2), so they are computed here:
--   applications = Σ applications of the group's cells (granted 1, partially_granted 1, denied 8,
--                  unable_to_provide 3, not_processed 5, other 1 in 2019 / 3 in 2021, total 1).
-- NULL handling (strict): applications is NULL when any cell of the group printed no number (blank, dash,
-- slash, text) or was not placed; it is never a sum that silently took those cells as 0.
-- applications_printed is the sum of the numbers that were printed (NULL cells skipped) for those who
-- accept that reading; cells_expected / cells_counted say how complete the group is.
CREATE OR REPLACE VIEW outcome_groups AS
SELECT
    report_id,
    any_value(report_year) AS report_year,
    any_value(template) AS template,
    applicant_type,
    outcome_group,
    CAST(CASE WHEN count(applications) = count(*) THEN sum(applications) END AS BIGINT) AS applications,
    CAST(sum(applications) AS BIGINT) AS applications_printed,
    count(*) AS cells_expected,
    count(applications) AS cells_counted
FROM outcome_grid
GROUP BY report_id, applicant_type, outcome_group;
