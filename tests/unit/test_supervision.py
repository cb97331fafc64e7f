"""Supervision reviews: figures over periods against prorated targets and the period before,
suggestions, carried actions, freezing, trends and the exports. The clock stands at Monday
23 November 2026, 09:30 in London."""

from __future__ import annotations

import stat
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from organiser.clock import LONDON, FixedClock
from organiser.export_file import write_private
from organiser.models import (
    ActionPoint,
    AgreedAction,
    Campaign,
    Conversation,
    CycleStage,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    LadderMove,
    LadderStage,
    ListeningCampaign,
    Meeting,
    Participation,
    ParticipationStatus,
    Person,
    Profile,
    PublicAction,
    RelationalMeeting,
    ReviewStatus,
    StageMove,
    SupervisionReview,
    TrainingSession,
)
from organiser.models.supervision import Figure, FigureUnit
from organiser.periods import Period
from organiser.review_export import ExportFormat, ReviewExport, file_name, render
from organiser.review_figures import change, format_value, prorated
from organiser.review_records import Records
from organiser.supervision import (
    ReviewFinished,
    add_line,
    carried_actions,
    default_period,
    drop,
    finish,
    keep,
    open_actions,
    refresh,
    set_done,
    start,
    trends,
)
from organiser.today import as_json, as_text, build_today
from store.repository import TinyRepository

TODAY = date(2026, 11, 23)
#: Monday 9 to Sunday 22 November: ten working days; the fortnight before has ten too.
PERIOD = Period(date(2026, 11, 9), date(2026, 11, 22))
#: 2026 has 261 weekdays.
SHARE = 10 / 261


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def figures_of(review: SupervisionReview) -> dict[str, Figure]:
    return {f.key: f for f in review.figures}


@pytest.fixture
def world(repo: TinyRepository) -> TinyRepository:
    """A full-time organiser's fortnight and the fortnight before it."""
    profile = Profile(organiser_name="Jo Bloggs", alliance_name="Leicester Citizens")
    amina = Person(name="Amina Khan", ladder_stage=LadderStage.LEADER)
    bilal = Person(name="Bilal Hussain", ladder_stage=LadderStage.EMERGING_LEADER)
    carol = Person(name="Carol Evans", ladder_stage=LadderStage.POTENTIAL_LEADER)
    held = [
        RelationalMeeting(person_id=amina.id, at=at(date(2026, 11, d))) for d in (9, 10, 11, 12)
    ] + [RelationalMeeting(person_id=amina.id, at=at(date(2026, 10, 27)))]
    overdue = RelationalMeeting(
        person_id=bilal.id,
        at=at(date(2026, 9, 1)),
        follow_up="Send the <b>leaflet</b>",
        follow_up_due=date(2026, 9, 8),
    )
    moves = [
        LadderMove(
            person_id=bilal.id,
            on=date(2026, 11, 10),
            from_stage=LadderStage.POTENTIAL_LEADER,
            to_stage=LadderStage.EMERGING_LEADER,
            reason="Chaired the house meeting",
        ),
        LadderMove(
            person_id=amina.id,
            on=date(2026, 11, 3),
            from_stage=LadderStage.EMERGING_LEADER,
            to_stage=LadderStage.LEADER,
            reason="Led the delegation",
        ),
    ]
    training = TrainingSession(
        name="Taster",
        starts=at(date(2026, 11, 14)),
        participations=[
            Participation(person_id=amina.id, status=ParticipationStatus.COMPLETED),
            Participation(person_id=bilal.id, status=ParticipationStatus.COMPLETED),
        ],
        delivering_days=1,
        preparing_days=0.5,
    )
    listening = ListeningCampaign(name="Autumn listening", starts=date(2026, 10, 1))
    talks = [
        Conversation(listening_campaign_id=listening.id, on=date(2026, 11, d), concerns=concerns)
        for d, concerns in ((9, ["Damp housing", "Buses"]), (16, ["damp housing"]))
    ]
    housing = Campaign(
        name="Housing",
        stage=CycleStage.PLAN,
        stage_history=[
            StageMove(on=date(2026, 8, 1), from_stage=None, to_stage=CycleStage.LISTEN),
            StageMove(
                on=date(2026, 11, 17), from_stage=CycleStage.LISTEN, to_stage=CycleStage.PLAN
            ),
        ],
    )
    care = Campaign(
        name="Care workers",
        stage=CycleStage.RESEARCH,
        stage_history=[
            StageMove(on=date(2026, 7, 1), from_stage=None, to_stage=CycleStage.RESEARCH)
        ],
    )
    assembly = PublicAction(
        name="Housing assembly", at=at(date(2026, 11, 19), 19), turnout_target=100,
        turnout_actual=84,
    )  # fmt: skip
    team = Meeting(
        title="Team meeting",
        at=at(date(2026, 11, 2)),
        action_points=[ActionPoint(text="Book the hall", due=date(2026, 11, 6))],
    )
    money = [
        FundraisingItem(
            source=FundingSource.MEMBER_DUES, hard_money=True, amount_pence=60_000, year=2026,
            status=FundingStatus.PAID, paid_on=date(2026, 11, 12),
        ),
        FundraisingItem(
            source=FundingSource.GRANT, amount_pence=40_000, year=2026,
            status=FundingStatus.PAID, paid_on=date(2026, 11, 20),
        ),
        FundraisingItem(
            source=FundingSource.DONATION, amount_pence=10_000, year=2026,
            status=FundingStatus.PAID, paid_on=date(2026, 10, 30),
        ),
        FundraisingItem(
            source=FundingSource.GRANT, amount_pence=500_000, year=2026,
            status=FundingStatus.PLEDGED,
        ),
    ]  # fmt: skip
    target = FundraisingTarget(year=2026, target_pence=3_000_000)
    repo.save_all(
        [profile, amina, bilal, carol, *held, overdue, *moves, training, listening, *talks,
         housing, care, assembly, team, *money, target]
    )  # fmt: skip
    return repo


