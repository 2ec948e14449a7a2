"""The annotated corpus: its JSONL schema, validation, and loading as Hugging Face datasets.

>>> from govie.corpus import load_corpus, validate_path
>>> ds = load_corpus("corpus")              # DatasetDict(train=…, test=…), offline
>>> [str(i) for i in validate_path("corpus/annotations")]
[]
"""
from .records import (KINDS, SCHEMA_VERSION, CorpusFormatError, Issue, Region, amount_labels,
                      iter_jsonl, kind_of, labels, load_annotations, load_records, regions,
                      report_text, span_fields, span_measure, tool_labels)
from .schema import check, load_schema
from .validate import validate_file, validate_path

__all__ = ["KINDS", "SCHEMA_VERSION", "CorpusFormatError", "Issue", "Region", "amount_labels",
           "check", "iter_jsonl", "kind_of", "labels", "load_annotations", "load_corpus",
           "load_records", "load_schema", "leave_one_report_out", "regions", "report_text",
           "span_fields", "span_measure", "split_of", "tool_labels", "validate_file", "validate_path"]


def __getattr__(name):
    # datasets is imported only when the dataset side is used (it costs a second).
    if name in ("load_corpus", "leave_one_report_out", "split_of", "extract_example", "predict",
                "FEATURES", "PREDICTION_FEATURES"):
        from . import dataset

        return getattr(dataset, name)
    raise AttributeError(name)
