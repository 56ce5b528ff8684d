"""The `foi` command line: parses options and calls library functions; nothing else lives here."""

from __future__ import annotations

import os
import sqlite3
import sys
from typing import Any

import click

from foi import __version__
from foi.errors import FoiError


class FoiGroup(click.Group):
    """Turns the errors a user can meet into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FoiError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # `foi search … | head`: the reader has gone, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except OSError as exc:  # a folder that cannot be written, a disk that is full
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)
        except sqlite3.OperationalError as exc:  # a database locked by another writer, a full disk
            click.echo(f"Error: the database: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted; everything stored so far is kept.", err=True)
            sys.exit(130)


@click.group(cls=FoiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="foi")
def main() -> None:
    """foi: read Danish municipal letters, annexes, e-mails and minutes into SQLite,
    search them, and draft answers.

    \b
    Example:
        foi extract corpus/ --db foi.db
        foi search mentorstøtte --db foi.db
    """


def _register() -> None:
    from foi.commands import draft, explain, extract, forget, profile, search

    for module in (extract, search, draft, forget, explain, profile):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