def test_figures_over_the_period_against_prorated_targets_and_the_fortnight_before(
    world: TinyRepository,
) -> None:
    review = start(Records.read(world), "Sam Lead", at(TODAY), PERIOD, TODAY)
    figures = figures_of(review)

    def row(key: str) -> tuple[float, float | None, float | None]:
        return figures[key].value, figures[key].target, figures[key].previous

    assert row("one_to_ones") == (4, 30, 1)  # 3 a working day for ten working days
    assert row("one_to_ones_per_day") == (0.4, 3, 0.1)
    assert row("ladder_moves_up") == (1, None, 1)
    assert row("new_leaders") == (0, None, 1)  # Amina became a leader the week before
    assert row("leaders_trained") == (2, round(25 * SHARE, 2), 0)
    assert row("training_days") == (1.5, round(10 * SHARE, 2), 0)
    assert row("conversations") == (2, None, 0)
    assert row("stage_moves") == (1, None, 0)
    assert row("public_actions") == (1, None, 0)
    assert row("turnout") == (84, 100, 0)
    assert row("money_paid") == (100_000, round(3_000_000 * SHARE, 2), 10_000)
    assert row("hard_money_paid") == (60_000, round(1_500_000 * SHARE, 2), 0)
    # As things stood on the period's last day, with no review before to compare with.
    assert row("follow_ups_overdue") == (1, 0, None)
    assert row("action_points_overdue") == (1, 0, None)
    assert row("paid_year") == (110_000, 3_000_000, None)
    assert row("pledged_year") == (500_000, None, None)
    assert row("hard_share_year") == (54.5, 50, None)
    assert figures["money_paid"].unit is FigureUnit.PENCE
    assert review.concerns == ["Damp housing (2)", "Buses (1)"]
    assert review.status is ReviewStatus.DRAFT


def test_targets_are_spread_over_the_working_days_of_the_year() -> None:
    full_time = Profile(organiser_name="Jo")
    assert prorated(261, PERIOD, full_time) == pytest.approx(10)
    # Mondays, Tuesdays and Thursdays, the period's first Monday on leave: 5 of the 156.
    part_time = Profile(organiser_name="Jo", working_days=[0, 1, 3], leave_days=[date(2026, 11, 9)])
    assert prorated(156, PERIOD, part_time) == pytest.approx(5)
    assert prorated(31, Period(date(2026, 11, 14), date(2026, 11, 15)), part_time) == 0


