"""What the Fundraising list and an item's own screen share: adding, editing, deleting and
moving an item on, raising the year's dues, and setting the year's target.

Each flow reads top to bottom: refuse politely when the database is read-only, ask in a
dialog, then save through the repository. A save the store refuses is reported and the
dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.dues import plan_dues
from organiser.errors import OrganiserError
from organiser.fundraising import from_name, target_for
from organiser.fundraising_status import MoveRefused, done_message, move
from organiser.models import (
    DuesKind,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    Person,
)
from organiser.money import format_pounds
from organiser.repository import Repository
from organiser.validation import describe
from screens.confirm import ConfirmDialog
from screens.form_flow import confirm_delete, save_until_done
from screens.fundraising_dialog import FundraisingItemDialog
from screens.fundraising_lost import LostDialog
from screens.fundraising_target import TargetDialog
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN


@dataclass(frozen=True)
class Names:
    """The institutions and people items name, by id."""

    institutions: dict[str, Institution]
    people: dict[str, Person]

    @classmethod
    def read(cls, repo: Repository) -> Names:
        return cls({i.id: i for i in repo.list(Institution)}, {p.id: p for p in repo.list(Person)})

    def of(self, item: FundraisingItem) -> str:
        return from_name(item, self.institutions, self.people)


async def edit_item(
    screen: Screen[Any], repo: Repository, clock: Clock, item: FundraisingItem | None, year: int
) -> FundraisingItem | None:
    """Open the item dialog (for `item`, or a new one for `year`) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        names = Names.read(repo)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: FundraisingItemDialog(
            item,
            institutions=list(names.institutions.values()),
            people=list(names.people.values()),
            year=year,
            today=clock.today(),
            draft=draft,
        ),
        item,
        lambda saved: names.of(saved),
    )


async def delete_item(
    screen: Screen[Any], repo: Repository, item: FundraisingItem, name: str
) -> bool:
    """Ask, naming the item and its amount, then delete it; True when it was deleted."""
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble(
        "Delete ",
        (name, "bold"),
        f", {format_pounds(item.amount_pence)} ({item.status.value}), from {item.year}?\n\n",
        UNDO_WHILE_OPEN,
        " An item that came to nothing can be marked lost instead (X), which keeps why.",
    )
    return await confirm_delete(
        screen,
        "Delete this item?",
        question,
        lambda: repo.delete(type(item), item.id),
        f"Deleted {name}",
    )


async def move_item(
    screen: Screen[Any],
    repo: Repository,
    clock: Clock,
    item: FundraisingItem,
    to: FundingStatus,
    name: str,
) -> FundraisingItem | None:
    """Move `item` on to `to` and save it; a lost item asks why first. None when refused."""
    if refuse_if_read_only(screen, repo):
        return None
    reason = ""
    if to is FundingStatus.LOST:
        if item.status is FundingStatus.PAID:
            screen.notify("It is paid: e edits it if that was a mistake.", severity="warning")
            return None
        typed = await screen.app.push_screen_wait(LostDialog(name, item.lost_reason))
        if typed is None:
            return None
        reason = typed
    try:
        moved = move(item, to, clock.today(), reason=reason)
    except MoveRefused as refused:
        screen.notify(str(refused), title="Not moved", severity="warning", markup=False)
        return None
    except ValidationError as error:
        screen.notify(describe(error), title="Not moved", severity="error", markup=False)
        return None
    try:
        saved = repo.save(moved)
    except Exception as error:
        report(screen, error)
        return None
    screen.notify(done_message(saved, name), markup=False)
    return saved


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


async def raise_year_dues(
    screen: Screen[Any], repo: Repository, year: int
) -> list[FundraisingItem]:
    """Show what raising `year`'s dues creates, and create it all in one change if asked."""
    if refuse_if_read_only(screen, repo):
        return []
    try:
        plan = plan_dues(year, repo.list(Institution), repo.list(FundraisingItem))
    except OrganiserError as error:
        report(screen, error, "Cannot raise the dues")
        return []
    left_out = []
    if plan.already:
        left_out.append(f"{_plural(len(plan.already), 'member')} already with {year} dues")
    if plan.no_dues:
        left_out.append(f"{_plural(len(plan.no_dues), 'member')} with no annual dues agreed")
    if not plan.items:
        said = f"Nothing to raise for {year}" + (f": {'; '.join(left_out)}." if left_out else
                                                  ": no member institutions yet.")  # fmt: skip
        screen.notify(said, markup=False)
        return []
    question = Text(f"This creates {_plural(len(plan.items), 'dues item')} for {year}, ")
    question.append(f"{format_pounds(plan.pence)} in all", style="bold")
    question.append(":\n")
    for kind, words in (
        (DuesKind.RETENTION, "retention (members renewing)"),
        (DuesKind.RECRUITMENT, "recruitment (new members this year)"),
    ):
        found = plan.of_kind(kind)
        pence = sum(i.amount_pence for i in found)
        question.append(f"\n  {len(found):,} {words}: {format_pounds(pence)}")
    question.append(
        "\n\nEach is hard money, pledged (agreed in the letter), expected on the member's "
        "renewal date; I invoices one when it goes out."
    )
    if left_out:
        question.append(f"\nLeft out: {'; '.join(left_out)}.", style="dim")
    sure = await screen.app.push_screen_wait(
        ConfirmDialog(f"Raise the {year} dues?", question, yes="Raise them", no="Not now")
    )
    if not sure:
        return []
    try:
        saved = repo.save_all(plan.items)
    except Exception as error:
        report(screen, error, "No dues raised")
        return []
    screen.notify(
        f"Raised {_plural(len(saved), 'dues item')} for {year}: {format_pounds(plan.pence)}",
        markup=False,
    )
    return [r for r in saved if isinstance(r, FundraisingItem)]


async def set_year_target(
    screen: Screen[Any], repo: Repository, year: int
) -> FundraisingTarget | None:
    """Set `year`'s target and hard-money share, starting from what holds for it now."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        kept = repo.list(FundraisingTarget)
        target = target_for(year, kept, repo.profile())
    except OrganiserError as error:
        report(screen, error, "Cannot open the target")
        return None
    while True:
        chosen = await screen.app.push_screen_wait(TargetDialog(target, kept))
        if chosen is None:
            return None
        try:
            saved = repo.save(chosen)
            break
        except Exception as error:  # keep what was typed
            report(screen, error)
            target = replace(target, pence=chosen.target_pence,
                             hard_percent=chosen.hard_money_percent)  # fmt: skip
    screen.notify(
        f"Target for {year}: {format_pounds(saved.target_pence)}, "
        f"at least {saved.hard_money_percent}% hard money",
        markup=False,
    )
    return saved
