"""Work lists: the people in a manager's teams who need action, each list downloadable.

Person-level: every list view and download is scoped by accounts.scoping and audited.
"""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import render

from carelens.accounts import audit
from carelens.accounts.scoping import person_scope
from carelens.metrics.runner import Runner
from carelens.metrics.worklists import LISTS, work_list
from carelens.performance.data import window
from carelens.performance.filters import read_filters
from carelens.web.areas import area
from carelens.web.exports import FORMATS, table_response

AREA = area("worklists")
PERMISSION = "accounts.view_worklists"
SHOWN = 200  # rows on screen; the download has them all
# The measure each list is drawn from: a list starts when its measure's series does.
LIST_MEASURES = {
    "overdue-reviews": "reviews_overdue",
    "long-reablement": "reablement_episodes",
    "discharge-care-home": "discharge_to_residential",
}


def _rows(request, slug: str):
    if slug not in LISTS:
        raise Http404("No such work list.")
    scope = person_scope(request.user)
    filters = read_filters(request)
    if filters is None:
        raise Http404("No data imported yet.")
    allowed = scope.team_filter()
    first = filters.grid.first_month.get(LIST_MEASURES[slug], filters.grid.months[0])
    if filters.month < first:
        # Before its measure has the history it needs the list would be wrong: empty.
        return filters, [], allowed is not None, first
    with Runner(filters.snapshot.path) as runner:
        rows = work_list(runner, slug, filters.month, window(filters.snapshot)[0])
    rows = [
        row
        for row in rows
        if (allowed is None or row[1] in allowed) and (not filters.team or row[1] == filters.team)
    ]
    return filters, rows, allowed is not None, None


def _audit(request, action: str, slug: str, detail: str) -> None:
    audit.record(request, action, object_type="work list", object_id=slug, detail=detail)


@permission_required(PERMISSION, raise_exception=True)
def home(request):
    filters = read_filters(request)
    if filters is None:
        return render(request, "web/area.html", {"area": AREA, "snapshot": None, "has_data": False})
    return render(request, "worklists/home.html", {"filters": filters, "lists": LISTS.values()})


@permission_required(PERMISSION, raise_exception=True)
def detail(request, slug: str):
    filters, rows, scoped, available_from = _rows(request, slug)
    _audit(request, audit.Action.VIEW_PERSON, slug, f"{filters.query()}: {len(rows)} people")
    return render(
        request,
        "worklists/detail.html",
        {
            "filters": filters,
            "work_list": LISTS[slug],
            "rows": rows[:SHOWN],
            "total": len(rows),
            "more": max(len(rows) - SHOWN, 0),
            "scoped": scoped,
            "can_export": request.user.has_perm("accounts.export_data"),
            "since": window(filters.snapshot)[0],
            "available_from": available_from,
        },
    )


@permission_required("accounts.export_data", raise_exception=True)
@permission_required(PERMISSION, raise_exception=True)
def export(request, slug: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    filters, rows, _, _ = _rows(request, slug)
    work = LISTS[slug]
    _audit(request, audit.Action.EXPORT, slug, f"{filters.query()}: {len(rows)} people, {fmt}")
    return table_response(
        fmt,
        f"carelens-{slug}-{filters.month}",
        [("Work list", work.title), *filters.described(), ("People", str(len(rows)))],
        list(work.columns),
        [
            [value.isoformat() if hasattr(value, "isoformat") else value for value in row]
            for row in rows
        ],
    )