def test_the_default_period_runs_on_from_the_last_review(world: TinyRepository) -> None:
    assert default_period([], TODAY) == Period(date(2026, 11, 10), TODAY)
    records = Records.read(world)
    first = world.save(start(records, "Sam Lead", at(date(2026, 11, 9)), PERIOD, TODAY))
    assert default_period([first], TODAY) == Period(date(2026, 11, 23), TODAY)
    assert default_period([first], date(2026, 11, 22)) == Period(
        date(2026, 11, 22), date(2026, 11, 22)
    )


def test_running_totals_are_compared_with_the_last_finished_review(
    world: TinyRepository,
) -> None:
    earlier = Period(date(2026, 10, 26), date(2026, 11, 8))
    first = world.save(
        finish(start(Records.read(world), "Sam Lead", at(date(2026, 11, 9)), earlier, TODAY))
    )
    assert figures_of(first)["paid_year"].value == 10_000  # the grant came in after it
    second = start(Records.read(world), "Sam Lead", at(TODAY), PERIOD, TODAY)
    paid = figures_of(second)["paid_year"]
    assert (paid.value, paid.previous) == (110_000, 10_000)
    assert change(paid).arrow == "↑" and change(paid).good is True
    overdue = figures_of(second)["follow_ups_overdue"]
    assert overdue.previous == 1 and change(overdue).arrow == "→"


def test_a_past_period_is_seen_as_it_stood_then(world: TinyRepository) -> None:
    meeting = next(m for m in world.list(RelationalMeeting) if m.follow_up)
    world.save(meeting.evolve(follow_up_done_on=date(2026, 11, 20)))
    records = Records.read(world)
    before = start(records, "Sam", at(TODAY), Period(date(2026, 10, 1), date(2026, 10, 14)), TODAY)
    now = start(records, "Sam", at(TODAY), Period(date(2026, 11, 21), TODAY), TODAY)
    assert figures_of(before)["follow_ups_overdue"].value == 1  # done only later
    assert figures_of(now)["follow_ups_overdue"].value == 0
    assert figures_of(before)["paid_year"].value == 0  # nothing paid by mid-October


def test_a_finished_review_does_not_change_when_the_records_do(
    world: TinyRepository, clock: FixedClock
) -> None:
    draft = world.save(start(Records.read(world), "Sam Lead", at(TODAY), PERIOD, TODAY))
    finished = world.save(finish(draft))
    frozen = finished.figures

    person = world.list(Person)[0]
    world.save_all(
        [RelationalMeeting(person_id=person.id, at=at(date(2026, 11, 18), h)) for h in (9, 11)]
    )
    world.save(world.list(PublicAction)[0].evolve(turnout_actual=120))
    clock.advance(days=14)

    stored = world.get(SupervisionReview, finished.id)
    assert stored is not None and stored.figures == frozen
    assert figures_of(stored)["one_to_ones"].value == 4
    with pytest.raises(ReviewFinished):
        refresh(stored, Records.read(world), clock.today())
    with pytest.raises(ReviewFinished):
        finish(stored)
    # A draft, though, is worked out again.
    again = refresh(draft, Records.read(world), TODAY)
    assert figures_of(again)["one_to_ones"].value == 6
    assert figures_of(again)["turnout"].value == 120


def test_suggestions_are_kept_dropped_and_added_to(world: TinyRepository) -> None:
    records = Records.read(world)
    review = start(records, "Sam Lead", at(TODAY), PERIOD, TODAY)
    assert review.suggested_moved == [
        "Bilal Hussain moved up to Emerging leader on 10 Nov",
        "Housing: moved on to Plan on 17 Nov",
        "Housing assembly held on 19 Nov: turnout 84 of 100 (84%)",
    ]
    assert review.suggested_stalled == [
        # Carol, a potential leader added today, is not yet overdue her first 1-2-1.
        "Bilal Hussain (Emerging leader) losing touch: last 1-2-1 on 1 Sep, 61 days overdue",
        "Care workers: at Research since 1 Jul",
        "Follow-up with Bilal Hussain overdue since 8 Sep: Send the <b>leaflet</b>",
        "Action point overdue since 6 Nov: Book the hall (from Team meeting)",
    ]
    review = keep(review, "Housing: moved on to Plan on 17 Nov")
    review = drop(review, "Care workers: at Research since 1 Jul")
    review = add_line(review, "Amina spoke at the council", moved=True)
    assert review.moved == ["Housing: moved on to Plan on 17 Nov", "Amina spoke at the council"]
    assert len(review.suggested_moved) == 2 and len(review.suggested_stalled) == 3

    again = refresh(review, records, TODAY)  # nothing kept or dropped comes back
    assert again.suggested_moved == review.suggested_moved
    assert again.suggested_stalled == review.suggested_stalled
    assert again.moved == review.moved

    done = finish(again)
    assert done.suggested_moved == [] and done.suggested_stalled == []
    assert done.moved == review.moved
    with pytest.raises(ReviewFinished):
        add_line(done, "Too late", moved=False)


