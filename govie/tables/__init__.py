"""Tables rebuilt from flattened PDF text: ``govie_tables`` sets ``doc._.tables``."""
from spacy.language import Language
from spacy.tokens import Doc

from ..amounts import unit_scopes
from ..mentions import mentions_of
from .model import BUDGET, GOALS, INDICATOR, PROJECT, TASK, Cell, Region, Row, Table, Task
from .reconstruct import find_tables
from .vocabulary import compact, vocabulary

if not Doc.has_extension("tables"):
    Doc.set_extension("tables", default=None)

__all__ = ["TableReader", "find_tables", "Table", "Task", "Row", "Cell", "Region", "compact", "vocabulary",
           "INDICATOR", "TASK", "PROJECT", "BUDGET", "GOALS"]


class TableReader:
    """Finds the tables of a Doc (after the amount components, whose money mentions it reads)."""

    def __init__(self, name: str = "govie_tables"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        scopes = doc._.table_units if doc._.table_units is not None else unit_scopes(doc.text)
        doc._.tables = find_tables(doc.text, mentions_of(doc), scopes)
        return doc


@Language.factory("govie_tables", assigns=["doc._.tables"], requires=["doc._.mentions", "doc._.table_units"])
def make_table_reader(nlp: Language, name: str):
    return TableReader(name)
