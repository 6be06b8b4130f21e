"""Tests for figure rules found by reading the figures of news corpora other than the benchmark's (wire stories,
election coverage, event reports): poll margins either way, numbers that name a thing, ages after "the age of",
parts of a named owner's group and unit symbols written plural. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        (
            "The poll has a margin of error of plus or minus 3.5 percentage points.",
            "plus or minus 3.5 percentage points",
            3.5,
            "percentage point",
        ),
        ("Its margin of error is plus/minus 4 points.", "plus/minus 4 points", 4.0, "point"),
        ("The survey's margin of error is ±3 points.", "±3 points", 3.0, "point"),
    ],
)
def test_a_margin_either_way_is_its_positive_size(
    figures: Finder, text: str, phrase: str, value: float, unit: str
) -> None:
    assert (phrase, value, unit) in read_figures(figures, text)


def test_minus_alone_still_makes_a_number_negative(figures: Finder) -> None:
    assert ("minus 12 degrees", -12.0, "degree") in read_figures(figures, "Overnight it fell to minus 12 degrees.")


def test_a_margin_written_plus_slash_minus_is_one_figure_without_a_direction(figures: Finder) -> None:
    text = "The poll of 900 voters has a margin of error of +/-3 percentage points."
    margins = [f for f in figures(text) if f.unit == "percentage point"]
    assert [(text[f.start : f.end], f.value, f.direction) for f in margins] == [("+/-3 percentage points", 3.0, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The maker said its 80486 chip was faster than before.",
        "A neighbour made a 911 call shortly after midnight.",
        "The officer was shot in the 12400 block of Elm Street.",
        "She reached for a 357 revolver in the drawer.",
    ],
)
def test_a_long_number_before_a_singular_noun_names_it_and_counts_nothing(figures: Finder, text: str) -> None:
    assert figures(text) == ()


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The firm told its 350 staff on Friday.", "350 staff", 350.0, "staff"),
        ("Confirmed cases passed the 600 mark this week.", "600 mark", 600.0, "mark"),
        ("The party fell short of the 176 majority it needed.", "176 majority", 176.0, "majority"),
        ("The airline bought 120 new jets.", "120 new jets", 120.0, "jet"),
    ],
)
def test_a_count_in_the_singular_or_a_level_reached_stays_a_figure(
    figures: Finder, text: str, phrase: str, value: float, unit: str
) -> None:
    assert (phrase, value, unit) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The actress died in her sleep at the age of 88.", "88"),
        ("Turnout among voters under the age of 30 fell sharply.", "30"),
        ("He will step down when he reaches the retirement age of 65.", "65"),
    ],
)
def test_the_number_an_age_is_of_is_an_age_in_years(figures: Finder, text: str, age: str) -> None:
    assert (age, float(age), "year of age") in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The ministry sent 12 of Johnson's senior advisers abroad.", "12 of Johnson's senior advisers", "adviser"),
        ("Two of Maria's cousins spoke to reporters.", "Two of Maria's cousins", "cousin"),
    ],
)
def test_a_part_of_a_named_owners_group_counts_the_group(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert next((text[f.start : f.end], f.unit) for f in figures(text)) == (phrase, unit)


def test_a_part_of_a_named_owners_counted_whole_keeps_no_unit(figures: Finder) -> None:
    found = read_figures(figures, "The fund holds 4 million of Acme's 13 million shares.")
    assert ("4 million", 4e6, None) in found


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Police seized 600 kgs of cannabis at the port.", "600 kgs", "kilogram"),
        ("The town lies 80 kms south of the capital.", "80 kms", "kilometre"),
    ],
)
def test_a_unit_symbol_written_plural_is_the_unit(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_a_word_spelt_as_a_plural_symbol_is_no_unit(figures: Finder) -> None:
    assert all(u != "hectare" for _, _, u in read_figures(figures, "Each of the 12 has one vote."))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("The carrier switched on its 4G network in May.", "4G"), ("Few handsets here support 5G yet.", "5G")],
)
def test_a_mobile_networks_generation_is_its_own_unit(figures: Finder, text: str, phrase: str) -> None:
    assert (phrase, float(phrase[0]), "generation wireless") in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The gunman shot two co-workers in the warehouse.", "two co-workers", "co-worker"),
        ("The bill has only one Republican co-sponsor so far.", "only one Republican co-sponsor", "co-sponsor"),
        ("He sent 12 e-mails before noon.", "12 e-mails", "e-mail"),
    ],
)
def test_a_counted_noun_with_a_hyphened_prefix_is_the_whole_word(
    figures: Finder, text: str, phrase: str, unit: str
) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_a_noun_the_same_in_the_plural_keeps_its_form(figures: Finder) -> None:
    found = read_figures(figures, "The reserve shelters 1,400 species of birds.")
    assert ("1,400 species", 1400.0, "species") in found


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The shares closed at $41.25, off $1.50, in heavy trading.", "$1.50"),
        ("The stock was off 3% by midday.", "3%"),
    ],
)
def test_off_as_an_adverb_is_a_fall(figures: Finder, text: str, phrase: str) -> None:
    assert [f.direction for f in figures(text) if text[f.start : f.end] == phrase] == ["down"]


def test_off_as_a_verbs_particle_is_no_fall(figures: Finder) -> None:
    found = figures("The bakery is laying off 600 workers and will write off $3 million.")
    assert [f.direction for f in found] == [None, None]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A tremor measuring 5.2 on the Richter scale shook the coast.", "5.2"),
        ("The agency gave the quake a preliminary magnitude of 4.7.", "4.7"),
        ("Officials put the magnitude at 6.3 on Tuesday.", "6.3"),
        ("A 4.9 quake rattled the valley overnight.", "4.9"),
        ("Two tremors, measuring 6.8 and 6.5, hit the islands.", "6.8"),
        ("The shock was rated 3.9 in magnitude.", "3.9"),
    ],
)
def test_an_earthquakes_magnitude_is_read_as_one(figures: Finder, text: str, phrase: str) -> None:
    assert (phrase, float(phrase), "magnitude") in read_figures(figures, text)


def test_a_count_of_quakes_is_no_magnitude(figures: Finder) -> None:
    assert ("54 aftershocks", 54.0, "aftershock") in read_figures(figures, "Seismologists logged 54 aftershocks.")


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("A $5 million reward was offered for his capture.", "$5 million", "USD"),
        ("He was paid A$50 for the shift.", "A$50", "AUD"),
        ("The ticket costs US $58 at the door.", "US $58", "USD"),
    ],
)
def test_the_article_a_before_a_dollar_sign_names_no_country(
    figures: Finder, text: str, phrase: str, unit: str
) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_as_many_parts_as_make_a_whole_or_more_count_the_parts(figures: Finder) -> None:
    found = read_figures(figures, "The game went to nine quarters of play, and three quarters of fans stayed.")
    assert ("nine quarters", 9.0, "quarter") in found
    assert ("three quarters", 0.75, "fraction") in found


def test_a_rate_per_share_stands_before_the_level_it_came_from(figures: Finder) -> None:
    found = read_figures(figures, "The board raised the quarterly dividend to 30 cents a share from 25 cents.")
    assert ("30 cents a share", 30.0, "cent per share") in found


def test_a_year_before_earlier_says_when_not_a_rate(figures: Finder) -> None:
    assert ("$6bn", 6e9, "USD") in read_figures(figures, "Revenue was $7bn, against $6bn a year earlier.")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Veteran broadcaster Jane Doe dies at 87", "87"),
        ("The former senator, who died on Monday in a hospice at 79, served three terms.", "79"),
        ("Famed jazz drummer dead at 90", "90"),
    ],
)
def test_the_number_one_dies_at_is_an_age(figures: Finder, text: str, age: str) -> None:
    assert (age, float(age), "year of age") in read_figures(figures, text)


def test_a_toll_put_at_a_number_is_no_age(figures: Finder) -> None:
    assert ("40", 40.0, "year of age") not in read_figures(figures, "Officials put the death toll at 40.")


def test_a_participle_between_a_number_and_its_plural_noun_is_a_modifier(figures: Finder) -> None:
    found = read_figures(figures, "The senator won 44 pledged delegates on Tuesday.")
    assert ("44 pledged delegates", 44.0, "delegate") in found


def test_a_number_that_is_the_subject_of_a_verb_in_ed_counts_no_object(figures: Finder) -> None:
    assert ("12", 12.0, None) in read_figures(figures, "Of the 50 members, 12 wanted changes.")


def test_an_amount_before_a_dashed_half_is_not_halved(figures: Finder) -> None:
    found = read_figures(figures, "The plan costs $275 billion - half of it for roads.")
    assert ("$275 billion", 275e9, "USD") in found


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The blast killed 40 people and injured 300 others near the station.", "300 others", "people"),
        ("Police arrested 30 people and questioned 12 others.", "12 others", "people"),
    ],
)
def test_a_count_of_others_is_of_the_kind_counted_before(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_a_count_of_others_with_no_kind_before_stays_others(figures: Finder) -> None:
    assert ("10 others", 10.0, "other") in read_figures(figures, "Her mother and 10 others died at sea.")


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The storm killed 12 people and left dozens more homeless.", "dozens", "people"),
        ("The guard now has 2,129 points, 13 more than the previous record holder.", "13", "point"),
    ],
)
def test_a_count_of_more_is_of_the_kind_counted_before(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_others_take_no_kind_from_a_measure_of_a_noun(figures: Finder) -> None:
    text = "One shell hit a 300-pupil school, another hit the market and two others hit the camp."
    assert ("two others", "other") in [(p, u) for p, _, u in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Payments stop when the child turns 18.", "18"),
        ("The law covers migrants who arrived before they turned 16.", "16"),
        ("The median age of the town's residents was 41.", "41"),
    ],
)
def test_a_number_anyone_turns_or_an_age_is_is_an_age(figures: Finder, text: str, age: str) -> None:
    assert (age, float(age), "year of age") in read_figures(figures, text)


def test_a_measured_turn_is_no_age(figures: Finder) -> None:
    assert ("180 degrees", 180.0, "degree") in read_figures(figures, "The ferry turned 180 degrees in the storm.")
