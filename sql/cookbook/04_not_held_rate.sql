-- How often did agencies answer "本机关不掌握相关政府信息" (information not held)? (report_measures)
SELECT agency_name, report_year, unable_not_held, total, round(not_held_rate, 3) AS not_held_rate
FROM report_measures
ORDER BY agency_name, report_year;
