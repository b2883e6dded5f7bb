"""Home page and the area pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from carelens.snapshots.catalog import latest_snapshot
from carelens.web.areas import area, areas_for


def _data_present(snapshot) -> dict[str, bool]:
    # Finance extracts have no importer yet, so the finance area is always empty.
    return {"cld": snapshot is not None, "finance": False, "": True}


def home(request):
    """The areas this user's role can use, each with its state or next step."""
    snapshot = latest_snapshot(settings.CARELENS_HOME)
    present = _data_present(snapshot)
    return render(
        request,
        "web/home.html",
        {
            "areas": [(item, present[item.data]) for item in areas_for(request.user)],
            "snapshot": snapshot,
            "roles": [group.name for group in request.user.groups.all()],
            "teams": [team.name for team in request.user.teams.all()],
        },
    )


def area_page(slug: str):
    """A view for one area: its summary, and its empty state until data arrives."""
    item = area(slug)

    @permission_required(item.permission, raise_exception=True)
    def view(request):
        snapshot = latest_snapshot(settings.CARELENS_HOME)
        return render(
            request,
            "web/area.html",
            {"area": item, "snapshot": snapshot, "has_data": _data_present(snapshot)[item.data]},
        )

    view.__name__ = f"{slug}_page"
    return view
