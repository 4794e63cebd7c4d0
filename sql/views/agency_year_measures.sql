-- agency_year_measures: the measures of report_measures pooled per (agency_id, report_year).
-- An agency usually publishes one report a year; when it published several (re-issued or split reports),
-- counts are summed over them and every rate is recomputed from the summed numerator and denominator
-- (a pooled ratio, not a mean of the reports' rates). Definitions: see report_measures.
-- NULL handling (strict): a summed count is NULL when it is NULL in any of the agency-year's reports, and a
-- rate is NULL when its numerator or denominator is NULL or its denominator is 0. Failed reports are left out.
-- A report whose agency could not be placed (agency_id NULL) is never pooled with another: two counties'
-- 统计局 are not one agency. Each such report is a row of its own.
CREATE OR REPLACE VIEW agency_year_measures AS
WITH pooled AS (
    SELECT
        agency_id,
        report_year,
        any_value(agency_name) AS agency_name,
        any_value(province) AS province,
        any_value(agency_kind) AS agency_kind,
        count(*) AS reports,
        list(DISTINCT template ORDER BY template) AS templates,
        sum(hard_checks_failed) AS hard_checks_failed,
        CAST(CASE WHEN count(new_received) = count(*) THEN sum(new_received) END AS BIGINT) AS new_received,
        CAST(CASE WHEN count(carried_over) = count(*) THEN sum(carried_over) END AS BIGINT) AS carried_over,
        CAST(CASE WHEN count(caseload) = count(*) THEN sum(caseload) END AS BIGINT) AS caseload,
        CAST(CASE WHEN count(carried_forward) = count(*) THEN sum(carried_forward) END AS BIGINT) AS carried_forward,
        CAST(CASE WHEN count(granted) = count(*) THEN sum(granted) END AS BIGINT) AS granted,
        CAST(CASE WHEN count(partially_granted) = count(*) THEN sum(partially_granted) END AS BIGINT) AS partially_granted,
        CAST(CASE WHEN count(granted_or_partial) = count(*) THEN sum(granted_or_partial) END AS BIGINT) AS granted_or_partial,
        CAST(CASE WHEN count(total) = count(*) THEN sum(total) END AS BIGINT) AS total,
        CAST(CASE WHEN count(substantive_total) = count(*) THEN sum(substantive_total) END AS BIGINT) AS substantive_total,
        CAST(CASE WHEN count(unable_not_held) = count(*) THEN sum(unable_not_held) END AS BIGINT) AS unable_not_held,
        CAST(CASE WHEN count(denied) = count(*) THEN sum(denied) END AS BIGINT) AS denied,
        CAST(CASE WHEN count(denied_mandatory) = count(*) THEN sum(denied_mandatory) END AS BIGINT) AS denied_mandatory,
        CAST(CASE WHEN count(denied_discretionary) = count(*) THEN sum(denied_discretionary) END AS BIGINT) AS denied_discretionary,
        CAST(CASE WHEN count(review_total) = count(*) THEN sum(review_total) END AS BIGINT) AS review_total,
        CAST(CASE WHEN count(review_corrected) = count(*) THEN sum(review_corrected) END AS BIGINT) AS review_corrected,
        CAST(CASE WHEN count(review_pending) = count(*) THEN sum(review_pending) END AS BIGINT) AS review_pending,
        CAST(CASE WHEN count(review_decided) = count(*) THEN sum(review_decided) END AS BIGINT) AS review_decided,
        CAST(CASE WHEN count(litigation_total) = count(*) THEN sum(litigation_total) END AS BIGINT) AS litigation_total,
        CAST(CASE WHEN count(litigation_corrected) = count(*) THEN sum(litigation_corrected) END AS BIGINT) AS litigation_corrected,
        CAST(CASE WHEN count(litigation_pending) = count(*) THEN sum(litigation_pending) END AS BIGINT) AS litigation_pending,
        CAST(CASE WHEN count(litigation_decided) = count(*) THEN sum(litigation_decided) END AS BIGINT) AS litigation_decided
    FROM report_measures
    WHERE parse_status <> 'failed'
    GROUP BY agency_id, report_year, CASE WHEN agency_id IS NULL THEN report_id END
)
SELECT
    *,
    CASE WHEN total > 0 THEN granted / total END AS disclosure_rate_granted,
    CASE WHEN total > 0 THEN granted_or_partial / total END AS disclosure_rate,
    CASE WHEN substantive_total > 0 THEN granted_or_partial / substantive_total END AS disclosure_rate_substantive,
    CASE WHEN total > 0 THEN unable_not_held / total END AS not_held_rate,
    CASE WHEN denied > 0 THEN denied_discretionary / denied END AS discretionary_denial_share,
    CASE WHEN caseload > 0 THEN carried_forward / caseload END AS backlog_rate,
    CASE WHEN new_received > 0 THEN review_total / new_received END AS review_intensity,
    CASE WHEN new_received > 0 THEN litigation_total / new_received END AS litigation_intensity,
    CASE WHEN review_total > 0 THEN review_corrected / review_total END AS review_correction_rate,
    CASE WHEN review_decided > 0 THEN review_corrected / review_decided END AS review_correction_rate_decided,
    CASE WHEN litigation_total > 0 THEN litigation_corrected / litigation_total END AS litigation_correction_rate,
    CASE WHEN litigation_decided > 0 THEN litigation_corrected / litigation_decided END
        AS litigation_correction_rate_decided
FROM pooled;
