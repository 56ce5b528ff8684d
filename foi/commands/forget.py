"""`foi forget`: remove files from the database, with their documents, facts and search rows."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from foi.commands.options import db_option, personal_option
from foi.extract.personal_data import mask_cpr
from foi.paths import display_path
from foi.settings import Settings
from foi.store import forget as forget_file
from foi.store import open_db


@click.command()
@click.argument("files", nargs=-1, required=True)
@db_option
@personal_option
def forget(files: tuple[str, ...], db_path: Path | None, show_personal_data: bool) -> None:
    """Remove FILES from the database: each file's row, its documents, their facts and their
    full-text and search index rows. The files themselves are not touched; `foi extract` reads a
    forgotten file again as a new one.

    Name a file as `foi extract` stored it (the path shown by `foi search`). Exits with 1 if any
    file named is not in the database; the others are forgotten all the same.

    \b
    Examples:
        foi forget corpus/000_20e448a58bbb3448.txt
        foi forget inbox/old.pdf inbox/draft.docx --db cases.db
    """
    path = Settings().with_(db_path=db_path).db_path
    db = open_db(path, create=False)

    def shown(text: str) -> str:  # a file name may hold a CPR number
        return text if show_personal_data else mask_cpr(text)

    missing = 0
    try:
        for name in files:
            done = forget_file(db, name)
            if done is None:
                missing += 1
                click.echo(f"Error: {shown(display_path(name))}: not in {display_path(path)}", err=True)
                continue
            stored, documents = done
            click.echo(f"forgot {shown(stored)} ({documents} document{'s' * (documents != 1)})")
    finally:
        db.close()
    if missing:
        sys.exit(1)


COMMANDS = [forget]
