"""Extracting a corpus: inputs found, reports made in parallel, outputs written safely.

The pieces, each usable alone:

- :func:`find_inputs` turns ``DIR``, ``GLOB``, ``FILE`` and ``-`` (one report on
  standard input) into :class:`Input` records, each with the name its output gets:
  the path relative to the inputs' common folder (or to the ``DIR`` given), so
  ``a/x.txt`` and ``b/x.txt`` never share an output.
- :func:`run_batch` extracts them in input order, in this process or in ``jobs``
  worker processes that load the pipeline once each, keeping only a few reports
  in flight, and yields one :class:`Outcome` per input; a failure is an outcome
  with ``error`` set, never an exception that stops the batch.
- The writers: :class:`JsonDirWriter` (``DIR/<name>.json`` and ``DIR/<name>.txt``,
  each written to a temporary file and renamed, so a file is complete or absent)
  and :class:`JsonlWriter` (one line per report appended and flushed as soon as
  it is done; a line cut short by a crash is dropped on the next run).  Both know
  what is already written, for ``--resume``, and neither follows a symlink out of
  the output folder.
"""
from __future__ import annotations

import glob
import json
import os
import signal
import stat
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .extract import DEFAULT_MAX_CHARS, extract, extract_file
from .reading import ReadError

STDIN = "-"
# Suffixes a folder is searched for; the readers refuse what they cannot read.
REPORT_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm")


@dataclass(frozen=True)
class Input:
    path: str          # as given or found; "-" is standard input
    name: str          # output name without suffix, relative to the output folder ("sub/x")


@dataclass
class Outcome:
    input: Input
    report: dict | None = None
    text: str | None = None     # the text govie read (report.text), for DIR/<name>.txt
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


class BatchError(Exception):
    """A problem with the batch as a whole (no inputs, an output folder that cannot be used)."""


# -- inputs ---------------------------------------------------------------------------------

def _expand(arg: str) -> tuple[list[str], str | None]:
    """The files one argument names, and the folder they were found in (a DIR argument)."""
    if arg == STDIN:
        return [STDIN], None
    if os.path.isdir(arg):
        found = []
        for root, dirs, files in os.walk(arg):       # os.walk does not follow symlinked folders
            dirs.sort()
            found += [os.path.join(root, f) for f in sorted(files) if f.lower().endswith(REPORT_SUFFIXES)]
        return found, arg
    if glob.has_magic(arg):
        return sorted(glob.glob(arg, recursive=True)), None
    return [arg], None      # a missing file is reported when it is read


def _output_stem(path: str, base: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), base)
    parts = [p for p in Path(rel).parts if p not in ("..", ".", os.sep)]
    return str(Path(*parts).with_suffix("")) if parts else "report"


def find_inputs(args: Iterable[str]) -> list[Input]:
    """Every input the arguments name, in order, each once, each with its own output name."""
    paths, bases = [], []
    for arg in args:
        found, base = _expand(arg)
        paths += found
        bases += [base] * len(found)
    seen, unique = set(), []
    for path, base in zip(paths, bases):
        key = path if path == STDIN else os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, base))
    # Names are relative to one folder: the common one of the folders given and of the files' folders.
    folders = {os.path.abspath(b) if b else os.path.dirname(os.path.abspath(p)) for p, b in unique if p != STDIN}
    common = os.path.commonpath(sorted(folders)) if folders else os.getcwd()
    inputs, names = [], set()
    for path, base in unique:
        stem = "stdin" if path == STDIN else _output_stem(path, common)
        name = stem
        if name in names:                       # x.txt and x.pdf side by side: keep the suffix
            name = stem + Path(path).suffix
        n = 2
        while name in names:
            name, n = f"{stem}~{n}", n + 1
        names.add(name)
        inputs.append(Input(path, name))
    return inputs


# -- extraction -----------------------------------------------------------------------------

