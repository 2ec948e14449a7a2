"""Indicators: ``govie_indicators`` pairs indicator names with targets and actuals (tables and
narrative) and decides whether each target was met; it sets ``doc._.indicators``."""
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import mentions_of
from .from_tables import table_indicators
from .model import Indicator, Value, met, plain
from .narrative import _clause_stops as clause_stops, narrative_indicators
from .rules import indicator_rules
from .values import Values, warm_patterns

__all__ = ["IndicatorFinder", "Indicator", "Value", "met", "plain", "indicator_rules", "find_indicators"]


def find_indicators(doc: Doc) -> list[Indicator]:
    """Every indicator of a Doc whose tables are rebuilt (``doc._.tables``), in text order."""
    mentions = mentions_of(doc)
    tables = doc._.tables or []
    text = text_of(doc)
    values = Values(text, mentions)
    found = table_indicators(tables, values) + narrative_indicators(text, mentions, tables, values,
                                                                    doc._.sections or [])
    for ind in found:
        ind.met = met(ind.name, ind.target, ind.actual)
    return sorted(found, key=lambda i: i.name_start)


class IndicatorFinder:
    def __init__(self, name: str = "govie_indicators"):
        self.name = name
        # Compile now, with the pipeline, the patterns only some texts reach: not in the first report.
        warm_patterns()
        clause_stops(indicator_rules().boundaries)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.tables is None:
            from ..tables import TableReader
            TableReader()(doc)
        doc._.indicators = find_indicators(doc)
        return doc


@Language.factory("govie_indicators", assigns=["doc._.indicators"],
                  requires=["doc._.mentions", "doc._.tables", "doc._.sections"])
def make_indicator_finder(nlp: Language, name: str):
    return IndicatorFinder(name)
