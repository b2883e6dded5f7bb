"""Performance pages: the overview of every measure, one measure in depth, the people
behind a number, and downloads of exactly the figures on screen."""

from __future__ import annotations

from csp.decorators import csp_update
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import render

from carelens.accounts import audit
from carelens.accounts.scoping import person_scope
from carelens.metrics import dashboard, stats
from carelens.metrics.catalog import measures
from carelens.metrics.grid import ALL_TEAMS, cell_period, headline_split
from carelens.metrics.runner import Runner
from carelens.metrics.worklists import month_bounds
from carelens.performance import charts
from carelens.performance.data import population, window
from carelens.performance.filters import read_filters
from carelens.web.areas import area
from carelens.web.exports import FORMATS, table_response

AREA = area("performance")
VIEW = "accounts.view_performance"
EXPORT = "accounts.export_data"


def _measure_or_404(measure_id: str):
    measure = measures().get(measure_id)
    if measure is None:
        raise Http404("No such measure.")
    return measure


def _by_team(measure, team: str) -> bool:
    return team == ALL_TEAMS or "team" in measure.groupings


def _tiles(filters):
    return [
        dashboard.tile(filters.grid, m, filters.month, filters.team)
        for m in measures().values()
        if _by_team(m, filters.team)
    ]


def _empty(request):
    return render(request, "web/area.html", {"area": AREA, "snapshot": None, "has_data": False})


@permission_required(VIEW, raise_exception=True)
def overview(request):
    filters = read_filters(request)
    if filters is None:
        return _empty(request)
    _, population_note = population()
    context = {
        "filters": filters,
        "tiles": _tiles(filters),
        "not_by_team": [m for m in measures().values() if not _by_team(m, filters.team)],
        "population_note": population_note,
        "can_export": request.user.has_perm(EXPORT),
    }
    return _render_page(request, "overview", context)


def _render_page(request, name: str, context: dict):
    """The whole page, or only its results when htmx asks for them (filters changed)."""
    partial = "_" if request.headers.get("HX-Request") else ""
    return render(request, f"performance/{partial}{name}.html", context)


def _trend_rows(points, grid, measure, team):
    cells = dict(grid.series(measure.id, team))
    return [(p, cells.get(p.label)) for p in points]


# plotly.js sets inline styles as it draws (legend and axis placement); scripts stay 'self'.
@csp_update({"style-src": ["'unsafe-inline'"]})
@permission_required(VIEW, raise_exception=True)
def measure_page(request, measure_id: str):
    measure = _measure_or_404(measure_id)
    filters = read_filters(request)
    if filters is None:
        return _empty(request)
    team = filters.team if _by_team(measure, filters.team) else ALL_TEAMS
    points = dashboard.trend(filters.grid, measure, filters.month, team)
    centre, teams, months_used = dashboard.team_comparison(filters.grid, measure, filters.month)
    context = {
        "filters": filters,
        "measure": measure,
        "team": team,
        "headline_split": headline_split(measure),
        "tile": dashboard.tile(filters.grid, measure, filters.month, team),
        "trend": _trend_rows(points, filters.grid, measure, team),
        "trend_chart": charts.trend_figure(points, measure.unit),
        "special": [p for p in points if p.reason],
        "has_values": any(p.value is not None for p in points),
        "baseline": dashboard.baseline_months(len(points)),
        "notes": dashboard.notes_for(filters.grid, measure, filters.month),
        "centre": centre,
        "teams": teams,
        "outside": [t for t in teams if t.outside],
        "months_used": months_used,
        "funnel_chart": charts.funnel_figure(centre, teams) if teams else None,
        "can_drill": request.user.has_perm("accounts.view_person_level"),
        "can_export": request.user.has_perm(EXPORT),
    }
    return _render_page(request, "measure", context)


