"""The year's money as figures and as bars of block characters drawn in the terminal.

    Raised      ██████████▓▓▓▓▒▒▒▒▒▒░░░░░░░░░░░░  £12,345.00 paid (41%), £17,655.00 to go; …
                █ paid £12,345.00  ▓ pledged or invoiced £5,000.00  ▒ prospects and asks …
    Hard money  ████████▓▓▓░░░░░░░░░░░░░░░░░░░░░  £8,000.00 of £15,000.00; hard is 65% of paid …
    Retention   ███████▓▓▓                        £7,000.00 paid, £3,000.00 to come …
    Recruitment ██▓                               £1,500.00 paid, £2,500.00 to come …

Every figure is worked out by `organiser.fundraising.progress`; nothing typed by a person is
shown here, and everything is built as Text, never read as markup.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from organiser.fundraising import Progress
from organiser.money import format_pounds

LABEL_WIDTH = 12
BAR_MIN, BAR_MAX = 10, 44
#: Room kept for the figures after each bar. The bars' length depends only on the width, so
#: they stay comparable as the money moves; a terminal too narrow shortens the bars first.
FIGURES_ROOM = 72

PAID, COMMITTED, PIPELINE, EMPTY = "█", "▓", "▒", "░"
STYLES = {PAID: "green", COMMITTED: "yellow", PIPELINE: "cyan", EMPTY: "dim"}


def segments(parts: list[tuple[str, int]], scale: int, width: int, *, fill: bool = True) -> Text:
    """One bar `width` long: each (character, pence) part in turn, `scale` pence the whole
    width. Parts are cut where they meet so rounding never makes the bar longer; any part
    above nothing shows at least one character. Filled to `width` with ░ when `fill`."""
    bar = Text()
    used = 0
    running = 0
    for char, pence in parts:
        if pence <= 0 or used >= width:
            continue
        running += pence
        end = min(width, round(running / scale * width)) if scale > 0 else width
        cells = max(1, end - used)
        cells = min(cells, width - used)
        bar.append(char * cells, style=STYLES[char])
        used += cells
    if fill and used < width:
        bar.append(EMPTY * (width - used), style=STYLES[EMPTY])
    elif used < width:
        bar.append(" " * (width - used))
    return bar


def percent(part: int, whole: int) -> str:
    return f"{part * 100 // whole}%" if whole else "–"


def _row(label: str, bar: Text, figures: str, style: str = "") -> Text:
    line = Text(label.ljust(LABEL_WIDTH), style="bold")
    line.append_text(bar)
    line.append("  ")
    line.append(figures, style=style)
    return line


def progress_text(money: Progress, today: date, width: int = 120) -> Text:
    """The progress view's lines for `money`, fitted to `width` columns: the bars give way
    to the figures, down to BAR_MIN."""
    target = money.target
    minimum = target.hard_minimum_pence
    raised_said = (
        f"{format_pounds(money.paid)} paid ({percent(money.paid, target.pence)}), "
        f"{format_pounds(money.still_to_raise)} to go"
    )
    if date(target.year, 1, 1) <= today <= date(target.year, 12, 31):
        raised_said += f"; even pace: {format_pounds(money.expected_by(today))} by today"
    share = money.hard_share
    if share is None:
        share_said, share_style = "nothing paid yet", "dim"
    else:
        met = "met" if money.hard_share_met else "below it"
        share_said = f"hard is {share:.0%} of paid (at least {target.hard_percent}%): {met}"
        share_style = "green" if money.hard_share_met else "bold yellow"
    hard_said = f"{format_pounds(money.paid_hard)} of {format_pounds(minimum)}; "
    dues = (
        ("Retention", money.retention_paid, money.retention_due, "members renewing"),
        ("Recruitment", money.recruitment_paid, money.recruitment_due, "new members"),
    )
    dues_said = [f"{format_pounds(p)} paid, {format_pounds(d)} to come ({who})"
                 for _, p, d, who in dues]  # fmt: skip
    bar_width = max(BAR_MIN, min(BAR_MAX, width - LABEL_WIDTH - 2 - FIGURES_ROOM))

    heading = Text(f"Target {target.year}: ", style="bold")
    heading.append(format_pounds(target.pence), style="bold")
    heading.append(f", at least {target.hard_percent}% of it hard money ")
    heading.append(
        "(set for this year; T changes it)"
        if target.set_for_year
        else "(your profile's default; T sets this year's)",
        style="dim",
    )
    lines = [heading]

    total = money.paid + money.committed + money.pipeline
    raised = segments(
        [(PAID, money.paid), (COMMITTED, money.committed), (PIPELINE, money.pipeline)],
        max(target.pence, total),
        bar_width,
    )
    lines.append(_row("Raised", raised, raised_said))
    legend = Text(" " * LABEL_WIDTH)
    for char, words, pence in (
        (PAID, "paid", money.paid),
        (COMMITTED, "pledged or invoiced", money.committed),
        (PIPELINE, "prospects and asks", money.pipeline),
    ):
        legend.append(char, style=STYLES[char])
        legend.append(f" {words} {format_pounds(pence)}  ")
    legend.append(f"lost {format_pounds(money.lost)}", style="dim")
    lines.append(legend)

    hard = segments(
        [(PAID, money.paid_hard), (COMMITTED, money.committed_hard)],
        max(minimum, money.paid_hard + money.committed_hard),
        bar_width,
    )
    hard_line = _row("Hard money", hard, hard_said)
    hard_line.append(share_said, style=share_style)
    lines.append(hard_line)

    dues_scale = max(paid + due for _, paid, due, _ in dues)
    for (label, paid, due, _), said in zip(dues, dues_said, strict=True):
        bar = segments([(PAID, paid), (COMMITTED, due)], dues_scale, bar_width, fill=False)
        lines.append(_row(label, bar, said))
    return Text("\n").join(lines)


class FundraisingBars(Widget):
    """The progress view: set `money` (and `today`) and it redraws to its width."""

    DEFAULT_CSS = """
    FundraisingBars {
        height: auto;
        padding: 0 1;
    }
    """

    shown: reactive[tuple[Progress, date] | None] = reactive(None, layout=True)

    def show(self, money: Progress, today: date) -> None:
        self.shown = (money, today)

    def render(self) -> Text:
        if self.shown is None:
            return Text("")
        money, today = self.shown
        return progress_text(money, today, self.size.width or 120)
