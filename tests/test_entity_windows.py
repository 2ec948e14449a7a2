"""The trained NER run on windows (govie/entities/windows.py): where they fall, and that they change nothing."""
from pathlib import Path

import pytest
import spacy

import govie
from govie.entities import combine
from govie.entities.windows import Window, entities_in_windows, token_ranges, value_windows

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "raw"
BREAKS = "，。；、\n"


def test_a_window_runs_from_the_clause_break_before_a_value_to_the_value():
    text = "全年共开展活动，群众满意度为96%，台账完整"
    value = text.index("96%")
    assert value_windows(text, [(value, value + 3)], BREAKS, 48) == [Window(text.index("群众"), value)]


def test_no_window_reaches_past_max_chars_and_one_inside_another_is_dropped():
    text = "巡查覆盖率 98% 整改率 100%\n" + "甲" * 100 + "达标"
    first, second = text.index("98%"), text.index("100%")
    word = text.index("达标")
    values = [(second, second + 4), (first, first + 3), (first, first + 2), (word, word + 2)]
    windows = value_windows(text, values, BREAKS, 48)
    assert windows == [Window(0, first), Window(0, second), Window(word - 48, word)]


def test_windows_that_meet_are_read_as_one_piece_up_to_max_tokens():
    doc = spacy.blank("zh")("甲乙丙丁戊己庚辛壬癸")      # one token a character
    windows = [Window(0, 3), Window(2, 6), Window(9, 10)]
    assert [(a, b) for a, b, _ in token_ranges(doc, windows, margin=1)] == [(0, 7), (8, 10)]
    # a piece stops growing at max_tokens; the next window opens a piece of its own
    assert [(a, b) for a, b, _ in token_ranges(doc, windows, margin=1, max_tokens=5)] == [(0, 4), (1, 7), (8, 10)]


def test_a_value_right_after_a_clause_break_opens_no_window():
    text = "指标完成情况如下：\n98%"
    at = text.index("98%")
    assert value_windows(text, [(at, at + 3)], BREAKS, 48) == []


class MarkingNer:
    """Stands in for the NER: marks 满意度 as an INDICATOR wherever it is, and records what it was given."""

    def __init__(self):
        self.seen = []

    def pipe(self, docs, batch_size=16):
        for doc in docs:
            self.seen.append(doc.text)
            start = doc.text.find("满意度")
            if start >= 0:
                doc.ents = [doc.char_span(start, start + 3, label="INDICATOR", alignment_mode="expand")]
            yield doc


def test_names_found_in_a_window_map_back_to_the_documents_offsets():
    nlp = spacy.blank("zh")
    text = "本年度开展走访，群众满意度为96%，台账完整，服务满意度良好"
    doc = nlp(text)
    at = text.index("96%")
    ner = MarkingNer()
    found = entities_in_windows(doc, ner, [Window(text.index("群众"), at)], margin=1, label="INDICATOR")
    start = text.index("满意度")
    assert found == [(start, start + 3)] and text[slice(*found[0])] == "满意度"
    assert len(ner.seen) == 1 and "服务满意度" not in ner.seen[0]   # the rest of the text is not read


@pytest.fixture(scope="module")
def trained():
    return govie.load()


def test_the_windowed_ner_finds_what_the_ner_over_the_whole_text_finds(trained):
    """Same entities on the corpus whether the NER reads windows (the default) or every token."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    windowed = [govie.extract(t, nlp=trained).entities for t in texts]
    whole = govie.load()
    whole.enable_pipe("ner")     # an ordinary pipe now: govie_entities reads its doc.ents
    assert "ner" in whole.pipe_names
    assert [govie.extract(t, nlp=whole).entities for t in texts] == windowed
    assert sum(e["label"] == "INDICATOR" for es in windowed for e in es) > 0


def test_the_ner_reads_a_small_part_of_a_report(trained, monkeypatch):
    read = []
    original = combine.entities_in_windows

    def counting(doc, ner, windows, *args):
        covered = sum(w.end - max(w.start, prev.end) for prev, w in zip([Window(0, 0)] + windows, windows)
                      if w.end > prev.end)
        read.append((covered, len(doc.text)))
        return original(doc, ner, windows, *args)

    monkeypatch.setattr(combine, "entities_in_windows", counting)
    for path in sorted(CORPUS.glob("*.txt")):
        govie.extract(path.read_text(encoding="utf-8"), nlp=trained)
    in_windows, total = map(sum, zip(*read))
    assert len(read) == 5 and in_windows < 0.3 * total
