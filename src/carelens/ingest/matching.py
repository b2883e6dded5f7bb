"""Match keys for headers and defined-list values (cld.md §2 and §6.0)."""

from __future__ import annotations

import re

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")
_AROUND_PUNCT = re.compile(r"\s*([-/:])\s*")


def header_key(header: str) -> str:
    """`Request: Route of Access`, `request_route_of_access` -> `requestrouteofaccess`.

    Letters and digits of any script are kept, so non-English headers stay distinct.
    """
    return "".join(ch for ch in header.lower() if ch.isalnum())


def value_key(value: str) -> str:
    """The key a defined-list value is matched on: case, dashes and spacing ignored."""
    text = _SPACES.sub(" ", value.strip().lower().translate(_DASHES))
    return _AROUND_PUNCT.sub(r"\1", text)


# The same rule in DuckDB SQL, so list matching runs vectorised over millions of rows.
VALUE_KEY_SQL = (
    "regexp_replace(regexp_replace(replace(replace(lower(trim({x})), chr(8211), '-'), "
    "chr(8212), '-'), '\\s+', ' ', 'g'), '\\s*([-/:])\\s*', '\\1', 'g')"
)
