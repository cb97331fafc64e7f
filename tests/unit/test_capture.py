"""Quick capture, step one: a line read into its parts, or problems that say what to change."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from organiser.capture import LINE_LIMIT, Capture, CaptureKind, Problems, parse
from organiser.clock import LONDON

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)  # a Monday


def read(line: str) -> Capture:
    found = parse(line, NOW)
    assert isinstance(found, Capture), found
    return found


def problems(line: str) -> tuple[str, ...]:
    found = parse(line, NOW)
    assert isinstance(found, Problems), found
    return found.messages


def test_the_example_from_the_issue_reads_into_its_parts() -> None:
    found = read('121 @Amina #stmarys 40m tension:"damp flats" next:"invite to training" due:fri')
    assert found == Capture(
        kind=CaptureKind.HELD,
        person="Amina",
        tag="stmarys",
        minutes=40,
        follow_up_due=date(2026, 11, 27),
        texts={"tension": "damp flats", "follow_up": "invite to training"},
    )


@pytest.mark.parametrize("word", ["121", "1-2-1", "one-to-one", "One-To-One", "1to1"])
def test_every_record_word_means_a_1_2_1_held(word: str) -> None:
    assert read(f"{word} @Amina").kind is CaptureKind.HELD


def test_book_is_a_1_2_1_booked_and_needs_a_time() -> None:
    booked = read('book @Amina at:"fri 14:00"')
    assert booked.kind is CaptureKind.BOOKED
    assert booked.at == datetime(2026, 11, 27, 14, 0, tzinfo=LONDON)
    assert problems("book @Amina") == (
        'A booking needs at: with a time still to come (at:"fri 14:00").',
    )


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("40m", 40), ("40min", 40), ("45mins", 45), ("1h", 60), ("1h30", 90), ("1h30m", 90),
     ("2hours", 120), ("length:35", 35), ("len:1h", 60)],
)  # fmt: skip
def test_lengths(text: str, minutes: int) -> None:
    assert read(f"121 @Amina {text}").minutes == minutes


def test_a_quoted_name_keeps_its_spaces_and_smart_quotes_work_too() -> None:
    assert read('121 @"Amina Khan"').person == "Amina Khan"
    assert read("121 @“Amina Khan” story:“came from Sylhet”").texts == {"story": "came from Sylhet"}


def test_escaped_quotes_and_backslashes_inside_quotes() -> None:
    assert read(r'121 @A story:"she said \"no\" \\ twice"').texts["story"] == (
        'she said "no" \\ twice'
    )


def test_the_time_after_a_date_belongs_to_it() -> None:
    found = read("121 @Amina at:yesterday 14:00 again:fri 9am")
    assert found.at == datetime(2026, 11, 22, 14, 0, tzinfo=LONDON)
    assert found.next_meeting_at == datetime(2026, 11, 27, 9, 0, tzinfo=LONDON)
    assert found.words == ()


def test_free_words_and_notes_are_the_notes_in_order() -> None:
    found = read('121 @Amina worried about rent notes:"two kids" "quoted: words"')
    assert found.words == ("worried", "about", "rent", "quoted: words")
    assert found.notes == "two kids\nworried about rent quoted: words"


def test_other_fields() -> None:
    found = read('121 @A place:"Community café" self:"her kids" interests:housing pot:4 story:x')
    assert found.potential == 4
    assert found.texts == {
        "place": "Community café",
        "self_interest": "her kids",
        "interests": "housing",
        "story": "x",
    }


def test_no_record_word_says_how_to_start() -> None:
    (message,) = problems("@Amina 40m")
    assert message.startswith("Start with what you are recording: 121 for a 1-2-1 held")
    assert "“@Amina”" in message


def test_an_empty_line_says_what_to_type() -> None:
    assert problems("   ") == ("Type a 1-2-1 to capture, e.g. 121 @Amina 40m due:fri.",)


def test_no_person_says_how_to_name_one() -> None:
    assert problems("121 40m") == ('Say who with @name (for example @Amina or @"Amina Khan").',)


def test_every_problem_is_listed_at_once() -> None:
    found = problems("121 @A foo:bar due:frii pot:7 @B")
    assert found[0].startswith("foo: is not a field I know. Use at:, place:")
    assert found[1].startswith("due: “frii” is not a date I can read (try 2026-12-01")
    assert found[2] == "pot: leadership potential is a whole number from 1 to 5, not “7”."
    assert found[3] == "A person (@) is given twice (@A and @B)."


def test_a_near_miss_key_is_suggested() -> None:
    (message,) = problems("121 @A tenson:damp")
    assert message.startswith("tenson: is not a field I know. Did you mean tension:? Use at:")


def test_an_unterminated_quote_quotes_what_follows_it() -> None:
    assert problems('121 @A tension:"damp flats and mould') == (
        'A quote is not closed: add " after “damp flats and mould”.',
    )


def test_repeats_and_empty_values_are_refused() -> None:
    assert problems("121 @A 40m 1h") == ("A length is given twice (40m and 1h).",)
    assert problems("121 @A due:fri due:sat") == ("due: is given twice (due:fri and due:sat).",)
    assert problems("121 @A story:") == (
        'story: has no value (write story:something, or story:"a b").',
    )


def test_bad_dates_and_lengths_name_the_text() -> None:
    assert problems("121 @A at:31/02/2026")[0] == "at: there is no 31 February 2026."
    assert problems("121 @A length:long") == ("length:long is not a length (try 40m, 1h or 1h30).",)


def test_a_line_too_long_is_refused_before_it_is_read() -> None:
    (message,) = problems("121 @A " + "x" * LINE_LIMIT)
    assert message.startswith("That is too long for one line (10,007 characters")


def test_a_hash_or_at_on_its_own_is_a_word() -> None:
    assert read("121 @A # @ 3").words == ("#", "@", "3")
