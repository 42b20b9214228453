"""dateline's exceptions.

Every failure of the library comes with a code (``dateline::StatusCode``),
mapped to one class here, once, by the binding:

============================  =====================  ==============================
code                          exception              for
============================  =====================  ==============================
invalid argument              ``ValueError``         an unknown language, a
                                                     malformed DCT, a bad option
invalid input, too large,     ``InputError``         invalid UTF-8, corrupt gzip,
unsupported                                          binary data, a bad record
not found                     ``NotFoundError``      a missing file or article
I/O error, corruption         ``StoreError``         the store or the disk failed
internal                      ``InternalError``      a bug in dateline: report it
============================  =====================  ==============================

Each exception raised by dateline has ``code`` (the code's name, such as
``"invalid input"``) and ``source`` (the input it is about, or None).
"""


class Error(Exception):
    """Base of dateline's own exceptions (bad arguments raise ValueError)."""

    code: str = "internal"
    source = None


class InputError(Error):
    """An input cannot be processed: invalid UTF-8, corrupt gzip data, binary
    data where a page was expected, an input over the size limit, a malformed
    record. The message names the input and the byte offset."""


class NotFoundError(Error):
    """A named file, article or folder does not exist."""


class StoreError(Error):
    """The store or the file system failed (cannot open, locked, disk full),
    or stored data is damaged."""


class InternalError(Error):
    """A broken invariant inside dateline: a bug to report."""
