"""Engine.pipe and threads: batches equal one-by-one calls, many threads on
one engine equal one thread, and the interpreter lock is released while C++
works."""
import threading
import time

import pytest

import dateline
from conftest import demo_records


def texts(n=60):
    """Distinct French and English texts (a result landing at the wrong index
    would show)."""
    out = []
    for i in range(n):
        day = i % 28 + 1
        if i % 2:
            out.append(f"Le pont rouvrira samedi, a-t-on appris le {day} mars, après {i} jours.")
        else:
            out.append(f"The bridge will reopen on Saturday, officials said on March {day}, "
                       f"{i} days later.")
    return out


def signature(doc):
    return doc.to_json()


def test_pipe_equals_annotate_on_any_number_of_threads(engine):
    inputs = texts()
    expected = [signature(engine.annotate(t, dct="2023-02-22")) for t in inputs]
    for n_threads in (1, 3, 0):
        for batch_size in (1, 7, 256):
            got = [signature(d) for d in engine.pipe(inputs, dct="2023-02-22",
                                                     n_threads=n_threads, batch_size=batch_size)]
            assert got == expected, (n_threads, batch_size)


def test_pipe_takes_a_generator_and_tuples(engine):
    stream = ((t, {"n": i}) for i, t in enumerate(texts(10)))
    out = list(engine.pipe(stream, lang="fr", as_tuples=True, n_threads=2, batch_size=3))
    assert [context["n"] for _, context in out] == list(range(10))
    assert all(isinstance(doc, dateline.Document) for doc, _ in out)


def test_records_carry_their_own_dct(engine, demo_dir):
    records = [
        {"id": "a", "time": "2024-03-05", "text": "Le pont rouvrira samedi."},
        {"id": "b", "time": "2024-03-12T10:00:00Z", "text": "Le pont rouvrira samedi."},
        {"text": "Le pont rouvrira samedi."},
    ]
    docs = list(engine.pipe(records, lang="fr"))
    assert [d.expressions[0].value for d in docs] == ["2024-03-09", "2024-03-16", "XXXX-WXX-6"]
    assert [d.source for d in docs] == ["a", "b", "record 3"]
    assert docs[1].dct_source == "given"
    # The same as JSON lines.
    import json
    lines = [json.dumps(r) for r in records]
    again = list(engine.pipe(lines, lang="fr", kind="record"))
    assert [d.to_json() for d in again] == [d.to_json() for d in docs]
    # Pages in records are read: the demo corpus.
    demo = demo_records(demo_dir)
    docs = list(engine.pipe(demo, n_threads=2))
    assert len(docs) == len(demo)
    assert {d.language for d in docs} == {"fr", "en"}
    assert all(d.dct_source == "given" for d in docs)


def test_many_threads_on_one_engine_equal_one_thread(engine):
    inputs = texts(40)
    expected = [[e.to_dict() for e in engine.tag(t, dct="2023-02-22")] for t in inputs]
    failures = []

    def work(k):
        for round_ in range(3):
            for i in range(len(inputs)):
                j = (i * (k + 1) + round_) % len(inputs)
                got = [e.to_dict() for e in engine.tag(inputs[j], dct="2023-02-22")]
                if got != expected[j]:
                    failures.append((k, j))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    # The module functions share one engine, also safely.
    module_level = []
    threads = [threading.Thread(target=lambda: module_level.append(
        [e.value for e in dateline.tag("Il partira samedi.", lang="fr", dct="2023-02-22")]))
        for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert module_level == [["2023-02-25"]] * 8


def test_the_lock_is_released_during_a_long_pipe(engine):
    # A Python thread that wakes every millisecond: waking needs the
    # interpreter lock, so while C++ held it the thread would stop, leaving
    # one gap as long as the batch. Released, the gaps stay short.
    long_text = " ".join(texts(60)) * 300  # about 1.3 MB: a batch of several seconds' work
    stamps = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            stamps.append(time.monotonic())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        time.sleep(0.05)
        start = time.monotonic()
        docs = list(engine.pipe([long_text] * 8, lang="en", batch_size=8, sentences=False))
        end = time.monotonic()
    finally:
        stop.set()
        thread.join()
    assert len(docs) == 8 and docs[0].expressions
    inside = [start] + [t for t in stamps if start <= t <= end] + [end]
    longest_gap = max(b - a for a, b in zip(inside, inside[1:]))
    assert end - start > 0.2, "the batch was too short to tell"
    assert len(inside) > 20, (len(inside), end - start)
    assert longest_gap < (end - start) / 2, (longest_gap, end - start)


def test_pipe_arguments_are_checked(engine):
    with pytest.raises(ValueError, match="errors"):
        next(engine.pipe(["x"], errors="ignore"))
    with pytest.raises(ValueError, match="batch_size"):
        next(engine.pipe(["x"], batch_size=0))
    assert list(engine.pipe([])) == []
