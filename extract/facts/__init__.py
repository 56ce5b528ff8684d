"""The fact pipeline: spaCy (blank Danish by default) with one rule component per kind of fact."""
