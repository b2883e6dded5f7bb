"""Drill-down to people, work lists and downloads: scoped, audited, and matching the figures."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from carelens.accounts.audit_models import AuditEvent
from carelens.performance import data

pytestmark = pytest.mark.django_db
MONTH = "2024-10"


def _grid():
    return data.grid_for(data.snapshots_with_data()[0])


def _people(response) -> list[tuple[str, str]]:
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    return [(r.select("td")[0].get_text(strip=True), r.select("td")[1].get_text()) for r in rows]


def test_the_people_behind_a_figure_add_up_to_it(client_for, analyst, council):
    response = client_for(analyst).get(
        f"/performance/discharge_to_residential/people/?month={MONTH}&team=Hospital+Discharge+West"
    )
    people = _people(response)
    cell = _grid().cell("discharge_to_residential", "Hospital Discharge West", MONTH)
    assert len(people) == cell["numerator"] > 0
    assert {team for _, team in people} == {"Hospital Discharge West"}


def test_a_practitioner_sees_only_their_teams_people_and_404_for_another_team(
    client_for, practitioner_a, council
):
    client = client_for(practitioner_a)  # North Locality
    listed = _people(client.get(f"/performance/reviews_overdue/people/?month={MONTH}"))
    assert listed and {team for _, team in listed} == {"North Locality"}
    own = listed[0][0]
    assert client.get(f"/people/{own}/").status_code == 200
    event = AuditEvent.objects.filter(object_type="person list").latest("id")
    assert event.action == "view_person" and "reviews_overdue" in event.detail
    # Someone counted for South Locality only: not in scope, so not found.
    others = client_for_other_team_people(client, practitioner_a)
    assert others, "the test council should have someone outside North Locality"
    assert client.get(f"/people/{others[0]}/").status_code == 404


def client_for_other_team_people(client, user):
    """People of South Locality that have no North Locality event, read from the snapshot."""
    from carelens.snapshots.store import connect

    info = data.snapshots_with_data()[0]
    con = connect(info.path)
    try:
        return [
            row[0]
            for row in con.execute(
                """SELECT person_id FROM events GROUP BY person_id
                   HAVING bool_and(Team = 'South Locality') LIMIT 3"""
            ).fetchall()
        ]
    finally:
        con.close()


def test_work_lists_agree_with_their_measures_and_are_scoped(client_for, manager_a, council):
    client = client_for(manager_a)  # North Locality manager
    grid = _grid()
    page = BeautifulSoup(
        client.get(f"/worklists/overdue-reviews/?month={MONTH}").content, "html.parser"
    )
    total = int(page.select_one("#results p").get_text().split()[0].replace(",", ""))
    assert total == grid.cell("reviews_overdue", "North Locality", MONTH)["numerator"]
    teams = {row.select("td")[1].get_text() for row in page.select("tbody tr")}
    assert teams == {"North Locality"}
    days = [int(row.select("td")[5].get_text()) for row in page.select("tbody tr")]
    assert days == sorted(days, reverse=True) and days[-1] >= 0


def test_discharge_work_list_matches_the_numerator(client_for, analyst, council):
    response = client_for(analyst).get(f"/worklists/discharge-care-home/export.csv?month={MONTH}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows.index(["Person", "Team", "Request completed", "Placement"])
    listed = rows[header + 1 :]
    assert len(listed) == _grid().cell("discharge_to_residential", "", MONTH)["numerator"]
    assert AuditEvent.objects.filter(action="export", object_id="discharge-care-home").exists()


def test_long_reablement_lists_only_open_episodes_over_six_weeks(council):
    from carelens.metrics.runner import Runner
    from carelens.metrics.worklists import long_reablement, month_bounds

    info = data.snapshots_with_data()[0]
    with Runner(info.path) as runner:
        found = []
        for month in _grid().months:
            at = month_bounds(month)[1]
            for person_id, _, began, days in long_reablement(runner, at):
                assert days == (at - began).days > 42
                found.append((person_id, at))
            (open_episodes,) = runner.con.execute(
                "SELECT count(*) FROM stmax_episodes WHERE ep_start <= ?::DATE - 43 "
                "AND (ep_end IS NULL OR ep_end > ?)",
                [at, at],
            ).fetchone()
            assert len(long_reablement(runner, at)) <= open_episodes
    assert found, "some episode in two years should pass six weeks"


def test_practitioners_have_no_work_lists_or_downloads(client_for, practitioner_a, council):
    client = client_for(practitioner_a)
    assert client.get("/worklists/").status_code == 403
    assert client.get("/performance/export.csv").status_code == 403


def test_overview_export_says_what_it_shows_and_hides_small_numbers(client_for, analyst, council):
    client = client_for(analyst)
    response = client.get(f"/performance/export.csv?month={MONTH}&team=Mental+Health")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    about = {row[0]: row[1] for row in rows[:6] if len(row) == 2}
    assert about["Snapshot"].startswith(council)
    assert about["Month"] == MONTH and about["Team"] == "Mental Health"
    assert "Generated" in about
    figures = rows[rows.index([]) + 2 :]
    grid = _grid()
    for measure_id, _, unit, value, numerator, *_ in figures:
        cell = grid.cell(measure_id, "Mental Health", MONTH)
        if cell is None:  # no figure: nobody in the denominator
            assert value == numerator == ""
            continue
        small = [cell["numerator"]] + ([cell["denominator"]] if unit == "percent" else [])
        if any(n is not None and 1 <= n <= 4 for n in small):
            assert value == numerator == "[c]"
        elif cell["numerator"] is not None:
            assert int(numerator) == cell["numerator"]
    assert AuditEvent.objects.filter(action="export", object_type="performance overview").exists()


def test_measure_export_as_excel_has_trend_and_team_tables(client_for, analyst, council):
    response = client_for(analyst).get("/performance/discharge_to_residential/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "Measure"
    tables = {row[0] for row in values if row and row[0] in ("trend", "team comparison")}
    assert tables == {"trend", "team comparison"}


def test_exports_neutralise_formulas():
    from carelens.web.exports import table_response

    response = table_response("csv", "x", [("Team", "=HYPERLINK(1)")], ["A"], [["+1", "@x", 3]])
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "'+1" in text and "'@x" in text


@pytest.mark.parametrize(
    ("measure_id", "which", "field"),
    [
        # 2E: settled accommodation is marked for people outside the denominator too.
        ("ascof_2e1", "numerator", "numerator"),
        ("ascof_2e2b", "numerator", "numerator"),
        # A share's denominator is every request, not only the headline split.
        ("new_requests_outcomes", "denominator", "denominator"),
        ("new_requests_outcomes", "numerator", "numerator"),
        ("reablement_episodes", "numerator", "numerator"),
    ],
)
def test_every_drill_down_list_adds_up_to_its_figure(
    client_for, analyst, council, measure_id, which, field
):
    response = client_for(analyst).get(
        f"/performance/{measure_id}/people/?month={MONTH}&which={which}"
    )
    cell = _grid().cell(measure_id, "", MONTH)
    assert len(_people(response)) == cell[field] > 0


def test_overdue_reviews_are_never_negative_and_start_with_the_measure(
    client_for, analyst, council
):
    client = client_for(analyst)
    grid = _grid()
    first = grid.first_month["reviews_overdue"]
    for month in (first, MONTH):
        response = client.get(f"/worklists/overdue-reviews/export.csv?month={month}")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        listed = rows[rows.index([]) + 2 :]
        assert len(listed) == grid.cell("reviews_overdue", "", month)["numerator"]
        for _, _, last_review, began, due, days in listed:
            assert int(days) >= 0 and due > began
            assert last_review == "" or due > last_review
    before = grid.months[grid.months.index(first) - 1]
    page = client.get(f"/worklists/overdue-reviews/?month={before}").content.decode()
    assert "This list starts in" in page and "<tbody" not in page


def test_suppressed_rows_in_a_measure_export_carry_no_limits(client_for, analyst, council):
    grid = _grid()
    measure_id, team = next(
        (m, t)
        for (m, t, _), cell in grid.cells.items()
        if t and m in ("ascof_2a", "discharge_to_reablement")
        if cell["numerator"] is not None and 1 <= cell["numerator"] <= 4
    )
    response = client_for(analyst).get(
        f"/performance/{measure_id}/export.csv?team={team.replace(' ', '+')}"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    table = rows[rows.index([]) + 2 :]
    suppressed = [row for row in table if row[0] == "trend" and row[3] == "[c]"]
    assert suppressed
    for row in suppressed:
        assert row[4] == row[5] == "[c]"
        assert all(value == "" for value in row[9:]), row
    shown = [row for row in table if row[0] == "trend" and row[3] not in ("[c]", "")]
    assert shown and all(row[9] != "" for row in shown)
