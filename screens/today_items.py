"""The lines of the Today screen: each names its record and reads at a glance."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.widgets.option_list import Option

from organiser.cadence import LosingTouch
from organiser.fundraising import Owed
from organiser.institution_health import AtRisk
from organiser.meetings import DuePoint
from organiser.metrics import Rate
from organiser.models import FundingSource, Institution, Profile, RelationalMeeting
from organiser.money import format_pounds
from organiser.supervision import OpenAction
from organiser.text import where
from organiser.today import TodaySummary
from screens.today_lines import ItemRef


def rate_text(rate: Rate) -> Text:
    """ "This week: 4 1-2-1s held over 2 working days = 2.0 a day (target 3) ▇▇▇▇░░" """
    text = Text()
    text.append(f"{rate.period.label}: ", style="bold")
    days = "working day" if rate.working_days == 1 else "working days"
    text.append(f"{rate.held} 1-2-1s held over {rate.working_days} {days} = ")
    text.append(f"{rate.per_day:.1f} a day", style="bold")
    text.append(f" (target {rate.target_per_day:g})  ")
    width = 20
    share = min(rate.per_day / rate.target_per_day, 1.0) if rate.target_per_day else 1.0
    filled = round(share * width)
    text.append("█" * filled, style="green" if rate.on_target else "yellow")
    text.append("░" * (width - filled), style="dim")
    text.append("  on target" if rate.on_target else "  below target", style="italic")
    return text


def short_day(day: date, today: date) -> str:
    """ "04 Dec" this year, "04 Dec 2025" in any other."""
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %Y}"


def booked_option(meeting: RelationalMeeting, summary: TodaySummary, zone: ZoneInfo) -> Option:
    line = Text(f"{meeting.at.astimezone(zone):%H:%M}  ", style="bold")
    line.append(summary.name_of(meeting.person_id))
    if meeting.place:
        line.append(f"  {where(meeting.place)}", style="dim")
    return Option(line, id=str(ItemRef("one_to_one", meeting.id)))


def follow_up_option(meeting: RelationalMeeting, summary: TodaySummary, *, overdue: bool) -> Option:
    due = meeting.follow_up_due
    line = Text()
    if overdue and due is not None:
        line.append(f"{short_day(due, summary.day)} overdue  ", style="bold red")
    else:
        line.append("today  ", style="bold")
    line.append(summary.name_of(meeting.person_id), style="bold")
    line.append(f": {meeting.follow_up}")
    return Option(line, id=str(ItemRef("follow_up", meeting.id)))


def losing_touch_option(touch: LosingTouch, today: date, profile: Profile) -> Option:
    """ "12 days overdue  Amina Khan  Leader  last 26 Oct" """
    overdue = touch.days_overdue(today)
    line = Text(f"{overdue} day{'' if overdue == 1 else 's'} overdue  ", style="bold red")
    line.append(touch.person.name, style="bold")
    line.append(f"  {profile.stage_name(touch.person.ladder_stage)}", style="dim")
    if touch.last_held is None:
        line.append("  never had a 1-2-1", style="red")
    else:
        line.append(f"  last {short_day(touch.last_held, today)}")
    return Option(line, id=str(ItemRef("person", touch.person.id)))


def at_risk_option(risk: AtRisk) -> Option:
    """ "At risk  St Mary's: dues £120.00 unpaid since 1 Sep 2026; no 1-2-1 …" """
    line = Text("At risk  ", style="bold red")
    line.append(risk.institution.name, style="bold")
    line.append(f": {risk.reason}")
    return Option(line, id=str(ItemRef("institution", risk.institution.id)))


def renewal_option(institution: Institution, today: date) -> Option:
    renewal = institution.renewal_date
    line = Text()
    if renewal is not None and renewal < today:
        line.append(f"{short_day(renewal, today)} overdue  ", style="bold red")
    elif renewal is not None:
        line.append(f"{renewal:%d %b %Y}  ", style="bold")
    line.append(institution.name)
    return Option(line, id=str(ItemRef("institution", institution.id)))


def owed_option(owed: Owed, today: date) -> Option:
    """An overdue invoice, dues mostly: who owes how much, and since when."""
    item = owed.item
    line = Text()
    if item.due_on is not None:
        line.append(f"{short_day(item.due_on, today)} overdue  ", style="bold red")
    line.append("Dues " if item.source is FundingSource.MEMBER_DUES else "Invoice ", style="bold")
    line.append(owed.name)
    line.append(f"  {format_pounds(item.amount_pence)}", style="bold")
    if item.year != today.year:
        line.append(f"  for {item.year}", style="dim")
    return Option(line, id=str(ItemRef("fundraising_item", item.id)))


def action_point_option(due: DuePoint, summary: TodaySummary) -> Option:
    """An open action point from a meeting; its id is "<meeting id>/<point id>"."""
    point = due.point
    line = Text()
    if due.is_overdue(summary.day) and point.due is not None:
        line.append(f"{short_day(point.due, summary.day)} overdue  ", style="bold red")
    else:
        line.append("today  ", style="bold")
    line.append("Action point", style="bold")
    if point.owner_id:
        line.append(f" ({summary.name_of(point.owner_id)})", style="bold")
    line.append(f": {point.text}")
    line.append(f"  from {due.meeting.title}", style="dim")
    return Option(line, id=str(ItemRef("action_point", f"{due.meeting.id}/{point.id}")))


def agreed_action_option(agreed: OpenAction, summary: TodaySummary) -> Option:
    """An action agreed in supervision, open until done; its id is "<review id>/<action id>"."""
    action = agreed.action
    line = Text()
    if action.due is not None and agreed.is_overdue(summary.day):
        line.append(f"{short_day(action.due, summary.day)} overdue  ", style="bold red")
    elif action.due is not None:
        line.append(f"due {short_day(action.due, summary.day)}  ", style="bold")
    line.append("Agreed in supervision", style="bold")
    if action.owner:
        line.append(f" ({action.owner})", style="bold")
    line.append(f": {action.text}")
    line.append(f"  with {agreed.review.supervisor}", style="dim")
    return Option(line, id=str(ItemRef("agreed_action", agreed.reference)))
