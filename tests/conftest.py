from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    import govie

    return govie.load(rules_only=True)


@pytest.fixture(scope="session")
def corpus_dir():
    return CORPUS


def entities(report, label=None):
    return [e for e in report.entities if label is None or e["label"] == label]