def _check_regular(path: str, max_chars: int | None) -> None:
    """Refuse devices, FIFOs and files far too big before reading a byte of them."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(path, "not a regular file (a device, FIFO or socket); nothing read")
    # A character takes at least one byte; 4 bytes each is more than any encoding needs.
    if max_chars is not None and info.st_size > 4 * max_chars:
        raise ReadError(path, f"{info.st_size:,} bytes, over the limit of {max_chars:,} characters "
                              "(--max-chars / max_chars=)")


def extract_one(item: Input, nlp, max_chars: int | None = DEFAULT_MAX_CHARS, stdin_text: str | None = None,
                encoding: str | None = None) -> Outcome:
    """One input's outcome; every failure becomes a message naming the input."""
    try:
        if item.path == STDIN:
            report = extract(stdin_text or "", nlp=nlp, source=STDIN, max_chars=max_chars)
        else:
            _check_regular(item.path, max_chars)
            report = extract_file(item.path, nlp=nlp, max_chars=max_chars, encoding=encoding)
    except ReadError as exc:
        return Outcome(item, error=str(exc))
    except Exception as exc:  # a bug on one file must not lose the batch
        return Outcome(item, error=f"{item.path}: extraction failed: {type(exc).__name__}: {exc}")
    warnings = list(report.warnings)   # from reading: scanned or garbled PDF pages, sheets too large
    if not report.text.strip():
        warnings.append(f"{item.path}: empty file, nothing to extract")
    return Outcome(item, report=report.to_dict(), text=report.text, warnings=warnings)


# Each worker process keeps its own pipeline, loaded once by the initializer.
_WORKER: dict = {}


def _init_worker(rules_only: bool, model: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C stops the parent; a worker ends its file
    from .pipeline import load
    _WORKER["nlp"] = load(model, rules_only=rules_only)


def _work(item: Input, max_chars: int | None, writer, encoding: str | None = None) -> Outcome:
    outcome = _written(extract_one(item, _WORKER["nlp"], max_chars, encoding=encoding), writer)  # written the moment it is done
    outcome.text = None                       # the parent needs no second copy of the text
    return outcome


def _written(outcome: Outcome, writer) -> Outcome:
    """Hand a report to ``writer``; a report that cannot be written is that input's failure."""
    if writer is None or outcome.report is None:
        return outcome
    try:
        writer.write(outcome)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return Outcome(outcome.input, error=f"{outcome.input.path}: cannot write its output: {reason}{where}")
    return outcome


def run_batch(inputs: list[Input], jobs: int = 1, rules_only: bool = False, model: str | None = None,
              max_chars: int | None = DEFAULT_MAX_CHARS, nlp=None, writer=None,
              stdin_text: str | None = None, encoding: str | None = None) -> Iterator[Outcome]:
    """Extract ``inputs`` and yield their outcomes in input order.

    With ``jobs > 1`` the work goes to that many processes, at most ``2 × jobs``
    inputs ahead of the one being yielded, so memory stays constant however
    long the corpus.  A ``writer`` given here (``JsonDirWriter``) is called in
    the worker as soon as a report is done, not when its turn comes.
    """
    if jobs <= 1 or len(inputs) <= 1:
        if nlp is None:
            from .pipeline import load
            nlp = load(model, rules_only=rules_only)
        for item in inputs:
            yield _written(extract_one(item, nlp, max_chars, stdin_text, encoding), writer)
        return
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules_only, model)) as pool:
        try:
            todo = iter(inputs)
            for item in todo:
                if item.path == STDIN:      # standard input is read here and extracted here
                    pending.append(_Done(_stdin_outcome(item, rules_only, model, max_chars, stdin_text, writer)))
                else:
                    pending.append(pool.submit(_work, item, max_chars, writer, encoding))
                while len(pending) >= 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)   # running files finish and are written
            raise


class _Done:
    def __init__(self, outcome: Outcome):
        self._outcome = outcome

    def result(self) -> Outcome:
        return self._outcome

    def cancel(self) -> bool:
        return False


def _stdin_outcome(item, rules_only, model, max_chars, stdin_text, writer) -> Outcome:
    from .pipeline import shared_pipeline, load
    nlp = load(model, rules_only=rules_only) if model else shared_pipeline(rules_only)
    return _written(extract_one(item, nlp, max_chars, stdin_text), writer)


