"""``govie annotate``: validate the corpus, export to and import from annotation tools, agreement, DocBin.

The loop: ``export`` → annotate in Label Studio or doccano → ``import`` →
``validate`` → ``agreement`` → ``docbin`` (training data) → retrain.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..cli import error

FORMATS = ["label-studio", "doccano"]


def register(sub) -> None:
    p = sub.add_parser("annotate", help="validate annotations; export to and import from Label Studio or doccano",
                       description="Work on the corpus annotations: validate, export (pre-annotations for "
                                   "Label Studio or doccano), import (the tools' exports back into "
                                   "corpus/annotations), agreement (between two annotators), docbin "
                                   "(spaCy training data).")
    acts = p.add_subparsers(dest="action", metavar="ACTION")

    v = acts.add_parser("validate", help="check annotation files against the schema and the texts",
                        description="Check offsets, span texts, overlaps, labels and values of every record; "
                                    "print each problem as FILE:LINE: message. Exit status 1 on errors.")
    v.add_argument("path", nargs="?", default="corpus/annotations", metavar="PATH",
                   help="an annotation file or a folder of them (default: corpus/annotations)")
    v.add_argument("--corpus", help="the corpus folder the records' files are in "
                   "(default: the folder above PATH's annotations folder)")
    v.set_defaults(action_func=run_validate)

    e = acts.add_parser("export", help="write tasks with govie's predictions as pre-annotations",
                        description="Extract each report and write an import file for the tool with govie's "
                                    "findings as pre-annotations (Label Studio: a JSON list of tasks with "
                                    "predictions, plus the labeling config XML; doccano: JSONL).")
    e.add_argument("--format", required=True, choices=FORMATS)
    e.add_argument("inputs", nargs="*", default=["corpus"], metavar="FILE",
                   help="report files, or a corpus folder for all of its raw/*.txt (default: corpus)")
    e.add_argument("--out", required=True, metavar="PATH", help="the import file to write")
    e.add_argument("--config", metavar="PATH", help="Label Studio: where to write the labeling config "
                   "(default: beside --out, as <name>.config.xml)")
    e.add_argument("--relations", action="store_true",
                   help="doccano: write entities and relations (a relation-extraction project), "
                        "so indicators keep their links")
    e.add_argument("--overlapping", action="store_true",
                   help="doccano: one file for a project created with \"Allow overlapping spans\" (default: "
                        "sentences in a second file, <out>.sentences.jsonl, and no overlapping spans)")
    e.add_argument("--rules-only", action="store_true", help="use the rule pipeline even if a trained model exists")
    e.set_defaults(action_func=run_export)

    i = acts.add_parser("import", help="convert a tool's export into corpus annotation files",
                        description="Read a Label Studio JSON export or a doccano JSONL export and write "
                                    "corpus records with exact offsets, the annotator from the export and "
                                    "values from govie's normaliser. Reports already in --out are kept "
                                    "unless --replace. Nothing is written if anything is wrong.")
    i.add_argument("--format", required=True, choices=FORMATS)
    i.add_argument("export", metavar="EXPORT", help="the tool's export file")
    i.add_argument("--out", required=True, metavar="PATH",
                   help="corpus/annotations/<kind>.jsonl, or a folder for every kind")
    i.add_argument("--kind", choices=["amounts", "indicators", "sentences"],
                   help="the kind to write when --out's name does not say it")
    i.add_argument("--annotator", help="whose annotations to take (Label Studio: e-mail or user id) "
                   "or, for doccano, the annotator's name")
    i.add_argument("--corpus", default="corpus", help="the corpus the texts must match (default: corpus)")
    i.add_argument("--replace", action="store_true",
                   help="let the import remove annotations of the imported reports and add labels the "
                        "file does not use yet (without it such an import is refused); other reports "
                        "and other annotation kinds always stay")
    i.set_defaults(action_func=run_import)

    a = acts.add_parser("agreement", help="span F1 and Cohen's kappa per label between two annotators",
                        description="Compare two annotation files of one kind (or two folders): per label, "
                                    "span-level F1 (exact match) and Cohen's kappa over non-whitespace "
                                    "characters, on the reports both annotated.")
    a.add_argument("a", metavar="A")
    a.add_argument("b", metavar="B")
    a.add_argument("--corpus", help="the corpus folder of the texts (default: found from A)")
    a.set_defaults(action_func=run_agreement)

    d = acts.add_parser("docbin", help="write the corpus as spaCy DocBin files for training",
                        description="Write OUT/train.spacy and OUT/test.spacy (the load_corpus split) with "
                                    "the annotations as spans; list the spans that are not on token boundaries.")
    d.add_argument("corpus", nargs="?", default="corpus")
    d.add_argument("--out", required=True, metavar="DIR")
    d.add_argument("--alignment", choices=["strict", "contract", "expand"], default="strict",
                   help="what to do with a span off token boundaries (default: strict, leave it out)")
    d.set_defaults(action_func=run_docbin)
    p.set_defaults(func=lambda args: args.action_func(args) if getattr(args, "action_func", None)
                   else (p.print_help(), 2)[1])


def run_validate(args) -> int:
    from ..corpus.validate import annotation_files, validate_path

    issues = validate_path(args.path, args.corpus)
    for issue in issues:
        print(issue)
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    files = len(annotation_files(args.path)) if Path(args.path).exists() else 0
    print(f"{errors} error(s), {warnings} warning(s) in {files} file(s)", file=sys.stderr)
    return 1 if errors else 0


def _report_files(inputs: list[str]) -> list[Path]:
    files = []
    for item in inputs:
        path = Path(item)
        files += sorted((path / "raw").glob("*.txt")) if path.is_dir() else [path]
    return files


def run_export(args) -> int:
    from ..annotate import doccano, labelstudio
    from ..annotate.convert import from_report, write_text_atomic
    from ..extract import extract_file
    from ..pipeline import load
    from ..reading import ReadError

    nlp = load(rules_only=args.rules_only)
    docs, failed = [], 0
    for path in _report_files(args.inputs):
        try:
            report = extract_file(path, nlp=nlp)
        except ReadError as exc:
            error(str(exc))
            failed += 1
            continue
        docs.append(from_report(report.to_dict(), report.text, path.stem, f"raw/{path.name}"))
    out = Path(args.out)
    if args.format == "label-studio":
        write_text_atomic(out, labelstudio.export_text(docs))
        config = Path(args.config) if args.config else out.with_name(out.stem + ".config.xml")
        write_text_atomic(config, labelstudio.labeling_config())
        print(f"wrote {len(docs)} task(s) to {out} and the labeling config to {config}")
    else:
        # A default doccano project drops overlapping spans: the sentence labels, which hold
        # amounts, go to a project of their own unless the project allows overlaps.
        groups = [(out, None)] if args.overlapping else [(out, "label"), (out.with_name(out.stem + ".sentences.jsonl"), "sentence")]
        for path, group in groups:
            write_text_atomic(path, doccano.export_text(docs, relations=args.relations and group != "sentence",
                                                        group=group, overlapping=args.overlapping))
        labels_file = out.with_name("label_config.json")
        write_text_atomic(labels_file, doccano.label_config())
        written = [str(labels_file)]
        if args.relations:
            write_text_atomic(out.with_name("relation_config.json"), doccano.relation_config())
            written.append(str(out.with_name("relation_config.json")))
        print(f"wrote {len(docs)} example(s) to {', '.join(str(p) for p, _ in groups)} and the labels "
              f"to {', '.join(written)} (import them into the doccano project first)")
    return 1 if failed else 0


def _merged_outputs(args, outputs):
    """The records to write: each imported record merged into the file's record of its report.

    Returns (outputs, removals, notes); removals are what the merge would take
    out of the corpus, refused unless ``--replace``.
    """
    from ..annotate.convert import file_labels, merge_record
    from ..corpus.records import kind_of, load_records, tool_labels

    offered = set(tool_labels())
    result, removals, notes = {}, [], []
    for path, records in outputs.items():
        existing = load_records(path) if path.exists() else {}  # a broken file is refused, not overwritten
        kind = kind_of(path, next(iter(records.values()), None))
        scope = offered & file_labels(kind, existing) if file_labels(kind, existing) and not args.replace \
            else offered
        result[path] = {}
        for rid, record in records.items():
            merged, removed, left_out = merge_record(kind, existing.get(rid), record, scope)
            result[path][rid] = merged
            removals += [f"{path.name}: report {rid}: {r}" for r in removed]
            if left_out:
                notes.append(f"{path.name}: report {rid}: {', '.join(left_out)} spans left out: {path.name} "
                             "has no such labels (--replace takes them)")
    return result, removals, notes


def run_import(args) -> int:
    from ..annotate import doccano, labelstudio
    from ..annotate.convert import ToolFormatError, outputs_for, write_kinds
    from ..corpus.records import CorpusFormatError, kind_of
    from ..corpus.validate import validate_record

    reader = labelstudio.read_export if args.format == "label-studio" else doccano.read_export
    try:
        docs, warnings = reader(args.export, corpus=args.corpus, annotator=args.annotator)
        if not docs:
            raise ToolFormatError(f"{args.export}: no annotated task to import")
        outputs, removals, notes = _merged_outputs(args, outputs_for(args.out, docs, args.kind))
    except (ToolFormatError, CorpusFormatError, ValueError) as exc:
        error(f"nothing written:\n{exc}")
        return 1
    for w in warnings + notes:
        print(f"govie: warning: {w}", file=sys.stderr)
    if removals and not args.replace:
        shown = "\n".join(removals[:20]) + (f"\n… and {len(removals) - 20} more" if len(removals) > 20 else "")
        error(f"nothing written: the import would remove {len(removals)} existing annotation(s); "
              f"pass --replace if the annotator meant to remove them:\n{shown}")
        return 1
    texts = {doc.report_id: doc.text for doc in docs}
    problems = []
    for path, records in outputs.items():
        for rid, record in records.items():
            def emit(message, severity="error", _rid=rid, _path=path):
                if severity == "error":
                    problems.append(f"{args.export}: report {_rid} ({_path.stem}): {message}")
            validate_record(record, kind_of(path, record), texts[rid], emit)
    if problems:
        error("nothing written; the imported annotations break the corpus rules:\n" + "\n".join(problems))
        return 1
    try:
        write_kinds(outputs, merge=True)
    except (CorpusFormatError, OSError) as exc:
        error(f"nothing written: {exc}")
        return 1
    for path, records in outputs.items():
        print(f"{path}: {len(records)} report(s) from {args.export}")
    return 0


def run_agreement(args) -> int:
    from ..annotate.agreement import agreement, format_agreement
    from ..corpus.records import CorpusFormatError
    from ..reading import ReadError

    try:
        result = agreement(args.a, args.b, args.corpus)
    except (CorpusFormatError, ReadError, OSError) as exc:
        error(str(exc))
        return 1
    print(format_agreement(result, Path(args.a).name, Path(args.b).name))
    return 0


def run_docbin(args) -> int:
    import warnings

    from ..annotate.docbin import AlignmentWarning, corpus_to_docbin
    from ..corpus.dataset import assign_splits
    from ..corpus.records import load_annotations

    ids = sorted({rid for recs in load_annotations(args.corpus).values() for rid in recs})
    split = assign_splits(ids)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("train", "test"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AlignmentWarning)  # listed below instead
            docbin, problems = corpus_to_docbin(args.corpus, [i for i in ids if split[i] == name],
                                                alignment=args.alignment)
        docbin.to_disk(out / f"{name}.spacy")
        for problem in problems:
            print(f"govie: warning: {problem}", file=sys.stderr)
        print(f"{out / (name + '.spacy')}: {len(docbin)} report(s), {len(problems)} span(s) off token boundaries")
    return 0
