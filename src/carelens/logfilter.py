"""A logging filter that keeps personal data out of application logs.

carelens' own log calls carry event names and ids only. This filter is the
backstop for messages from libraries (a 404 path, a database error echoing a
value): it masks anything shaped like an NHS number, a date or an e-mail
address before a handler writes it.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = [
    # NHS numbers: ten digits, optionally spaced 3-3-4.
    (re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)"), "[nhs-number]"),
    # Dates in the forms CLD extracts use.
    (re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)"), "[date]"),
    (re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"), "[date]"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email]"),
]


def scrub(text: str) -> str:
    """Return `text` with NHS numbers, dates and e-mail addresses masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not stop logging
            return True
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
