"""python3 -m dateline.dask: tag or read JSONL records on a Dask cluster, or
build their timeline.

    python3 -m dateline.dask tag [--scheduler ADDRESS | --workers N] [--lang L]
                                 [-o OUT.jsonl] RECORDS.jsonl...
    python3 -m dateline.dask timeline [--query Q] [--dates N] [--sentences K]
                                      [--from DATE] [--to DATE] [--format F] RECORDS.jsonl...

``timeline`` prints what ``dateline timeline --format F`` prints for a store
that ingested the same files in the same order (dateline.dask.timeline).

Records (``id``, ``url``, ``time``, ``title``, ``text`` or ``html``, one a
line, as ``dateline ingest`` takes them; .gz files too) are read by the
workers, one partition per file (split further with ``--partitions``), tagged
(or read) with one engine per worker process, and written to OUT (standard
output by default) in input order: annotated records for ``tag``, articles
for ``read``. A record that fails is written as ``{"source", "error"}``, its
message goes to the error stream, and the exit status is 1; the others go on.
A progress line is drawn on the error stream when it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import sys
import time
from typing import Iterator, Optional, TextIO

import dask
import dask.bag as db
from distributed import Client, LocalCluster, as_completed

import dateline
import dateline.dask as dd


def _read_records(path: str) -> list:
    """The lines of a records file as (line, "path:N") pairs."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="surrogateescape") as f:
        return [(line, f"{path}:{n}") for n, line in enumerate(f, 1)]


