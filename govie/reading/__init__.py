"""Read and clean: a file of any format → a Document (its text and tables) → a cleaned view.

``read(path)`` tells the format by content (PDF, DOCX, XLSX, XLS, HTML, text in
UTF-8/16/32, GB18030, Big5, Shift-JIS) and returns a :class:`Document`; every
offset govie reports points into ``Document.text``.
"""
from .clean import CleanText, clean
from .decode import ReadError, decode
from .document import Cell, Document, Table
from .files import read, read_bytes, read_text, read_with_encoding, sniff

__all__ = ["Cell", "CleanText", "Document", "ReadError", "Table", "clean", "decode", "read", "read_bytes",
           "read_text", "read_with_encoding", "sniff"]
