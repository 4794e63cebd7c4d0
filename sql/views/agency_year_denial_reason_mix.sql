-- agency_year_denial_reason_mix: denial_reason_mix per (agency_id, report_year, denial reason), from the
-- report that stands for the agency's year (agency_year_report: one of several, never their sum).
-- share = applications / denied_total; NULL when either is NULL or denied_total is 0 (see denial_reason_mix).
-- A report whose agency could not be placed (agency_id NULL) is rows of its own.
CREATE OR REPLACE VIEW agency_year_denial_reason_mix AS
SELECT
    d.agency_id,
    d.report_year,
    d.outcome,
    d.outcome_label,
    d.denial_class,
    d.sort_order,
    a.reports,
    a.report_id,
    d.applications,
    d.denied_total,
    d.share
FROM agency_year_report AS a
JOIN denial_reason_mix AS d USING (report_id);
