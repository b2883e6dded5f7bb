from __future__ import annotations

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def lockout_length(value: timedelta) -> str:
    """'30 minutes', '1 hour', '1 hour 30 minutes'."""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not parts:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
