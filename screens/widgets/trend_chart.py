"""Small column charts of a review's key figures over the last few periods, in block characters.

Each figure gets two rows of bars (sixteen steps high, scaled to its own largest value) and
its values underneath; the newest period, the review in hand, stands out in its own colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from organiser.review_figures import format_value
from organiser.supervision import Trend

#: Eighths of a cell, from empty to full.
BLOCKS = " ▁▂▃▄▅▆▇█"
COLUMN = 10
LABEL = 26
HEIGHT = 2


def columns(values: Sequence[float | None], height: int = HEIGHT) -> list[str]:
    """The bars of `values` as `height` lines of text, top line first, one character a value.

    Each bar is scaled to the largest value; a value above nothing shows at least a sliver,
    and a missing value (None) leaves its column empty.
    """
    steps = height * 8
    top = max((v for v in values if v is not None), default=0.0)
    heights = [
        0 if v is None or v <= 0 or top <= 0 else max(1, round(v / top * steps)) for v in values
    ]
    rows = []
    for row in range(height - 1, -1, -1):
        floor = row * 8
        rows.append("".join(BLOCKS[max(0, min(8, h - floor))] for h in heights))
    return rows


def chart(trends: Sequence[Trend]) -> Text:
    """Every trend, the periods' end dates over the columns."""
    if not trends or len(trends[0].points) < 2:
        return Text(
            "Trends appear here once there are finished reviews to compare with.", style="dim"
        )
    width = len(trends[0].points)
    lines = [
        Text(" " * LABEL)
        + Text("".join(label.center(COLUMN) for label, _ in trends[0].points), style="dim")
    ]
    for trend in trends:
        values = [v for _, v in trend.points]
        bars = columns(values)
        for number, row in enumerate(bars):
            label = trend.label if number == 0 else ""
            shown = label if len(label) <= LABEL - 2 else label[: LABEL - 3] + "…"
            line = Text(shown.ljust(LABEL), style="bold")
            for index, block in enumerate(row):
                style = "bold cyan" if index == width - 1 else "green"
                line.append((block * 4).center(COLUMN), style=style)
            lines.append(line)
        figures = "".join(
            (format_value(v, trend.unit) or "–").center(COLUMN)[:COLUMN] for v in values
        )
        lines.append(Text(" " * LABEL + figures, style="dim"))
    return Text("\n").join(lines)


class TrendChart(Static):
    """The charts of a review's trends; `show` draws them again."""

    DEFAULT_CSS = """
    TrendChart {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, trends: Sequence[Trend]) -> None:
        self.update(chart(trends))
