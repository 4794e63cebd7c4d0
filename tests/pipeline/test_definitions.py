"""The Dagster code location loads and its asset graph is the documented one."""

from __future__ import annotations

from dagster import AssetKey, DefaultScheduleStatus, DefaultSensorStatus

from pipelines.definitions import defs

TABLES = ["report_sources", "dim_agency", "dim_report", "report_cells", "fact_applications", "fact_outcomes",
          "fact_litigation", "fact_proactive_disclosure", "report_texts", "ingest_issues", "check_results"]


def test_asset_graph_runs_from_raw_files_to_published_warehouse() -> None:
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == {"raw_report_files", "parsed_reports", "published_warehouse", *TABLES, "warehouse_parquet_export",
                    "warehouse_charts"}
    assert graph.get(AssetKey("parsed_reports")).parent_keys == {AssetKey("raw_report_files")}
    for table in ("fact_applications", "fact_outcomes", "fact_litigation", "fact_proactive_disclosure"):
        assert AssetKey("report_cells") in graph.get(AssetKey(table)).parent_keys
    assert graph.get(AssetKey("published_warehouse")).parent_keys == {AssetKey(t) for t in TABLES}
    for downstream in ("warehouse_parquet_export", "warehouse_charts"):
        assert graph.get(AssetKey(downstream)).parent_keys == {AssetKey("published_warehouse")}


def test_every_asset_has_a_description_and_the_writer_pool() -> None:
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.pools == {"ogi_warehouse"}, key


def test_checks_schedule_and_sensor() -> None:
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert {"unique_key", "reports_have_their_cells", "C1_failures", "C5_failures", "S1_failures"} <= checks
    schedule = defs.resolve_schedule_def("nightly_ingest")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Shanghai"
    assert schedule.default_status == DefaultScheduleStatus.RUNNING
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    assert sensor.default_status == DefaultSensorStatus.RUNNING
    after_publish = defs.resolve_sensor_def("analytics_after_publish")
    assert after_publish.default_status == DefaultSensorStatus.RUNNING
    assert after_publish.job_name == "analytics_outputs"


def test_ingest_and_analytics_jobs_split_the_graph() -> None:
    ingest = {k.to_user_string() for k in defs.resolve_job_def("ingest_reports").asset_layer.executable_asset_keys}
    analytics = {k.to_user_string() for k in defs.resolve_job_def("analytics_outputs").asset_layer.executable_asset_keys}
    assert analytics == {"warehouse_parquet_export", "warehouse_charts"}
    assert "published_warehouse" in ingest and not ingest & analytics
