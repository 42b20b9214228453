"""The Python binding's speed against the C++ library, measured in one run.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py [--mb N] [--no-dask]

French news (shared/data/tls/ml-crisis-fr/<topic>/<date>/*.txt, the DCT from
the date folder: the texts build/tag_bench tags) is tagged

1. by build/tag_bench (C++, Tagger::Tag in a loop) on 1 thread and on every
   core;
2. right after, by Engine.pipe() over records ({"text", "time"}: each text its own DCT),
   French given, no sentence splitting (tag_bench splits none), on 1 thread
   (wall and CPU time of the calling thread, which does the C++ work with
   n_threads=1) and on 2;
3. by dateline.dask.tag_bag (records read from JSONL files, annotated
   records out as JSON lines, counted) on Dask's synchronous scheduler in
   this process, then on a LocalCluster of 1 and of 2 worker processes (one
   thread each).

1 and 2 are repeated in rounds, and each ratio is taken within its round: the
machine is shared, and its load changes within a minute (the load average is
printed too). Expressions found per pass must equal
tag_bench's (the same work is done).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def load_french(shared: Path) -> list:
    records = []
    root = shared / "data" / "tls" / "ml-crisis-fr"
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        for day in sorted(p for p in topic.iterdir() if p.is_dir()):
            for path in sorted(day.glob("*.txt")):
                records.append({"text": path.read_text(encoding="utf-8"), "time": day.name})
    return records


def run_tag_bench(binary: Path, shared: Path, mb: float) -> dict:
    out = subprocess.run([str(binary), "--shared", str(shared), "--mb", str(mb)],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("fr ml-crisis-fr"):
            left, right, ratios = line.split("|")
            fields = left.split()
            one, cpu, all_, _base = (float(x) for x in right.split())
            return {"mb": float(fields[3]), "expressions": int(fields[5]), "one": one,
                    "cpu": cpu, "all": all_}
    raise RuntimeError("tag_bench printed no French row:\n" + out)


def time_pipe(engine, records, passes: int, n_threads: int) -> dict:
    expressions = 0
    wall = time.perf_counter()
    cpu = time.thread_time()
    for _ in range(passes):
        for doc in engine.pipe(records, lang="fr", sentences=False, n_threads=n_threads):
            expressions += len(doc.expressions)
    cpu = time.thread_time() - cpu
    wall = time.perf_counter() - wall
    mb = sum(len(r["text"].encode()) for r in records) * passes / 1e6
    return {"one": mb / wall, "cpu": mb / cpu, "expressions": expressions // passes}


def dask_runs(records: list, copies: int, rounds: int) -> list:
    """Rounds of (synchronous scheduler, 1 worker, 2 workers) throughputs in
    MB/s; both clusters are up and warm before the first round."""
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    import dateline.dask

    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        lines = [json.dumps(r, ensure_ascii=False) for r in records] * copies
        per_file = (len(lines) + 15) // 16
        files = []
        for k in range(0, len(lines), per_file):
            path = Path(tmp) / f"part-{k // per_file:02d}.jsonl"
            path.write_text("\n".join(lines[k:k + per_file]) + "\n", encoding="utf-8")
            files.append(path)
        mb = sum(len(r["text"].encode()) for r in records) * copies / 1e6

        def bag_of(round_name: str):
            # Files under a new name each time: the same keys would be
            # answered from the scheduler's memory.
            folder = Path(tmp) / round_name
            folder.mkdir()
            for path in files:
                (folder / path.name).symlink_to(path)
            paths = [str(folder / path.name) for path in files]
            return dateline.dask.tag_bag(db.read_text(paths), sentences=False, output="json")

        # As python3 -m dateline.dask starts its cluster: without the workers'
        # profiler (a dashboard's), which costs 40% more CPU a record.
        stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
        clients = {}
        for workers in (1, 2):
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=":0"))
            clients[workers] = stack.enter_context(Client(cluster, set_as_default=False))
            dateline.dask.register(clients[workers])
            clients[workers].compute(bag_of(f"warm-{workers}").count()).result()
        bag_of("warm-sync").count().compute(scheduler="sync")

        def cpu_seconds(client=None) -> float:
            # This process (client, scheduler, or the synchronous run), and
            # the workers' processes.
            here = sum(os.times()[:2])
            if client is None:
                return here
            return here + sum(client.run(lambda: sum(os.times()[:2])).values())

        results = []
        for r in range(rounds):
            row = {}
            cpu, start = cpu_seconds(), time.perf_counter()
            count = bag_of(f"sync-{r}").count().compute(scheduler="sync")
            row["process"] = mb / (time.perf_counter() - start)
            row["process cpu"] = (cpu_seconds() - cpu) / mb
            for workers, client in clients.items():
                bag = bag_of(f"{workers}-{r}")
                cpu, start = cpu_seconds(client), time.perf_counter()
                count = client.compute(bag.count()).result()
                row[workers] = mb / (time.perf_counter() - start)
                row[f"{workers} cpu"] = (cpu_seconds(client) - cpu) / mb
                assert count == len(lines), (count, len(lines))
            results.append(row)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.environ.get("DATELINE_SHARED", "../shared"))
    parser.add_argument("--build", default="build", help="the build folder (tag_bench)")
    parser.add_argument("--mb", type=float, default=20, help="MB a measurement (default 20)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of C++ and Python")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    shared = Path(args.shared)
    tag_bench = Path(args.build) / "tag_bench"
    if not (shared / "data").is_dir() or not tag_bench.exists():
        print(f"python_bench: needs {shared}/data and {tag_bench}", file=sys.stderr)
        return 1

    import dateline

    print(f"python_bench: dateline {dateline.__version__}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")
    records = load_french(shared)
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    passes = max(1, math.ceil(args.mb / mb))  # as tag_bench counts them
    engine = dateline.Engine()
    for _doc in engine.pipe(records, lang="fr", sentences=False):
        pass  # warm: the texts' UTF-8 cached, the allocator grown

    # Rounds of (C++, Python 1 thread, Python 2 threads), each ratio taken
    # within its round: the load on a shared machine changes within a minute.
    rows = []
    for _ in range(args.rounds):
        cxx = run_tag_bench(tag_bench, shared, args.mb)
        py1 = time_pipe(engine, records, passes, 1)
        py2 = time_pipe(engine, records, passes, 2)
        rows.append((cxx, py1, py2))

    print(f"\nFrench ml-crisis-fr: {len(records)} texts, {mb:.2f} MB, {passes} passes a "
          f"measurement, {args.rounds} rounds; expressions per pass: C++ "
          f"{rows[0][0]['expressions']}, Python {rows[0][1]['expressions']}")
    print(f"{'round':>5} | {'C++ 1 thr':>9} {'(CPU)':>7} {'2 thr':>7} | {'Python 1':>9} {'(CPU)':>7} "
          f"{'2 thr':>7} | {'Py/C++ 1':>8} {'(CPU)':>7} {'2 thr':>7} | {'2/1 C++':>7} {'Py':>5}")
    ratios = []
    for k, (cxx, py1, py2) in enumerate(rows, 1):
        r = (py1["one"] / cxx["one"], py1["cpu"] / cxx["cpu"], py2["one"] / cxx["all"],
             cxx["all"] / cxx["one"], py2["one"] / py1["one"])
        ratios.append(r)
        print(f"{k:>5} | {cxx['one']:9.2f} {cxx['cpu']:7.2f} {cxx['all']:7.2f} | {py1['one']:9.2f} "
              f"{py1['cpu']:7.2f} {py2['one']:7.2f} | {r[0]:8.3f} {r[1]:7.3f} {r[2]:7.3f} | "
              f"{r[3]:7.2f} {r[4]:5.2f}")
    median = [statistics.median(column) for column in zip(*ratios)]
    print(f"{'median':>50} | {median[0]:8.3f} {median[1]:7.3f} {median[2]:7.3f} | "
          f"{median[3]:7.2f} {median[4]:5.2f}")
    print("(MB/s; Py/C++ is Python's throughput as a share of C++'s in the same round; 2/1 the "
          "speed-up of two threads)")
    if any(py1["expressions"] != cxx["expressions"] for cxx, py1, _ in rows):
        print("WARNING: Python and C++ found different numbers of expressions")

    if not args.no_dask:
        copies = max(1, round(args.mb / mb))
        rows = dask_runs(records, copies, args.rounds)
        print(f"\nDask tag_bag: {copies} copies of the records ({mb * copies:.1f} MB) in 16 JSONL "
              f"files, language detected, sentences off, JSON lines out; load "
              f"{os.getloadavg()[0]:.1f}")
        print(f"{'round':>5} | {'process':>8} {'1 worker':>8} {'2 workers':>9} | "
              f"{'1w/proc':>7} {'2w/1w':>6} | CPU s/MB: {'process':>7} {'1 worker':>8} "
              f"{'2 workers':>9}")
        for k, row in enumerate(rows, 1):
            print(f"{k:>5} | {row['process']:8.2f} {row[1]:8.2f} {row[2]:9.2f} | "
                  f"{row[1] / row['process']:7.2f} {row[2] / row[1]:6.2f} | "
                  f"{'':9} {row['process cpu']:7.3f} {row['1 cpu']:8.3f} {row['2 cpu']:9.3f}")
        print(f"{'median':>34} | {statistics.median(r[1] / r['process'] for r in rows):7.2f} "
              f"{statistics.median(r[2] / r[1] for r in rows):6.2f} |")
        print("(MB/s, wall time; process: the same graph on Dask's synchronous scheduler here;\n"
              " CPU s/MB: CPU time of this process and the workers' per MB tagged, which a busy\n"
              " machine does not inflate: equal figures mean Dask adds no work)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
