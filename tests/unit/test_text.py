"""What single-line fields refuse, what notes lose, and what reaches a terminal."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from organiser.contact_guard import warning
from organiser.models import Person
from organiser.text import (
    check_single_line,
    clean_notes,
    day_count,
    terminal_safe,
    unsafe_characters,
    where,
)


def test_single_line_refusals_name_the_problem() -> None:
    assert unsafe_characters("ok name") == []
    assert unsafe_characters("a\x00b\x07") == [
        "an invisible control character (U+0000)",
        "an invisible control character (U+0007)",
    ]
    assert check_single_line("  Amina  ") == "Amina"


def test_emoji_joiners_and_marks_survive() -> None:
    family = "👩🏽\u200d🤝\u200d👩🏻 café \u200f"
    assert check_single_line(family) == family.strip()
    assert clean_notes(family) == family.strip()


def test_osc52_and_csi_sequences_are_stripped_from_notes() -> None:
    assert clean_notes("a\x1b]52;c;aGk=\x07b\x1b[31mc\x1b[0m") == "abc"


def test_terminal_safe_masks_controls_but_keeps_lines() -> None:
    assert terminal_safe("a\x1b[2Jb\nc") == "a?[2Jb\nc"


@settings(max_examples=3000, deadline=None)
@given(st.text(max_size=300))
def test_any_text_either_makes_a_saveable_person_or_a_clear_refusal(text: str) -> None:
    try:
        person = Person(name=text or "x", notes=text, phone="", address=text)
    except ValidationError as error:
        assert all(problem["loc"] for problem in error.errors())
        return
    encoded = json.dumps(person.model_dump(mode="json"), ensure_ascii=False, allow_nan=False)
    encoded.encode("utf-8")
    assert "\x1b" not in person.name + person.notes + person.address


def test_a_count_of_days_reads_as_a_person_writes_it() -> None:
    assert [day_count(n) for n in (0, 1, 2, 21)] == ["0 days", "1 day", "2 days", "21 days"]


def test_a_contact_one_day_back_says_one_day() -> None:
    assert "within 1 day of this one" in warning("Amina Khan", [], 1)


def test_a_place_reads_as_a_person_writes_it() -> None:
    assert where("the food bank") == "at the food bank"
    assert where("by phone") == "by phone"
    assert where("On Zoom") == "On Zoom"
    assert where("online") == "online"
    assert where("Atherstone Road") == "at Atherstone Road"
