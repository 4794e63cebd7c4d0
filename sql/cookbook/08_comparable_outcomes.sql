-- Outcomes over time on one vocabulary: 2021's three other_* rows summed into 2019's `other`.
-- One report per agency and year (agency_year_report), so a re-issued report is not counted twice.
SELECT o.report_year, o.template, o.outcome, o.outcome_label, sum(o.applications) AS applications,
       count(*) AS agency_years
FROM outcomes_comparable AS o
JOIN agency_year_report AS a USING (report_id)
WHERE o.applicant_type = 'total' AND o.outcome_group IN ('granted', 'not_processed', 'other', 'total')
GROUP BY ALL
ORDER BY o.report_year, o.template, min(o.sort_order);
