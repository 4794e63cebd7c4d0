-- How often were the agencies' decisions corrected on review or in court (纠错率), per province and year?
-- Pooled: Σ corrected / Σ cases over one report per agency and year. An agency-year whose corrected count or
-- case total is unknown (blank, a dash) is left out of both sums. NULL when there was no case.
SELECT province, report_year,
       sum(review_corrected) FILTER (WHERE review_total IS NOT NULL) AS review_corrected,
       sum(review_total) FILTER (WHERE review_corrected IS NOT NULL) AS review_total,
       round(sum(review_corrected) FILTER (WHERE review_total IS NOT NULL)
             / nullif(sum(review_total) FILTER (WHERE review_corrected IS NOT NULL), 0), 3) AS review_correction_rate,
       sum(litigation_corrected) FILTER (WHERE litigation_total IS NOT NULL) AS litigation_corrected,
       sum(litigation_total) FILTER (WHERE litigation_corrected IS NOT NULL) AS litigation_total,
       round(sum(litigation_corrected) FILTER (WHERE litigation_total IS NOT NULL)
             / nullif(sum(litigation_total) FILTER (WHERE litigation_corrected IS NOT NULL), 0), 3)
           AS litigation_correction_rate
FROM agency_year_measures
GROUP BY ALL
ORDER BY province, report_year;
