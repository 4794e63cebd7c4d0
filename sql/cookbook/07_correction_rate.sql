-- How often were the agencies' decisions corrected on review or in court (纠错率), per province and year?
-- Pooled: Σ corrected / Σ cases; NULL when there was no case.
SELECT province, report_year, sum(review_corrected) AS review_corrected, sum(review_total) AS review_total,
       round(sum(review_corrected) / nullif(sum(review_total), 0), 3) AS review_correction_rate,
       sum(litigation_corrected) AS litigation_corrected, sum(litigation_total) AS litigation_total,
       round(sum(litigation_corrected) / nullif(sum(litigation_total), 0), 3) AS litigation_correction_rate
FROM agency_year_measures
GROUP BY ALL
ORDER BY province, report_year;
