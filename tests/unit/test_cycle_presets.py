"""Cycle stage presets: a tradition's names, or the organiser's own, on stages that keep their
keys and roles, so every campaign's history, gate and review reads right after renaming."""

from __future__ import annotations

from datetime import date

import pytest

from organiser.cycle import advance, gate, gather
from organiser.cycle_presets import (
    CITIZENS_UK,
    LISTEN_RESEARCH,
    cycle_line,
    preset_of,
    renamed,
    shared_name,
)
from organiser.listings import campaign_rows, cycle_stage
from organiser.models import Campaign, CycleStage, Profile, StageMove
from organiser.periods import Period
from organiser.repository import Repository
from organiser.review_records import Records
from organiser.review_suggestions import suggest

C = CycleStage
TODAY = date(2026, 11, 23)


def old_campaign() -> Campaign:
    """A campaign saved under the default names, a round and a half round the cycle."""
    return Campaign(
        name="Fair rents on Belgrave Road",
        issue="The council licenses rogue landlords",
        stage=C.RESEARCH,
        cycle=2,
        stage_history=[
            StageMove(on=date(2026, 3, 2), from_stage=None, to_stage=C.LISTEN),
            StageMove(on=date(2026, 5, 4), from_stage=C.LISTEN, to_stage=C.RESEARCH),
            StageMove(on=date(2026, 6, 1), from_stage=C.RESEARCH, to_stage=C.PLAN),
            StageMove(on=date(2026, 7, 6), from_stage=C.PLAN, to_stage=C.ACT),
            StageMove(on=date(2026, 8, 3), from_stage=C.ACT, to_stage=C.EVALUATE),
            StageMove(on=date(2026, 9, 7), from_stage=C.EVALUATE, to_stage=C.LISTEN),
            StageMove(
                on=date(2026, 11, 2),
                from_stage=C.LISTEN,
                to_stage=C.RESEARCH,
                override_reason="The tenants' union had the stories already",
            ),
        ],
    )


def test_the_presets() -> None:
    assert LISTEN_RESEARCH.line() == "Listen, Research, Plan, Act, Evaluate"
    assert CITIZENS_UK.line() == "Organise, Listen, Plan, Act, Negotiate"
    default = Profile(organiser_name="Jo")
    assert preset_of(default.cycle_names) is LISTEN_RESEARCH  # the default
    assert preset_of({s: n.upper() for s, n in CITIZENS_UK.names.items()}) is CITIZENS_UK
    own = dict(CITIZENS_UK.names) | {C.EVALUATE: "Reflect"}
    assert preset_of(own) is None
    assert cycle_line(renamed(default, own)) == "Organise → Listen → Plan → Act → Reflect"


def test_two_stages_cannot_share_a_name() -> None:
    names = dict(LISTEN_RESEARCH.names) | {C.EVALUATE: " plan "}
    assert shared_name(names) is not None and "“plan” names two stages" in (
        shared_name(names) or ""
    )
    with pytest.raises(ValueError, match="each stage needs a name of its own"):
        renamed(Profile(organiser_name="Jo"), names)
    with pytest.raises(ValueError):
        renamed(Profile(organiser_name="Jo"), {C.ACT: "  "})  # empty: pydantic refuses
    assert shared_name(CITIZENS_UK.names) is None


def test_renaming_keeps_an_old_campaigns_history_gates_and_review(repo: Repository) -> None:
    profile = repo.save(Profile(organiser_name="Jo Bloggs"))
    saved = repo.save(old_campaign())
    evidence = gather(saved, [], [], [], TODAY)
    gate_before = gate(saved, evidence)
    period = Period(date(2026, 9, 1), TODAY)

    repo.save(renamed(profile, CITIZENS_UK.names))
    citizens = repo.profile()
    assert citizens is not None and preset_of(citizens.cycle_names) is CITIZENS_UK

    # The stored campaign is untouched: same stage, same history, by key.
    again = repo.get(Campaign, saved.id)
    assert again == saved
    assert [m.to_stage for m in again.stage_history][-2:] == [C.LISTEN, C.RESEARCH]
    # The gate asks for the same things: roles follow the keys, not the names.
    assert gate(again, evidence) == gate_before
    assert gate_before.missing == ["a power analysis with at least one decision-maker"]
    moved = advance(again, evidence, TODAY, "Councillor already on side")
    assert moved.stage is C.PLAN and moved.stage_history[-1].from_stage is C.RESEARCH

    # Everything said about it uses the new names.
    records = Records(profile=citizens, campaigns=[again])
    moved_lines = suggest(records, period, TODAY).moved
    assert "Fair rents on Belgrave Road: started a new round at Organise on 7 Sep" in moved_lines
    assert "Fair rents on Belgrave Road: moved on to Listen on 2 Nov" in moved_lines
    (row,) = campaign_rows([again], [], citizens)
    assert (row["stage"], row["stage_name"]) == ("research", "Listen")
    stalled = suggest(records, period, date(2027, 1, 20)).stalled
    assert "Fair rents on Belgrave Road: at Listen since 2 Nov 2026" in stalled


def test_a_stage_is_found_by_its_new_name_before_its_key() -> None:
    citizens = renamed(Profile(organiser_name="Jo"), CITIZENS_UK.names)
    assert cycle_stage("listen", citizens) is C.RESEARCH  # what Citizens UK calls Listen
    assert cycle_stage("Organise", citizens) is C.LISTEN
    assert cycle_stage("negotiate", citizens) is C.EVALUATE
    assert cycle_stage("evaluate", citizens) is C.EVALUATE  # the key still works
    default = Profile(organiser_name="Jo")
    assert cycle_stage("listen", default) is C.LISTEN
