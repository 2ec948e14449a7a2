"""Does a change leave every result as it was?  The extraction of the corpus and every spec text, both pipelines.

    python benchmarks/same_output.py write before.json     # on the old code
    python benchmarks/same_output.py write after.json      # on the new code
    python benchmarks/same_output.py compare before.json after.json

Speed work must change no result; this is the check.  ``write`` runs
``govie.extract`` with ``load(rules_only=True)`` and ``load()`` on
``corpus/raw/*.txt`` and on the ``text`` of every case in ``tests/specs/*.jsonl``
and stores each report's JSON; ``compare`` names the extractions that differ and
the fields in which they do, and exits 1 if any does.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> dict[str, str]:
    found = {f"corpus/{p.name}": p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))}
    for spec in sorted((ROOT / "tests" / "specs").glob("*.jsonl")):
        for line in spec.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                found[f"{spec.stem}/{case['id']}"] = case["text"]
    return found


def write(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    import govie
    result = {}
    inputs = texts()
    for mode in ("rules", "load"):
        nlp = govie.load(rules_only=mode == "rules")
        for key, text in inputs.items():
            result[f"{mode}:{key}"] = json.loads(govie.extract(text, nlp=nlp).to_json())
    blob = json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0)
    Path(path).write_text(blob, encoding="utf-8")
    print(f"{len(inputs)} texts, {len(result)} extractions, sha1 {hashlib.sha1(blob.encode()).hexdigest()}")


def compare(old_path: str, new_path: str, shown: int = 10) -> int:
    old = json.loads(Path(old_path).read_text(encoding="utf-8"))
    new = json.loads(Path(new_path).read_text(encoding="utf-8"))
    differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    print(f"{len(old)} extractions before, {len(new)} after, {len(differ)} differ")
    for key in differ[:shown]:
        a, b = old.get(key) or {}, new.get(key) or {}
        print(f"  {key}: " + ", ".join(sorted(f for f in a.keys() | b.keys() if a.get(f) != b.get(f))))
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("write").add_argument("out")
    c = sub.add_parser("compare")
    c.add_argument("old")
    c.add_argument("new")
    args = ap.parse_args()
    if args.command == "write":
        write(args.out)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
