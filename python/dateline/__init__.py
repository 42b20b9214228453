"""dateline: temporal tagging, page reading and dated timelines of news, from
the C++ library of the same name.

    >>> import dateline
    >>> [(e.text, e.value) for e in dateline.tag("Il partira samedi.", lang="fr", dct="2023-02-22")]
    [('samedi', '2023-02-25')]

- ``tag(text, lang=, dct=, mode=)``: the temporal expressions of a text, with
  their TIMEX3 values and code-point offsets (``text[e.start:e.end] == e.text``);
- ``read(page, url=)``: HTML (or gzip, or scraped text) to a clean article;
- ``annotate(data, ...)``: the whole annotated document (article, language,
  DCT, expressions, dated sentences);
- ``Engine(rules_dir=)``: the same, with rules loaded once, and ``pipe()`` for
  batches on C++ threads, the interpreter lock released;
- ``Corpus(path)``: the store: ``ingest()``, ``search()``, ``timeline()``;
- ``dateline.dask``: JSONL records on a Dask cluster.

The functions and the engine are safe to call from many threads at once.
Errors are exceptions: ``ValueError`` for a bad argument (an unknown
language, a malformed DCT), ``dateline.Error`` and its subclasses for the
rest (see ``dateline.InputError``...).
"""

from __future__ import annotations

import datetime as _dt
import itertools as _itertools
import os as _os
import threading as _threading
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from ._errors import Error, InputError, InternalError, NotFoundError, StoreError
from . import _dateline
from ._dateline import (
    Article,
    Document,
    IngestProgress,
    IngestSummary,
    SearchHit,
    Sentence,
    Source,
    TimeExpression,
    Timeline,
    TimelineDate,
    TimelineSentence,
    TimelineSource,
)

__version__: str = _dateline.__version__

__all__ = [
    "tag", "read", "annotate", "Engine", "Corpus",
    "Document", "Article", "TimeExpression", "Sentence",
    "Timeline", "TimelineDate", "TimelineSentence", "TimelineSource",
    "SearchHit", "Source", "IngestSummary", "IngestProgress",
    "Error", "InputError", "NotFoundError", "StoreError", "InternalError",
    "default_engine",
]

DateLike = Union[str, _dt.date, _dt.datetime, None]
Input = Union[str, bytes, bytearray, dict]

_MAX_BYTES = 64 << 20


