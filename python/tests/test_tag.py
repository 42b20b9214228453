"""dateline.tag / annotate / read: values, code-point offsets, and equality
with what the `dateline` command prints for the same inputs."""
import datetime

import pytest

import dateline
from conftest import jsonl

# Sentences written for these tests: accents, typographic quotes, emoji and
# letters outside the Basic Multilingual Plane before the expressions, so
# that code points, UTF-16 units and bytes all differ.
FRENCH = ("🎉 Été 2022 : « hier » le 𝒜-ministre a dit qu’il partira samedi 4 mars "
          "pour trois jours, et reviendra chaque lundi à 14 h 30.")
ENGLISH = ("🚀 Naïve café owners said on Tuesday 🌍 that the 𝔅ridge would reopen "
           "next month, two weeks after March 3, 2023, every Monday at 9 a.m.")


def test_readme_example():
    assert dateline.tag("Il partira samedi.", lang="fr", dct="2023-02-22")[0].value == "2023-02-25"


@pytest.mark.parametrize("text,lang", [(FRENCH, "fr"), (ENGLISH, "en")])
def test_code_point_offsets_slice_the_text(text, lang):
    found = dateline.tag(text, lang=lang, dct="2023-02-22")
    assert len(found) >= 4
    for e in found:
        assert text[e.start:e.end] == e.text
        assert e.text
        # Byte spans index the UTF-8 encoding of the same text.
        assert text.encode()[e.byte_start:e.byte_end].decode() == e.text
    # Expressions after astral characters: code points are not UTF-16 units.
    assert any(text[:e.start].count("𝒜") + text[:e.start].count("𝔅") for e in found)


def test_values_and_attributes():
    found = dateline.tag("Le ministre a annoncé hier soir qu'il partira samedi pour trois jours.",
                         lang="fr", dct="2023-02-22")
    assert [(e.text, e.type, e.value) for e in found] == [
        ("hier soir", "TIME", "2023-02-21TEV"),
        ("samedi", "DATE", "2023-02-25"),
        ("trois jours", "DURATION", "P3D"),
    ]
    assert found[1].mod is None and found[1].quant is None and found[1].freq is None
    assert found[1].to_dict() == {"begin": 46, "end": 52, "text": "samedi", "type": "DATE",
                                  "value": "2023-02-25"}
    every = [e for e in dateline.tag(FRENCH, lang="fr", dct="2023-02-22") if e.type == "SET"]
    assert every and every[0].quant in ("EACH", "EVERY")
    assert every[0].to_dict()["quant"] == every[0].quant
    assert "samedi" in repr(found[1])


def test_dct_as_str_date_or_datetime():
    text = "Il partira samedi."
    by_str = dateline.tag(text, lang="fr", dct="2023-02-22")
    by_date = dateline.tag(text, lang="fr", dct=datetime.date(2023, 2, 22))
    by_datetime = dateline.tag(text, lang="fr", dct=datetime.datetime(2023, 2, 22, 8, 30))
    assert [e.value for e in by_str] == [e.value for e in by_date] == [e.value for e in by_datetime]
    assert [e.value for e in dateline.tag(text, lang="fr")] == ["XXXX-WXX-6"]
    doc = dateline.annotate(text, lang="fr", dct=datetime.datetime(2023, 2, 22, 8, 30))
    assert doc.dct == datetime.datetime(2023, 2, 22, 8, 30)
    assert doc.dct_source == "given"
    assert dateline.annotate(text, lang="fr", dct="2023-02-22").dct == datetime.date(2023, 2, 22)


def test_narratives_anchor_on_the_text():
    text = "Napoleon left Elba on 26 February 1815. Two days later he landed."
    assert [e.value for e in dateline.tag(text, lang="en", mode="narratives")] == [
        "1815-02-26", "1815-02-28"]


def test_auto_language():
    assert [e.value for e in dateline.tag("Il partira samedi prochain avec la ministre.",
                                          dct="2023-02-22")] == ["2023-02-25"]
    assert dateline.tag("zzz qqq 42", dct="2023-02-22") == []


