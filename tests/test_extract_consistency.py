"""Consistency hints: an article's own figures disagreeing, flagged on the claim, and never a false alarm.

Sentences here are our own; the seed article is ours too.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.extract import extract

PUBLISHED = date(2015, 11, 24)
SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"


def hinted(text: str) -> dict[str, tuple[str, ...]]:
    return {c.text: c.hints for c in extract(text, PUBLISHED).claims if c.hints}


def test_a_part_larger_than_its_whole_is_flagged():
    hints = hinted("The fire killed 90 passengers. Officials said 130 of them died in the first carriage.")
    [(text, [hint])] = [(t, list(h)) for t, h in hints.items()]
    assert text.startswith("130 of them")
    assert "more than the whole" in hint and "90 passengers" in hint


def test_a_part_within_its_whole_is_not_flagged():
    assert hinted("The fire killed 130 passengers, 90 of them in the first carriage.") == {}


def test_a_vague_whole_is_not_compared_with_its_part():
    assert hinted("Dozens of miners were trapped; 40 of them were rescued.") == {}


def test_a_share_of_a_group_over_one_hundred_percent_is_flagged():
    hints = hinted("The mayor won 112% of the votes cast in the ward.")
    assert any("over 100%" in h for hs in hints.values() for h in hs)


def test_a_ratio_over_one_hundred_percent_is_not_a_share():
    assert hinted("Rents reached 150% of the national average.") == {}
    assert hinted("Debt rose to 120% of GDP this year.") == {}
    assert hinted("Profits rose 140% last year.") == {}


def test_two_figures_for_the_same_thing_are_flagged_on_both():
    hints = hinted("Police said 41 homes were destroyed in the blaze. "
                   "Later the fire chief said 45 homes were destroyed.")
    assert set(hints) == {"41 homes", "45 homes"}
    assert "45 homes" in hints["41 homes"][0].replace("the article also gives ", "")


def test_different_figures_of_different_things_are_not_flagged():
    # same noun, said of different things: nothing beside the figures is shared
    assert hinted("The north ward has 41 homes on the list. The south ward built 45 homes in a year.") == {}
    # generic nouns: two polls, two leads
    assert hinted("She led by 7 points in August. Another poll showed her ahead by 3 points.") == {}
    # the same figure twice agrees with itself
    assert hinted("Police said 41 homes were destroyed. The mayor said 41 homes were destroyed.") == {}


def test_approximate_figures_are_never_compared():
    assert hinted("About 40 homes were destroyed, and later nearly 50 homes were destroyed.") == {}


def test_no_consistency_hints_on_the_seed():
    from workbench.ingest import read_article

    article = read_article(SEED)
    assert [c.text for c in extract(article.body, PUBLISHED).claims if c.hints] == []
