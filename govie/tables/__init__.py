"""Tables rebuilt from flattened text: ``govie_tables`` sets ``doc._.tables``.

Where to look: ``header.py`` finds a header and gives its columns roles (headers.json);
``units.py`` is the one header-and-unit finder (also used by the bare-money recogniser);
``layouts/`` holds one module per flattening; ``reader.py`` walks the text and hands each
table's body to its layout.
"""
from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import text_of
from ..mentions import mentions_of
from .model import BUDGET, GOALS, INDICATOR, PROJECT, TASK, Cell, Region, Row, Table, Task
from .reader import find_tables
from .units import unit_scopes
from .vocabulary import compact, vocabulary

if not Doc.has_extension("tables"):
    Doc.set_extension("tables", default=None)

__all__ = ["TableReader", "find_tables", "Table", "Task", "Row", "Cell", "Region", "compact", "vocabulary",
           "unit_scopes", "INDICATOR", "TASK", "PROJECT", "BUDGET", "GOALS"]


class TableReader:
    """Finds the tables of a Doc (after the amount components, whose money mentions it reads)."""

    def __init__(self, name: str = "govie_tables"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        scopes = doc._.table_units if doc._.table_units is not None else unit_scopes(text)
        doc._.tables = find_tables(text, mentions_of(doc), scopes)
        return doc


@Language.factory("govie_tables", assigns=["doc._.tables"], requires=["doc._.mentions"])
def make_table_reader(nlp: Language, name: str):
    return TableReader(name)
