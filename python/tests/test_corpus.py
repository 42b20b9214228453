"""dateline.Corpus: ingest, search and timelines equal to the command's on
the same store."""
import datetime
import threading

import pytest

import dateline
from conftest import jsonl


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, demo_dir):
    path = tmp_path_factory.mktemp("store") / "demo.db"
    seen = []
    with dateline.Corpus(path) as corpus:
        summary = corpus.ingest(demo_dir, progress=seen.append)
        assert summary.ingested >= 15 and summary.problems == []
        assert summary.copies + summary.duplicates >= 1  # the demo has syndicated copies
        assert seen and seen[-1].inputs_done == seen[-1].inputs_total == 23
        assert corpus.article_count == summary.ingested + summary.copies
        assert corpus.sentence_count > 40
    return path


@pytest.mark.parametrize("fmt,method", [("json", "to_json"), ("md", "to_markdown"),
                                        ("tilse", "to_tilse"), ("timelinejs", "to_timelinejs"),
                                        ("html", "to_html")])
def test_timeline_equals_the_command(command, demo_store, fmt, method):
    expected = command("timeline", "--db", demo_store, "--query", "Valmorin", "--format",
                       fmt).stdout
    with dateline.Corpus(demo_store, read_only=True) as corpus:
        timeline = corpus.timeline(query="Valmorin")
        assert getattr(timeline, method)() == expected
        assert timeline.format(fmt) == expected


def test_timeline_objects(demo_store):
    with dateline.Corpus(demo_store, read_only=True) as corpus:
        timeline = corpus.timeline(query="Valmorin", dates=5, sentences=1)
    assert timeline.title == "Valmorin"
    assert 1 <= len(timeline) <= 5
    days = [d.date for d in timeline.dates]
    assert days == sorted(days) and all(isinstance(d, datetime.date) for d in days)
    for d in timeline.dates:
        assert len(d.sentences) == 1 and d.score > 0
        assert d.sentences[0].sources and d.sentences[0].sources[0].source
    as_dict = timeline.to_dict()
    assert [d["date"] for d in as_dict["dates"]] == [d.isoformat() for d in days]


def test_date_range_and_language(demo_store, command):
    with dateline.Corpus(demo_store, read_only=True) as corpus:
        march = corpus.timeline(query="Valmorin", from_=datetime.date(2024, 3, 1), to="2024-03-31")
        english = corpus.timeline(query="Valmorin", lang="en")
    assert march.dates and all(d.date.month == 3 for d in march.dates)
    assert march.to_json() == command("timeline", "--db", demo_store, "--query", "Valmorin",
                                      "--from", "2024-03-01", "--to", "2024-03-31",
                                      "--format", "json").stdout
    assert english.to_json() == command("timeline", "--db", demo_store, "--query", "Valmorin",
                                        "--lang", "en", "--format", "json").stdout


def test_ingest_equals_the_command(tmp_path, command, demo_dir, demo_store):
    # A store the command built gives the same timeline as the one Python built.
    db = tmp_path / "cli.db"
    command("ingest", "--db", db, demo_dir)
    with dateline.Corpus(db, read_only=True) as a, dateline.Corpus(demo_store, read_only=True) as b:
        assert a.timeline(query="Valmorin").to_json() == b.timeline(query="Valmorin").to_json()
        assert a.article_count == b.article_count


def test_search(demo_store):
    with dateline.Corpus(demo_store, read_only=True) as corpus:
        hits = corpus.search("valmorin", limit=50)  # accents and case ignored
        assert hits
        assert all(isinstance(h.origin, dateline.Source) for h in hits)
        assert any(h.copies for h in hits)
        assert corpus.search("nothingmatchesthisword") == []


def test_a_corpus_used_by_threads(demo_store):
    with dateline.Corpus(demo_store, read_only=True) as corpus:
        expected = corpus.timeline(query="Valmorin").to_json()
        results = []
        threads = [threading.Thread(target=lambda: results.append(
            corpus.timeline(query="Valmorin").to_json())) for _ in range(4)]
        threads += [threading.Thread(target=lambda: corpus.search("pont")) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [expected] * 4


def test_progress_callback_errors_come_back_after_the_ingest(tmp_path, demo_dir):
    def progress(p):
        raise RuntimeError("stop drawing")

    with dateline.Corpus(tmp_path / "p.db") as corpus:
        with pytest.raises(RuntimeError, match="stop drawing"):
            corpus.ingest(demo_dir / "en", progress=progress)
        assert corpus.article_count > 0  # the ingest itself went through


def test_ingest_jsonl_records_with_an_engine(tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text(
        '{"id": "a", "time": "2024-03-05", "title": "Pont", "text": "Le pont de Valmorin '
        'rouvrira samedi, a annoncé la préfecture."}\n'
        'not json\n', encoding="utf-8")
    with dateline.Corpus(tmp_path / "r.db") as corpus:
        summary = corpus.ingest(records, engine=dateline.Engine())
        assert summary.ingested == 1 and summary.skipped == 1
        assert summary.problems == [f"{records}:2: not a JSON object"]
        timeline = corpus.timeline(query="Valmorin")
        assert [d.date for d in timeline.dates] == [datetime.date(2024, 3, 9)]
        assert timeline.dates[0].sentences[0].sources[0].source == f"{records}#a"
