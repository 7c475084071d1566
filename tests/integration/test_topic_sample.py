"""Topic precision on the hand-checked sample of the real-web development set (tests/fixtures/topic_sample.yaml).

The seeds are read where they lie (never copied into the project); the test is skipped when the set is
absent. Every topic the converter gives on a sample seed must be judged in the fixture (so the judgements
stay complete when the rule changes: judge a new topic by reading the story), and at least 90% right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.accuracy import sample_precision
from tests.corpus import WEB, require

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "topic_sample.yaml"


@pytest.fixture(scope="module")
def sample():
    return sample_precision(FIXTURE, require(WEB / "seeds"))


def test_every_topic_given_is_judged(sample) -> None:
    assert not sample.unjudged


def test_precision_at_least_90_percent(sample) -> None:
    assert sample.total >= 80
    assert sample.percent() >= 90.0, sample.wrong
