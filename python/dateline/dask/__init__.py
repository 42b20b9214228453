"""dateline on Dask (``python3-distributed``): JSONL records tagged or read on
a cluster, one engine per worker process.

    >>> import dask.bag as db
    >>> from distributed import Client, LocalCluster
    >>> import dateline.dask
    >>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    >>> dateline.dask.register(client)                 # each worker builds its engine once
    >>> records = db.read_text("news/*.jsonl")          # or a bag of dicts
    >>> docs = dateline.dask.tag_bag(records, lang="fr").compute()

Records are what ``dateline ingest`` takes: one JSON object a line with
``id``, ``url``, ``time`` (the DCT), ``title``, and ``text`` (taken as it is)
or ``html`` (read as a page). Items of the bag may be such lines (str), dicts,
or ``(record, where)`` pairs where ``where`` names the record in messages
("news.jsonl:12"); blank lines are skipped. A record is named by its ``id``,
else by its ``where`` (by default "partition P:N").

Out come annotated records: the document JSON of the library (the object
``Document.to_dict()`` gives: ``source``, ``title``, ``language``, ``dct``,
``text``, ``expressions``, ``sentences``...), as dicts or, with
``output="json"``, as JSON lines ready for ``to_textfiles``. A record that
fails gives ``{"source": ..., "error": ...}`` (as ``dateline read`` prints a
page it cannot read) and the others go on.

Each worker process keeps one engine per rules folder (``engine_for``),
built by the worker plugin ``register()`` installs when the worker starts,
or on its first task otherwise (also without a distributed scheduler); never
one per task.

Speed: the plugin lets glibc keep freed memory in the workers (see
``EnginePlugin``); a worker's statistical profiler (distributed's
``distributed.worker.profile.enabled``, on by default, for the dashboard)
costs about 40% more CPU a record, and ``python3 -m dateline.dask`` turns it
off for the LocalCluster it starts.

``timeline(records, query=...)`` builds a timeline of records no one store
holds, equal to the one ``dateline.Corpus.timeline`` gives after ingesting
the same records in the same order: each partition reads and tags its
records once (kept in its worker's memory for the rounds that follow) and
sends a digest (content hashes, MinHash signatures, sentence hashes); the
client replays the store's decisions on the digests (ids, near-duplicate
copies, page furniture); the partitions send their date tallies, which the
client sums and ranks; then their sentences on the dates the timeline reads;
and the client builds the timeline with the same code as over one store.

``python3 -m dateline.dask --help`` runs the same from the command line.
"""

from __future__ import annotations

import collections
import ctypes
import functools
import json
import os
import threading
import uuid
from typing import Any, Iterable, Optional, Union

import dask

import dask.bag as db
from distributed.diagnostics.plugin import WorkerPlugin

import dateline

__all__ = ["tag_bag", "read_bag", "timeline", "timeline_bag", "register", "EnginePlugin", "engine_for",
           "engines_built", "keep_freed_memory"]

_engines: dict = {}
_engines_lock = threading.Lock()
_built = 0


def engine_for(rules_dir: Optional[str] = None) -> "dateline.Engine":
    """This process's engine for ``rules_dir`` (None: the built-in rules),
    built on first use and kept: tasks share it (it is thread-safe)."""
    global _built
    engine = _engines.get(rules_dir)
    if engine is None:
        with _engines_lock:
            engine = _engines.get(rules_dir)
            if engine is None:
                engine = (dateline.default_engine() if rules_dir is None
                          else dateline.Engine(rules_dir))
                _engines[rules_dir] = engine
                _built += 1
    return engine


def engines_built() -> int:
    """How many engines this process has built (one per rules folder used)."""
    return _built


# Distributed's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so
# that glibc hands freed memory back to the system at once; dateline frees
# and takes back megabytes per batch (texts, documents, RE2's DFA states),
# and each time the pages fault in again: on ml-crisis-fr a worker tagged at
# half the speed of a plain process (CPU time; 12,000 page faults per 4 MB
# instead of 400). With these glibc's own upper bounds instead (the mmap
# threshold is raised too, as glibc's dynamic threshold would have done), a
# worker keeps at most 64 MB it does not use, and tags as fast as a process.
_TRIM_THRESHOLD = 64 << 20
_MMAP_THRESHOLD = 32 << 20