class Engine(_dateline.Engine):
    """A reusable dateline engine: the tagger's rules and the reader's
    language packs, compiled once; immutable, shared by any number of threads.

    ``Engine()`` uses the rules built into the module; ``Engine(rules_dir=DIR)``
    loads a folder laid out as the repository's ``rules/`` (one folder per
    language), for rule work. A rule that does not compile raises ValueError
    naming its file and line.

    The module-level ``tag()``, ``read()`` and ``annotate()`` use one shared
    default engine (``default_engine()``).
    """

    def __init__(self, rules_dir: Union[str, _os.PathLike, None] = None) -> None:
        super().__init__(None if rules_dir is None else _os.fspath(rules_dir))

    def tag(self, text: str, *, lang: Optional[str] = "auto", dct: DateLike = None,
            mode: str = "news") -> list[TimeExpression]:
        """Finds the temporal expressions of ``text`` and gives each its TimeML
        TIMEX3 type and value.

        text: the text, taken as it is (use ``annotate()`` or ``read()`` for
            pages).
        lang: "fr", "en" (a language with tagger rules), or "auto" to decide
            from the text (the identified language, else the tagged language
            whose function words it has most of; text that is neither is not
            tagged and gives no expressions).
        dct: the document creation time, "YYYY-MM-DD[THH:MM[:SS]]", a
            ``datetime.date`` or a ``datetime.datetime``; relative expressions
            ("samedi", "yesterday") anchor on it, and stay underspecified
            without it ("hier" XXXX-XX-XX, "samedi" XXXX-WXX-6).
        mode: "news" anchors on the DCT; "narratives" on the dates the text
            itself gives (histories, biographies).

        Returns the expressions in text order, never overlapping. Each has
        ``start`` and ``end`` in code points (``text[e.start:e.end] == e.text``),
        ``type`` (DATE, TIME, DURATION, SET), ``value``, ``mod``, ``quant``,
        ``freq`` (None when absent) and ``to_dict()``, the object
        ``dateline tag --format jsonl`` prints (without ``source``).

        Raises ValueError for an unknown language, a language without tagger
        rules or a malformed DCT.

            >>> dateline.tag("Il partira samedi.", lang="fr", dct="2023-02-22")[0].value
            '2023-02-25'
        """
        return super().tag(text, lang=lang, dct=dct, mode=mode)

    def read(self, data: Union[str, bytes, bytearray], *, url: Optional[str] = None,
             path: Optional[str] = None, content_type: Optional[str] = None,
             max_bytes: int = _MAX_BYTES) -> Article:
        """Reads a news page to a clean article, as ``dateline read`` does.

        data: the page: HTML (bytes in any common charset, optionally gzip,
            or str), or text scraped from a page (debris lines dropped, a
            date line recognised).
        url: the page's address (a date in its path counts); path: its file
            name (likewise); content_type: "text/html; charset=...".
        max_bytes: the cap on the (decompressed) input.

        Returns an ``Article``: ``title``, ``text``, ``published`` and
        ``modified`` (``datetime.date`` or ``datetime.datetime``, or None),
        ``date_evidence`` ("json-ld", "meta", "time", "url", "path", "text"),
        ``lang``, ``url``, ``warnings``, and ``to_dict()``, the object
        ``dateline read`` prints.

        Raises InputError for corrupt gzip data, binary data (an image) or an
        input over ``max_bytes``.
        """
        return super().read(data, url=url or "", path=path or "",
                            content_type=content_type or "", max_bytes=max_bytes)

    def annotate(self, data: Input, *, lang: Optional[str] = None, dct: DateLike = None,
                 mode: str = "news", kind: Optional[str] = None, url: Optional[str] = None,
                 path: Optional[str] = None, title: Optional[str] = None,
                 content_type: Optional[str] = None, sentences: bool = True, tag: bool = True,
                 max_bytes: int = _MAX_BYTES) -> Document:
        """Annotates one input through dateline's pipeline: reads it, decides its
        language and DCT, tags it and dates its sentences.

        data: a str is text, tagged as it is (offsets index it); bytes are a
            file's content: gzip and HTML are read as a page, anything else is
            text; a dict is a record as ``dateline ingest`` takes it (``id``,
            ``url``, ``time``, ``title``, ``text`` or ``html``: its ``time`` is
            the DCT, its ``text`` the text as given, its ``html`` a page).
        kind: overrides that: "sniff" (gzip and HTML are pages), "page" (read
            as a page, scraped text cleaned too), "text" (as it is), "record"
            (a str or bytes JSON line of a record).
        lang: a language code, or None / "auto" to decide (given, else
            identified, else guessed from function words, else undetermined:
            nothing tagged, a warning).
        dct: as in ``tag()``; else a page's own publication date is used.
        url, path, content_type: what is known of a page (a date in the URL or
            file name counts); title: the title of a text.
        sentences: split and date sentences; tag: False reads only.

        Returns a ``Document``: ``text`` (the title, a blank line, the main
        text), ``title``, ``body``, ``language`` and ``language_source``,
        ``dct`` and ``dct_source``, ``expressions``, ``sentences`` (each with
        ``start``, ``end``, ``text``, ``date``, ``weak_date``), ``article``,
        ``warnings``; ``to_dict()`` / ``to_json()`` give the document JSON of
        the library, and ``tagged("inline"|"timeml"|"jsonl")`` the output of
        ``dateline tag``.

        Raises ValueError for a bad argument, InputError for input that cannot
        be read (invalid UTF-8 in text, corrupt gzip, binary data).
        """
        return super().annotate(data, lang=lang, dct=dct, mode=mode, kind=kind, url=url or "",
                                path=path or "", title=title or "",
                                content_type=content_type or "", sentences=sentences, tag=tag,
                                max_bytes=max_bytes)

    def pipe(self, inputs: Iterable[Any], *, lang: Optional[str] = None, dct: DateLike = None,
             mode: str = "news", kind: Optional[str] = None, sentences: bool = True,
             tag: bool = True, max_bytes: int = _MAX_BYTES, n_threads: int = 1,
             batch_size: int = 256, as_tuples: bool = False,
             errors: str = "raise") -> Iterator[Any]:
        """Annotates many inputs, in order, on ``n_threads`` C++ threads, with
        the interpreter lock released while they work: the way to go fast.

        inputs: an iterable of inputs as ``annotate()`` takes them (str text,
            bytes, record dicts; with ``kind="record"``, JSON lines). Give each
            text its own DCT by passing records: ``{"text": ..., "time":
            "2023-02-22"}``; ``dct=`` applies to inputs that are not records.
        as_tuples: the inputs are ``(input, context)`` pairs, and
            ``(document, context)`` pairs come out, the context untouched.
        n_threads: C++ threads (0: one per core); the results do not depend on
            it. batch_size: inputs taken from the iterable at a time (held in
            memory with their documents).
        errors: "raise" raises the exception of the first input that fails,
            once the documents before it are out; "return" yields the
            exception object (an ``Error`` with ``source`` and ``code``, or a
            ValueError) in that input's place and goes on.

        The other options are those of ``annotate()``. Yields ``Document``
        objects (or ``(Document, context)`` pairs).

            >>> engine = dateline.Engine()
            >>> for doc in engine.pipe(texts, lang="fr", dct="2023-02-22", n_threads=2):
            ...     print([e.value for e in doc.expressions])
        """
        if errors not in ("raise", "return"):
            raise ValueError("errors: 'raise' or 'return'")
        if batch_size < 1:
            raise ValueError("batch_size: at least 1")
        if n_threads < 0:
            raise ValueError("n_threads: 0 (one per core) or more")
        iterator = iter(inputs)
        while True:
            batch = list(_itertools.islice(iterator, batch_size))
            if not batch:
                return
            if as_tuples:
                items = [item for item, _ in batch]
                contexts = [context for _, context in batch]
            else:
                items = batch
            results = self._annotate_batch(items, None, lang, dct, mode, kind, sentences, tag,
                                           max_bytes, n_threads, errors == "return")
            if as_tuples:
                yield from zip(results, contexts)
            else:
                yield from results


