"""Report-level fields: ``govie_report_fields`` sets ``doc._.report_fields`` (department, year,
self_score, grade and the budget block of the JSON contract, money in yuan)."""
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import mentions_of
from .fields import Figure, budget_block, budget_figures, department, field_rules, grade, report_fields, self_score, year

__all__ = ["ReportFields", "report_fields", "budget_block", "budget_figures", "Figure", "department", "year",
           "self_score", "grade", "field_rules"]


class ReportFields:
    def __init__(self, name: str = "govie_report_fields"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.report_fields = report_fields(text_of(doc), mentions_of(doc), doc._.budget_cells)
        return doc


@Language.factory("govie_report_fields", assigns=["doc._.report_fields"],
                  requires=["doc._.mentions", "doc._.budget_cells"])
def make_report_fields(nlp: Language, name: str):
    return ReportFields(name)