def test_open_actions_are_carried_into_the_next_review_and_shown_until_done(
    world: TinyRepository,
) -> None:
    earlier = Period(date(2026, 10, 26), date(2026, 11, 8))
    first = start(Records.read(world), "Sam Lead", at(date(2026, 11, 9)), earlier, TODAY)
    call = AgreedAction(text="Call the treasurers", owner="Jo", due=date(2026, 11, 16))
    booked = AgreedAction(text="Book the hall", done_on=date(2026, 11, 8))
    draft = world.save(first.evolve(agreed_actions=[call, booked]))
    assert open_actions([draft]) == []  # agreed in a review not yet finished
    first = world.save(finish(draft))
    (open_one,) = open_actions([first])
    assert open_one.action == call and open_one.is_overdue(TODAY)

    second = start(Records.read(world), "Sam Lead", at(TODAY), PERIOD, TODAY)
    assert second.carried == [call.id]
    (carried,) = carried_actions(second, [first, second])
    assert carried.action.text == "Call the treasurers"

    first = world.save(set_done(first, call.id, TODAY))
    assert open_actions([first]) == []
    (carried,) = carried_actions(second, [first])
    assert carried.action.done_on == TODAY


def test_trends_show_the_last_finished_reviews_and_the_current(world: TinyRepository) -> None:
    reviews = []
    for weeks in (6, 4, 2):
        end = TODAY - timedelta(weeks=weeks, days=1)
        period = Period(end - timedelta(days=13), end)
        review = start(Records.read(world), "Sam", at(end + timedelta(days=1)), period, TODAY)
        reviews.append(world.save(review if weeks == 2 else finish(review)))
    current = start(Records.read(world), "Sam", at(TODAY), Period(TODAY, TODAY), TODAY)
    found = {t.key: t for t in trends([*reviews, current], current)}
    held = found["one_to_ones"]
    assert held.label == "1-2-1s held"
    # The draft of a fortnight ago is not a finished review: it is left out.
    assert [label for label, _ in held.points] == ["11 Oct", "25 Oct", "23 Nov"]
    assert [value for _, value in held.points] == [0, 0, 0]
    money = found["money_paid"]
    assert [value for _, value in money.points] == [0, 0, 0]
    assert "hard_share_year" not in found  # not one of the key figures


def test_figures_read_as_people_read_them() -> None:
    assert format_value(123456, FigureUnit.PENCE) == "£1,234.56"
    assert format_value(2.345, FigureUnit.RATE) == "2.3"
    assert format_value(1.5, FigureUnit.DAYS) == "1.5 days"
    assert format_value(1, FigureUnit.DAYS) == "1 day"
    assert format_value(0, FigureUnit.DAYS) == "0 days"
    assert format_value(54.6, FigureUnit.PERCENT) == "55%"
    assert format_value(1200, FigureUnit.COUNT) == "1,200"
    assert format_value(None, FigureUnit.COUNT) == ""
    fewer = Figure(key="follow_ups_overdue", label="Follow-ups overdue", value=2, previous=5)
    assert change(fewer).arrow == "↓" and change(fewer).good is True
    paid_off = Figure(key="pledged_year", label="Pledged", value=2, previous=5)
    assert change(paid_off).arrow == "↓" and change(paid_off).good is None


AWKWARD = 'Tom & Jerry <script>alert("x")</script> *bold* [link](http://x) | pipe\n# not a heading'


def awkward_review() -> SupervisionReview:
    return SupervisionReview(
        at=at(TODAY),
        supervisor="Bernadette <Quinn> & Co",
        period_start=PERIOD.start,
        period_end=PERIOD.end,
        status=ReviewStatus.FINISHED,
        figures=[
            Figure(key="one_to_ones", label="1-2-1s held", value=21, target=30, previous=15),
            Figure(key="money_paid", label="Money | paid", value=125_050, unit=FigureUnit.PENCE),
        ],
        moved=[AWKWARD.splitlines()[0]],
        went_well=AWKWARD,
        private_notes="Feeling stretched; agreed TOIL",
        agreed_actions=[AgreedAction(text="Call <Amina>", owner="Jo", due=date(2026, 12, 1))],
    )