def _parse_args(argv: Optional[list]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m dateline.dask",
        description="Tag or read JSONL records (id, url, time, title, text or html) on a Dask "
                    "cluster, one dateline engine per worker process.")
    parser.add_argument("command", choices=["tag", "read", "timeline"],
                        help="tag: annotated records out; read: articles out; timeline: their "
                             "timeline")
    parser.add_argument("inputs", nargs="+", metavar="RECORDS.jsonl",
                        help="JSONL record files (.jsonl, .ndjson, optionally .gz)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="the scheduler of a running cluster (tcp://host:8786); the workers "
                            "must see the input files")
    where.add_argument("--workers", type=int, default=None,
                       help="start a LocalCluster of this many worker processes (default: one "
                            "per core)")
    parser.add_argument("--threads-per-worker", type=int, default=1,
                        help="threads of each LocalCluster worker (default 1)")
    parser.add_argument("--lang", default=None, help="force a language (default: per record)")
    parser.add_argument("--mode", default="news", choices=["news", "narratives"])
    parser.add_argument("--no-sentences", action="store_true",
                        help="do not split and date sentences (tag)")
    parser.add_argument("--rules", default=None, metavar="DIR",
                        help="load the rules from DIR (every worker must see it)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="split the records into this many partitions (default: one per "
                             "file, at least two per worker thread)")
    parser.add_argument("-o", "--output", default="-",
                        help="output JSONL file (default: standard output)")
    parser.add_argument("--quiet", action="store_true", help="no progress line, no summary")
    timeline = parser.add_argument_group("timeline")
    timeline.add_argument("--query", default="", help="full-text query (default: all)")
    timeline.add_argument("--dates", type=int, default=10, help="dates to keep (default 10)")
    timeline.add_argument("--sentences", type=int, default=2,
                          help="sentences per date (default 2)")
    timeline.add_argument("--from", dest="from_", default=None, metavar="DATE")
    timeline.add_argument("--to", default=None, metavar="DATE")
    timeline.add_argument("--format", default="json",
                          choices=["json", "md", "tilse", "timelinejs", "html"])
    return parser.parse_args(argv)


def _progress(out: TextIO, done: int, total: int, records: int, errors: int,
              seconds: float) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    rate = records / seconds if seconds > 0 else 0.0
    out.write(f"\r[{'=' * filled:<{width}}] {done}/{total} partitions  {records} records  "
              f"{errors} errors  {rate:.0f} records/s ")
    if done == total:
        out.write("\n")
    out.flush()


def _ordered(futures: list) -> Iterator[tuple]:
    """(index, lines) of each partition in order, as soon as the partitions
    before it are done; the others wait in memory."""
    position = {future.key: i for i, future in enumerate(futures)}
    waiting: dict = {}
    next_index = 0
    for future in as_completed(futures):
        waiting[position[future.key]] = future.result()
        future.release()
        while next_index in waiting:
            yield next_index, waiting.pop(next_index)
            next_index += 1


def run(args: argparse.Namespace) -> int:
    for path in args.inputs:
        if not os.path.isfile(path):
            print(f"dateline.dask: {path}: no such file", file=sys.stderr)
            return 2
    if args.lang not in (None, "", "auto"):
        dateline.default_engine().check_language(args.lang)  # before a cluster starts
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            # The workers' statistical profiler feeds a dashboard this command
            # does not show, and cost 40% more CPU a record (ml-crisis-fr).
            stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
            cluster = stack.enter_context(LocalCluster(
                n_workers=args.workers or os.cpu_count() or 1,
                threads_per_worker=args.threads_per_worker, processes=True,
                dashboard_address=":0"))
            client = stack.enter_context(Client(cluster))
        dd.register(client, args.rules)
        threads = sum(client.nthreads().values()) or 1
        if args.command == "timeline":
            return _timeline(args, client, threads, stack)

        lines = db.from_delayed([dask.delayed(_read_records)(os.path.abspath(p))
                                 for p in args.inputs])
        partitions = args.partitions or max(lines.npartitions, 2 * threads)
        if partitions != lines.npartitions:
            lines = lines.repartition(npartitions=partitions)
        if args.command == "tag":
            out_bag = dd.tag_bag(lines, lang=args.lang, mode=args.mode,
                                 sentences=not args.no_sentences, rules_dir=args.rules,
                                 output="lines")
        else:
            out_bag = dd.read_bag(lines, rules_dir=args.rules, output="lines")

        futures = client.compute(out_bag.to_delayed())
        show = not args.quiet and sys.stderr.isatty()
        start = time.monotonic()
        records = errors = 0
        out = sys.stdout if args.output == "-" else stack.enter_context(
            open(args.output, "w", encoding="utf-8"))
        for index, part in _ordered(futures):
            for line, error in part:
                out.write(line + "\n")
                if error is not None:
                    errors += 1
                    print(f"dateline.dask: {error}", file=sys.stderr)
            records += len(part)
            if show:
                _progress(sys.stderr, index + 1, len(futures), records, errors,
                          time.monotonic() - start)
        out.flush()
        if not args.quiet:
            seconds = time.monotonic() - start
            print(f"{args.command}: {records} records, {errors} errors, {seconds:.1f} s "
                  f"({records / seconds if seconds > 0 else 0:.0f} records/s) on {threads} worker "
                  f"threads", file=sys.stderr)
    return 1 if errors else 0


def _timeline(args: argparse.Namespace, client: Client, threads: int,
              stack: contextlib.ExitStack) -> int:
    start = time.monotonic()
    problems: list = []
    built = dd.timeline(args.inputs, query=args.query, dates=args.dates,
                        sentences=args.sentences, from_=args.from_, to=args.to,
                        ingest_lang=args.lang, rules_dir=args.rules, client=client,
                        partitions=args.partitions or 2 * threads, problems=problems)
    out = sys.stdout if args.output == "-" else stack.enter_context(
        open(args.output, "w", encoding="utf-8"))
    out.write(built.format(args.format))
    out.flush()
    for problem in problems:
        print(f"dateline.dask: {problem}", file=sys.stderr)
    if not args.quiet:
        print(f"timeline: {len(built)} dates, {len(problems)} records skipped, "
              f"{time.monotonic() - start:.1f} s on {threads} worker threads", file=sys.stderr)
    return 0


def main(argv: Optional[list] = None) -> int:
    args = _parse_args(argv)
    try:
        return run(args)
    except (ValueError, dateline.Error) as e:
        print(f"dateline.dask: {e}", file=sys.stderr)
        return 2 if isinstance(e, ValueError) else 1


if __name__ == "__main__":
    sys.exit(main())
