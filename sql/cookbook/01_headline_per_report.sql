-- How many applications did each agency receive and handle, and how did it answer them? (report_summary)
SELECT agency_name, report_year, template, new_received, carried_over, granted, partially_granted, denied,
       unable_to_provide, not_processed, other, total, carried_forward
FROM report_summary
ORDER BY agency_name, report_year;
