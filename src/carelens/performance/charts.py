"""Plotly figures as plain dicts: the page embeds them as JSON, charts.js draws them.

Colours follow NHS "Making Data Count": blue for improvement, orange for concern,
grey for common-cause variation; every chart has a table alternative on its page.
"""

from __future__ import annotations

from carelens.metrics import spc

BLUE, ORANGE, GREY, BLACK = "#1d70b8", "#f47738", "#505a5f", "#0b0c0c"
FONT = {"family": "GDS Transport, arial, sans-serif", "size": 14, "color": BLACK}
UNIT_TITLES = {
    "percent": "Per cent",
    "per_100k": "Per 100,000",
    "count": "Number",
    "days": "Days",
    "hours": "Hours a week",
    "gbp": "£ a week",
}


def _layout(x_title: str, y_title: str) -> dict:
    return {
        "font": FONT,
        "margin": {"l": 60, "r": 20, "t": 20, "b": 60},
        "xaxis": {"title": {"text": x_title}, "fixedrange": True},
        "yaxis": {"title": {"text": y_title}, "fixedrange": True, "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.25},
        "hovermode": "closest",
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
    }


def trend_figure(points: list[spc.Point], unit: str) -> dict:
    x = [p.label for p in points]
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "Value",
            "x": x,
            "y": [p.value for p in points],
            "line": {"color": GREY},
            "marker": {"color": GREY, "size": 7},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Average",
            "x": x,
            "y": [p.centre for p in points],
            "line": {"color": BLACK, "dash": "dash", "width": 1},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Control limits",
            "x": x,
            "y": [p.upper for p in points],
            "line": {"color": GREY, "dash": "dot", "width": 1, "shape": "hv"},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Lower limit",
            "showlegend": False,
            "x": x,
            "y": [p.lower for p in points],
            "line": {"color": GREY, "dash": "dot", "width": 1, "shape": "hv"},
        },
    ]
    for direction, colour, name in (
        ("improvement", BLUE, "Special cause: improvement"),
        ("concern", ORANGE, "Special cause: concern"),
        ("", BLACK, "Special cause"),
    ):
        chosen = [p for p in points if p.reason and p.direction == direction]
        if chosen:
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": name,
                    "x": [p.label for p in chosen],
                    "y": [p.value for p in chosen],
                    "text": [p.reason for p in chosen],
                    "marker": {"color": colour, "size": 11},
                }
            )
    return {"data": data, "layout": _layout("Month", UNIT_TITLES.get(unit, ""))}


def funnel_figure(centre: float, points: list[spc.FunnelPoint]) -> dict:
    top = max(p.denominator for p in points)
    sizes = sorted({max(1, round(top * 1.1 * k / 60)) for k in range(1, 61)})
    p = centre / 100
    curves = {
        name: [spc.funnel_limits(p, n, z) for n in sizes]
        for name, z in (("95%", spc.Z95), ("99.8%", spc.Z998))
    }
    data = []
    for name, dash in (("95%", "dash"), ("99.8%", "solid")):
        for index, side in ((1, "upper"), (0, "lower")):
            data.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "name": f"{name} limits",
                    "showlegend": side == "upper",
                    "x": sizes,
                    "y": [limits[index] for limits in curves[name]],
                    "line": {"color": GREY, "dash": dash, "width": 1},
                    "hoverinfo": "skip",
                }
            )
    data.append(
        {
            "type": "scatter",
            "mode": "lines",
            "name": "All teams",
            "x": [sizes[0], sizes[-1]],
            "y": [centre, centre],
            "line": {"color": BLACK, "width": 1},
        }
    )
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "Teams",
            "x": [pt.denominator for pt in points],
            "y": [pt.value for pt in points],
            "text": [pt.label for pt in points],
            "textposition": "top center",
            "marker": {
                "size": 11,
                "color": [ORANGE if "99.8" in pt.outside else GREY for pt in points],
            },
        }
    )
    return {"data": data, "layout": _layout("Number of people (denominator)", "Per cent")}
