"""Today makes only the lines it shows: a section with thousands of items stays quick."""

from __future__ import annotations

from textual.widgets.option_list import Option

from screens.today_sections import first_lines


def test_only_the_shown_lines_are_made_and_the_rest_are_counted() -> None:
    made: list[int] = []

    def line(number: int) -> Option:
        made.append(number)
        return Option(str(number))

    options = first_lines([(range(3), line), (list(range(100, 10_100)), line)], limit=5)
    assert made == [0, 1, 2, 100, 101]
    assert [str(o.prompt) for o in options[:5]] == ["0", "1", "2", "100", "101"]
    assert str(options[-1].prompt) == "… and 9,998 more" and options[-1].disabled


def test_a_short_section_has_no_more_line() -> None:
    options = first_lines([([], Option), (["a", "b"], Option)], limit=5)
    assert [str(o.prompt) for o in options] == ["a", "b"]
    assert first_lines([], limit=5) == []
