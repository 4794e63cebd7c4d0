-- Which consistency rules do reports fail, and which reports? (rule_failures, failing_reports)
SELECT f.rule, f.severity, f.reports_checked, f.reports_failed,
       list(r.agency_name ORDER BY r.agency_name) FILTER (WHERE r.report_id IS NOT NULL) AS failing_agencies
FROM rule_failures AS f
LEFT JOIN failing_reports AS r ON list_contains(r.rules_failed, f.rule)
GROUP BY ALL
ORDER BY f.rule;
