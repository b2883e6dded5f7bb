"""Every measure and shared view transpiles from DuckDB's SQL to PostgreSQL and parses."""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot.errors import ParseError

from carelens.metrics.catalog import measures, view_scripts

SCRIPTS = [(f"measures/{m.id}.sql", m.sql) for m in measures().values()] + [
    (f"views/{name}", sql) for name, sql in view_scripts()
]


@pytest.mark.parametrize(("name", "sql"), SCRIPTS, ids=[name for name, _ in SCRIPTS])
def test_transpiles_to_postgres_and_parses(name, sql):
    statements = sqlglot.transpile(sql, read="duckdb", write="postgres", pretty=False)
    assert statements, name
    for statement in statements:
        try:
            sqlglot.parse_one(statement, read="postgres")
        except ParseError as error:  # pragma: no cover - the failure message
            pytest.fail(f"{name}: {error}\n{statement[:500]}")


def test_all_required_measure_ids_exist():
    required = {
        "ascof_2a",
        "ascof_2b",
        "ascof_2c",
        "ascof_2e1",
        "ascof_2e2a",
        "ascof_2e2b",
        "ascof_3d1a",
        "ascof_3d2a",
        "lts_people",
        "reviews_overdue",
        "reablement_episodes",
        "reablement_length_days",
        "discharge_to_residential",
        "discharge_to_reablement",
        "at_home_91_days",
        "homecare_hours_week",
        "res_nursing_admissions",
        "weekly_cost_lts",
        "new_requests_outcomes",
    }
    assert set(measures()) == required
    for measure in measures().values():
        assert measure.title and measure.definition and measure.source
