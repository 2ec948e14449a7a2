"""Writes the notebooks from the cells below and executes them (``python notebooks/build.py``).

The notebooks are kept as code here so that a change is reviewed as code; the
executed .ipynb files (small outputs saved) are what readers open.
``tests/test_notebooks.py`` executes each again and fails on any error.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''import os
if os.path.basename(os.getcwd()) == "notebooks":  # run from the clone's root, whatever the kernel's folder
    os.chdir("..")
os.environ.setdefault("ANSI_COLORS_DISABLED", "1")  # spaCy's messages without colour codes
import warnings
warnings.filterwarnings("ignore", message="Glyph .* missing")  # a machine without CJK fonts draws boxes
import pandas as pd
import govie
pd.set_option("display.max_colwidth", 40)'''

QUICKSTART = [
    new_markdown_cell("# govie in five minutes\n\nOne self-evaluation report (部门整体支出绩效自评报告) to tables: "
                      "amounts, indicators with their targets and actual values, the budget block, and the "
                      "problem and remedy sentences. Every table has a `source` column, so the same code "
                      "works for a whole corpus (see `02_corpus.ipynb`)."),
    new_code_cell(SETUP),
    new_code_cell('report = govie.extract_file("corpus/raw/2021_zengcheng_licheng_report.txt")\nreport'),
    new_markdown_cell("`govie.to_frames` turns reports into one DataFrame per kind of finding."),
    new_code_cell('frames = govie.to_frames([report])\n{kind: len(frame) for kind, frame in frames.items()}'),
    new_code_cell('frames["budget"].drop(columns="source").T.rename(columns={0: "yuan or %"})'),
    new_code_cell('frames["indicators"].dropna(subset=["target_text"])[["name", "target_text", "actual_text", "met"]].head(8)'),
    new_code_cell('frames["entities"].query("label == \'MONEY\'").nlargest(5, "value")[["text", "value", "start"]]'),
    new_code_cell('frames["statements"][["kind", "text"]].head(6)'),
    new_markdown_cell("Offsets point into the file as read, so a span can always be found again:"),
    new_code_cell('all(report.text[e["start"]:e["end"]] == e["text"] for e in report.entities)'),
    new_markdown_cell("## A displaCy view\n\nThe amounts of the report's first part, drawn by spaCy's displaCy "
                      "(`govie render FILE --html OUT` writes a whole review page)."),
    new_code_cell('''from spacy import displacy

cut = report.text.index("\\n", 1000)
ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in report.entities if e["end"] <= cut]
displacy.render({"text": report.text[:cut], "ents": ents}, style="ent", manual=True, jupyter=True)'''),
    new_markdown_cell("## Your own text\n\nThe same pipeline reads a sentence; every amount is normalised "
                      "(yuan for money, the multiplier applied)."),
    new_code_cell('text = "2023年本部门全年预算数 4,527.36 万元，执行率 97.41%；惠及群众约1.2万人次。"\n'
                  'govie.to_frames([govie.extract(text)])["entities"][["label", "text", "value", "unit", "approximate"]]'),
    new_code_cell('print(govie.extract(text).to_json(indent=1)[:400])'),
]

CORPUS = [
    new_markdown_cell("# A corpus as DataFrames\n\nEvery report of `corpus/raw/` extracted once, then the "
                      "questions researchers ask: how much of the budget was spent, by department; how many "
                      "indicators were met or missed, by level; the largest amounts; where a report's own "
                      "arithmetic does not hold. The figures are for the five seed reports only."),
    new_code_cell(SETUP + '''
import glob
import matplotlib.pyplot as plt
plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]
plt.rcParams["figure.dpi"] = 60'''),
    new_code_cell('''import warnings
nlp = govie.load()
files = sorted(glob.glob("corpus/raw/*.txt"))
reports = [govie.extract_file(path, nlp=nlp) for path in files]
frames = govie.to_frames(reports)
{kind: len(frame) for kind, frame in frames.items()}'''),
    new_code_cell('''short = {r.source: os.path.basename(r.source).removesuffix(".txt") for r in reports}
for frame in frames.values():
    frame["report"] = frame["source"].map(short)
frames["reports"][["report", "department", "year", "self_score", "grade"]]'''),
    new_markdown_cell("## Budget execution by report\n\nExecution rate as the report states it, and spent "
                      "over the adjusted budget where both amounts were found."),
    new_code_cell('''budget = frames["budget"].set_index("report")
budget["spent / adjusted (%)"] = 100 * budget["spent"] / budget["adjusted"]
budget[["adjusted", "spent", "execution_rate", "spent / adjusted (%)"]].round(2)'''),
    new_code_cell('''ax = budget[["execution_rate", "spent / adjusted (%)"]].plot.barh(figsize=(7, 3))
ax.set_xlabel("%"); ax.set_xlim(0, 110); ax.set_title("Budget execution"); plt.tight_layout()'''),
    new_markdown_cell("## Indicators met and missed, by level\n\nThe level is the template's 一级指标 when the "
                      "table gives it, else the section the indicator was found in; `met` is null when "
                      "target and actual cannot be compared."),
    new_code_cell('''ind = frames["indicators"].copy()
ind["level"] = ind["level1"].fillna(ind["section"]).fillna("(no level)").str.slice(0, 12)
ind["outcome"] = ind["met"].map({True: "met", False: "missed"}).fillna("not comparable")
table = ind.pivot_table(index="level", columns="outcome", values="name", aggfunc="count", fill_value=0)
table = table.loc[table.sum(axis=1).nlargest(8).index]
table'''),
    new_code_cell('''ax = table.plot.barh(stacked=True, figsize=(7, 3.5), color={"met": "#4c9a2a", "missed": "#c0392b",
                                                           "not comparable": "#bbbbbb"})
ax.set_xlabel("indicators"); ax.set_title("Indicators by level"); plt.tight_layout()'''),
    new_markdown_cell("## The largest amounts"),
    new_code_cell('''money = frames["entities"].query("label == 'MONEY' and currency == 'CNY'")
top = money.nlargest(10, "value")[["report", "text", "value"]]
top.assign(万元=(top["value"] / 1e4).round(2))'''),
    new_code_cell('''ax = (money.groupby("report")["value"].max() / 1e4).sort_values().plot.barh(figsize=(7, 2.8))
ax.set_xlabel("万元"); ax.set_title("Largest amount in each report"); plt.tight_layout()'''),
    new_markdown_cell("## Audit findings\n\n`Report.audit()` checks a report's arithmetic against itself "
                      "(execution rate against spent and budget, adjustment against initial and adjusted)."),
    new_code_cell('frames["audit"][["report", "check", "message"]]'),
    new_markdown_cell("## Problems and remedies per report"),
    new_code_cell('frames["statements"].groupby(["report", "kind"]).size().unstack(fill_value=0)'),
]

ANNOTATE = [
    new_markdown_cell("# Annotate, import, validate, retrain, evaluate\n\nThe annotation loop on a copy of "
                      "the two-report test corpus (`tests/fixtures/annotate/corpus`): govie's findings are "
                      "exported as Label Studio pre-annotations, an annotator's work is simulated (accept, "
                      "fix a span, add a missed one), the export is imported back into the gold, validated, "
                      "and a small NER is retrained and evaluated. Nothing outside a temporary folder is "
                      "changed. The retraining is a 30-step smoke run, so its scores say nothing about the "
                      "shipped model."),
    new_code_cell(SETUP + '''
import json, shutil, tempfile
from pathlib import Path
from govie.cli import main

work = Path(tempfile.mkdtemp(prefix="govie-nb-"))
corpus = work / "corpus"
shutil.copytree("tests/fixtures/annotate/corpus", corpus)
sorted(p.name for p in (corpus / "raw").iterdir())'''),
    new_markdown_cell("## 1. Export pre-annotations"),
    new_code_cell('''main(["annotate", "export", "--format", "label-studio", str(corpus), "--out", str(work / "tasks.json"),
      "--rules-only"])
tasks = json.loads((work / "tasks.json").read_text(encoding="utf-8"))
[(t["data"]["report"], len(t["predictions"][0]["result"])) for t in tasks]'''),
    new_markdown_cell("## 2. The annotator's work, as Label Studio exports it\n\nShe accepts the predictions, "
                      "removes one amount she disagrees with, and labels `1.2 万人次` where the prediction "
                      "missed it. Label Studio writes the user as a number and as `created_username`."),
    new_code_cell('''def annotated(task, n):
    result = task.pop("predictions")[0]["result"]
    regions = [r for r in result if r["type"] == "labels"]
    text = task["data"]["text"]
    if n == 0:
        removed = next(r for r in regions if r["value"]["labels"] == ["MONEY"])
        result = [r for r in result if removed["id"] not in (r.get("id"), r.get("from_id"), r.get("to_id"))]
        start = text.find("1.2 万人次")
        taken = any(r["value"]["start"] < start + 7 and start < r["value"]["end"] for r in regions
                    if r["from_name"] == "label")
        if start >= 0 and not taken:
            result.append({"id": "added1", "from_name": "label", "to_name": "text", "type": "labels",
                           "origin": "manual", "value": {"start": start, "end": start + 7,
                                                         "text": "1.2 万人次", "labels": ["QUANTITY"]}})
    task.update(id=n + 1, annotations=[{"id": 10 + n, "completed_by": 1, "created_username": "ann@example.org, 1",
                                        "result": result, "was_cancelled": False}])
    return task

export = work / "project-1-export.json"
export.write_text(json.dumps([annotated(t, n) for n, t in enumerate(tasks)], ensure_ascii=False), encoding="utf-8")
export.stat().st_size'''),
    new_markdown_cell("## 3. Import into the gold\n\nThe import merges: it refuses to remove gold annotations "
                      "unless told to (`--replace`), keeps the sentence labels the tool does not offer, and "
                      "records the annotator by e-mail."),
    new_code_cell('''annotations = corpus / "annotations"
code = main(["annotate", "import", "--format", "label-studio", str(export), "--corpus", str(corpus),
             "--out", str(annotations), "--annotator", "ann@example.org"])
code  # 1: the removal was refused, nothing written'''),
    new_code_cell('''main(["annotate", "import", "--format", "label-studio", str(export), "--corpus", str(corpus),
      "--out", str(annotations), "--annotator", "ann@example.org", "--replace"])'''),
    new_markdown_cell("## 4. Validate"),
    new_code_cell('main(["annotate", "validate", str(annotations), "--corpus", str(corpus)])'),
    new_markdown_cell("## 5. Retrain a small NER and evaluate it\n\nA 30-step run on the two reports and 60 "
                      "generated examples, saved to a folder, then `govie evaluate --model`."),
    new_code_cell('''from govie.training.ner import assemble, corpus_texts, generated_texts, train_ner
rules = govie.load(rules_only=True)
train = corpus_texts(corpus, nlp=rules) + generated_texts(60, 0)
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):  # spaCy's own log; the step bar goes to stderr
    ner_dir, stats = train_ner(work / "ner", train, generated_texts(10, 1), max_steps=30)
model = assemble(ner_dir, work / "models" / "govie-small")
stats.docs, stats.spans, sorted(p.name for p in model.iterdir())'''),
    new_code_cell('main(["evaluate", "--model", str(model), "--task", "amounts", "--corpus", str(corpus)])'),
    new_code_cell('shutil.rmtree(work)'),
]

NOTEBOOKS = {"01_quickstart.ipynb": QUICKSTART, "02_corpus.ipynb": CORPUS, "03_annotate_and_train.ipynb": ANNOTATE}


def build(execute: bool = True) -> None:
    from nbclient import NotebookClient

    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
        if execute:
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(HERE.parent)}}).execute()
        for cell in nb.cells:  # no machine-specific noise in the saved files
            cell.get("metadata", {}).pop("execution", None)
            for output in cell.get("outputs", []):
                if output.get("name") == "stderr":
                    output["text"] = "".join(line for line in output["text"].splitlines(True)
                                             if "step/s" not in line and "\r" not in line)
            if "outputs" in cell:
                cell["outputs"] = [o for o in cell["outputs"] if o.get("name") != "stderr" or o.get("text")]
        nbformat.write(nb, HERE / name)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    build(execute="--no-execute" not in sys.argv)
