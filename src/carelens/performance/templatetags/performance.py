"""Measure values in words and numbers, and the small trend lines of the tiles."""

from __future__ import annotations

import datetime as dt

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()

SUFFIX = {"percent": "%", "per_100k": " per 100,000", "days": " days", "hours": " hours"}


def _number(value: float, places: int) -> str:
    return intcomma(f"{value:,.{places}f}".replace(",", ""))


@register.filter
def measure_value(value, unit: str) -> str:
    """41.2%, 739.3 per 100,000, 1,204, 28.0 days, £1,204.50; a dash when there is none."""
    if value is None or value == "":
        return "\u2013"
    if isinstance(value, str):
        return value  # [c]: suppressed
    if unit == "gbp":
        return "£" + _number(value, 2)
    if unit == "count":
        return _number(value, 0)
    return _number(value, 1) + SUFFIX.get(unit, "")


@register.filter
def change_value(value, unit: str) -> str:
    """+2.1 points, -14, ..."""
    if value is None:
        return ""
    sign = "+" if value > 0 else "\u2212" if value < 0 else "±"
    size = abs(value)
    if unit == "percent":
        return f"{sign}{_number(size, 1)} points"
    return (
        sign + measure_value(size, unit).lstrip("£")
        if unit != "gbp"
        else f"{sign}£{_number(size, 2)}"
    )


@register.filter
def count(value) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, str):
        return value
    return intcomma(int(value))


@register.filter
def month_name(value: str) -> str:
    """'2025-03' -> 'March 2025'."""
    try:
        return dt.date.fromisoformat(value + "-01").strftime("%B %Y")
    except (TypeError, ValueError):
        return value


@register.simple_tag
def sparkline(values, width: int = 160, height: int = 36) -> str:
    """SVG polyline points for the values (gaps skipped), scaled into the box."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(present) < 2:
        return ""
    low = min(v for _, v in present)
    high = max(v for _, v in present)
    span = (high - low) or 1
    step = width / max(len(values) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}" for i, v in present
    )
