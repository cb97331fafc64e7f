"""The team's figures: each organiser's 1-2-1s held against the target for the period, by the
supervisor's working pattern and target (organiser.metrics.Rate, as a supervision review)."""

from __future__ import annotations

from datetime import date

from organiser.models import Profile
from organiser.periods import Period
from organiser.team_figures import DEFAULT_PER_DAY, OrganiserFigures, team_rows, totals

WEEK = Period(date(2026, 11, 23), date(2026, 11, 29), "This week")  # Monday to Sunday


def test_each_organiser_against_the_supervisors_target() -> None:
    profile = Profile(
        organiser_name="Sam Supervisor",
        working_days=[0, 1, 2, 3],
        leave_days=[date(2026, 11, 24)],
        one_to_ones_per_day=2.5,
    )
    rows = team_rows(
        [OrganiserFigures("tom", held=8), OrganiserFigures("ewa", held=6, booked=2)],
        WEEK,
        profile,
    )
    assert [r.organiser for r in rows] == ["ewa", "tom"]
    ewa, tom = rows
    assert ewa.rate.working_days == 3  # Mon, Wed, Thu: Tuesday is leave
    assert ewa.rate.target_total == 7.5
    assert ewa.rate.per_day == 2.0 and not ewa.rate.on_target
    assert tom.rate.on_target
    assert ewa.figures.booked == 2


def test_without_a_profile_monday_to_friday_at_the_default_target() -> None:
    (row,) = team_rows([OrganiserFigures("ewa", held=15)], WEEK, None)
    assert row.rate.working_days == 5
    assert row.rate.target_total == 5 * DEFAULT_PER_DAY
    assert row.rate.on_target


def test_the_whole_team_adds_up() -> None:
    rows = team_rows(
        [OrganiserFigures("ewa", 3, 1, 0), OrganiserFigures("tom", 1, 0, 2)], WEEK, None
    )
    assert totals(rows) == OrganiserFigures("Whole team", 4, 1, 2)


def test_a_supervisors_review_figures_compare_with_the_period_before() -> None:
    from organiser.team_figures import review_figures

    figures = review_figures(
        OrganiserFigures("ewa", held=10, booked=2), OrganiserFigures("ewa", held=5), WEEK, None
    )
    by_key = {f.key: f for f in figures}
    assert set(by_key) == {"one_to_ones", "one_to_ones_per_day", "booked", "cancelled"}
    held = by_key["one_to_ones"]
    assert (held.value, held.target, held.previous) == (10, 5 * DEFAULT_PER_DAY, 5)
    per_day = by_key["one_to_ones_per_day"]
    assert (per_day.value, per_day.target, per_day.previous) == (2.0, DEFAULT_PER_DAY, 1.0)
    assert by_key["booked"].target is None and by_key["booked"].value == 2
