"""Quick capture under hypothesis: no text makes the parser crash, and a well-formed line
reads back into the parts it was made from."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from organiser.capture import Capture, CaptureKind, Problems, parse
from organiser.capture_plan import Directory, Planned, plan_line
from organiser.clock import LONDON
from organiser.models import Institution, Membership, Person

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)
GUARD = "could not be read"  # the message of the last-resort guard: a bug if ever seen


def _never_crashes(line: str) -> None:
    found = parse(line, NOW)
    assert isinstance(found, Capture | Problems)
    if isinstance(found, Problems):
        assert found.messages
        assert all(GUARD not in m for m in found.messages)


@given(st.text())
def test_any_text_is_read_or_refused(line: str) -> None:
    _never_crashes(line)


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Zs", "Po", "Nd"])))
def test_control_characters_punctuation_and_digits(line: str) -> None:
    _never_crashes("121 " + line)


@given(
    st.lists(
        st.sampled_from(
            ['"', "“", "”", "\\", "@", "#", ":", "at:", "due:", "tension:", "40m", "1h30", " ",
             "121", "book", "fri", "14:00", "x", "\x00", "\x1b[2J", "\n", "é"]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_the_grammar_s_own_pieces_in_any_order(pieces: list[str]) -> None:
    _never_crashes("".join(pieces))
    _never_crashes("121 " + " ".join(pieces))


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["x", '"', "@", "1h", "a:", "“", "9" * 50]))
def test_huge_lines(piece: str) -> None:
    _never_crashes("121 " + piece * 20_000)
    _never_crashes("121 @A " + " ".join([piece] * 1_600))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_ANY = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip)
_WORD = st.text(st.characters(categories=["Ll", "Lu"]), min_size=1, max_size=12)


@given(
    name=_ANY,
    tag=st.from_regex(r"[a-z0-9_-]{1,20}", fullmatch=True),
    hours=st.integers(0, 9),
    minutes=st.integers(0, 59),
    tension=_ANY,
    follow_up=_ANY,
    story=_ANY,
    words=st.lists(_WORD, max_size=5),
    booked=st.booleans(),
)
def test_a_well_formed_line_reads_back_into_its_parts(
    name: str,
    tag: str,
    hours: int,
    minutes: int,
    tension: str,
    follow_up: str,
    story: str,
    words: list[str],
    booked: bool,
) -> None:
    length = f"{hours}h{minutes}" if hours else f"{minutes}m"
    pieces = [
        f"@{_quote(name)}",
        f"#{tag}",
        length,
        f"tension:{_quote(tension)}",
        f"next:{_quote(follow_up)}",
        f"story:{_quote(story)}",
        "at:2026-12-01" if booked else "due:fri",
    ]
    line = " ".join(["book" if booked else "121", *pieces, *words])
    found = parse(line, NOW)
    assert isinstance(found, Capture), found
    assert found.kind is (CaptureKind.BOOKED if booked else CaptureKind.HELD)
    assert found.person == name
    assert found.tag == tag
    assert found.minutes == hours * 60 + minutes
    assert found.texts == {"tension": tension, "follow_up": follow_up, "story": story}
    assert found.words == tuple(words)


@given(st.text(max_size=200))
def test_any_text_is_planned_or_refused_against_real_records(line: str) -> None:
    school = Institution(name="St Mary's", tag="stmarys")
    people = [
        Person(name="Amina Khan", memberships=[Membership(institution_id=school.id)]),
        Person(name="Amina Begum"),
    ]
    found = plan_line("121 " + line, Directory(people, [school]), list, NOW)
    assert isinstance(found, Planned | Problems)
    if isinstance(found, Problems):
        assert found.messages and all(GUARD not in m for m in found.messages)
