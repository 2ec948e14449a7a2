"""``govie render FILE --html OUT``: a review page of one report for annotators."""
from __future__ import annotations

from ..cli import error
from ..reading import ReadError


def register(sub) -> None:
    p = sub.add_parser("render", help="write an HTML review page of a report (displaCy)",
                       description="Extract FILE and write one self-contained HTML page highlighting "
                                   "amounts, indicators and problem/remedy sentences (spaCy displaCy). "
                                   "With --gold, draw the corpus annotations of the report instead.")
    p.add_argument("file", metavar="FILE", help="a report text file")
    p.add_argument("--html", required=True, metavar="OUT", help="where to write the page")
    p.add_argument("--gold", metavar="CORPUS", help="draw the annotations of CORPUS/annotations for this report")
    p.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..annotate.convert import write_text_atomic
    from ..pipeline import load
    from ..render import render_file

    try:
        page = render_file(args.file, nlp=None if args.gold else load(rules_only=args.rules_only),
                           gold=args.gold)
    except (ReadError, ValueError, OSError) as exc:
        error(str(exc))
        return 1
    write_text_atomic(args.html, page)
    print(f"wrote {args.html}")
    return 0
