"""Annotating the corpus with tools and training on it.

- :mod:`.labelstudio` and :mod:`.doccano`: export govie's predictions as
  pre-annotations, read the tools' exports back (``govie annotate export|import``);
- :mod:`.docbin`: the corpus ⇄ spaCy ``DocBin`` (misaligned spans are reported);
- :mod:`.agreement`: span F1 and Cohen's kappa per label between two annotators;
- :mod:`.convert`: the common ground of all of them (``ToolDoc``) and atomic writes.
"""
from .agreement import agreement, format_agreement
from .convert import ToolDoc, ToolFormatError, ToolRegion, from_records, from_report, to_records
from .docbin import AlignmentWarning, Misalignment, corpus_to_docbin, docbin_to_records, tooldoc_to_doc

__all__ = ["AlignmentWarning", "Misalignment", "ToolDoc", "ToolFormatError", "ToolRegion", "agreement",
           "corpus_to_docbin", "docbin_to_records", "format_agreement", "from_records", "from_report",
           "to_records", "tooldoc_to_doc"]
