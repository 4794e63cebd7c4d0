-- agency_year_report: the report that stands for an agency's year, one row per (agency_id, report_year).
-- An agency publishes one annual report; where the warehouse holds several for one agency and year (a
-- corrected re-issue, an edited copy, a partial download beside the full file), adding their numbers up
-- would count the same applications twice. The agency-year views take one of them instead: the most
-- complete (parsed before partial, then the most cells placed), then the latest signature date, then the
-- smallest report_id, so that the choice is stable. reports says how many there were, other_report_ids
-- which were set aside (to look at in report_summary). Failed reports are left out. A report whose agency
-- could not be placed (agency_id NULL) stands for itself: two counties' 统计局 are not one agency.
CREATE OR REPLACE VIEW agency_year_report AS
WITH ranked AS (
    SELECT
        agency_id,
        report_year,
        report_id,
        count(*) OVER agency_year AS reports,
        list(report_id) OVER agency_year AS report_ids,
        row_number() OVER (
            PARTITION BY agency_id, report_year, CASE WHEN agency_id IS NULL THEN report_id END
            ORDER BY parse_status = 'parsed' DESC, cells_placed DESC NULLS LAST, published_on DESC NULLS LAST, report_id
        ) AS choice
    FROM dim_report
    WHERE parse_status <> 'failed'
    WINDOW agency_year AS (PARTITION BY agency_id, report_year, CASE WHEN agency_id IS NULL THEN report_id END)
)
SELECT
    agency_id,
    report_year,
    report_id,
    reports,
    list_sort(list_filter(report_ids, lambda other: other <> report_id)) AS other_report_ids
FROM ranked
WHERE choice = 1;
