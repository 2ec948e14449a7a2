"""The ``govie`` command line.  Each command lives in ``govie/commands/<name>.py``
with ``register(subparsers)``; the parser sets ``func`` to run it."""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

COMMANDS = ["extract", "evaluate", "train", "train-segmenter", "annotate", "render", "train-textcat", "audit"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govie",
        description="Structured data from Chinese government performance self-evaluation reports.")
    parser.add_argument("--version", action="version", version=f"govie {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name.replace('-', '_')}", __package__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def error(message: str) -> None:
    print(f"govie: error: {message}", file=sys.stderr)