_default_engine: Optional[Engine] = None
_default_lock = _threading.Lock()


def default_engine() -> Engine:
    """The engine of the module-level functions, built on first use (its rules
    compile once per process)."""
    global _default_engine
    if _default_engine is None:
        with _default_lock:
            if _default_engine is None:
                _default_engine = Engine()
    return _default_engine


def tag(text: str, lang: Optional[str] = "auto", dct: DateLike = None,
        mode: str = "news") -> list[TimeExpression]:
    return default_engine().tag(text, lang=lang, dct=dct, mode=mode)


def read(data: Union[str, bytes, bytearray], url: Optional[str] = None,
         path: Optional[str] = None, content_type: Optional[str] = None,
         max_bytes: int = _MAX_BYTES) -> Article:
    return default_engine().read(data, url=url, path=path, content_type=content_type,
                                 max_bytes=max_bytes)


def annotate(data: Input, lang: Optional[str] = None, dct: DateLike = None, mode: str = "news",
             kind: Optional[str] = None, url: Optional[str] = None, path: Optional[str] = None,
             title: Optional[str] = None, content_type: Optional[str] = None,
             sentences: bool = True, tag: bool = True, max_bytes: int = _MAX_BYTES) -> Document:
    return default_engine().annotate(data, lang=lang, dct=dct, mode=mode, kind=kind, url=url,
                                     path=path, title=title, content_type=content_type,
                                     sentences=sentences, tag=tag, max_bytes=max_bytes)


tag.__doc__ = Engine.tag.__doc__
read.__doc__ = Engine.read.__doc__
annotate.__doc__ = Engine.annotate.__doc__