@pytest.mark.parametrize("text,lang,dct,mode", [
    (FRENCH, "fr", "2023-02-22", "news"),
    (ENGLISH, "en", "2023-02-22T08:30", "news"),
    ("In March 1815 Napoleon returned. On March 20 he entered Paris.", "en", None, "narratives"),
    ("Le pont rouvrira la semaine prochaine, au printemps 2024 ou vers 1990.", "auto", None,
     "news"),
])
def test_tag_equals_the_command(tmp_path, command, text, lang, dct, mode):
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    args = ["tag", "--format", "jsonl", "--lang", lang, "--mode", mode, path]
    if dct:
        args += ["--dct", dct]
    expected = jsonl(command(*args).stdout)
    for line in expected:
        assert line.pop("source") == str(path)
    got = [e.to_dict() for e in dateline.tag(text, lang=lang, dct=dct, mode=mode)]
    assert got == expected
    assert got


def test_pages_equal_the_command(command, demo_dir):
    """Pages and scraped texts of the demo corpus, read and tagged as
    `dateline tag` reads and tags them: same text, same offsets, same values."""
    engine = dateline.Engine()
    compared = 0
    for path in sorted(demo_dir.rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        expected = command("tag", "--format", "jsonl", path).stdout
        doc = engine.annotate(path.read_bytes(), path=str(path), sentences=False)
        assert doc.tagged("jsonl") == expected
        assert doc.tagged("inline") == command("tag", path).stdout
        assert [e.to_dict() for e in doc.expressions] == [
            {k: v for k, v in line.items() if k != "source"} for line in jsonl(expected)]
        for e in doc.expressions:
            assert doc.text[e.start:e.end] == e.text
        compared += 1
    assert compared >= 20


def test_read_equals_the_command(command, demo_dir):
    read = 0
    for path in sorted(demo_dir.rglob("*.html")):
        expected = jsonl(command("read", path).stdout)[0]
        article = dateline.read(path.read_bytes(), path=str(path))
        assert article.to_dict() == expected
        assert article.title == expected["title"]
        assert article.text == expected["text"]
        # The pipeline keeps the main text once, in the document: the
        # article must get it back (an empty text would equal an empty one).
        assert len(article.text) > 100  # the shortest demo page: 178 bytes
        if expected["published"]:
            assert article.published.isoformat().startswith(expected["published"][:10])
            assert article.date_evidence == expected["date_evidence"]
        read += 1
    assert read >= 10


def test_annotate_gives_the_whole_document(demo_dir):
    page = demo_dir / "fr" / "2024-03-06-pont-effondre.html"
    doc = dateline.annotate(page.read_bytes(), path=str(page))
    assert doc.language == "fr" and doc.language_source == "detected"
    assert doc.dct == datetime.datetime(2024, 3, 6, 8, 30)
    assert doc.dct_source == "page"
    assert doc.text == doc.title + "\n\n" + doc.body
    assert doc.article.title == doc.title
    assert doc.article.text == doc.body and len(doc.body) > 200
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    dated = [s for s in doc.sentences if not s.weak_date]
    assert dated and all(s.date for s in dated)
    as_dict = doc.to_dict()
    assert as_dict["language"] == "fr" and as_dict["dct"] == "2024-03-06T08:30:00"
    assert [x["value"] for x in as_dict["expressions"]] == [e.value for e in doc.expressions]
    assert [x["begin"] for x in as_dict["sentences"]] == [s.start for s in doc.sentences]


def test_text_keeps_its_title_out_of_offsets():
    doc = dateline.annotate("Il partira samedi.", lang="fr", dct="2023-02-22", title="Départ")
    assert doc.text == "Départ\n\nIl partira samedi."
    e = doc.expressions[0]
    assert doc.text[e.start:e.end] == "samedi"


def test_language_without_rules_is_read_not_tagged():
    with pytest.raises(ValueError, match="no tagger rules for language 'de'"):
        dateline.tag("Die Brücke wird am Samstag geöffnet.", lang="de")
    doc = dateline.annotate("Die Brücke wird am Samstag geöffnet.", lang="de")
    assert doc.language == "de" and doc.expressions == []
    assert any("no tagger rules" in w for w in doc.warnings)


def test_help_reads_like_the_readme():
    assert "text[e.start:e.end] == e.text" in dateline.tag.__doc__
    assert "2023-02-25" in dateline.tag.__doc__
    assert dateline.__version__
