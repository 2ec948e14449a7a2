"""``govie render FILE --html OUT`` (one review page) or ``govie render DIR --html OUT/`` (a page per report and an index)."""
from __future__ import annotations

from pathlib import Path

from ..cli import error
from ..reading import ReadError


def register(sub) -> None:
    p = sub.add_parser("render", help="write HTML review pages: one per report, and an index for a folder",
                       description="Extract FILE and write one self-contained HTML page: summary (budget, "
                                   "score, grade), indicator table, problems and remedies, audit findings and "
                                   "the text with every label and a label filter. Given a folder (its raw/ "
                                   "folder when it has one) or several files, write a page per report and "
                                   "OUT/index.html. With --gold, draw the corpus annotations of one report.")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="a report file, several, or a folder of them")
    p.add_argument("--html", required=True, metavar="OUT",
                   help="the page to write, or the folder for a page per report and index.html")
    p.add_argument("--gold", metavar="CORPUS", help="draw the annotations of CORPUS/annotations for this report")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


def _files(inputs: list[str]) -> tuple[list[Path], Path | None]:
    files, root = [], None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            folder = path / "raw" if (path / "raw").is_dir() else path
            root = root or folder
            files += sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            files.append(path)
    return files, root


def run(args) -> int:
    from ..annotate.convert import write_text_atomic
    from ..pipeline import load
    from ..render import render_corpus, render_file

    corpus = len(args.inputs) > 1 or Path(args.inputs[0]).is_dir()
    if corpus:
        if args.gold:
            error("--gold draws one report: give one FILE")
            return 2
        files, root = _files(args.inputs)
        if not files:
            error(f"no report files in {' '.join(args.inputs)}")
            return 1
        pages, errors = render_corpus(files, args.html, nlp=load(rules_only=args.rules_only), root=root,
                                      progress=True)
        for message in errors:
            error(message)
        print(f"wrote {len(pages)} page(s) and {Path(args.html) / 'index.html'}")
        return 1 if errors else 0
    try:
        page = render_file(args.inputs[0], nlp=None if args.gold else load(rules_only=args.rules_only),
                           gold=args.gold)
    except (ReadError, ValueError, OSError) as exc:
        error(str(exc))
        return 1
    write_text_atomic(args.html, page)
    print(f"wrote {args.html}")
    return 0
