-- denial_reason_mix: the denial-reason mix (FORMAT.md §11), one row per (report_id, denial reason), on the
-- 总计 column of section 三.
--   share       = applications / denied_total, denied_total = Σ of the eight denied_* rows (不予公开)
--   denial_class = 'mandatory' (denied_state_secret, denied_prohibited_by_law, denied_security_stability,
--                  denied_third_party_rights), 'discretionary' (denied_internal_affairs 三类内部事务,
--                  denied_process_information 四类过程性信息, denied_enforcement_case_file 行政执法案卷),
--                  'query' (denied_administrative_query, in neither class)
-- NULL handling: applications is NULL when the cell printed no number or was not placed; denied_total is
-- NULL when any of the eight is; share is NULL when either is NULL or denied_total is 0 (nothing denied).
CREATE OR REPLACE VIEW denial_reason_mix AS
WITH cells AS (
    SELECT g.report_id, g.report_year, g.template, g.outcome, g.outcome_label, g.sort_order, g.applications
    FROM outcome_grid AS g
    WHERE g.applicant_type = 'total' AND g.outcome_group = 'denied'
)
SELECT
    c.report_id,
    d.agency_id,
    c.report_year,
    c.template,
    c.outcome,
    c.outcome_label,
    CASE
        WHEN c.outcome IN ('denied_internal_affairs', 'denied_process_information', 'denied_enforcement_case_file')
            THEN 'discretionary'
        WHEN c.outcome = 'denied_administrative_query' THEN 'query'
        ELSE 'mandatory'
    END AS denial_class,
    c.sort_order,
    c.applications,
    g.applications AS denied_total,
    CASE WHEN g.applications > 0 THEN c.applications / g.applications END AS share
FROM cells AS c
JOIN dim_report AS d ON d.report_id = c.report_id
JOIN outcome_groups AS g
    ON g.report_id = c.report_id AND g.applicant_type = 'total' AND g.outcome_group = 'denied';
