"""GOV.UK-styled error pages; refusals are audited."""

from __future__ import annotations

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from carelens.accounts import audit


def _page(request, status: int, template: str, context=None):
    return render(request, f"errors/{template}.html", context or {}, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, "400")


def _audit_refusal(request, detail: str = "") -> None:
    audit.record(
        request,
        audit.Action.ACCESS_DENIED,
        object_type="url",
        object_id=request.path[:64],
        outcome=audit.Outcome.DENIED,
        detail=detail,
    )


def permission_denied(request, exception=None):
    _audit_refusal(request)
    return _page(request, 403, "403")


def page_not_found(request, exception=None):
    return _page(request, 404, "404")


def server_error(request):
    # Rendered without a request: the failure may be in a context processor.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


def csrf_failure(request, reason=""):
    _audit_refusal(request, "form security check failed")
    return _page(request, 403, "csrf")
