"""Read and clean: bytes → text → a cleaned view with offsets into the original."""
from .clean import CleanText, clean
from .decode import ReadError, decode, read, read_with_encoding

__all__ = ["CleanText", "ReadError", "clean", "decode", "read", "read_with_encoding"]
