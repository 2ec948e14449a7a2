"""One module per ``govie`` command, and what they share."""
from __future__ import annotations

import sys

from ..extract import extract_file
from ..reading import ReadError


def extract_each(paths, nlp, action: str = "extraction", encoding: str | None = None):
    """(path, Report) for every file that can be read; the others are reported on stderr.

    Returns the reports and the number of files that failed, so one bad file
    never loses the rest of a batch.
    """
    done, failed = [], 0
    for path in paths:
        try:
            report = extract_file(path, nlp=nlp, encoding=encoding)
        except ReadError as exc:
            print(f"govie: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # a bug on one file must not lose the batch
            print(f"govie: error: {path}: {action} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for warning in report.warnings:  # scanned or garbled PDF pages, sheets too large
            print(f"govie: warning: {warning}", file=sys.stderr)
        if not report.text.strip():
            print(f"govie: warning: {path}: empty file, nothing to extract", file=sys.stderr)
        done.append((path, report))
    return done, failed
