"""The text of a new, editable profile (`foi profile init`): every key with a comment, the current
drafting thresholds and programme vocabulary filled in, so the administration can change them."""

from __future__ import annotations

import json

from foi.extract.pattern_data import load_patterns


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string is a JSON string


def profile_toml(name: str, municipality: str | None = None, forvaltning: str | None = None) -> str:
    drafting = load_patterns("drafting", "foi.responses")
    municipality = municipality or "[INDSÆT KOMMUNE]"
    forvaltning = forvaltning or "[INDSÆT FORVALTNING]"
    lines = [
        f"# Profile {name}: what the letters of this administration print, and how foi drafts them.",
        "# Lines with [INDSÆT …] are highlighted in the draft until you replace them.",
        f"name = {_q(name)}",
        "# the letterhead: the municipality or region (printed in capitals) and the administration",
        f"municipality = {_q(municipality)}",
        f"forvaltning = {_q(forvaltning)}",
        'unit = "[INDSÆT ENHED]"',
        'address = ["[INDSÆT VEJ OG NR.]", "[INDSÆT POSTNR. OG BY]"]',
        "# postal_address = [\"Rådhuspladsen 1\", \"1550 København V\"]",
        'phone = "[INDSÆT TELEFON]"',
        'web = "[INDSÆT WEB]"',
        'email = ""',
        'ean = ""',
        "# the signature under \"Med venlig hilsen\"",
        'signer = "[INDSÆT UNDERSKRIVER]"',
        'signer_title = "[INDSÆT TITEL]"',
        "# the heading above the answers (default: the forvaltning's genitive + \" svar\")",
        '# answer_heading = "Forvaltningens svar"',
        "# other names an inquiry may use for this administration, and its mail domains: `foi draft`",
        "# without --profile picks this profile when the inquiry is addressed to one of them",
        "addressees = []",
        "domains = []",
        "# deadlines: days to answer a council member's question, and a request for access to documents",
        "deadline_days = 10",
        "aktindsigt_days = 7",
        "",
        "# how close an earlier question must be before its answer is reused (see docs/drafting.md)",
        "[thresholds]",
        *[f"{k} = {v}" for k, v in drafting["thresholds"].items()],
        "",
        "# programmes the company lists are found by: the word the letter uses = the stem found in stored text",
        "[programmes]",
        *[f"{_q(k)} = {_q(v)}" for k, v in drafting["programmes"].items()],
    ]
    return "\n".join(lines) + "\n"
