"""Records refuse bad values with messages a person can act on."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from organiser.models import FundingSource, FundraisingItem, Person, Profile, RelationalMeeting
from organiser.validation import describe, field_messages
from tests.samples import sample_records


def messages(**fields: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Person.model_validate(fields)
    return field_messages(caught.value)


def test_every_sample_survives_a_json_round_trip() -> None:
    for record in sample_records():
        assert type(record).model_validate(record.model_dump(mode="json")) == record


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_empty_names_are_refused(name: str) -> None:
    assert messages(name=name) == {"name": "cannot be empty"}


def test_names_refuse_control_characters_and_escapes() -> None:
    assert "terminal escape" in messages(name="Amina\x1b[2J")["name"]
    assert "line break" in messages(name="Amina\nKhan")["name"]
    assert "U+202E" in messages(name="Amina\u202eKhan")["name"]
    assert "cannot be saved" in messages(name="Amina\ud800")["name"]


def test_huge_text_is_refused_with_its_size() -> None:
    assert messages(name="x" * 10_000)["name"] == "is too long (10,000 characters; at most 200)"
    assert "at most 100,000" in messages(name="A", notes="x" * 10_000_000)["notes"]


def test_notes_keep_lines_and_lose_escapes() -> None:
    person = Person(name="A", notes="line one\r\nline two\x1b]52;c;ZXZpbA==\x07\x00 [red]x[/]")
    assert person.notes == "line one\nline two [red]x[/]"


def test_email_and_phone_are_checked() -> None:
    found = messages(name="A", email="not an email", phone="call me")
    assert found["email"].startswith("is not an email address")
    assert found["phone"].startswith("should be digits")


def test_money_is_whole_non_negative_pence() -> None:
    for bad in (-5, 1.5, "1e9", float("nan")):
        with pytest.raises(ValidationError):
            FundraisingItem(source=FundingSource.GRANT, amount_pence=bad, year=2026)  # type: ignore[arg-type]


def test_potential_is_one_to_five_and_times_need_a_zone() -> None:
    with pytest.raises(ValidationError) as caught:
        RelationalMeeting.model_validate(
            {"person_id": "a" * 32, "at": datetime(2026, 1, 1, 10), "potential": 7}
        )
    found = field_messages(caught.value)
    assert found["potential"] == "must be at most 5"
    assert found["at"] == "needs a time zone"


def test_profile_defaults_are_the_seed_targets() -> None:
    profile = Profile(organiser_name="Jo")
    assert profile.one_to_ones_per_day == 3
    assert profile.leaders_trained_per_year == 25
    assert profile.fundraising_pence_per_year == 30_000_00
    assert profile.hard_money_percent == 50
    assert profile.training_days_per_year == 10
    assert profile.working_days == [0, 1, 2, 3, 4]


def test_unknown_fields_are_refused() -> None:
    assert messages(name="A", shoe_size=9) == {"shoe_size": "is not a field this record has"}


def test_describe_joins_messages_for_a_notification() -> None:
    with pytest.raises(ValidationError) as caught:
        Person.model_validate({"name": "", "email": "x"})
    text = describe(caught.value)
    assert "Name cannot be empty" in text and "Email is not an email address" in text
