-- agency_year_measures: report_measures per (agency_id, report_year), from the report that stands for the
-- agency's year (agency_year_report: where an agency has several reports for one year — a re-issue, an
-- edited copy, a partial download — the most complete one; their numbers are never added up). reports and
-- other_report_ids say whether there were others. Definitions, NULL and zero-denominator rules: see
-- report_measures. Failed reports are left out; a report whose agency could not be placed (agency_id NULL)
-- is a row of its own.
CREATE OR REPLACE VIEW agency_year_measures AS
SELECT
    m.agency_id,
    m.report_year,
    m.agency_name,
    m.province,
    m.agency_kind,
    a.reports,
    a.report_id,
    a.other_report_ids,
    m.template,
    m.parse_status,
    m.* EXCLUDE (report_id, agency_id, report_year, agency_name, province, agency_kind, template, parse_status,
                 source_path)
FROM agency_year_report AS a
JOIN report_measures AS m USING (report_id);
