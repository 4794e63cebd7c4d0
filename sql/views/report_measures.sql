-- report_measures: the analytical measures of FORMAT.md §11, one row per report, each rate published with
-- its numerator and denominator. Counts are the 总计 column of section 三 / section 四 (report_summary).
--
--   disclosure_rate_granted      (a)  = granted / total
--   disclosure_rate              (b)  公开率 = (granted + partially_granted) / total
--   disclosure_rate_substantive  (c)  = (granted + partially_granted) / substantive_total,
--                                      substantive_total = total − not_processed − other
--                                      (other = 2019 `other`, or Σ 2021 other_*, as in rule C2)
--   not_held_rate                     = unable_not_held (本机关不掌握相关政府信息) / total
--   discretionary_denial_share        = denied_discretionary / denied, where discretionary =
--                                      denied_internal_affairs + denied_process_information + denied_enforcement_case_file
--                                      and mandatory = denied_state_secret + denied_prohibited_by_law +
--                                      denied_security_stability + denied_third_party_rights
--                                      (denied_administrative_query is in neither class); per reason: denial_reason_mix
--   backlog_rate                      = carried_forward / caseload, caseload = new_received + carried_over
--   review_intensity                  = review_total / new_received
--   litigation_intensity              = litigation_total / new_received (litigation = direct + after review)
--   review_correction_rate            = review_corrected / review_total (纠错率)
--   review_correction_rate_decided    = review_corrected / review_decided, review_decided = review_total − review_pending
--   litigation_correction_rate(_decided): the same on litigation_direct + litigation_after_review
--
-- NULL and zero handling, for every rate: NULL when the numerator or the denominator is NULL (a cell printed
-- nothing countable or was not placed — never read as 0), and NULL when the denominator is 0 (no
-- applications, no cases: the rate is undefined, not 0 %). Rates are fractions (0.25 = 25 %), DOUBLE.
CREATE OR REPLACE VIEW report_measures AS
WITH reasons AS (
    SELECT
        report_id,
        max(applications) FILTER (WHERE outcome = 'unable_not_held') AS unable_not_held,
        CAST(CASE WHEN count(applications) FILTER (WHERE outcome IN
                  ('denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party_rights')) = 4
             THEN sum(applications) FILTER (WHERE outcome IN
                  ('denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party_rights'))
             END AS BIGINT) AS denied_mandatory,
        CAST(CASE WHEN count(applications) FILTER (WHERE outcome IN
                  ('denied_internal_affairs', 'denied_process_information', 'denied_enforcement_case_file')) = 3
             THEN sum(applications) FILTER (WHERE outcome IN
                  ('denied_internal_affairs', 'denied_process_information', 'denied_enforcement_case_file'))
             END AS BIGINT) AS denied_discretionary
    FROM outcome_grid
    WHERE applicant_type = 'total'
    GROUP BY report_id
),
base AS (
    SELECT
        s.report_id, s.agency_id, s.agency_name, s.province, s.agency_kind, s.report_year, s.template,
        s.parse_status,
        s.new_received, s.carried_over, s.new_received + s.carried_over AS caseload, s.carried_forward,
        s.granted, s.partially_granted, s.granted + s.partially_granted AS granted_or_partial,
        s.total, s.total - s.not_processed - s.other AS substantive_total,
        r.unable_not_held, s.denied, r.denied_mandatory, r.denied_discretionary,
        s.review_total, s.review_corrected, s.review_pending, s.review_total - s.review_pending AS review_decided,
        s.litigation_total, s.litigation_corrected, s.litigation_pending,
        s.litigation_total - s.litigation_pending AS litigation_decided,
        s.hard_checks_failed, s.source_path
    FROM report_summary AS s
    LEFT JOIN reasons AS r USING (report_id)
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
FROM base;
