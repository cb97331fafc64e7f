"""The team's figures for the app, read by a supervisor's login (organiser.team_figures)."""

from __future__ import annotations

from dataclasses import dataclass

from organiser.periods import Period
from organiser.team_figures import OrganiserFigures
from store.postgres.figures import one_to_one_figures
from store.postgres.repository import PostgresRepository
from store.postgres.team import is_supervisor


@dataclass(frozen=True)
class SupervisorFigures:
    """Every organiser's 1-2-1s through a supervisor's repository, days counted in `zone`,
    on its connection in turn with the repository's own calls."""

    repo: PostgresRepository
    zone: str

    def one_to_ones(self, period: Period) -> list[OrganiserFigures]:
        return self.repo.taking_turns(
            lambda conn: one_to_one_figures(conn, period, self.zone), "count the 1-2-1s"
        )


def supervisor_figures(repo: PostgresRepository, zone: str) -> SupervisorFigures | None:
    """The team's figures when this login is a supervisor's; None for an organiser's own."""
    supervising = repo.taking_turns(is_supervisor, "look up this login's role")
    return SupervisorFigures(repo, zone) if supervising else None
