"""Exploring the store: companies across documents, exports and the web UI. Reads only."""
