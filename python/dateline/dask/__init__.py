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

A distributed timeline (per-partition date tallies reduced to the chosen
dates, then the sentences of each) belongs here too; it waits for the
timeline's new date selection and is not written yet.

``python3 -m dateline.dask --help`` runs the same from the command line.
"""

from __future__ import annotations

import ctypes
import functools
import json
import threading
from typing import Any, Optional

import dask.bag as db
from distributed.diagnostics.plugin import WorkerPlugin

import dateline

__all__ = ["tag_bag", "read_bag", "register", "EnginePlugin", "engine_for", "engines_built",
           "keep_freed_memory"]

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
