-- Which grounds were used to refuse disclosure (不予公开), and how many refusals were discretionary?
-- (denial_reason_mix pooled over all reports; share NULL when nothing was denied)
SELECT outcome, outcome_label, denial_class, sum(applications) AS applications,
       sum(denied_total) AS denied_total,
       round(sum(applications) / nullif(sum(denied_total), 0), 3) AS share
FROM denial_reason_mix
GROUP BY ALL
ORDER BY min(sort_order);
