-- How many administrative reviews and lawsuits per new application? (agency_year_measures)
SELECT agency_name, report_year, new_received, review_total, litigation_total,
       round(review_intensity, 3) AS review_intensity, round(litigation_intensity, 3) AS litigation_intensity
FROM agency_year_measures
ORDER BY agency_name, report_year;
