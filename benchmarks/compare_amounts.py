"""Compare govie's MONEY and PERCENT recognition with general-purpose open tools.

    python benchmarks/compare_amounts.py [--tools govie,jionlp,recognizers] [--errors 5]

Two gold sets are scored, both as they stand in the repository:

(a) the corpus gold, ``corpus/annotations/amounts.jsonl`` (MONEY and PERCENT spans,
    offsets into ``corpus/raw/<id>.txt``; span rules in ``corpus/README.md``). Each
    tool gets the whole file text, exactly as read (UTF-8, ``newline=""``), with no
    cleaning, the same string govie gets.
(b) the genre specs, ``tests/specs/amounts.jsonl`` (``tests/specs/README.md``): only
    their MONEY and PERCENT entities are gold; QUANTITY entities and QUANTITY
    predictions are ignored. Each case's ``text`` is one input.

Caveat on govie's own figures: both gold sets were available while govie's rules
were written (the corpus is its development set, and the specs are a test suite
that must pass), so govie's scores here are in-sample. The other tools saw
neither. Read govie's rows as "does govie do what its gold says", and the
tools' rows as what an off-the-shelf tool does on this genre.

Scoring (the same code for every system)
----------------------------------------
Each prediction is (label, start, end, values); ``values`` is the set of readings
of the tool's output that we accept (normally one number; see the per-tool notes).
A value matches a gold value when, for MONEY, ``|p - g| <= 0.5% * max(|g|, 1)``
(yuan, or the foreign currency's own unit; the currency code is not compared) and,
for PERCENT, ``|p - g| <= 0.01``. A gold range (``30-50万元``: ``value`` 300000,
``value_max`` 500000) is matched by either bound, so a tool that finds only
``50万元`` inside it still gets the match. A prediction lying strictly inside
another prediction of the same label is dropped as a duplicate reading
(Recognizers returns ``800元`` inside ``2,365,800元``); govie and JioNLP produce no
such nested results here.

1. lenient: a prediction matches a gold span of the same label when the two spans
   overlap and a value matches. One-to-one, maximum bipartite matching per report /
   case. Precision = matched / predictions of that label, recall = matched / gold.
   "val.acc" (value accuracy) = lenient matches / overlap matches, where overlap
   matches are the maximum one-to-one matching on label + overlap alone: the share
   of the gold spans a system located whose value it also got right.
2. value-only: per report / case, the multiset of (label, value) pairs, matched
   one-to-one (maximum bipartite matching) regardless of position.

An extra line per gold set gives lenient MONEY recall on the gold spans whose text
carries a money unit (元, 万, 亿, 千, 美元 …). The other MONEY spans are bare numbers
in tables under a declared unit (``单位：万元``, ``金额单位：元``), which a tool that
reads no table header cannot find. ``--errors N`` prints examples of misses, wrong
values and spurious predictions for every system.

Each system runs with the ``decimal`` context it had right after its own import:
Recognizers-Text sets the process-wide ``decimal`` precision to 15 when imported,
which would make govie's normaliser raise ``decimal.InvalidOperation`` on 9-digit
yuan amounts if both ran in one unguarded process.

Reading each tool's output (where ambiguous, the reading most favourable to the tool)
------------------------------------------------------------------------------------
Every tool gets the raw text, as govie does: no full-width folding, no removal of
``<p>`` or line breaks.

govie: ``govie.extract(text, nlp=govie.load()).entities`` with label MONEY /
    PERCENT; ``value`` (yuan, or the number before %); for a range ``value_max`` is
    also accepted.

JioNLP: ``jionlp.ner.extract_money(text, with_parsing=True)`` (``jionlp.extract_money``
    does not exist in 1.5.31). Its defaults ``ret_all=False, use_jiojio=False`` are
    kept: ``ret_all=True`` changed nothing here, and ``use_jiojio=True`` lowered MONEY
    recall on both gold sets (it drops e.g. ``数 12766.32 万元``). Every result is
    MONEY with span ``offset`` ([start, end), may include a leading space or ``数``).
    ``detail['num']`` is a number string already scaled to the currency in
    ``detail['case']`` ('元' -> yuan; 美元, 港元 … keep their own value). When ``num``
    is a list (a range, or ``definition == 'blur'`` as for ``数 13259.41 万元``, which
    JioNLP reads as "several times 13259.41万" = [132594100, 1325941000]), *either*
    bound is accepted. JioNLP has no percentage extractor, so it is not scored on
    PERCENT (its rows read "n/a").

Microsoft Recognizers-Text: ``recognize_currency`` and ``recognize_percentage`` with
    ``Culture.Chinese`` (``recognizers-text`` 1.0.2a2 imports ``emoji.UNICODE_EMOJI``,
    gone since emoji 2.0, so it needs ``emoji<2``). Currency results are MONEY,
    percentage results PERCENT; the span is ``start`` .. ``end`` *inclusive* (checked
    against the input; the tool reports full-width digits as half-width in ``text``
    but at the right offsets). Currency ``resolution['value']`` is in
    ``resolution['unit']``: 'Chinese yuan' is yuan, 'Jiao' x 0.1 and 'Fen' x 0.01
    (so ``98分`` is 0.98 yuan, a false positive however it is read); any other
    currency keeps its value. Recognizers already applies 万/亿 (``13259.41 万元`` ->
    132594100); should a value equal the bare written number of a span containing
    万/亿, the scaled value is accepted too. A currency result with no numeric value
    (``人民币`` alone, or ``港元`` cut off from ``6,800万港元``) is dropped rather than
    counted as a false positive. A percentage ``value`` is a string such as
    ``'96.28%'``: the number before % is taken; a value without % would be accepted
    both as is and x 100.
"""
from __future__ import annotations

