-- agency_year_denial_reason_mix: denial_reason_mix pooled per (agency_id, report_year, denial reason):
--   applications = Σ over the agency-year's reports, denied_total = Σ of their denied totals,
--   share = applications / denied_total (pooled ratio).
-- NULL handling (strict): a sum is NULL when any report's value is NULL; share is NULL when either sum is
-- NULL or denied_total is 0.
-- A report whose agency could not be placed (agency_id NULL) is never pooled with another: its rows stay
-- its own.
CREATE OR REPLACE VIEW agency_year_denial_reason_mix AS
WITH pooled AS (
    SELECT
        agency_id,
        report_year,
        outcome,
        any_value(outcome_label) AS outcome_label,
        any_value(denial_class) AS denial_class,
        min(sort_order) AS sort_order,
        count(*) AS reports,
        CAST(CASE WHEN count(applications) = count(*) THEN sum(applications) END AS BIGINT) AS applications,
        CAST(CASE WHEN count(denied_total) = count(*) THEN sum(denied_total) END AS BIGINT) AS denied_total
    FROM denial_reason_mix
    GROUP BY agency_id, report_year, CASE WHEN agency_id IS NULL THEN report_id END, outcome
)
SELECT *, CASE WHEN denied_total > 0 THEN applications / denied_total END AS share
FROM pooled;