# -- writers --------------------------------------------------------------------------------

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class SafeFolder:
    """An output folder that nothing written into it can leave (no symlink is followed)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BatchError(f"cannot create the output folder {self.root}: {exc.strerror or exc}") from None
        if not self.root.is_dir():
            raise BatchError(f"{self.root} is not a folder")
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise BatchError(f"cannot write into the output folder {self.root}")
        self.mode = 0o666 & ~_umask()

    def path(self, name: str) -> Path:
        """``root/name``, after checking that no part of it below ``root`` is a symlink."""
        target = self.root.joinpath(*Path(name).parts)
        here = self.root
        for part in Path(name).parts[:-1]:
            here = here / part
            if here.is_symlink():
                raise OSError(f"{here} is a symlink; govie writes nothing through it")
            if here.exists() and not here.is_dir():
                raise OSError(f"{here} is a file, not a folder")
            here.mkdir(exist_ok=True)
        return target       # a symlink at the target itself is replaced by the rename, not followed

    def write_atomic(self, name: str, data: str) -> Path:
        """Write ``data`` to ``root/name`` as a whole: a temporary file beside it, then a rename."""
        target = self.path(name)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, self.mode)           # mkstemp makes 0600; outputs are read like any file
            os.replace(tmp, target)             # replaces a symlink itself, never its target
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return target


def report_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


class JsonDirWriter:
    """``DIR/<name>.json`` per report, and ``DIR/<name>.txt``, the text govie read."""

    def __init__(self, root, with_text: bool = True):
        self.folder = SafeFolder(root)
        self.with_text = with_text

    def done(self, item: Input) -> bool:
        return self.folder.root.joinpath(item.name + ".json").is_file()

    def write(self, outcome: Outcome) -> None:
        if self.with_text and outcome.text is not None and not self._is_input(outcome):
            self.folder.write_atomic(outcome.input.name + ".txt", outcome.text)
        # The JSON last: --resume trusts a report whose JSON exists.
        self.folder.write_atomic(outcome.input.name + ".json", report_json(outcome.report))

    def _is_input(self, outcome: Outcome) -> bool:
        """--out into the inputs' own folder: the text file would be the input itself."""
        target = self.folder.root.joinpath(outcome.input.name + ".txt")
        try:
            return target.exists() and os.path.samefile(target, outcome.input.path)
        except OSError:
            return False

    def __getstate__(self):
        return {"root": str(self.folder.root), "with_text": self.with_text}

    def __setstate__(self, state):
        self.__init__(state["root"], state["with_text"])


class JsonlWriter:
    """Reports appended one line each to a JSONL file, flushed and synced as each is done.

    Runs append, so several runs into one file keep every report; a line cut
    short by a crash (no newline at the end) is dropped before appending.
    """

    def __init__(self, path):
        self.path = Path(path)
        folder = SafeFolder(self.path.parent)
        if self.path.is_symlink():
            raise BatchError(f"{self.path} is a symlink; govie does not write through it")
        self.mode = folder.mode
        self._fh = None

    def written_sources(self) -> set[str]:
        """The sources already in the file (for --resume)."""
        if not self.path.exists():
            return set()
        sources = set()
        with open(self.path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.endswith("\n"):
                    try:
                        sources.add(json.loads(line)["source"])
                    except (ValueError, KeyError, TypeError):
                        continue
        return sources

    def _open(self):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.path, flags, 0o666)
        size = os.fstat(fd).st_size
        if size:
            with open(self.path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":         # a line cut short: drop it
                    fh.seek(0)
                    data = fh.read()
                    os.ftruncate(fd, data.rfind(b"\n") + 1)
        self._fh = os.fdopen(fd, "a", encoding="utf-8")

    def write(self, outcome: Outcome) -> None:
        if self._fh is None:
            self._open()
        self._fh.write(json.dumps(outcome.report, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def progress(iterable, total: int, enabled: bool | None = None):
    """A tqdm bar on stderr when it is a terminal; the iterable unchanged otherwise."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, total=total, unit="report", file=sys.stderr)