import argparse
import contextlib
import decimal
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_GOLD = ROOT / "corpus" / "annotations" / "amounts.jsonl"
CORPUS_RAW = ROOT / "corpus" / "raw"
SPECS = ROOT / "tests" / "specs" / "amounts.jsonl"
LABELS = ("MONEY", "PERCENT")
MONEY_UNIT = re.compile(r"[元万亿千仟萬]|美元|港元|欧元|日元|英镑")


@dataclass
class Span:
    label: str
    start: int
    end: int
    values: tuple  # accepted numeric readings; () when the tool gave no value
    text: str = ""


# --------------------------------------------------------------------------- systems

class System:
    name = "?"
    labels = LABELS  # labels the tool can produce at all
    decimal_context = None  # the decimal context the tool set up for itself on import

    def run(self, text: str) -> list[Span]:
        # Recognizers-Text sets the *global* decimal precision to 15 when it is imported,
        # which breaks other libraries in the same process (govie's normaliser raises
        # decimal.InvalidOperation on 9-digit yuan amounts). Each system runs in the
        # context it had right after its own import.
        with decimal.localcontext(self.decimal_context):
            spans = self.predict(text)
        # A result lying inside another result of the same label is a duplicate reading
        # (Recognizers returns both `2,365,800元` and `800元`); keep the outer one.
        return [s for s in spans
                if not any(o is not s and o.label == s.label and o.start <= s.start and s.end <= o.end
                           and (o.end - o.start) > (s.end - s.start) for o in spans)]

    def version(self) -> str:
        return "?"

    def predict(self, text: str) -> list[Span]:
        raise NotImplementedError


class Govie(System):
    name = "govie"

    def __init__(self):
        import govie
        self.govie = govie
        self.nlp = govie.load()

    def version(self):
        return self.govie.__version__

    def predict(self, text):
        out = []
        for e in self.govie.extract(text, nlp=self.nlp).entities:
            if e["label"] not in LABELS:
                continue
            values = tuple(v for v in (e.get("value"), e.get("value_max")) if v is not None)
            out.append(Span(e["label"], e["start"], e["end"], values, e["text"]))
        return out


