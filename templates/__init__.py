"""Danish letter templates (Jinja2 parts, Word layouts) and administration profiles: data, found by foi.settings."""
