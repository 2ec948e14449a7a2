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


# Hypothesis profiles: "ci" (the default) is derandomised with a fixed example
# count so the suite is reproducible and fast; HYPOTHESIS_PROFILE=long is for a
# local search with many more examples.  No deadline: the first example loads
# the pipeline, and the machine may be shared.
import os

from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("long", max_examples=int(os.environ.get("GOVIE_LONG_EXAMPLES", "2000")), deadline=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