class JioNLP(System):
    name = "jionlp"
    labels = ("MONEY",)

    def __init__(self):
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
        self.jio = jionlp
        self.extract_money = jionlp.ner.extract_money

    def version(self):
        return self.jio.__version__

    def predict(self, text):
        out = []
        for r in self.extract_money(text, with_parsing=True):
            num = r.get("detail", {}).get("num")
            nums = num if isinstance(num, list) else [num]
            values = []
            for n in nums:
                try:
                    values.append(float(str(n).replace(",", "")))
                except (TypeError, ValueError):
                    pass
            s, e = r["offset"]
            out.append(Span("MONEY", s, e, tuple(values), r["text"]))
        return out


_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


class Recognizers(System):
    name = "recognizers"
    SUBUNITS = {"Fen": 0.01, "Jiao": 0.1}

    def __init__(self):
        from recognizers_text import Culture
        from recognizers_number import recognize_percentage
        from recognizers_number_with_unit import recognize_currency
        self.culture = Culture.Chinese
        self.currency = recognize_currency
        self.percentage = recognize_percentage
        self.offset_mismatches = 0

    def version(self):
        from importlib.metadata import version
        return version("recognizers-text-suite")

    def _span(self, text, r):
        start, end = r.start, r.end + 1  # end is inclusive
        if unicodedata.normalize("NFKC", text[start:end]) != unicodedata.normalize("NFKC", r.text):
            self.offset_mismatches += 1
        return start, end

    def predict(self, text):
        out = []
        for r in self.currency(text, self.culture):
            res = r.resolution or {}
            values = []
            try:
                v = float(str(res.get("value")).replace(",", ""))
            except (TypeError, ValueError):
                continue  # a currency word with no amount (`人民币`, `港元`): not a prediction
            v *= self.SUBUNITS.get(res.get("unit"), 1.0)
            values.append(v)
            m = _DIGITS.search(unicodedata.normalize("NFKC", r.text))
            mult = 1e8 if "亿" in r.text else 1e4 if ("万" in r.text or "萬" in r.text) else None
            if mult and m and abs(v - float(m.group().replace(",", ""))) < 1e-9:
                values.append(v * mult)  # the tool left 万/亿 unapplied
            s, e = self._span(text, r)
            out.append(Span("MONEY", s, e, tuple(values), r.text))
        for r in self.percentage(text, self.culture):
            raw = str((r.resolution or {}).get("value", ""))
            values = []
            try:
                v = float(raw.rstrip("%").replace(",", ""))
                values = [v] if raw.endswith("%") else [v, v * 100]
            except ValueError:
                pass
            s, e = self._span(text, r)
            out.append(Span("PERCENT", s, e, tuple(values), r.text))
        return out


SYSTEMS = {"govie": Govie, "jionlp": JioNLP, "recognizers": Recognizers}
INSTALL_HINT = {
    "govie": "install the project (pip install -c constraints.txt -e .) in the Python that runs this script",
    "jionlp": "install it in a separate venv (pip install jionlp); see benchmarks/README.md",
    "recognizers": "install it in a separate venv (pip install recognizers-text-suite 'emoji<2'); "
                   "see benchmarks/README.md",
}


# --------------------------------------------------------------------------- gold

def gold_values(s):
    return tuple(v for v in (s["value"], s.get("value_max")) if v is not None)


def load_corpus():
    docs = []
    for line in CORPUS_GOLD.open(encoding="utf-8"):
        if not line.strip():
            continue
        rec = json.loads(line)
        with open(CORPUS_RAW / f"{rec['id']}.txt", encoding="utf-8", newline="") as f:
            text = f.read()
        gold = [Span(s["label"], s["start"], s["end"], gold_values(s), s["text"])
                for s in rec["spans"] if s["label"] in LABELS]
        docs.append((rec["id"], text, gold))
    return docs


