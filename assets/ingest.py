"""Ingest stage: find what is new in the raw folder, then parse it."""


from collections.abc import Iterator

import polars as pl
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.metadata import frame_metadata
from ogi import PARSER_VERSION
from ogi.ingest.steps import parse_planned, plan_run
from ogi.native import compiled_in_use
from pipelines.resources import RawReportFolder, Warehouse
from pipelines.settings import POOL


@asset(group_name="ingest", pool=POOL, kinds={"python"})
def raw_report_files(context: AssetExecutionContext, raw_folder: RawReportFolder, warehouse: Warehouse) -> MaterializeResult:
    """The report files of the raw folder that this run must read: new files, files whose size or
    modification time changed, and every file when the parser version changed. Unchanged files are
    skipped without being opened."""
    summary = plan_run(warehouse.paths(), raw_folder.folder())
    context.log.info(f"{summary.files_to_read} of {summary.files_seen} files to read")
    plan = pl.DataFrame({"files_seen": [summary.files_seen], "files_to_read": [summary.files_to_read],
                         "scan_problems": [summary.scan_problems], "parser_version": [PARSER_VERSION]})
    return MaterializeResult(metadata=frame_metadata(
        plan,
        files_seen=summary.files_seen,
        files_to_read=summary.files_to_read,
        scan_problems=summary.scan_problems,
        raw_folder=MetadataValue.path(str(raw_folder.folder())),
    ))


# Not required: when there is nothing new, the step materializes nothing and Dagster skips every step after it.
@asset(group_name="ingest", pool=POOL, deps=[raw_report_files], kinds={"python", "polars"}, output_required=False)
def parsed_reports(context: AssetExecutionContext, warehouse: Warehouse) -> Iterator[MaterializeResult]:
    """The planned files decoded, parsed into placed table cells and metadata, and staged in the work
    database (parsing runs on all cores; see ogi.extract for the parser, and ogi.native for its compiled build,
    which parser_build names).

    When there is nothing new to load, record or publish (ogi.ingest.steps._nothing_to_commit says what that
    takes), it materializes nothing: the load, check and publish steps after it are skipped, since they would
    change nothing."""
    summary = parse_planned(warehouse.paths(), warehouse.workers or None)
    if summary.nothing_to_load:
        context.log.info("nothing new to load, record or publish (no file to read, no new scan problem, verdict "
                         "or schema, the last commit published); the load, check and publish steps are skipped")
        return
    build = "compiled (mypyc)" if compiled_in_use() else "plain Python"
    context.log.info(f"parsed {summary.files_read} files in {summary.parse_seconds:.1f} s with the {build} parser: "
                     f"{summary.status_counts}; loaded into staging in {summary.load_seconds:.1f} s")
    counts = pl.DataFrame({"parse_status": list(summary.status_counts), "reports": list(summary.status_counts.values())},
                          schema={"parse_status": pl.String, "reports": pl.Int64})
    yield MaterializeResult(metadata=frame_metadata(
        counts,
        files_read=summary.files_read,
        reports_staged=summary.reports,
        cells_staged=summary.cells,
        issues_staged=summary.issues,
        parse_seconds=round(summary.parse_seconds, 2),
        spool_load_seconds=round(summary.load_seconds, 2),
        parser_build=build,
        **{f"status_{k}": v for k, v in summary.status_counts.items()},
    ))
