"""Bad input and bad arguments: clear exceptions, never a crash."""
import pytest

import dateline


def test_invalid_utf8_bytes_name_the_input_and_offset():
    with pytest.raises(dateline.InputError) as raised:
        dateline.annotate(b"Le pont \xff s'est effondr\xc3\xa9.", path="pont.txt")
    assert str(raised.value) == "pont.txt: invalid UTF-8 at byte 8"
    assert raised.value.code == "invalid input"
    assert raised.value.source == "pont.txt"
    assert isinstance(raised.value, dateline.Error)
    # Unnamed input.
    with pytest.raises(dateline.InputError, match="invalid UTF-8 at byte 0"):
        dateline.annotate(b"\xc3\x28 samedi", lang="fr", kind="text")


def test_a_str_that_is_not_unicode_text():
    # A lone surrogate has no UTF-8: bad input like invalid bytes, and in a
    # batch the other inputs go on.
    with pytest.raises(dateline.InputError, match="not valid Unicode text .*surrogates"):
        dateline.tag("samedi \ud800", lang="fr")
    results = list(dateline.Engine().pipe(["samedi", "samedi \ud800", {"text": "lundi \udc80"}],
                                          lang="fr", errors="return"))
    assert results[0].expressions[0].text == "samedi"
    assert isinstance(results[1], dateline.InputError) and results[1].code == "invalid input"
    assert isinstance(results[2], dateline.InputError) and results[2].source == "record 3"


@pytest.mark.parametrize("dct", ["2023-02-30", "22/02/2023", "2023-02-22T25:00", "demain", ""])
def test_malformed_dct_is_a_value_error(dct):
    with pytest.raises(ValueError, match="dct: .* is not YYYY-MM-DD"):
        dateline.tag("Il partira samedi.", lang="fr", dct=dct)


def test_dct_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="dct: expected a str, datetime.date"):
        dateline.tag("Il partira samedi.", lang="fr", dct=20230222)


@pytest.mark.parametrize("call", [
    lambda: dateline.tag("samedi", lang="xx"),
    lambda: dateline.annotate("samedi", lang="xx"),
    lambda: dateline.Engine().pipe(["samedi"], lang="klingon").__next__(),
])
def test_unknown_language_is_a_value_error_naming_the_known_ones(call):
    with pytest.raises(ValueError, match="fr") as raised:
        call()
    assert raised.value.code == "invalid argument"


def test_bad_options_are_value_errors():
    with pytest.raises(ValueError, match="mode"):
        dateline.tag("samedi", lang="fr", mode="poetry")
    with pytest.raises(ValueError, match="kind"):
        dateline.annotate("samedi", kind="pdf")
    with pytest.raises(ValueError, match="format"):
        dateline.annotate("samedi", lang="fr").tagged("xml")
    with pytest.raises(TypeError, match="expected str, bytes or a record dict"):
        dateline.annotate(42)


def test_pages_that_cannot_be_read():
    gif = b"GIF89a\x01\x00\x02\x03" + bytes(range(256))
    with pytest.raises(dateline.InputError, match="image.gif: binary data") as raised:
        dateline.read(gif, path="image.gif")
    assert raised.value.code == "unsupported"
    with pytest.raises(dateline.InputError) as raised:
        dateline.read(b"<p>" + b"a" * 100, max_bytes=10)
    assert raised.value.code == "too large"
    with pytest.raises(dateline.InputError):
        dateline.read(b"\x1f\x8b\x08\x00garbage, not gzip")


def test_bad_records():
    with pytest.raises(dateline.InputError, match="record 1: not a JSON object"):
        dateline.annotate('{"text": "unterminated', kind="record")
    with pytest.raises(dateline.InputError, match="neither \"text\" nor \"html\""):
        dateline.annotate({"id": "r1", "title": "no text"})


def test_rules_that_do_not_compile_name_file_and_line(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "broken.rules").write_text(
        "rule fr.broken\n  match {nosuchlexicon}\n  value 2023\n", encoding="utf-8")
    with pytest.raises(ValueError, match="fr/broken.rules:1: unknown lexicon or define"):
        dateline.Engine(rules_dir=tmp_path)


def test_pipe_errors_raise_after_the_documents_before_or_come_back():
    inputs = ["Il partira samedi.", b"\xff\xfe bad", "Il reviendra lundi."]
    engine = dateline.Engine()
    got = []
    with pytest.raises(dateline.InputError, match="invalid UTF-8"):
        for doc in engine.pipe(inputs, lang="fr", dct="2023-02-22", batch_size=1):
            got.append(doc)
    assert [d.expressions[0].value for d in got] == ["2023-02-25"]
    results = list(engine.pipe(inputs, lang="fr", dct="2023-02-22", errors="return"))
    assert isinstance(results[1], dateline.InputError)
    assert results[1].code == "invalid input"
    assert [r.expressions[0].value for r in (results[0], results[2])] == ["2023-02-25",
                                                                         "2023-02-27"]


def test_corpus_errors(tmp_path):
    with pytest.raises(dateline.NotFoundError, match="missing.db: no such store"):
        dateline.Corpus(tmp_path / "missing.db", read_only=True)
    with dateline.Corpus(tmp_path / "c.db") as corpus:
        with pytest.raises(ValueError):
            corpus.search('"unbalanced')
        with pytest.raises(ValueError, match="xx"):
            corpus.timeline(lang="xx")
        with pytest.raises(ValueError, match="from_"):
            corpus.timeline(from_="March")
        with pytest.raises(ValueError, match="xx"):
            corpus.ingest(tmp_path, lang="xx")
        summary = corpus.ingest(tmp_path / "nothing-here")
        assert summary.skipped == 1 and "no such file or folder" in summary.problems[0]
    with pytest.raises(dateline.StoreError, match="closed"):
        corpus.search("pont")


def test_errors_are_mapped_once():
    assert issubclass(dateline.InputError, dateline.Error)
    assert issubclass(dateline.NotFoundError, dateline.Error)
    assert issubclass(dateline.StoreError, dateline.Error)
    assert issubclass(dateline.InternalError, dateline.Error)
    assert not issubclass(dateline.Error, ValueError)
