"""Turning a file's bytes into text, or saying clearly why not."""
from __future__ import annotations

import os

# Tried in order.  GB18030 is a superset of GBK and GB2312, the usual encodings
# of Chinese government files that are not UTF-8.
ENCODINGS = ("utf-8-sig", "gb18030")
MAX_CONTROL_SHARE = 0.05


class ReadError(Exception):
    """A file that cannot be read as a report; the message names the file."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a report's bytes; returns (text, encoding) or raises ReadError."""
    if _looks_binary(data):
        raise ReadError(name, "binary content, not a text report")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise ReadError(name, "could not decode as UTF-8 or GB18030/GBK")


def read(path) -> str:
    """The text of a report file, decoded from UTF-8 (with or without BOM) or GB18030/GBK.

    Line endings are kept exactly as written, because offsets refer to this text.
    """
    return read_with_encoding(path)[0]


def read_with_encoding(path) -> tuple[str, str]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    return decode(data, os.fspath(path))
