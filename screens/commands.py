"""One source of truth for what can be done: the bindings.

The footer shows them, the help screen lists them and the command palette offers them, all
read from the same `BINDINGS` declarations. A binding takes part when it has an `id`; the
screen's own bindings, then those of the focused widget and its containers, then (outside
dialogs) the app's global ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    """A binding as a person sees it, and where its action runs."""

    key: str
    description: str
    action: str
    namespace: DOMNode
    binding: Binding
    is_global: bool


def declared_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings with ids that `node`'s class (or its bases) declares, nearest first."""
    seen: set[str] = set()
    for cls in type(node).__mro__:
        for binding in vars(cls).get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in seen:
                seen.add(binding.id)
                yield binding


def _enabled(node: DOMNode, binding: Binding) -> bool:
    """Whether `check_action` allows the binding, asked as Textual asks it: by the action's
    name and parameters (`show` and `("people",)`), not the whole `show('people')`."""
    _, name, parameters = parse(binding.action)
    return node.check_action(name, parameters) is not False


def commands_for(screen: Screen[Any], *, include_focused: bool = True) -> list[Command]:
    """Everything that can be done on `screen`: its own keys first, the global keys last."""
    app = screen.app
    nodes: list[tuple[DOMNode, bool]] = [(screen, False)]
    focused = screen.focused
    if include_focused and focused is not None:
        widgets = [w for w in focused.ancestors_with_self if w is not screen and w is not app]
        nodes.extend((widget, False) for widget in widgets)
    if not screen.is_modal:
        nodes.append((app, True))
    # Two keys for one action (q and ctrl+q) make one command showing both keys.
    commands: dict[tuple[int, str], Command] = {}
    for node, is_global in nodes:
        for binding in declared_bindings(node):
            if not _enabled(node, binding):
                continue
            key = app.get_key_display(binding)
            same = (id(node), binding.action)
            if same in commands:
                commands[same] = replace(commands[same], key=f"{commands[same].key}, {key}")
                continue
            commands[same] = Command(
                key=key,
                description=binding.description,
                action=binding.action,
                namespace=node,
                binding=binding,
                is_global=is_global,
            )
    return list(commands.values())


class BindingCommands(Provider):
    """The command palette's view of the current screen's bindings."""

    def _commands(self) -> list[Command]:
        return commands_for(self.screen)

    def _run(self, command: Command) -> partial[Any]:
        return partial(self.app.run_action, command.action, command.namespace)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                command.description, self._run(command), help=f"key: {command.key}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.description),
                    self._run(command),
                    help=f"key: {command.key}",
                )
