"""The overview and measure pages: what a manager sees, filtered through the URL."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from carelens.metrics.catalog import measures
from carelens.performance import data

pytestmark = pytest.mark.django_db


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_overview_has_a_tile_per_measure_with_value_interval_and_trend(
    client_for, analyst, council
):
    page = _soup(client_for(analyst).get("/performance/"))
    tiles = page.select(".carelens-tile")
    assert len(tiles) == len(measures())
    ascof_2a = next(t for t in tiles if "ASCOF 2A" in t.get_text())
    assert "%" in ascof_2a.select_one(".carelens-tile__value").get_text()
    assert "95% interval" in ascof_2a.get_text()
    assert ascof_2a.select_one("svg.carelens-sparkline polyline")["points"]


def test_filters_live_in_the_url_and_htmx_gets_only_the_results(client_for, analyst, council):
    client = client_for(analyst)
    full = _soup(client.get("/performance/?month=2024-06&team=North+Locality"))
    assert full.select_one("#filter-month option[selected]")["value"] == "2024-06"
    assert full.select_one("#filter-team option[selected]")["value"] == "North Locality"
    assert "June 2024, North Locality" in full.select_one("#results h2").get_text()
    # Measures with no team grouping are named, not shown with an all-teams figure.
    assert "ASCOF 2B" in full.select_one("#results").get_text().split("Not given by team")[1]
    partial = client.get("/performance/?month=2024-06", HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b'id="results"' in partial.content


def test_a_month_or_team_not_in_the_data_falls_back_to_the_default(client_for, analyst, council):
    page = _soup(client_for(analyst).get("/performance/?month=1999-01&team=Nobody"))
    assert page.select_one("#filter-team option[selected]")["value"] == ""
    assert page.select_one("#filter-month option[selected]")["value"] == "2025-03"


def test_an_unknown_snapshot_or_measure_is_404(client_for, analyst, council):
    client = client_for(analyst)
    assert client.get("/performance/?snapshot=999").status_code == 404
    assert client.get("/performance/no_such_measure/").status_code == 404


def test_finance_officers_cannot_see_performance(client_for, finance_officer, council):
    assert client_for(finance_officer).get("/performance/").status_code == 403


def test_measure_page_has_chart_data_and_a_table_for_every_chart(client_for, analyst, council):
    page = _soup(client_for(analyst).get("/performance/discharge_to_residential/"))
    assert page.select_one('[data-chart="trend-data"]') and page.select_one("#trend-data")
    assert page.select_one('[data-chart="funnel-data"]') and page.select_one("#funnel-data")
    tables = page.select("table.govuk-table")
    assert len(tables) == 2
    months = tables[0].select("tbody tr")
    assert len(months) == 24  # April 2023 to March 2025
    teams = [row.th.get_text() for row in tables[1].select("tbody tr")]
    assert "Hospital Discharge West" in teams


def test_point_in_time_measures_start_when_a_full_year_is_held(client_for, analyst, council):
    page = _soup(client_for(analyst).get("/performance/reviews_overdue/"))
    first = page.select("table.govuk-table")[0].select("tbody tr")[0].th.get_text()
    assert first == "March 2024"  # the first month end with 12 months inside the snapshot


def test_the_grid_is_computed_once_per_snapshot_then_read_from_the_cache(
    client_for, analyst, council, monkeypatch
):
    client = client_for(analyst)
    assert client.get("/performance/").status_code == 200
    data._memo.clear()  # a new server process: only the shared cache remains

    def fail(*args, **kwargs):
        raise AssertionError("the grid was computed again")

    monkeypatch.setattr(data, "build_grid", fail)
    assert client.get("/performance/ascof_2a/").status_code == 200


def test_measures_can_be_kept_in_redis(client_for, analyst, council, settings):
    """CARELENS_CACHE_URL=redis://...: the worked-out grid lands in Redis under its key."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "carelens-test",
        }
    }
    from django.core.cache import cache

    cache.clear()
    data._memo.clear()
    assert client_for(analyst).get("/performance/").status_code == 200
    info = data.snapshots_with_data()[0]
    stored = cache.get(data.cache_key(info, data.population()[0]))
    assert stored["snapshot"] == info.snapshot_id and stored["cells"]
    cache.clear()


def test_a_team_with_no_figures_for_a_measure_is_told_so(client_for, analyst, council):
    # Reablement episodes belong to the Reablement team, not to North Locality.
    page = _soup(client_for(analyst).get("/performance/ascof_2a/?team=North+Locality"))
    assert "North Locality has no figures for this measure" in page.get_text()
    assert page.select_one('[data-chart="trend-data"]') is None


def test_tiles_tag_special_causes_not_every_change(client_for, analyst, council):
    from carelens.metrics import dashboard

    grid = data.grid_for(data.snapshots_with_data()[0])
    page = _soup(client_for(analyst).get("/performance/?month=2025-01"))
    for tile_html in page.select(".carelens-tile"):
        title = tile_html.select_one("h3").get_text(strip=True)
        measure = next(m for m in measures().values() if title.startswith(m.title))
        point = dashboard.trend(grid, measure, "2025-01")[-1]
        tagged = tile_html.select_one(".govuk-tag")
        if grid.cell(measure.id, "", "2025-01") is None or point.label != "2025-01":
            assert tagged is None
        elif point.reason:
            assert tagged and tagged.get_text().lower() == (point.direction or "change")
        else:
            assert tagged is None