def keep_freed_memory() -> bool:
    """Lets glibc keep freed memory for reuse in this process (see above);
    False where the C library is not glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3  # <malloc.h>
        return bool(libc.mallopt(m_mmap_threshold, _MMAP_THRESHOLD)
                    and libc.mallopt(m_trim_threshold, _TRIM_THRESHOLD))
    except (OSError, AttributeError):
        return False


class EnginePlugin(WorkerPlugin):
    """Builds the worker process's engine when the worker starts, so that the
    first tasks do not wait for the rules to compile and a rules folder that
    does not compile fails at registration rather than in every task.

    keep_memory: let glibc keep freed memory in the worker
    (``keep_freed_memory()``): twice the speed under distributed's nanny,
    for at most 64 MB a worker. False leaves the worker as it was started.
    """

    def __init__(self, rules_dir: Optional[str] = None, keep_memory: bool = True) -> None:
        self.rules_dir = rules_dir
        self.keep_memory = keep_memory
        self.name = "dateline-engine" + ("" if rules_dir is None else ":" + rules_dir)

    def setup(self, worker: Any) -> None:
        if self.keep_memory:
            keep_freed_memory()
        engine_for(self.rules_dir)


def register(client: Any, rules_dir: Optional[str] = None, keep_memory: bool = True) -> None:
    """Installs ``EnginePlugin`` on the workers of ``client``
    (``Client.register_worker_plugin``), those there and those to come."""
    plugin = EnginePlugin(rules_dir, keep_memory)
    client.register_worker_plugin(plugin, name=plugin.name)


# The largest record dateline reads (as AnnotateOptions::max_bytes).
_MAX_BYTES = 64 << 20
# Records handed to C++ at a time within a partition: large enough that the
# per-call cost vanishes, small enough to bound the memory of a batch.
_BATCH = 256


def _annotate_partition(items: list, index: list, *, tag: bool, lang: Optional[str], mode: str,
                        sentences: bool, rules_dir: Optional[str], n_threads: int,
                        output: str) -> list:
    engine = engine_for(rules_dir)
    partition = index[0] if index else 0
    records: list = []
    names: list = []
    for n, item in enumerate(items, 1):
        record, where = item if isinstance(item, tuple) else (item, f"partition {partition}:{n}")
        if isinstance(record, (str, bytes)) and not record.strip():
            continue
        records.append(record)
        names.append(where)
    out: list = []
    for start in range(0, len(records), _BATCH):
        results = engine._annotate_batch(records[start:start + _BATCH],
                                         names[start:start + _BATCH], lang, None, mode, "record",
                                         sentences, tag, _MAX_BYTES, n_threads, True)
        for result in results:
            if isinstance(result, BaseException):
                error = {"source": getattr(result, "source", None), "error": str(result)}
                if output == "dict":
                    out.append(error)
                else:
                    line = json.dumps(error, ensure_ascii=False)
                    out.append(line if output == "json" else (line, str(result)))
                continue
            value = result if tag else result.article
            if output == "dict":
                out.append(value.to_dict())
            else:
                out.append(value.to_json() if output == "json" else (value.to_json(), None))
    return out


def _map_records(bag: db.Bag, **options: Any) -> db.Bag:
    # "lines": (JSON line, error message or None) pairs, for __main__.
    if options["output"] not in ("dict", "json", "lines"):
        raise ValueError("output: 'dict' or 'json'")
    if options["mode"] not in ("news", "narratives"):
        raise ValueError("mode: 'news' or 'narratives'")
    if options["lang"] not in (None, "", "auto"):
        # An unknown language fails here, not once per record on the workers.
        dateline.default_engine().check_language(options["lang"])
    partitions = db.range(bag.npartitions, npartitions=bag.npartitions)
    # Options bound here: map_partitions keeps some keywords for itself.
    return db.map_partitions(functools.partial(_annotate_partition, **options), bag, partitions)


def tag_bag(bag: db.Bag, *, lang: Optional[str] = None, mode: str = "news",
            sentences: bool = True, rules_dir: Optional[str] = None, n_threads: int = 1,
            output: str = "dict") -> db.Bag:
    """Tags a bag of JSONL records: a bag of annotated records (the document
    JSON of ``Document.to_dict()``, or JSON lines with ``output="json"``), in
    the order of the records; a record that fails gives ``{"source",
    "error"}``.

    lang: force a language (None decides per record); mode: "news" or
    "narratives"; sentences: split and date sentences; rules_dir: rules for
    rule work (every worker must see the folder); n_threads: C++ threads per
    task (keep 1 with one Dask thread per core).
    """
    return _map_records(bag, tag=True, lang=lang, mode=mode, sentences=sentences,
                        rules_dir=rules_dir, n_threads=n_threads, output=output)


def read_bag(bag: db.Bag, *, rules_dir: Optional[str] = None, n_threads: int = 1,
             output: str = "dict") -> db.Bag:
    """Reads a bag of JSONL records to articles (the object ``dateline read``
    prints: ``source``, ``title``, ``text``, ``published``, ``lang``...),
    without tagging; an ``html`` record is read as a page, a ``text`` record
    taken as it is. A record that fails gives ``{"source", "error"}``."""
    return _map_records(bag, tag=False, lang=None, mode="news", sentences=False,
                        rules_dir=rules_dir, n_threads=n_threads, output=output)


# --- The distributed timeline.

# Partitions read and tagged for a timeline, kept by the worker process
# between the rounds of one timeline (key: run, partition index), at most
# this many (a later round that misses its partition reads it again: slower,
# the same result).
_TIMELINE_PARTITIONS_KEPT = 256
_timeline_partitions: "collections.OrderedDict" = collections.OrderedDict()
_timeline_lock = threading.Lock()


def _timeline_items(items: list, partition: int) -> tuple:
    """(lines, wheres, names) of a partition's records; blank lines skipped."""
    lines, wheres, names = [], [], []
    for n, item in enumerate(items, 1):
        name = ""
        if isinstance(item, tuple):
            record, where = item[0], item[1]
            if len(item) > 2:
                name = item[2]
        else:
            record, where = item, f"partition {partition}:{n}"
        if isinstance(record, bytes):
            record = record.decode("utf-8", "surrogateescape")
        if isinstance(record, str):
            if not record.strip():
                continue
            line = record.rstrip("\r\n")
        else:
            line = json.dumps(record, ensure_ascii=False)
        # Bytes, as the file holds them (a line read with surrogateescape
        # gives its invalid bytes back), for C++ to report as ingest does.
        try:
            lines.append(line.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:
            lines.append(line.encode("utf-8", "surrogatepass"))
        wheres.append(where)
        names.append(name)
    return lines, wheres, names


def _timeline_partition(items: list, key: tuple, lang: Optional[str],
                        rules_dir: Optional[str]) -> tuple:
    """This process's partition `key` (run, index), read and tagged on first
    use; and the problems of the records it skipped."""
    with _timeline_lock:
        found = _timeline_partitions.get(key)
        if found is not None:
            _timeline_partitions.move_to_end(key)
            return found
    partition = dateline._dateline.TimelinePartition()
    lines, wheres, names = _timeline_items(items, key[1])
    problems = partition.add_records(engine_for(rules_dir), lines, wheres, names, lang=lang)
    with _timeline_lock:
        _timeline_partitions[key] = (partition, problems)
        while len(_timeline_partitions) > _TIMELINE_PARTITIONS_KEPT:
            _timeline_partitions.popitem(last=False)
    return partition, problems


def _forget_timeline(run: str) -> int:
    with _timeline_lock:
        keys = [k for k in _timeline_partitions if k[0] == run]
        for k in keys:
            del _timeline_partitions[k]
    return len(keys)


def _where() -> Optional[str]:
    try:
        from distributed import get_worker
        return get_worker().address
    except (ImportError, ValueError):
        return None


def _digest_task(items: list, key: tuple, lang: Optional[str], rules_dir: Optional[str]) -> tuple:
    partition, problems = _timeline_partition(items, key, lang, rules_dir)
    return partition.digest(), problems, _where()


def _planned(items: list, key: tuple, plan: bytes, lang: Optional[str],
             rules_dir: Optional[str]) -> Any:
    partition, _ = _timeline_partition(items, key, lang, rules_dir)
    if not partition.planned:
        partition.apply_plan(plan)
    return partition


def _tallies_task(items: list, key: tuple, plan: bytes, lang: Optional[str],
                  rules_dir: Optional[str], where: dict) -> bytes:
    return _planned(items, key, plan, lang, rules_dir).tallies(**where)


def _sentences_task(items: list, key: tuple, plan: bytes, lang: Optional[str],
                    rules_dir: Optional[str], where: dict, requests: bytes) -> bytes:
    return _planned(items, key, plan, lang, rules_dir).sentences(requests, **where)


def _read_record_file(path: str, name: str) -> list:
    """A records file's lines as (line, "name:N", name), as ``dateline
    ingest`` names them."""
    import gzip
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="surrogateescape") as f:
        return [(line, f"{name}:{n}", name) for n, line in enumerate(f, 1)]


