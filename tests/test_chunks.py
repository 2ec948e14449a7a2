"""Long files read in chunks give what the whole text gives: no number, table or unit lost at a cut."""
import random

import pytest

import govie
from govie.extract import Chunk, extract_chunks, plan_chunks, table_context


def long_table(rows: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    lines = ["部门整体支出绩效自评表", "单位：万元", "项目名称\t年初预算数\t全年执行数\t执行率"]
    for i in range(rows):
        budget = rng.randint(10_000, 9_999_999) / 100
        lines.append(f"第{i + 1}项专项工作经费\t{budget:,.2f}\t{budget * 0.93:,.2f}\t{rng.randint(80, 100)}%")
    return "\n".join(lines) + "\n"


def amounts(report):
    return [(e["start"], e["end"], e["label"], e["value"]) for e in report.entities]


@pytest.fixture(scope="module")
def table():
    return long_table(40)


def test_a_table_cut_at_every_line_gives_the_amounts_read_whole(nlp, table):
    whole = amounts(govie.extract(table, nlp=nlp))
    assert sum(1 for a in whole if a[2] == "MONEY") == 80       # every budget cell, in 万元
    context = table_context(table)
    cuts = [i + 1 for i, c in enumerate(table) if c == "\n"][3:-1]   # every line boundary inside the table
    for cut in cuts:
        plan = [Chunk(0, cut), Chunk(cut, len(table), context(cut))]
        assert amounts(extract_chunks(table, plan, nlp=nlp)) == whole, cut


def test_planned_chunks_split_no_number_and_keep_offsets(nlp, table):
    text = table * 3
    whole = govie.extract(text, nlp=nlp)
    for size in (300, 777, 1500):
        plan = plan_chunks(text, size)
        assert len(plan) > 2 and plan[0].start == 0 and plan[-1].end == len(text)
        assert all(a.end == b.start for a, b in zip(plan, plan[1:]))
        assert all(c.end - c.start <= size for c in plan)
        report = govie.extract(text, nlp=nlp, chunk_chars=size)
        assert amounts(report) == amounts(whole)
        for e in report.entities:
            assert text[e["start"]:e["end"]] == e["text"]


def test_a_cut_never_falls_inside_an_amount():
    # One cell a line, every line ending in a digit: no "safe" line break but between whole amounts.
    text = "单位：万元\n" + "".join(f"{i},{i % 1000:03d}.15\n15.4\n\n万人次\n" for i in range(1, 400))
    for size in (101, 257, 1000):
        for c in plan_chunks(text, size)[1:]:
            assert not any(m.start() < c.start < m.end() for m, _ in govie.numbers.find_amounts(text)
                           if abs(m.start() - c.start) < 64)
