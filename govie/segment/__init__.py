"""Segmentation: jieba with the genre's dictionary (default) or a project-trained pkuseg model."""
from .tokenizer import GenreTokenizer, SegmenterError, segment

__all__ = ["GenreTokenizer", "SegmenterError", "segment"]
