-- What share of handled applications was disclosed (公开率), under the three definitions? (report_measures)
-- NULL = undefined: the report handled no application (total 0) or a cell printed nothing countable.
SELECT agency_name, report_year, granted_or_partial, total, substantive_total,
       round(disclosure_rate_granted, 3) AS rate_granted,
       round(disclosure_rate, 3) AS rate_b,
       round(disclosure_rate_substantive, 3) AS rate_substantive
FROM report_measures
ORDER BY agency_name, report_year;
