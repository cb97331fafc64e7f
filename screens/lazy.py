"""Screens imported when first wanted, so starting the app loads only what Today needs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from organiser.clock import Clock
from organiser.repository import Repository


def lazy_screen(module: str, name: str) -> Callable[[Repository, Clock], Screen[Any]]:
    """A maker for the screen class `name` in `module`, importing the module on first use."""

    def make(repo: Repository, clock: Clock) -> Screen[Any]:
        screen_class = getattr(importlib.import_module(module), name)
        screen: Screen[Any] = screen_class(repo, clock)
        return screen

    return make
