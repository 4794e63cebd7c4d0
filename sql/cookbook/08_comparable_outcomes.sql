-- Outcomes over time on one vocabulary: 2021's three other_* rows summed into 2019's `other`.
SELECT report_year, template, outcome, outcome_label, sum(applications) AS applications, count(*) AS reports
FROM outcomes_comparable
WHERE applicant_type = 'total' AND outcome_group IN ('granted', 'not_processed', 'other', 'total')
GROUP BY ALL
ORDER BY report_year, template, min(sort_order);
