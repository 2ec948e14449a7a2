"""Problems and remedies: from their sections, and from narrative sentences by a trained classifier."""
from .classifier import LABELS, StatementClassifier, load_classifier, sentence_words
from .component import Statement, StatementExtractor, section_statements

__all__ = ["LABELS", "Statement", "StatementClassifier", "StatementExtractor", "load_classifier",
           "section_statements", "sentence_words"]
