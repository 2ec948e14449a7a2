"""Training data and a smoke training run (the real models are trained by `govie train`)."""
import pytest
import spacy

import govie
from govie.training.generate import generate
from govie.training.ner import LabelledText, assemble, corpus_texts, generated_texts, to_docbin, train_ner


def test_generator_is_seeded_and_spans_are_labelled():
    a, b, c = generate(50, seed=3), generate(50, seed=3), generate(50, seed=4)
    assert [x.text for x in a] == [x.text for x in b] != [x.text for x in c]
    labels = {label for ex in a for _, _, label in ex.spans}
    assert {"MONEY", "PERCENT", "QUANTITY", "INDICATOR"} <= labels
    for ex in a:
        for s, e, label in ex.spans:
            piece = ex.text[s:e]
            if label in ("MONEY", "PERCENT", "QUANTITY") and not piece.replace(",", "").replace(".", "").isdigit():
                assert govie.parse_amount(piece) is not None, piece


def test_generated_amounts_agree_with_the_rules():
    """What the generator labels as an amount, the rules read the same way (no contradictory training data)."""
    nlp = govie.load(rules_only=True)
    disagreements = 0
    texts = generated_texts(200, seed=5)
    for item in texts:
        found = {(e["start"], e["end"], e["label"]) for e in govie.extract(item.text, nlp=nlp).entities}
        for span in item.spans:
            if span[2] != "INDICATOR" and span not in found:
                disagreements += 1
    assert disagreements <= 0.02 * sum(len(t.spans) for t in texts)


def test_misaligned_spans_are_reported_not_dropped_silently():
    tokenizer = govie.load(rules_only=True).tokenizer
    db, report = to_docbin([LabelledText("全年预算完成率为97%。", [(2, 5, "INDICATOR"), (8, 11, "PERCENT")], "t")], tokenizer)
    assert report.misaligned == [("t", 2, 5, "预算完")]
    assert report.spans == 1


def test_smoke_training_round_trip(tmp_path, corpus_dir, capfd):
    rules = govie.load(rules_only=True)
    train = corpus_texts(corpus_dir, {"2021_huangpu_yonghe_table"}, nlp=rules)[:4] + generated_texts(60, 0)
    ner_dir, report = train_ner(tmp_path / "ner", train, generated_texts(10, 1), max_steps=20)
    err = capfd.readouterr().err
    assert "NER" in err and "21/21" in err  # the step bar reached its end (steps 0 to 20)
    assert report.spans > 50
    out = assemble(ner_dir, tmp_path / "not" / "yet" / "pipeline")  # parents are created
    assert [p.name for p in out.parent.iterdir()] == ["pipeline"]  # no temporary folder left
    from govie.cli import main

    assert main(["evaluate", "--model", str(out), "--task", "amounts", "--corpus", str(corpus_dir)]) == 0
    assert "MONEY" in capfd.readouterr().out
    nlp = govie.load(out)
    # The NER is kept disabled before govie_entities, which runs it on windows.
    assert nlp.component_names[-2:] == ["ner", "govie_entities"] and nlp.disabled == ["ner"]
    assert "govie_amounts" in nlp.pipe_names
    report = govie.extract("全年预算数 1,850.20 万元，执行率 97.5%。", nlp=nlp)
    assert [(e["label"], e["value"]) for e in report.entities if e["label"] != "INDICATOR"][:2] == [
        ("MONEY", 18502000.0), ("PERCENT", 97.5)]
    assert isinstance(spacy.load(ner_dir).get_pipe("ner").labels, tuple)


def test_a_model_folder_is_replaced_only_when_the_new_one_is_complete(tmp_path):
    from govie.progress import atomic_dir

    out = tmp_path / "models" / "m"
    with atomic_dir(out) as tmp:
        (tmp / "weights").write_text("one")
    assert (out / "weights").read_text() == "one"
    with pytest.raises(RuntimeError):
        with atomic_dir(out) as tmp:
            (tmp / "weights").write_text("half")
            raise RuntimeError("interrupted")
    assert (out / "weights").read_text() == "one"
    with atomic_dir(out) as tmp:
        (tmp / "weights").write_text("two")
    assert (out / "weights").read_text() == "two"
    assert sorted(p.name for p in out.parent.iterdir()) == ["m"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        with atomic_dir(tmp_path / "file"):
            pass


def test_train_refuses_an_unwritable_out_before_training(tmp_path, capsys):
    from govie.cli import main

    (tmp_path / "taken").write_text("a file")
    with pytest.raises(NotADirectoryError):
        main(["train", "--out", str(tmp_path / "taken"), "--generated", "5", "--max-steps", "1"])


def test_evaluate_model_must_be_a_pipeline(tmp_path, capsys):
    from govie.cli import main

    assert main(["evaluate", "--model", str(tmp_path), "--task", "amounts"]) == 2
    assert "not a saved spaCy pipeline" in capsys.readouterr().err
