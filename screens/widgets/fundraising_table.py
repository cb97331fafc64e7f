"""The year's fundraising items, one row each: source, who from, hard or soft, amount, status
and the date that matters now."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from organiser.fundraising import SOURCE_LABELS, is_overdue
from organiser.models import FundingStatus, FundraisingItem
from organiser.money import format_pounds
from screens.widgets.action_table import KeyedTable, cell

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Source", 11),
    ("From", 34),
    ("Money", 5),
    ("Amount", 13),
    ("Status", 17),
    ("Expected / due", 20),
)

STATUS_STYLES = {
    FundingStatus.PAID: "green",
    FundingStatus.LOST: "dim",
    FundingStatus.INVOICED: "yellow",
    FundingStatus.PLEDGED: "yellow",
}


def date_cell(item: FundraisingItem, today: date) -> Text:
    """ "due 23 Dec 2026", "paid 04 Mar 2026", "expected 01 Apr 2026", or nothing."""
    if item.status is FundingStatus.PAID and item.paid_on is not None:
        return cell(f"paid {item.paid_on:%d %b %Y}")
    if item.status is FundingStatus.INVOICED and item.due_on is not None:
        shown = cell(f"due {item.due_on:%d %b %Y}")
        if is_overdue(item, today):
            shown.stylize("bold red")
        return shown
    if item.status is FundingStatus.LOST or item.expected_on is None:
        return cell("")
    return cell(f"expected {item.expected_on:%d %b %Y}")


def item_row(item: FundraisingItem, name: str, today: date) -> list[Text]:
    status = cell(item.status.value)
    status.stylize(STATUS_STYLES.get(item.status, ""))
    if is_overdue(item, today):
        status = cell("invoiced, overdue")
        status.stylize("bold red")
    return [
        cell(SOURCE_LABELS[item.source]),
        cell(name),
        cell("hard" if item.hard_money else "soft"),
        cell(format_pounds(item.amount_pence), right=True),
        status,
        date_cell(item, today),
    ]


class FundraisingTable(KeyedTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(COLUMNS, id=id)
