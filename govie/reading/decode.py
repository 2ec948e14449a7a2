"""Turning a text file's bytes into text, or saying clearly why not.

No guessing: an encoding is used only when the bytes show it (a byte-order
mark, the NUL pattern of UTF-16, valid UTF-8) or when the decoded text looks
like what it claims to be (GB18030 gives mostly GB2312 characters, the common
simplified set; Big5 mostly its frequent characters; Shift-JIS has kana).
Anything else is an error that names the file and the encodings tried, never
mojibake.
"""
from __future__ import annotations

import codecs

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
SAMPLE_BYTES = 65536
MAX_CONTROL_SHARE = 0.05
# UTF-16 without a BOM: most NULs fall on one side of each byte pair.
UTF16_NUL_SHARE = 0.9
# Share of the non-ASCII characters a legacy encoding's decoding must give
# from its common set before it is believed.
COMMON_SHARE = 0.9
KANA_SHARE = 0.05


class ReadError(Exception):
    """A file that cannot be read as a report; the message names the file."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _controls_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\f\r")
    return controls / max(len(text), 1)


def _looks_binary(data: bytes) -> bool:
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _utf16_by_nuls(data: bytes) -> str | None:
    """utf-16-le/-be when the NULs sit on one side of the byte pairs (ASCII digits, newlines)."""
    sample = data[:SAMPLE_BYTES]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if len(data) % 2 or even + odd == 0:
        return None
    if odd >= UTF16_NUL_SHARE * (even + odd):
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * (even + odd):
        return "utf-16-be"
    return None


def _non_ascii(text: str) -> list[str]:
    return [ch for ch in text[:SAMPLE_BYTES] if ord(ch) > 127]


def _share_encodable(chars: list[str], encoding: str) -> float:
    good = 0
    for ch in chars:
        try:
            ch.encode(encoding)
            good += 1
        except UnicodeEncodeError:
            pass
    return good / max(len(chars), 1)


def _big5_frequent_share(chars: list[str]) -> float:
    """Share of characters from Big5's frequent block (lead bytes A4–C6) or its symbols (A1–A3)."""
    good = 0
    for ch in chars:
        try:
            lead = ch.encode("big5")[0]
        except UnicodeEncodeError:
            continue
        good += 0xA1 <= lead <= 0xC6
    return good / max(len(chars), 1)


def _plausible(text: str, encoding: str) -> tuple[bool, str]:
    """Whether a legacy decoding looks like text in that encoding, and what was measured."""
    chars = _non_ascii(text)
    if _controls_share(text[:SAMPLE_BYTES]) > MAX_CONTROL_SHARE:
        return False, "control characters"
    if not chars:
        return True, "ASCII only"
    if encoding == "gb18030":
        share = _share_encodable(chars, "gb2312")
        return share >= COMMON_SHARE, f"{share:.0%} common simplified Chinese"
    if encoding == "big5":
        share = _big5_frequent_share(chars)
        return share >= COMMON_SHARE, f"{share:.0%} frequent traditional Chinese"
    kana = sum(1 for ch in chars if "\u3040" <= ch <= "\u30ff") / len(chars)
    return kana >= KANA_SHARE, f"{kana:.0%} kana"


LEGACY = ("gb18030", "big5", "shift_jis")
_NAMES = {"gb18030": "GB18030/GBK", "big5": "Big5", "shift_jis": "Shift-JIS"}


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode a text report's bytes; returns (text, encoding) or raises ReadError naming ``name``.

    ``encoding`` forces one codec (any name Python knows); undecodable bytes are then an error.
    """
    if encoding:
        return _forced(data, name, encoding)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ReadError(name, f"starts with a {codec.upper()} byte-order mark but is not valid "
                                      f"{codec.upper()} (byte {exc.start + len(bom)})") from None
    if data.startswith(b"%PDF"):
        raise ReadError(name, "a PDF file, not text")
    utf16 = _utf16_by_nuls(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = None
        if text is not None and _controls_share(text[:SAMPLE_BYTES]) <= MAX_CONTROL_SHARE:
            return text, utf16
    if _looks_binary(data):
        raise ReadError(name, "binary content, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    tried = ["UTF-8"]
    for codec in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            tried.append(f"{_NAMES[codec]} (invalid bytes)")
            continue
        ok, measured = _plausible(text, codec)
        if ok:
            return text, codec
        tried.append(f"{_NAMES[codec]} (gives {measured})")
    raise ReadError(name, "could not decode: tried " + ", ".join(tried)
                    + "; give the encoding with --encoding (encoding= in Python)")


def _forced(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError(name, f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(name, f"not valid {encoding} (byte {exc.start}: {exc.reason})") from None
    if codec.startswith("utf") and text.startswith("\ufeff"):
        text = text[1:]  # the byte-order mark is not part of the report
    return text, codec