class Corpus:
    """A dateline corpus: an SQLite store (one file) of articles, their dated
    sentences and expressions, a full-text index and groups of near-duplicates
    (syndicated copies), as ``dateline ingest`` / ``search`` / ``timeline`` use.

        >>> with dateline.Corpus("news.db") as corpus:
        ...     corpus.ingest("demo/")
        ...     print(corpus.timeline(query="Valmorin").to_markdown())

    path: the store's file (created with its folders when missing); None for
        the command's default store ($XDG_DATA_HOME/dateline/dateline.db, else
        ~/.local/share/dateline/dateline.db).
    read_only: the store must exist and is only read (never waits for a
        writer).

    One Corpus object may be used from several threads (calls take turns);
    the interpreter lock is released while the store works. ``close()`` (or
    leaving a ``with`` block) closes the store.
    """

    def __init__(self, path: Union[str, _os.PathLike, None] = None, *,
                 read_only: bool = False) -> None:
        self._store = _dateline.Corpus(None if path is None else _os.fspath(path),
                                       read_only=read_only)

    @property
    def path(self) -> str:
        """The store's file."""
        return self._store.path

    def close(self) -> None:
        """Closes the store; later calls raise StoreError."""
        self._store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, *sources: Union[str, _os.PathLike], lang: Optional[str] = None,
               engine: Optional[Engine] = None, progress=None,
               batch_size: int = 64) -> IngestSummary:
        """Adds files and folders to the store, as ``dateline ingest`` does: pages
        (.html, .htm, .xhtml, .txt, optionally .gz), JSONL records (``id``,
        ``url``, ``time``, ``title``, ``text`` or ``html``) and WARC files;
        folders are walked in name order. Each article is read, tagged, split
        into dated sentences and grouped with its near-duplicates. Idempotent.

        lang: force a language; None decides for each article.
        engine: the engine to read and tag with (for its ``rules_dir``).
        progress: a callable given an ``IngestProgress`` (``inputs_done``,
            ``inputs_total``, ``articles``, ``seconds``) after each file.
        batch_size: articles per transaction.

        Returns an ``IngestSummary`` (``ingested``, ``copies``, ``duplicates``,
        ``retagged``: stored content tagged anew because the language or the
        rules changed, ``skipped``, ``problems``: one "path:line: reason" per
        input skipped, ``warnings``: inputs ingested with something to say,
        such as a repeated record id).
        Bad inputs are skipped and listed, the rest goes on. Raises ValueError
        for an unknown language, StoreError when the store fails.
        """
        return self._store.ingest([_os.fspath(s) for s in sources], lang=lang, engine=engine,
                                  progress=progress, batch_size=batch_size)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Canonical articles matching a full-text query (words, "phrases", OR,
        NOT; accents ignored), best first, each with its ``origin`` (``Source``:
        ``source``, ``url``, ``title``, ``published``) and ``copies``. A
        malformed query raises ValueError."""
        return self._store.search(query, limit)

    def timeline(self, query: str = "", *, dates: int = 10, sentences: int = 2,
                 from_: DateLike = None, to: DateLike = None,
                 lang: Optional[str] = None) -> Timeline:
        """A dated timeline of the articles matching ``query`` (all when empty),
        as ``dateline timeline`` builds it: the ``dates`` dates most referred
        to, re-ranked and spread over distinct events, and for each the
        ``sentences`` most central statements, with their sources.

        from_, to: the first and last day ("YYYY-MM-DD" or ``datetime.date``).
        lang: only articles in this language.

        Returns a ``Timeline`` (``title``, ``dates``: ``TimelineDate`` with
        ``date``, ``score``, ``sentences``) with ``to_json()``,
        ``to_markdown()``, ``to_tilse()``, ``to_timelinejs()``, ``to_html()``,
        the bytes ``dateline timeline --format ...`` prints, and ``to_dict()``.
        """
        return self._store.timeline(query=query, dates=dates, sentences=sentences, from_=from_,
                                    to=to, lang=lang)

    @property
    def article_count(self) -> int:
        """Articles stored, canonical ones and copies."""
        return self._store.article_count

    @property
    def sentence_count(self) -> int:
        """Sentences stored."""
        return self._store.sentence_count

    def __repr__(self) -> str:
        return f"<dateline.Corpus {self.path!r}>"
