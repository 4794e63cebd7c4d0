-- Which grounds were used to refuse disclosure (不予公开), and how many refusals were discretionary?
-- Pooled over one report per agency and year (agency_year_denial_reason_mix: a re-issue is not counted twice);
-- agency-years with a denial row left blank or unreadable have no denial total and are left out of both
-- sums, so the shares add up to 1. Share NULL when nothing was denied.
SELECT outcome, outcome_label, denial_class, sum(applications) AS applications,
       sum(denied_total) AS denied_total,
       round(sum(applications) / nullif(sum(denied_total), 0), 3) AS share,
       count(*) AS agency_years
FROM agency_year_denial_reason_mix
WHERE denied_total IS NOT NULL
GROUP BY ALL
ORDER BY min(sort_order);
