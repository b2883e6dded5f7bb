"""Write audit events. Every audited action in carelens goes through `record`."""

from __future__ import annotations

import getpass
import logging

from axes.helpers import get_client_ip_address

from carelens.accounts.audit_models import AuditEvent

log = logging.getLogger(__name__)

Action = AuditEvent.Action
Outcome = AuditEvent.Outcome


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def client_ip(request) -> str | None:
    if request is None:
        return None
    try:
        return get_client_ip_address(request) or None
    except Exception:  # a malformed header must not block the audited action
        return request.META.get("REMOTE_ADDR") or None


def record(
    request,
    action: str,
    *,
    user=None,
    username: str = "",
    object_type: str = "",
    object_id: str | int = "",
    outcome: str = Outcome.SUCCESS,
    detail: str = "",
) -> AuditEvent:
    """Append one audit event.

    `user` defaults to the request's signed-in user. `detail` is free text for
    what the other fields cannot say; it must never hold personal data about
    the people receiving care.
    """
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    if user is not None and not username:
        username = user.get_username()
    if request is None and not username:
        # A change made outside the web app (a carelens command): say whose shell.
        username = f"command line ({_os_user()})"
    event = AuditEvent.objects.create(
        user=user,
        username=username[:150],
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        ip_address=client_ip(request),
        outcome=outcome,
        detail=detail[:255],
    )
    log.debug("audit action=%s outcome=%s object_type=%s", action, outcome, object_type)
    return event
