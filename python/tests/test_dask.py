"""dateline.dask on a real LocalCluster of two worker processes: the
distributed tags equal the single-process ones, one engine per worker, a bad
record carries its error and the others go on; the distributed timeline
equals the single-machine one (the demo corpus, the ml-crisis-fr topics);
and the command-line entry.

Every wait on the cluster is bounded (TIMEOUT), so a hung cluster fails the
test instead of the CI run."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import dateline  # noqa: E402
import dateline.dask  # noqa: E402
from conftest import demo_records  # noqa: E402

TIMEOUT = 300  # seconds: a partition of the demo takes well under one


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", timeout=TIMEOUT)
    client = distributed.Client(cluster, timeout=TIMEOUT)
    dateline.dask.register(client)
    yield client
    client.close(timeout=60)
    cluster.close(timeout=60)


def compute(client, bag):
    return client.compute(bag).result(timeout=TIMEOUT)


def ml_crisis_records(shared: Path, topic: str) -> list:
    records = []
    for path in sorted((shared / "tls" / "ml-crisis-fr" / topic).glob("*/*.txt")):
        records.append({"id": f"{topic}/{path.parent.name}/{path.name}", "time": path.parent.name,
                        "text": path.read_text(encoding="utf-8")})
    return records


def test_tags_equal_the_single_process_ones(client, engine, demo_dir):
    records = demo_records(demo_dir)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    bag = db.from_sequence(lines, npartitions=6)
    got = compute(client, dateline.dask.tag_bag(bag))
    expected = [doc.to_dict() for doc in engine.pipe(records)]
    assert got == expected
    assert [g["source"] for g in got] == [r["id"] for r in records]
    # Dicts in, JSON lines out: the same documents.
    as_json = compute(client, dateline.dask.tag_bag(db.from_sequence(records, npartitions=3),
                                                    output="json"))
    assert as_json == [doc.to_json() for doc in engine.pipe(records)]


def test_one_engine_per_worker_process(client, demo_dir):
    records = demo_records(demo_dir) * 4
    compute(client, dateline.dask.tag_bag(db.from_sequence(records, npartitions=16)))
    built = client.run(dateline.dask.engines_built)
    assert len(built) == 2
    assert set(built.values()) == {1}, built


def test_a_bad_record_carries_its_error_and_the_rest_go_on(client, engine):
    lines = [
        '{"id": "a", "time": "2024-03-05", "text": "Le pont rouvrira samedi."}',
        'not json',
        '',
        '{"id": "c", "title": "no text"}',
        '{"id": "d", "time": "2024-03-12", "text": "Le pont rouvrira samedi."}',
        '{"id": "e", "html": "GIF89a\\u0001\\u0000\\u0002\\u0003"}',
    ]
    got = compute(client, dateline.dask.tag_bag(db.from_sequence(lines, npartitions=2),
                                                lang="fr"))
    assert len(got) == 5  # the blank line is skipped
    assert got[0]["expressions"][0]["value"] == "2024-03-09"
    assert got[1] == {"source": "partition 0:2", "error": "partition 0:2: not a JSON object"}
    # A record that fails is named by where it is (its id may be what is wrong).
    assert got[2] == {"source": "partition 1:1",
                      "error": 'partition 1:1: record has neither "text" nor "html"'}
    assert got[3]["expressions"][0]["value"] == "2024-03-16"
    assert got[4]["source"] == "e" and "binary data" in got[4]["error"], got[4]
    # Named records: (record, where) pairs.
    named = [(line, f"news.jsonl:{n}") for n, line in enumerate(lines, 1)]
    got = compute(client, dateline.dask.tag_bag(db.from_sequence(named, npartitions=3)))
    assert got[1]["error"] == "news.jsonl:2: not a JSON object"


def test_unknown_language_fails_before_the_cluster_works(client):
    with pytest.raises(ValueError, match="xx"):
        dateline.dask.tag_bag(db.from_sequence(["{}"]), lang="xx")


def test_read_bag_equals_the_single_process_read(client, engine, demo_dir):
    records = demo_records(demo_dir)
    got = compute(client, dateline.dask.read_bag(db.from_sequence(records, npartitions=4)))
    expected = [doc.article.to_dict() for doc in engine.pipe(records, tag=False,
                                                             sentences=False)]
    assert got == expected
    assert all("expressions" not in g for g in got)


def test_ml_crisis_topics_equal_the_single_process_tags(client, engine, shared_data):
    for topic in ("yemen", "egypt"):
        records = ml_crisis_records(shared_data, topic)
        assert records
        bag = db.from_sequence(records, npartitions=8)
        got = compute(client, dateline.dask.tag_bag(bag, lang="fr", sentences=False,
                                                    output="json"))
        expected = [doc.to_json() for doc in engine.pipe(records, lang="fr", sentences=False)]
        assert got == expected, topic


def test_command_line(client, tmp_path, engine, demo_dir):
    records = demo_records(demo_dir)[:6]
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records)
                   + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # On the running cluster (--scheduler); a LocalCluster of its own below.
    done = subprocess.run(
        [sys.executable, "-m", "dateline.dask", "tag", "--scheduler", client.scheduler.address,
         "--partitions", "3", str(src), "-o", str(out)],
        capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ))
    assert done.returncode == 1, done.stderr  # one record failed
    assert f"{src}:7: not a JSON object" in done.stderr
    assert "tag: 7 records, 1 errors" in done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == [doc.to_json() for doc in engine.pipe(records)]
    assert json.loads(lines[6]) == {"source": f"{src}:7", "error": f"{src}:7: not a JSON object"}
    usage = subprocess.run([sys.executable, "-m", "dateline.dask", "tag", "--lang", "xx",
                            str(src)],
                           capture_output=True, text=True, timeout=TIMEOUT)
    assert usage.returncode == 2 and "xx" in usage.stderr
    # read, on a LocalCluster the command starts, to standard output.
    read = subprocess.run([sys.executable, "-m", "dateline.dask", "read", "--workers", "2",
                           str(src)], capture_output=True, text=True, timeout=TIMEOUT)
    assert read.returncode == 1 and "read: 7 records, 1 errors" in read.stderr
    assert read.stdout.splitlines()[:6] == [
        doc.article.to_json() for doc in engine.pipe(records, tag=False, sentences=False)]


# --- The distributed timeline: equal to Corpus.timeline on the same records.

def write_records(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def single_machine(tmp_path: Path, src: Path, cases: list, lang=None) -> list:
    """Corpus.timeline of each case after Corpus.ingest(src), as JSON."""
    with dateline.Corpus(tmp_path / (src.stem + ".db")) as corpus:
        summary = corpus.ingest(str(src), lang=lang)
        assert summary.ingested > 0 and not summary.problems, summary
        return [corpus.timeline(**case).to_json() for case in cases]


DEMO_CASES = [
    {},
    {"query": "Valmorin", "dates": 3, "sentences": 1},
    {"query": "pont OR bridge", "from_": "2024-03-05", "to": "2024-04-30", "sentences": 3},
    {"lang": "en", "dates": 40},
]


def test_distributed_timeline_equals_the_single_machine_one_on_the_demo(client, tmp_path,
                                                                        demo_dir):
    records = demo_records(demo_dir)
    # An exact repeat (a duplicate) and the reprints the demo has (copies),
    # which land in other partitions than their originals.
    src = write_records(tmp_path / "demo.jsonl", records + [records[3]])
    expected = single_machine(tmp_path, src, DEMO_CASES)
    for case, want in zip(DEMO_CASES, expected):
        assert json.loads(want)["dates"], case
        for partitions in (2, 5):
            got = dateline.dask.timeline([src], partitions=partitions, client=client, **case)
            assert isinstance(got, dateline.Timeline)
            assert got.to_json() == want, (case, partitions)
    # Some sentence has copies for sources: the near-duplicate groups span
    # partitions as in the one store.
    assert any(len(s["sources"]) > 1 for d in json.loads(expected[0])["dates"]
               for s in d["sentences"])
    # A bag of (line, where, file) triples, as the paths give: the same.
    lines = src.read_text(encoding="utf-8").splitlines()
    bag = db.from_sequence([(line, f"{src}:{n}", str(src)) for n, line in enumerate(lines, 1)],
                           npartitions=4)
    got = dateline.dask.timeline(bag, client=client, **DEMO_CASES[1])
    assert got.to_json() == expected[1]
    assert len(got) == len(json.loads(expected[1])["dates"])
    # The command-line entry prints the same.
    done = subprocess.run(
        [sys.executable, "-m", "dateline.dask", "timeline", "--scheduler",
         client.scheduler.address, "--partitions", "3", "--query", "Valmorin", "--dates", "3",
         "--sentences", "1", str(src)],
        capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected[1]


def _keep_partitions(n: int) -> int:
    kept, dateline.dask._TIMELINE_PARTITIONS_KEPT = dateline.dask._TIMELINE_PARTITIONS_KEPT, n
    return kept


def test_distributed_timeline_reads_a_partition_again_when_its_worker_lost_it(client, tmp_path,
                                                                              demo_dir):
    """A round whose partition is no longer in its worker's memory (evicted,
    or the task moved to another worker) reads and tags it again: slower,
    the same timeline."""
    src = write_records(tmp_path / "demo.jsonl", demo_records(demo_dir))
    want = single_machine(tmp_path, src, [DEMO_CASES[1]])[0]
    kept = client.run(_keep_partitions, 0)
    try:
        got = dateline.dask.timeline([src], partitions=3, client=client, **DEMO_CASES[1])
    finally:
        client.run(_keep_partitions, next(iter(kept.values())))
    assert got.to_json() == want


def test_distributed_timeline_errors_are_the_single_machine_ones(client, tmp_path, demo_dir):
    src = write_records(tmp_path / "demo.jsonl", demo_records(demo_dir)[:4] + [{"id": "x"}])
    with src.open("ab") as f:  # a record that is not UTF-8
        f.write(b'{"id": "y", "text": "caf\xe9 le 5 mars"}\n')
    with dateline.Corpus(tmp_path / "one.db") as corpus:
        skipped = corpus.ingest(str(src)).problems
    assert len(skipped) == 2
    problems: list = []
    with pytest.raises(ValueError, match="unterminated|syntax"):
        dateline.dask.timeline([src], query='"unterminated', client=client, problems=problems,
                               partitions=2)
    assert problems == skipped
    with pytest.raises(ValueError, match="from_"):
        dateline.dask.timeline([src], from_="March", client=client)


def test_distributed_timeline_equals_the_single_machine_one_on_ml_crisis(client, tmp_path,
                                                                         shared_data):
    """The three ml-crisis-fr dev topics, each its own corpus, read as French
    (as the timeline evaluation reads them)."""
    for topic in ("yemen", "libya", "egypt"):
        records = ml_crisis_records(shared_data, topic)
        assert records
        src = write_records(tmp_path / f"{topic}.jsonl", records)
        cases = [{"dates": 10, "sentences": 2}]
        want = single_machine(tmp_path, src, cases, lang="fr")[0]
        assert len(json.loads(want)["dates"]) > 3, topic
        got = dateline.dask.timeline([src], partitions=6, ingest_lang="fr", client=client,
                                     **cases[0])
        assert got.to_json() == want, topic
