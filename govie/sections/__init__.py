"""Sections: the headings of a report (存在问题, 改进措施, 一、基本情况 …), their level and their extent."""
from .rules import section_rules
from .sectionizer import (KNOWN_KINDS, Section, Sectionizer, find_headings, find_sections, heading_ranges,
                          statement_sections)

__all__ = ["KNOWN_KINDS", "Section", "Sectionizer", "find_headings", "find_sections", "heading_ranges",
           "section_rules", "statement_sections"]
