"""Sentences of the genre: 。；！？, 一是…二是…, numbered items, X方面: topic clauses, PDF-broken lines."""
from .rules import sentence_rules
from .splitter import Item, Sentence, SentenceSplitter, describe_sentence, group_items, split_sentences

__all__ = ["Item", "Sentence", "SentenceSplitter", "describe_sentence", "group_items", "sentence_rules",
           "split_sentences"]
