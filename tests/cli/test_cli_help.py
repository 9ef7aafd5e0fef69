"""The ``--help`` of every ``orgkg`` command, word for word, against a stored snapshot.

The command line is the user's contract: moving the commands between modules
(or any refactoring) must not change a name, an option, a default or a line
of help. ``tests/cli/data/help.txt`` holds the help of the group and of every
command and subcommand at 80 columns. A deliberate change of the help is made
by regenerating it::

    .venv/bin/python -m tests.cli.test_cli_help > tests/cli/data/help.txt

and reviewing the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from api.cli import app

SNAPSHOT = Path(__file__).resolve().parent / "data" / "help.txt"
WIDTH = 80


def command_paths(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's path under ``command``, the group itself first, in help order."""
    paths = [path]
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            if not sub.hidden:
                paths += command_paths(sub, (*path, name))
    return paths


def render_helps() -> str:
    """The ``--help`` of every command, each under a ``$ orgkg ... --help`` line."""
    runner = CliRunner()
    parts = []
    for path in command_paths(typer.main.get_command(app)):
        result = runner.invoke(
            app,
            [*path, "--help"],
            prog_name="orgkg",
            terminal_width=WIDTH,
            env={"COLUMNS": str(WIDTH)},
        )
        assert result.exit_code == 0, result.output
        parts.append(f"$ {' '.join(('orgkg', *path, '--help'))}\n{result.stdout}")
    return "\n".join(parts)


def test_every_command_is_in_the_snapshot() -> None:
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    listed = {line for line in lines if line.startswith("$ ")}
    expected = {
        f"$ {' '.join(('orgkg', *path, '--help'))}"
        for path in command_paths(typer.main.get_command(app))
    }
    assert listed == expected
    assert len(expected) > 10  # the group, its commands and `import organogram`


def test_the_help_of_every_command_is_unchanged() -> None:
    assert render_helps() == SNAPSHOT.read_text(encoding="utf-8")


if __name__ == "__main__":
    sys.stdout.write(render_helps())
