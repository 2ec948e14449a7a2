"""The models shipped in models/: present, current, small."""
from pathlib import Path

import spacy

import govie
from govie.pipeline import DEFAULT_MODEL, rules_config

MODELS = Path(__file__).resolve().parent.parent / "govie" / "models"


def test_default_pipeline_is_the_shipped_model_with_the_current_rules():
    nlp = govie.load()
    rules = list(rules_config()["nlp"]["pipeline"])
    # The NER sits before govie_entities, disabled: govie_entities runs it on windows (entities/windows.py).
    assert nlp.component_names == rules[:-1] + ["ner", rules[-1]], \
        "models/govie-zh is stale: rebuild it with `govie train`"
    assert nlp.pipe_names == rules and nlp.disabled == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == {"MONEY", "PERCENT", "QUANTITY", "INDICATOR"}
    assert spacy.load(DEFAULT_MODEL).component_names == nlp.component_names  # loadable with one call once govie is imported


def test_all_models_together_stay_under_50_mb():
    size = sum(p.stat().st_size for p in MODELS.rglob("*") if p.is_file())
    assert size < 50 * 2**20, size


def test_the_shipped_ner_reads_the_genre(nlp):
    """On text it was not trained on, the model alone finds the amounts the rules find."""
    text = "2024年本部门全年预算数 3,406.72 万元，执行数 3,311.05 万元，预算执行率 97.19%。"
    ner = govie.load()
    from govie.reading import clean

    doc = ner.get_pipe("ner")(ner.make_doc(clean(text).text))    # the model alone, over the whole text
    assert {(e.label_, e.text) for e in doc.ents if e.label_ != "INDICATOR"} >= {
        ("MONEY", "3,406.72 万元"), ("MONEY", "3,311.05 万元"), ("PERCENT", "97.19%")}
