"""foi: read Danish municipal documents into SQLite, search them, and draft answers."""

__version__ = "0.1.0"
