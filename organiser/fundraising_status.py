"""Where a fundraising item stands, and moving it on: asked, pledged, invoiced, paid or lost.

An item goes prospect → asked → pledged or invoiced → paid, or is lost (with why) on the way.
`check` says what is inconsistent about an item, field by field, in words to show next to the
field; `move` makes one step and refuses, saying why, a step backwards or one that would leave
the item inconsistent. A step back is done by editing the item, on purpose.

The rules are kept here rather than in the model, so a record saved before a rule existed
still loads; every form and every move checks them before saving.
"""

from __future__ import annotations

from datetime import date, timedelta

from organiser.fundraising import INVOICE_DAYS
from organiser.models import FundingSource, FundingStatus, FundraisingItem

#: How far along an item is; a key moves it only further along (or to lost).
_RANK = {
    FundingStatus.PROSPECT: 0,
    FundingStatus.ASKED: 1,
    FundingStatus.PLEDGED: 2,
    FundingStatus.INVOICED: 3,
    FundingStatus.PAID: 4,
}

#: What each field is called when a message begins with it.
LABELS = {
    "amount_pence": "Amount",
    "paid_on": "Paid on",
    "invoiced_on": "Invoiced on",
    "due_on": "Due on",
    "lost_reason": "Why it was lost",
    "dues_kind": "Dues kind",
}


class MoveRefused(ValueError):
    """A status move that cannot be made; the message says why and what to do instead."""


def check(item: FundraisingItem, today: date) -> dict[str, str]:
    """{field: message} for everything inconsistent about `item`; empty when all is well."""
    problems: dict[str, str] = {}

    def say(field: str, message: str) -> None:
        problems.setdefault(field, f"{LABELS[field]}: {message}")

    if item.amount_pence == 0:
        say("amount_pence", "an item of £0.00 raises nothing; type the amount expected")
    status = item.status
    if status is FundingStatus.PAID and item.paid_on is None:
        say("paid_on", "a paid item needs the day the money came in")
    if status is FundingStatus.LOST and not item.lost_reason.strip():
        say("lost_reason", "say why it was lost, so the lesson is kept")
    if status is FundingStatus.INVOICED and item.invoiced_on is None:
        say("invoiced_on", "an invoiced item needs the day the invoice went")
    if item.paid_on is not None and item.paid_on > today:
        say("paid_on", "cannot be in the future: mark it paid when the money is in")
    if item.invoiced_on is not None and item.invoiced_on > today:
        say("invoiced_on", "cannot be in the future: mark it invoiced when the invoice goes")
    invoiced = item.invoiced_on
    if invoiced is not None and item.due_on is not None and item.due_on < invoiced:
        say("due_on", "cannot be before the day it was invoiced")
    if invoiced is not None and item.paid_on is not None and item.paid_on < invoiced:
        say("paid_on", "cannot be before the day it was invoiced")
    if item.dues_kind is not None and item.source is not FundingSource.MEMBER_DUES:
        say("dues_kind", "only member dues are retention or recruitment; leave it blank")
    return problems


def move(
    item: FundraisingItem, to: FundingStatus, today: date, *, reason: str = ""
) -> FundraisingItem:
    """`item` moved to `to` today: invoiced today and due in 30 days, paid today, or lost for
    `reason`. Raises MoveRefused, saying why, for a step back, a repeat, a lost item without
    a reason, or a move that leaves the item inconsistent."""
    now = item.status
    if to is now and to is not FundingStatus.LOST:
        raise MoveRefused(f"It is already {to.value}.")
    if now is FundingStatus.PAID:
        raise MoveRefused("It is paid: e edits it if that was a mistake.")
    if to is FundingStatus.LOST:
        if not reason.strip():
            raise MoveRefused("Say why it was lost, so the lesson is kept.")
        moved = item.evolve(status=to, lost_reason=reason)
    elif now is not FundingStatus.LOST and _RANK[to] <= _RANK[now]:
        raise MoveRefused(
            f"It is already {now.value}, further on than {to.value}: e edits it to go back."
        )
    elif to is FundingStatus.INVOICED:
        moved = item.evolve(
            status=to, invoiced_on=today, due_on=today + timedelta(days=INVOICE_DAYS)
        )
    elif to is FundingStatus.PAID:
        moved = item.evolve(status=to, paid_on=today)
    else:
        moved = item.evolve(status=to)
    problems = check(moved, today)
    if problems:
        raise MoveRefused(next(iter(problems.values())))
    return moved


def done_message(item: FundraisingItem, name: str) -> str:
    """What to say after a move: "Invoiced: Dues 2026, due 23 Dec 2026"."""
    status = item.status
    said = f"{status.value.capitalize()}: {name}"
    if status is FundingStatus.INVOICED and item.due_on is not None:
        return f"{said}, due {item.due_on:%d %b %Y}"
    if status is FundingStatus.PAID and item.paid_on is not None:
        return f"{said}, paid on {item.paid_on:%d %b %Y} (e changes the date)"
    return said