def test_markdown_escapes_what_was_typed_and_keeps_private_notes_out() -> None:
    review = awkward_review()
    text = render(ReviewExport.of(review, [review], None), ExportFormat.MARKDOWN)
    assert text.startswith("# Supervision review, 23 Nov 2026\n")
    assert "- **Supervisor:** Bernadette \\<Quinn\\> & Co" in text
    assert "| 1-2-1s held | 21 | 30 | 15 | ↑ |" in text
    assert "| Money \\| paid | £1,250.50 | – | – | – |" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*bold\\* \\[link\\](http://x) \\| pipe  \n\\# not a heading" in text
    assert "- [ ] Call \\<Amina\\> — Jo — due 1 Dec 2026" in text
    assert "TOIL" not in text and "Private notes" not in text
    shared = render(
        ReviewExport.of(review, [review], None, include_private=True), ExportFormat.MARKDOWN
    )
    assert "## Private notes\n\nFeeling stretched; agreed TOIL" in shared


def test_html_is_one_escaped_page_fit_to_print() -> None:
    review = awkward_review()
    page = render(ReviewExport.of(review, [review], None), ExportFormat.HTML)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page and "@media print" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "Bernadette &lt;Quinn&gt; &amp; Co" in page
    assert "Tom &amp; Jerry" in page and "<br>" in page
    assert "src=" not in page and "<link" not in page  # nothing fetched from elsewhere
    assert "TOIL" not in page
    shared = render(
        ReviewExport.of(review, [review], None, include_private=True), ExportFormat.HTML
    )
    assert "Feeling stretched; agreed TOIL" in shared
    assert file_name(review, ExportFormat.HTML) == "supervision-review-2026-11-23.html"


def test_an_export_is_written_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_text("old")
    write_private(target, "# New\n")
    assert target.read_text() == "# New\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["review.md"]
    with pytest.raises(OSError):
        write_private(tmp_path / "missing" / "review.md", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["review.md"]


def test_today_shows_agreed_actions_of_finished_reviews_until_done(
    repo: TinyRepository,
) -> None:
    profile = Profile(organiser_name="Jo Bloggs")
    ring = AgreedAction(text="Ring the head", owner="Jo", due=date(2026, 11, 20))
    someday = AgreedAction(text="Read Rules for Radicals")
    done = AgreedAction(text="Book the hall", done_on=date(2026, 11, 10))
    finished = SupervisionReview(
        at=at(date(2026, 11, 9)),
        supervisor="Sam Lead",
        period_start=date(2026, 10, 26),
        period_end=date(2026, 11, 8),
        status=ReviewStatus.FINISHED,
        agreed_actions=[someday, ring, done],
    )
    draft = SupervisionReview(
        at=at(TODAY),
        supervisor="Sam Lead",
        period_start=PERIOD.start,
        period_end=TODAY,
        agreed_actions=[AgreedAction(text="Not agreed yet")],
    )
    repo.save_all([profile, finished, draft])

    summary = build_today(repo, profile, TODAY)
    assert [o.action.text for o in summary.agreed_actions] == [
        "Ring the head",
        "Read Rules for Radicals",
    ]
    text = as_text(summary, profile)
    assert "Agreed in supervision, not yet done (2):" in text
    assert "  due 20 Nov  Ring the head  (Jo)  from 09 Nov with Sam Lead" in text
    assert "  no date  Read Rules for Radicals  from 09 Nov with Sam Lead" in text
    data = as_json(summary)["agreed_actions"]
    assert data[0] == {
        "review_id": finished.id,
        "id": ring.id,
        "text": "Ring the head",
        "owner": "Jo",
        "due": "2026-11-20",
        "supervisor": "Sam Lead",
    }

    stored = repo.get(SupervisionReview, finished.id)
    assert stored is not None
    repo.save(set_done(stored, ring.id, TODAY))
    summary = build_today(repo, profile, TODAY)
    assert [o.action.text for o in summary.agreed_actions] == ["Read Rules for Radicals"]
