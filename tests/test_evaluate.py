"""Quality on the corpus gold, measured the way `govie evaluate` reports it."""
from govie.evaluation.amounts import evaluate_amounts


def test_money_and_percent_f1_on_the_corpus(corpus_dir, nlp):
    per_label, value_accuracy = evaluate_amounts(corpus_dir, nlp=nlp)
    assert per_label["MONEY"].f1 >= 0.98
    assert per_label["PERCENT"].f1 >= 0.98
    assert value_accuracy >= 0.98


def test_gold_spans_are_original_text(corpus_dir):
    from govie.evaluation.gold import corpus_reports, load_gold

    gold = load_gold(corpus_dir, "amounts")
    for rid, path in corpus_reports(corpus_dir):
        text = path.read_text(encoding="utf-8")
        for span in gold[rid]["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