def timeline_bag(paths: Iterable[Union[str, "os.PathLike"]], *,
                 partitions: Optional[int] = None) -> db.Bag:
    """A bag of the records of JSONL files (.jsonl, .ndjson, optionally .gz),
    read by the workers (which must see the files), named as ``dateline
    ingest`` names them ("FILE#ID", else "FILE:LINE", FILE as given here),
    split into ``partitions`` (default: one per file)."""
    paths = [os.fspath(p) for p in paths]
    for path in paths:
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: no such file")
    bag = db.from_delayed([dask.delayed(_read_record_file)(os.path.abspath(p), p) for p in paths])
    if partitions and partitions != bag.npartitions:
        bag = bag.repartition(npartitions=partitions)
    return bag


def _default_client(client: Any) -> Any:
    if client is not None:
        return client
    try:
        from distributed import default_client
        return default_client()
    except (ImportError, ValueError):
        return None  # no cluster: Dask's local scheduler, in this process


def _run_round(client: Any, tasks: list, workers: list) -> list:
    """The results of `tasks` (Delayed), in order; on the workers that read
    each partition when known (their partition is in memory there)."""
    if client is None:
        return list(dask.compute(*tasks, scheduler="threads"))
    futures = [client.compute(t, workers=[w] if w else None, allow_other_workers=True)
               for t, w in zip(tasks, workers)]
    return client.gather(futures)


