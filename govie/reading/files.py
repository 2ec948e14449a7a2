"""``read(path)``: a report file of any format as a :class:`Document`.

The format is told by the file's first bytes, not by its name: a ``.txt``
that is really a PDF is read as a PDF, an uncompressed PDF is never taken for
text.  Files that are not regular files (devices, FIFOs) are refused before
anything is opened, so ``/dev/zero`` or a pipe never stalls a batch.
"""
from __future__ import annotations

import io
import os
import stat
import zipfile

import regex

from .decode import ReadError, decode
from .document import Document

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_HTML_START = regex.compile(rb"\s{0,64}(?:<\?xml[^>]{0,200}>\s{0,64})?(?:<!--.{0,2000}?-->\s{0,64})*"
                            rb"<(?:!doctype\s{1,8}html|html|head|meta|title|body)\b", regex.IGNORECASE | regex.DOTALL)
_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _read_bytes(path) -> bytes:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(mode):
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _FILE_KINDS if test(mode)), "not a regular file")
        raise ReadError(path, f"{kind}, not a regular file: not read")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None


def _zip_format(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in members else ""
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise ReadError(name, f"damaged ZIP/Office file ({exc})") from None
    if "word/document.xml" in members:
        return "docx"
    if "xl/workbook.xml" in members:
        return "xlsx"
    if "opendocument" in mimetype:
        raise ReadError(name, "an OpenDocument file (.odt/.ods), which govie does not read: save it as DOCX or XLSX")
    raise ReadError(name, "a ZIP archive, not a report: unpack it and give the files inside")


def _ole2_format(data: bytes, name: str) -> str:
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    if "WordDocument".encode("utf-16-le") in data:
        raise ReadError(name, "a Word 97-2003 .doc file, which govie does not read: save it as DOCX")
    raise ReadError(name, "an old Office (OLE2) file that is neither XLS nor DOC")


def sniff(data: bytes, name: str = "<bytes>") -> str:
    """The format of a file's bytes: text, pdf, docx, xlsx, xls or html; ReadError for the unreadable."""
    header = data[:1024].find(b"%PDF-")
    if header >= 0 and not regex.search(rb"[\r\n]", data[:header]):
        return "pdf"  # the header may follow some junk bytes, but on the file's first line
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    if data.startswith(OLE2_MAGIC):
        return _ole2_format(data, name)
    if data.startswith(b"{\\rtf"):
        raise ReadError(name, "an RTF file, which govie does not read: save it as DOCX or text")
    if data.startswith(IMAGE_MAGIC):
        raise ReadError(name, "an image, not a text report: run OCR on it first")
    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if _HTML_START.match(head):
        return "html"
    return "text"


def _read_text(data: bytes, name: str, encoding: str | None) -> Document:
    text, used = decode(data, name, encoding)
    if _HTML_START.match(text[:4096].encode("utf-8", "replace")):
        from .webpage import read_html  # UTF-16 HTML shows itself only once decoded
        return read_html(data, name, encoding)
    return Document(text=text, source=name, format="text", encoding=used)


def _reader(fmt: str):
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf
    if fmt == "docx":
        from .word import read_docx
        return read_docx
    if fmt in ("xlsx", "xls"):
        from .spreadsheet import read_xls, read_xlsx
        return read_xlsx if fmt == "xlsx" else read_xls
    if fmt == "html":
        from .webpage import read_html
        return read_html
    return _read_text


def read(path, encoding: str | None = None) -> Document:
    """A report file as a :class:`Document`, whatever its format; raises ReadError naming the file.

    ``encoding`` forces the codec of a text or HTML file (PDF and Office files carry their own).
    Text line endings are kept exactly as written, because offsets refer to this text.
    """
    name = os.fspath(path)
    data = _read_bytes(path)
    return read_bytes(data, name, encoding)


def read_bytes(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> Document:
    fmt = sniff(data, name)
    try:
        return _reader(fmt)(data, name, encoding)
    except ReadError:
        raise
    except (MemoryError, RecursionError):
        raise ReadError(name, f"{fmt.upper()} too large or too deeply nested to read") from None
    except Exception as exc:  # a damaged file must name itself, not end a batch in a traceback
        raise ReadError(name, f"damaged or unreadable {fmt.upper()} ({type(exc).__name__}: {exc})") from None


def read_text(path, encoding: str | None = None) -> str:
    """Only the text of :func:`read` (the text every offset of a report refers to)."""
    return read(path, encoding).text


def read_with_encoding(path, encoding: str | None = None) -> tuple[str, str | None]:
    """The text and how it was decoded (None for PDF and Office files)."""
    doc = read(path, encoding)
    return doc.text, doc.encoding
