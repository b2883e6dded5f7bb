"""The request being served, for audit receivers that Django calls without it."""

from __future__ import annotations

from contextvars import ContextVar

_request: ContextVar = ContextVar("carelens_request", default=None)


def current_request():
    return _request.get()


def bind_request(request):
    """Bind `request` for the current context; returns a token for `release`."""
    return _request.set(request)


def release(token) -> None:
    _request.reset(token)
