"""Stage 1: read files, split them into documents, pull their facts and store them in SQLite."""
