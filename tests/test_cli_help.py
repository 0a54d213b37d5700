"""Every command and subcommand of chargewatch shows at least one example in its help, and every
example is a command line chargewatch accepts (the command exists, its options are its own)."""

from __future__ import annotations

import shlex

import click
import pytest
from click.testing import CliRunner

from monitor.cli import main


def all_commands(group: click.Group = main, path: tuple[str, ...] = ()):
    """(path, command) for the group itself and every command and subcommand under it."""
    yield path, group
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            yield from all_commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(all_commands())


def examples(help_text: str) -> list[str]:
    """The lines under "Example:" (up to the next blank line or the next section)."""
    lines = help_text.splitlines()
    found, inside = [], False
    for line in lines:
        if line.strip() == "Example:":
            inside = True
            continue
        if inside:
            if not line.strip() or not line.startswith(" "):
                inside = False
                continue
            found.append(line.strip())
    return found


def command_line(example: str) -> list[str]:
    """The arguments after 'chargewatch' in an example, up to a pipe, a redirection, '&&' or a comment."""
    tokens = shlex.split(example, comments=True)
    start = tokens.index("chargewatch") + 1 if "chargewatch" in tokens else None
    if start is None:
        return []
    args = []
    for token in tokens[start:]:
        if token in ("|", "&&", ">", ">>", "<", ";") or token.startswith(">"):
            break
        args.append(token)
    return args


def resolve(args: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """The path of the command an example runs, parsed level by level as chargewatch would parse
    it (an unknown option or a missing option value fails; values are not converted, so the files
    an example names need not exist); returns the path and the arguments none of them takes."""
    command, path, rest = main, (), list(args)
    while True:
        parser = command.make_parser(click.Context(command, info_name="chargewatch"))
        _, rest, _ = parser.parse_args(args=rest)  # a group's parser stops at its first argument
        if not isinstance(command, click.Group) or not rest:
            return path, rest
        assert rest[0] in command.commands, f"chargewatch {' '.join(path)}: no command {rest[0]!r}"
        path, command, rest = (*path, rest[0]), command.commands[rest[0]], rest[1:]


def test_the_walk_finds_every_command_and_subcommand():
    paths = {" ".join(p) for p, _ in COMMANDS}
    for expected in ("", "fetch", "run", "serve", "digest", "tag", "tags", "sources", "sources import",
                     "sources export", "sources resume", "users", "users add", "users feed-token", "users list",
                     "users remove"):
        assert expected in paths, expected
    assert len(paths) == len(COMMANDS) >= 23


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p) or "chargewatch")
def test_every_command_shows_an_example_that_runs_it(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="chargewatch")
    assert result.exit_code == 0, result.output
    shown = examples(result.output)
    assert shown, f"chargewatch {' '.join(path)} --help has no Example: lines:\n{result.output}"
    ran = []
    for example in shown:
        args = command_line(example)
        assert args or "chargewatch" not in example, example
        if not args:
            continue  # a comment line under the examples (e.g. what to do with the output)
        example_path, leftover = resolve(args)
        assert not leftover, f"{example!r}: chargewatch would refuse {leftover}"
        ran.append(example_path)
    assert ran, f"chargewatch {' '.join(path)}: no example is a chargewatch command line"
    if path:  # a command's examples run it (a group's: it or one of its subcommands; chargewatch's: any)
        assert any(p[:len(path)] == tuple(path) for p in ran), f"no example of chargewatch {' '.join(path)}: {shown}"
