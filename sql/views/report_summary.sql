-- report_summary: the headline numbers, one row per report (WAREHOUSE.md "Views": the wide view).
-- All counts are the `total` (总计) column of section 三 and the 总计 column of section 四.
--   new_received, carried_over, carried_forward  = rows 一、二、四 (fact_applications, applicant_type 'total')
--   granted … other, total                       = outcome_groups subtotals ('other' = the 2019 row or the
--                                                   sum of the three 2021 other_* rows); total = （七）总计 as printed
--   review_*      = L[administrative_review, *]
--   litigation_*  = L[litigation_direct, *] + L[litigation_after_review, *]
--   hard_checks_failed / soft_checks_failed / checks_not_evaluable = check_results rows with passed FALSE
--                   (severity error = C-rules, warning = S-rules) / passed NULL
-- NULL handling: a count is NULL when the report printed nothing countable there or the cell was not placed
-- (partial reports); a sum is NULL when any of its cells is (never a silent 0). Failed reports have a row
-- with every count NULL.
CREATE OR REPLACE VIEW report_summary AS
WITH apps AS (
    SELECT report_id, new_received, carried_over, carried_forward
    FROM fact_applications
    WHERE applicant_type = 'total'
),
groups AS (
    SELECT
        report_id,
        max(applications) FILTER (WHERE outcome_group = 'granted') AS granted,
        max(applications) FILTER (WHERE outcome_group = 'partially_granted') AS partially_granted,
        max(applications) FILTER (WHERE outcome_group = 'denied') AS denied,
        max(applications) FILTER (WHERE outcome_group = 'unable_to_provide') AS unable_to_provide,
        max(applications) FILTER (WHERE outcome_group = 'not_processed') AS not_processed,
        max(applications) FILTER (WHERE outcome_group = 'other') AS other,
        max(applications) FILTER (WHERE outcome_group = 'total') AS total
    FROM outcome_groups
    WHERE applicant_type = 'total'
    GROUP BY report_id
),
lit AS (
    SELECT
        report_id,
        max(cases) FILTER (WHERE proceeding = 'administrative_review' AND result = 'upheld') AS review_upheld,
        max(cases) FILTER (WHERE proceeding = 'administrative_review' AND result = 'corrected') AS review_corrected,
        max(cases) FILTER (WHERE proceeding = 'administrative_review' AND result = 'other') AS review_other,
        max(cases) FILTER (WHERE proceeding = 'administrative_review' AND result = 'pending') AS review_pending,
        max(cases) FILTER (WHERE proceeding = 'administrative_review' AND result = 'total') AS review_total,
        CASE WHEN count(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'upheld') = 2
             THEN sum(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'upheld') END
            AS litigation_upheld,
        CASE WHEN count(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'corrected') = 2
             THEN sum(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'corrected') END
            AS litigation_corrected,
        CASE WHEN count(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'other') = 2
             THEN sum(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'other') END
            AS litigation_other,
        CASE WHEN count(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'pending') = 2
             THEN sum(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'pending') END
            AS litigation_pending,
        CASE WHEN count(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'total') = 2
             THEN sum(cases) FILTER (WHERE proceeding <> 'administrative_review' AND result = 'total') END
            AS litigation_total
    FROM fact_litigation
    GROUP BY report_id
),
checks AS (
    SELECT
        report_id,
        count(*) FILTER (WHERE passed = FALSE AND severity = 'error') AS hard_checks_failed,
        list(DISTINCT rule ORDER BY rule) FILTER (WHERE passed = FALSE AND severity = 'error') AS hard_rules_failed,
        count(*) FILTER (WHERE passed = FALSE AND severity = 'warning') AS soft_checks_failed,
        count(*) FILTER (WHERE passed IS NULL) AS checks_not_evaluable
    FROM check_results
    GROUP BY report_id
)
SELECT
    d.report_id,
    d.agency_id,
    coalesce(a.agency_name, d.agency_name) AS agency_name,
    a.province,
    a.prefecture,
    a.county,
    a.township,
    a.division_code,
    a.admin_level,
    a.agency_kind,
    d.report_year,
    d.template,
    d.parse_status,
    d.published_on,
    apps.new_received,
    apps.carried_over,
    groups.granted,
    groups.partially_granted,
    groups.denied,
    groups.unable_to_provide,
    groups.not_processed,
    groups.other,
    groups.total,
    apps.carried_forward,
    lit.review_upheld,
    lit.review_corrected,
    lit.review_other,
    lit.review_pending,
    lit.review_total,
    CAST(lit.litigation_upheld AS BIGINT) AS litigation_upheld,
    CAST(lit.litigation_corrected AS BIGINT) AS litigation_corrected,
    CAST(lit.litigation_other AS BIGINT) AS litigation_other,
    CAST(lit.litigation_pending AS BIGINT) AS litigation_pending,
    CAST(lit.litigation_total AS BIGINT) AS litigation_total,
    coalesce(checks.hard_checks_failed, 0) AS hard_checks_failed,
    coalesce(checks.hard_rules_failed, []) AS hard_rules_failed,
    coalesce(checks.soft_checks_failed, 0) AS soft_checks_failed,
    coalesce(checks.checks_not_evaluable, 0) AS checks_not_evaluable,
    d.source_path
FROM dim_report AS d
LEFT JOIN dim_agency AS a ON a.agency_id = d.agency_id
LEFT JOIN apps ON apps.report_id = d.report_id
LEFT JOIN groups ON groups.report_id = d.report_id
LEFT JOIN lit ON lit.report_id = d.report_id
LEFT JOIN checks ON checks.report_id = d.report_id;
