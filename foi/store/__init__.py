"""The store: foi's SQLite database, the only package that speaks SQL.

`schema` makes and migrates the tables, `files` writes and forgets one file's rows, `queries`
answers what drafting asks, `search_index` and `search_query` keep and query the stemmed Danish
search index. Extraction writes through `store_result`; exploring and drafting only read.
"""

from __future__ import annotations

from foi.store.files import (
    failed_paths,
    find_file,
    forget,
    is_current,
    path_key,
    store_result,
    store_totals,
    stored_digest,
)
from foi.store.schema import FACT_TABLES, SCHEMA_VERSION, ensure_schema, open_db, write_transaction

__all__ = [
    "FACT_TABLES", "SCHEMA_VERSION", "ensure_schema", "failed_paths", "find_file", "forget", "is_current",
    "open_db", "path_key", "store_result", "store_totals", "stored_digest", "write_transaction",
]