@permission_required(VIEW, raise_exception=True)
def people(request, measure_id: str):
    """The people counted in one figure: scoped to the user's teams, audited."""
    measure = _measure_or_404(measure_id)
    scope = person_scope(request.user)
    filters = read_filters(request)
    if filters is None:
        raise Http404("No data.")
    which = "denominator" if request.GET.get("which") == "denominator" else "numerator"
    start, end, month = cell_period(measure, window(filters.snapshot), filters.month)
    with Runner(filters.snapshot.path) as runner:
        units = runner.units(measure, start, end)
    split = headline_split(measure)
    allowed = scope.team_filter()
    rows = []
    for person_id, in_den, in_num, team, unit_month, age_band, amount, unit_split in units:
        # As the runner counts: a percentage's numerator is within its denominator.
        counted = in_num and (in_den or measure.unit != "percent")
        if (which == "numerator" and not counted) or (which == "denominator" and not in_den):
            continue
        if month and unit_month != month:
            continue
        if filters.team and team != filters.team:
            continue
        if allowed is not None and team not in allowed:
            continue
        # A share's denominator is every unit; only its numerator is the headline split.
        if split and unit_split != split and not (which == "denominator" and measure.split_share):
            continue
        rows.append({"person_id": person_id, "team": team, "age_band": age_band, "amount": amount})
    audit.record(
        request,
        audit.Action.VIEW_PERSON,
        object_type="person list",
        object_id=measure.id,
        detail=f"{which} of {measure.id}, {filters.month}, team {filters.team or 'all'}, "
        f"snapshot {filters.snapshot.snapshot_id}: {len(rows)} people",
    )
    return render(
        request,
        "performance/people.html",
        {
            "filters": filters,
            "measure": measure,
            "which": which,
            "rows": rows,
            "scoped": allowed is not None,
            "period": month_bounds(month) if month else (start, end),
        },
    )


def _figures(row_cell, unit):
    shown = stats.suppress({**(row_cell or {}), "unit": unit}) if row_cell else {}
    return [shown.get(k) for k in ("value", "numerator", "denominator", "ci_low", "ci_high")]


@permission_required(EXPORT, raise_exception=True)
def export_overview(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    filters = read_filters(request)
    if filters is None:
        raise Http404("No data.")
    rows = [
        [t.measure.id, t.measure.title, t.measure.unit, *_figures(t.cell, t.measure.unit)]
        for t in _tiles(filters)
    ]
    audit.record(
        request, audit.Action.EXPORT, object_type="performance overview", detail=filters.query()
    )
    return table_response(
        fmt,
        f"carelens-performance-{filters.month}",
        [*filters.described(), ("Small numbers", "counts of 1 to 4 shown as [c]")],
        [
            "Measure",
            "Title",
            "Unit",
            "Value",
            "Numerator",
            "Denominator",
            "95% CI low",
            "95% CI high",
        ],
        rows,
    )


@permission_required(EXPORT, raise_exception=True)
def export_measure(request, measure_id: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    measure = _measure_or_404(measure_id)
    filters = read_filters(request)
    if filters is None:
        raise Http404("No data.")
    team = filters.team if _by_team(measure, filters.team) else ALL_TEAMS
    points = dashboard.trend(filters.grid, measure, filters.month, team)
    rows = []
    for point, cell in _trend_rows(points, filters.grid, measure, team):
        figures = _figures(cell, measure.unit)
        # Limits depend on the denominator, so a suppressed row shows none.
        hidden = figures[0] == stats.SUPPRESSED
        limits = ["", ""] if hidden else [point.lower, point.upper]
        rows.append(
            [
                "trend",
                point.label,
                team or "All teams",
                *figures,
                point.centre,
                *limits,
                "",
                "",
                "" if hidden else point.reason,
            ]
        )
    centre, teams, months_used = dashboard.team_comparison(filters.grid, measure, filters.month)
    for t in teams:
        shown = stats.suppress(
            {
                "unit": "percent",
                "numerator": t.numerator,
                "denominator": t.denominator,
                "value": t.value,
            }
        )
        hidden = shown["value"] == stats.SUPPRESSED
        limits = [t.lower998, t.upper998, t.lower95, t.upper95, t.outside or "within the limits"]
        rows.append(
            [
                "team comparison",
                f"{months_used[0]} to {months_used[-1]}",
                t.label,
                shown["value"],
                shown["numerator"],
                shown["denominator"],
                "",
                "",
                centre,
                *([""] * len(limits) if hidden else limits),
            ]
        )
    audit.record(
        request,
        audit.Action.EXPORT,
        object_type="measure",
        object_id=measure.id,
        detail=filters.query(),
    )
    return table_response(
        fmt,
        f"carelens-{measure.id}-{filters.month}",
        [
            ("Measure", f"{measure.id}: {measure.title}"),
            *filters.described(),
            ("Small numbers", "counts of 1 to 4 shown as [c]"),
        ],
        [
            "Table",
            "Month or period",
            "Team",
            "Value",
            "Numerator",
            "Denominator",
            "95% CI low",
            "95% CI high",
            "Average",
            "Lower limit (3 sigma; teams 99.8%)",
            "Upper limit (3 sigma; teams 99.8%)",
            "Lower 95% limit (teams)",
            "Upper 95% limit (teams)",
            "Special cause or outlier",
        ],
        rows,
    )
