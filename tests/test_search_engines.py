"""Shortcuts that must mean exactly what the full test means.

The amount grammar's search runs on the standard library's engine (grammar.search_amounts)
with a lookahead on what a match can open with; the budget block finder reads only tokens
that hold a budget column word (units.budget_blocks).  Both are speed-ups that change no
result: checked here against the plain ``regex`` search and the reading of every token, on
the corpus, every spec text and random genre-like strings.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from govie.numbers.grammar import fold, patterns, search_amounts
from govie.tables import units
from govie.tables.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parent.parent
PIECES = ["万", "亿", "元", "万元", "千元", "美元", "%", "％", "‰", "百分之", "千分之", "七成", "三成半", "≥", "≤", "＞",
          "约", "近", "超过", "不低于", "以上", "以内", "左右", "余", "多", "个", "人次", "户", "平方米", "千米", "分",
          "至", "～", "-", "−", "负", "一", "二", "十", "两", "百", "千", "零", "〇", "壹", "拾", "点", "五", "0", "1",
          "2", "3", "5", "9", "12", "３", "1,234", "2.5", "0.05", ".", ",", "，", " ", "  ", "\t", "|", "\n", "(", "（",
          "）", ")", "￥", "$", "年", "月", "日", "预算数", "执行率", "全年预算数（万元）", "執行數", "年初预算",
          "实际支出数", "年度资金总额", "其中：", "财政拨款", "28.6", "27.95", "97.73%", "—", "/", "满意度", "的"]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    for spec in sorted((ROOT / "tests" / "specs").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in spec.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(13)
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    return texts


@pytest.fixture(scope="module")
def texts():
    return _texts()


def test_the_fast_amount_search_finds_every_match_the_regex_search_finds(texts):
    full = patterns()["search"]
    matches = 0
    for text in texts:
        folded = fold(text)
        fast = [(m.span(), m.groups()) for m in search_amounts(folded)]
        assert fast == [(m.span(), m.groups()) for m in full.finditer(folded)], text[:200]
        matches += len(fast)
    assert matches > 5000


def test_a_text_with_other_digits_is_searched_by_the_regex_module():
    # ٣ (Arabic-Indic three) is a digit to the regex module's \d, not to [0-9]
    text = "完成率 ٣٥% ，资金 12 万元"
    assert [m.group() for m in search_amounts(text)] == [m.group() for m in patterns()["search"].finditer(text)]


def test_budget_blocks_read_only_tokens_with_a_budget_word_and_lose_none(texts, monkeypatch):
    quick = [units.budget_blocks(t) for t in texts]
    monkeypatch.setattr(units, "_budget_word", lambda: None)      # every token read
    assert [units.budget_blocks(t) for t in texts] == quick
    assert sum(len(figures) for figures, _ in quick) > 100


def test_every_budget_column_word_is_found_by_the_block_prefilter():
    word = units._budget_word()
    vocab = vocabulary()
    budget_words = [w for w, r in vocab.roles.items() if r in units.BUDGET_COLUMN_ROLES]
    assert budget_words and all(word.search(fold(w)) for w in budget_words)


def test_a_budget_word_cut_by_a_column_mark_still_opens_a_block():
    # bare() drops the marks, so 执行（B）数 is 执行数: the bracket is what the prefilter sees
    text = "项目 | 执行（B）数 | 执行（B/A）率\n年度资金总额 | 90 | 90%\n"
    figures, blocks = units.budget_blocks(text)
    assert [(text[f.start:f.end], f.role) for f in figures] == [("90", "spent"), ("90%", "execution_rate")]