def load_specs():
    docs = []
    for line in SPECS.open(encoding="utf-8"):
        if not line.strip():
            continue
        case = json.loads(line)
        gold = []
        for ent in case["entities"]:
            if ent["label"] not in LABELS:
                continue
            start = -1
            for _ in range(ent.get("occurrence", 0) + 1):
                start = case["text"].index(ent["text"], start + 1)
            gold.append(Span(ent["label"], start, start + len(ent["text"]), gold_values(ent), ent["text"]))
        docs.append((case["id"], case["text"], gold))
    return docs


# --------------------------------------------------------------------------- scoring

def value_ok(label, pred_values, gold_values):
    for p in pred_values:
        for g in gold_values:
            if label == "MONEY" and abs(p - g) <= 0.005 * max(abs(g), 1.0):
                return True
            if label == "PERCENT" and abs(p - g) <= 0.01 + 1e-9:
                return True
    return False


def overlaps(a: Span, b: Span):
    return a.start < b.end and b.start < a.end


def max_matching(preds, golds, edge):
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths) and its pairs."""
    adj = [[j for j, g in enumerate(golds) if edge(p, g)] for p in preds]
    owner = [-1] * len(golds)

    def augment(i, seen):
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if owner[j] == -1 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(preds)):
        if adj[i]:
            augment(i, set())
    return [(owner[j], j) for j in range(len(golds)) if owner[j] != -1]


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    lenient: int = 0
    overlap: int = 0
    value_only: int = 0
    unit_gold: int = 0
    unit_lenient: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong_value: list = field(default_factory=list)


def score_doc(doc_id, text, gold, preds, label, tally: Tally):
    g = [s for s in gold if s.label == label]
    p = [s for s in preds if s.label == label]
    tally.gold += len(g)
    tally.pred += len(p)
    len_pairs = max_matching(p, g, lambda a, b: overlaps(a, b) and value_ok(label, a.values, b.values))
    ovl_pairs = max_matching(p, g, overlaps)
    val_pairs = max_matching(p, g, lambda a, b: value_ok(label, a.values, b.values))
    tally.lenient += len(len_pairs)
    tally.overlap += len(ovl_pairs)
    tally.value_only += len(val_pairs)
    matched_g = {j for _, j in len_pairs}
    matched_p = {i for i, _ in len_pairs}
    for j, s in enumerate(g):
        if MONEY_UNIT.search(s.text):
            tally.unit_gold += 1
            tally.unit_lenient += j in matched_g
    located = {j: i for i, j in ovl_pairs}
    for j, s in enumerate(g):
        if j in matched_g:
            continue
        if j in located:
            q = p[located[j]]
            tally.wrong_value.append((doc_id, s.text, s.values, q.text, q.values))
        else:
            tally.missed.append((doc_id, s.text, s.values, context(text, s)))
    ovl_p = {i for i, _ in ovl_pairs}
    for i, s in enumerate(p):
        if i not in matched_p and i not in ovl_p:
            tally.spurious.append((doc_id, s.text, s.values, context(text, s)))


def context(text, s: Span, width=8):
    left = text[max(0, s.start - width):s.start]
    right = text[s.end:s.end + width]
    return f"{left}[{text[s.start:s.end]}]{right}".replace("\n", "⏎")


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_dataset(title, docs, systems, n_errors):
    n_gold = {lab: sum(1 for _, _, g in docs for s in g if s.label == lab) for lab in LABELS}
    print(f"\n== {title}: {len(docs)} inputs, gold MONEY {n_gold['MONEY']}, PERCENT {n_gold['PERCENT']} ==")
    header = (f"{'system':<14}{'label':<9}{'pred':>5} | {'lenient P':>9} {'R':>6} {'F1':>6} {'val.acc':>8}"
              f" | {'value-only P':>12} {'R':>6} {'F1':>6}")
    print(header)
    print("-" * len(header))
    results = {}
    for sysobj in systems:
        preds = {doc_id: sysobj.run(text) for doc_id, text, _ in docs}
        tallies = {}
        for label in LABELS:
            tally = Tally()
            for doc_id, text, gold in docs:
                score_doc(doc_id, text, gold, preds[doc_id], label, tally)
            tallies[label] = tally
            if label not in sysobj.labels:
                print(f"{sysobj.name:<14}{label:<9}{'n/a':>5} | {'n/a (the tool has no ' + label + ' recognizer)'}")
                continue
            lp, lr, lf = prf(tally.lenient, tally.pred, tally.gold)
            vp, vr, vf = prf(tally.value_only, tally.pred, tally.gold)
            acc = tally.lenient / tally.overlap if tally.overlap else 0.0
            print(f"{sysobj.name:<14}{label:<9}{tally.pred:>5} | {lp:>9.3f} {lr:>6.3f} {lf:>6.3f} {acc:>8.3f}"
                  f" | {vp:>12.3f} {vr:>6.3f} {vf:>6.3f}")
        results[sysobj.name] = tallies
    m = next(iter(results.values()))["MONEY"] if results else None
    if m is not None and m.unit_gold < m.gold:
        print(f"MONEY gold spans with a written money unit: {m.unit_gold} of {m.gold}"
              f" (the rest are bare table cells under a declared unit); lenient recall on them:")
        for name, tallies in results.items():
            t = tallies["MONEY"]
            print(f"  {name:<14}{t.unit_lenient / t.unit_gold if t.unit_gold else 0:.3f}"
                  f"  ({t.unit_lenient}/{t.unit_gold})")
    if n_errors:
        for name, tallies in results.items():
            for label in LABELS:
                t = tallies[label]
                if label not in next(s for s in systems if s.name == name).labels:
                    continue
                for kind, items in (("missed", t.missed), ("wrong value", t.wrong_value), ("spurious", t.spurious)):
                    if items:
                        print(f"  [{name} {label}] {kind}: {len(items)}")
                        for item in items[:n_errors]:
                            print("     ", " | ".join(fmt(x) for x in item))
    return results


def fmt(x):
    if isinstance(x, float):
        return f"{x:g}"
    if isinstance(x, tuple):
        return "(" + ", ".join(fmt(v) for v in x) + ")"
    return str(x).replace("\n", "⏎")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tools", default="govie,jionlp,recognizers",
                    help="comma-separated: govie, jionlp, recognizers (a tool that is not installed is skipped)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="also print up to N missed / wrong-value / spurious examples per system and label")
    ap.add_argument("--only", choices=("corpus", "specs"), help="score one gold set only")
    args = ap.parse_args(argv)

    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        ap.error(f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    systems = []
    for n in names:
        decimal.setcontext(decimal.Context())  # Python's default, for every import
        try:
            sysobj = SYSTEMS[n]()
            sysobj.decimal_context = decimal.getcontext().copy()
        except Exception as exc:  # ImportError, or a broken dependency raising something else on import
            print(f"skipped {n}: cannot import it ({type(exc).__name__}: {exc}); {INSTALL_HINT[n]}",
                  file=sys.stderr)
            continue
        systems.append(sysobj)
    decimal.setcontext(decimal.Context())
    if not systems:
        print("no tool to compare", file=sys.stderr)
        return 1
    print("python " + sys.version.split()[0] + "; " + ", ".join(f"{s.name} {s.version()}" for s in systems))

    if args.only in (None, "corpus"):
        run_dataset("corpus gold (corpus/annotations/amounts.jsonl)", load_corpus(), systems, args.errors)
    if args.only in (None, "specs"):
        run_dataset("genre specs (tests/specs/amounts.jsonl, MONEY and PERCENT only)", load_specs(),
                    systems, args.errors)
    for s in systems:
        if getattr(s, "offset_mismatches", 0):
            print(f"note: {s.name} returned {s.offset_mismatches} results whose text differs from the input "
                  f"at their offsets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
