"""The trained NER run on windows (govie/entities/windows.py): where they fall, and that they change nothing."""
import json
from pathlib import Path

import pytest
import spacy

import govie
from govie.entities import combine
from govie.entities.combine import SpanIndex, may_hold_name
from govie.entities.windows import Window, _batches, entities_in_windows, token_ranges, value_windows
from govie.mentions import Mention
from govie.numbers import Measure

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
        self.calls = 0

    def predict(self, docs):
        self.calls += 1
        self.seen += [doc.text for doc in docs]
        return [doc.text.find("满意度") for doc in docs]

    def set_annotations(self, docs, starts):
        for doc, start in zip(docs, starts):
            if start >= 0:
                doc.ents = [doc.char_span(start, start + 3, label="INDICATOR", alignment_mode="expand")]


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


def test_pieces_are_read_many_at_a_time_up_to_a_token_budget():
    assert [[r[:2] for r in b] for b in _batches([(0, 3, []), (5, 9, []), (9, 20, []), (30, 31, [])], 8)] \
        == [[(0, 3), (5, 9)], [(9, 20)], [(30, 31)]]      # a piece over the budget is read alone
    nlp = spacy.blank("zh")
    text = "甲，群众满意度为96%，乙，丙，丁，服务满意度为98%"
    doc = nlp(text)
    windows = [Window(text.index("群众"), text.index("96%")), Window(text.index("服务"), text.index("98%"))]
    ner = MarkingNer()
    found = entities_in_windows(doc, ner, windows, margin=0, label="INDICATOR")
    assert [text[a:b] for a, b in found] == ["满意度", "满意度"] and len(ner.seen) == 2 and ner.calls == 1
    ner = MarkingNer()
    assert entities_in_windows(doc, ner, windows, margin=0, label="INDICATOR", batch_tokens=1) == found
    assert ner.calls == 2


def _window_before(text: str, value: str, label: str | None, claimed=()):
    """The window before ``value`` (from the last clause break) and what may_hold_name says of it."""
    at = text.index(value)
    [window] = value_windows(text, [(at, at + len(value))], BREAKS, 48)
    amounts_at = {} if label is None else {at: Mention(label, at, at + len(value), Measure(label, 1.0, None))}
    return may_hold_name(text, window, amounts_at, SpanIndex(claimed))


def test_the_ner_skips_a_window_whose_names_the_policy_would_drop():
    # a count in running text without a cue is a statistic: no name before it is kept
    assert not _window_before("本年度，共接待来访群众 320 人次。", "320 人次", "QUANTITY")
    # a cue, a cell of a table, a rate or a qualitative word: a name may be kept
    assert _window_before("本年度，培训人次实际完成 320 人次。", "320 人次", "QUANTITY")
    assert _window_before("产出指标\t培训人次\t320 人次", "320 人次", "QUANTITY")
    assert _window_before("本年度，群众满意度 96%。", "96%", "PERCENT")
    assert _window_before("本年度，台账管理 良好。", "良好", None)
    # after 、 nothing opens a clause or a cell: no name can start there
    assert not _window_before("甲、乙类设备完好率 96%", "96%", "PERCENT")
    # a value the rules have paired is no one's value
    assert not _window_before("本年度，群众满意度 96%。", "96%", "PERCENT", claimed=[(10, 13)])


@pytest.fixture(scope="module")
def trained():
    return govie.load()


def _corpus_and_spec_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for spec in sorted((CORPUS.parent.parent / "tests" / "specs").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in spec.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_windowed_ner_finds_what_the_ner_over_the_whole_text_finds(trained):
    """Same entities on the corpus and every spec text whether the NER reads windows (the default) or every token."""
    texts = _corpus_and_spec_texts()
    assert len(texts) > 500
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
    assert len(read) == 5 and in_windows < 0.15 * total