def timeline(records: Union[db.Bag, Iterable[Union[str, "os.PathLike"]]], *, query: str = "",
             dates: int = 10, sentences: int = 2, from_: Any = None, to: Any = None,
             lang: Optional[str] = None, ingest_lang: Optional[str] = None,
             rules_dir: Optional[str] = None, client: Any = None,
             partitions: Optional[int] = None,
             problems: Optional[list] = None) -> "dateline.Timeline":
    """The timeline of JSONL records on a cluster, equal to the one
    ``dateline.Corpus.timeline`` gives (same dates, sentences, sources,
    sentence ids) after ``Corpus.ingest`` of the same records in the same
    order, without any one store holding them.

    records: a bag of records (items as ``tag_bag`` takes them, or
        ``(record, where, file)`` triples: a record with an ``id`` is then
        named "file#id" as ``dateline ingest`` names it, else ``where``), in
        input order; or paths of JSONL files (``timeline_bag``, split into
        ``partitions``).
    query, dates, sentences, from_, to, lang: as ``Corpus.timeline``.
    ingest_lang: force the records' language, as ``Corpus.ingest(lang=...)``.
    rules_dir: the workers' rules folder (as ``tag_bag``).
    client: the distributed client (default: the current one; none runs on
        Dask's local threads).
    problems: a list to which the messages of the records skipped (as
        ``Corpus.ingest`` reports them in ``problems``) are appended.

    Rounds: one to read and tag each partition (kept in its worker's memory)
    and digest it, one for the date tallies, one or more for sentences.
    """
    if not isinstance(records, db.Bag):
        records = timeline_bag(records, partitions=partitions)
    if ingest_lang not in (None, "", "auto"):
        dateline.default_engine().check_language(ingest_lang)
    client = _default_client(client)
    where = {"query": query, "from_": from_, "to": to, "lang": lang}
    # A bad date or language fails here (an empty catalog: "\0"), not once
    # per partition on the workers.
    dateline._dateline.DistributedTimeline(b"\0", **where)
    run = uuid.uuid4().hex
    parts = records.to_delayed()
    keys = [(run, i) for i in range(len(parts))]
    try:
        digests = _run_round(client, [
            dask.delayed(_digest_task, pure=False)(p, k, ingest_lang, rules_dir)
            for p, k in zip(parts, keys)], [None] * len(parts))
        planner = dateline._dateline.PartitionPlanner()
        workers = []
        for digest, skipped, worker in digests:
            planner.add_digest(digest)
            workers.append(worker)
            if problems is not None:
                problems.extend(skipped)
        plans = [planner.plan(i) for i in range(len(parts))]
        driver = dateline._dateline.DistributedTimeline(planner.catalog(), dates=dates,
                                                        sentences=sentences, **where)
        tallies = _run_round(client, [
            dask.delayed(_tallies_task, pure=False)(p, k, plan, ingest_lang, rules_dir, where)
            for p, k, plan in zip(parts, keys, plans)], workers)
        for t in tallies:
            driver.add_tallies(t)
        while True:
            built = driver.build()
            if built is not None:
                return built
            asked = driver.requests()
            answers = _run_round(client, [
                dask.delayed(_sentences_task, pure=False)(p, k, plan, ingest_lang, rules_dir,
                                                          where, asked)
                for p, k, plan in zip(parts, keys, plans)], workers)
            for a in answers:
                driver.add_sentences(a)
    finally:
        _forget_timeline(run)
        if client is not None:
            try:
                client.run(_forget_timeline, run)
            except Exception:  # noqa: BLE001 - a closed cluster holds nothing to free
                pass
