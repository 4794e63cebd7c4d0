-- Which agencies carry applications into the next year (backlog = carried_forward / caseload)?
SELECT agency_name, report_year, carried_forward, caseload, round(backlog_rate, 3) AS backlog_rate
FROM agency_year_measures
ORDER BY backlog_rate DESC NULLS LAST, agency_name;
