-- outcome_grid: every section 三 outcome cell a report's template has, one row per
-- (report_id, applicant_type, outcome), whether or not the cell was placed.
-- The base of the analytical views: a cell that was never placed (partial reports) is a row with
-- placed = FALSE and applications NULL, so sums over a group can tell "printed nothing countable"
-- and "not read" apart from 0. The template is the one detected for section 三
-- (dim_report.applications_template), falling back to dim_report.template. Failed reports are left out.
CREATE OR REPLACE VIEW outcome_grid AS
WITH reports AS (
    SELECT report_id, report_year, coalesce(applications_template, template) AS template
    FROM dim_report
    WHERE parse_status <> 'failed' AND coalesce(applications_template, template) IS NOT NULL
)
SELECT
    r.report_id,
    r.report_year,
    r.template,
    t.applicant_type,
    o.outcome,
    o.outcome_group,
    o.outcome_label,
    o.sort_order,
    f.report_id IS NOT NULL AS placed,
    f.applications
FROM reports AS r
JOIN lookup_outcomes AS o ON list_contains(string_split(o.templates, ','), r.template)
CROSS JOIN lookup_applicant_types AS t
LEFT JOIN fact_outcomes AS f
    ON f.report_id = r.report_id AND f.outcome = o.outcome AND f.applicant_type = t.applicant_type;
