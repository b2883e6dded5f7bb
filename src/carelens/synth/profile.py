"""Realism figures of an imported council, to compare with what English councils report.

These are plain descriptive figures over a snapshot's `events` table (not the
measures engine's exact national definitions): enough to show that the
synthetic council looks like a real one, and used by its tests.
"""

from __future__ import annotations

import datetime as dt

LTS_AT = """
  SELECT * FROM events
  WHERE starts_with(Service_Type, 'Long term support:')
    AND Event_Start_Date <= $d AND coalesce(event_end_date_derived, $d) >= $d
"""


def profile(con, at: dt.date, first_year: tuple[dt.date, dt.date]) -> dict:
    """Figures at the date `at`, and hospital-discharge figures over `first_year`."""
    params = {"d": at}
    figures: dict = {}
    people = con.execute(
        f"""WITH lts AS ({LTS_AT})
            SELECT count(DISTINCT person_id),
                   count(DISTINCT person_id) FILTER (
                     WHERE date_diff('year', Date_of_Birth, $d) >= 65)
            FROM lts""",
        params,
    ).fetchone()
    figures["lts_people"] = people[0]
    figures["lts_share_65_plus"] = people[1] / people[0]
    figures["lts_psr"] = dict(
        con.execute(
            f"""WITH lts AS ({LTS_AT})
                SELECT Primary_Support_Reason, count(DISTINCT person_id) AS n FROM lts
                GROUP BY 1 ORDER BY n DESC""",
            params,
        ).fetchall()
    )
    figures["homecare_mean_hours"] = con.execute(
        f"""WITH lts AS ({LTS_AT})
            SELECT avg(Planned_units_per_week) FROM lts
            WHERE Service_Component = 'Home support or domiciliary care'
              AND Cost_Frequency_Unit_Type = 'Hourly'""",
        params,
    ).fetchone()[0]
    figures["unit_costs"] = {
        component: (float(low), float(high))
        for component, low, high in con.execute(
            """SELECT Service_Component, min(Unit_Cost), max(Unit_Cost) FROM events
               WHERE Service_Component IN ('Home support or domiciliary care',
                 'Long term residential care', 'Long term nursing care')
               GROUP BY 1"""
        ).fetchall()
    }
    community = con.execute(
        f"""WITH lts AS ({LTS_AT})
            SELECT count(DISTINCT person_id),
                   count(DISTINCT person_id) FILTER (WHERE Delivery_Mechanism = 'Direct payment')
            FROM lts WHERE Service_Type = 'Long term support: Community'""",
        params,
    ).fetchone()
    figures["direct_payment_share"] = community[1] / community[0]
    figures["lts_without_review_12_months"] = without_review(con, at)
    share, count = discharge_to_care_home(con, *first_year)
    figures["discharges_first_year"] = count
    figures["discharge_to_care_home_first_year"] = share
    return figures


def without_review(con, at: dt.date) -> float:
    """Share of people in long-term support for over a year with no review in the last year."""
    reviewed = con.execute(
        f"""WITH lts AS ({LTS_AT}),
            long_standing AS (
              SELECT person_id FROM events
              WHERE starts_with(Service_Type, 'Long term support:')
              GROUP BY 1 HAVING min(Event_Start_Date) < $d - INTERVAL 12 MONTH),
            cohort AS (
              SELECT DISTINCT person_id FROM lts SEMI JOIN long_standing USING (person_id)),
            recent AS (
              SELECT DISTINCT person_id FROM events
              WHERE Event_Type = 'Review' AND Review_Reason != 'Review of short term support'
                AND Event_End_Date BETWEEN $d - INTERVAL 12 MONTH AND $d)
            SELECT count(*), count(*) FILTER (WHERE r.person_id IS NULL)
            FROM cohort c LEFT JOIN recent r USING (person_id)""",
        {"d": at},
    ).fetchone()
    return reviewed[1] / reviewed[0]


def discharge_to_care_home(
    con, start: dt.date, end: dt.date, team: str | None = None
) -> tuple[float, int]:
    """Share of hospital-discharge requests ending in [start, end] whose first service
    (within 28 days) is a long-term care home placement; and how many requests."""
    row = con.execute(
        """WITH requests AS (
             SELECT _seq, person_id, Event_Start_Date AS s, Event_End_Date AS e FROM events
             WHERE Event_Type = 'Request' AND Request_Route_of_Access = 'Discharge from hospital'
               AND Event_End_Date BETWEEN $a AND $b AND ($team IS NULL OR Team = $team)),
           sequels AS (
             SELECT r._seq, arg_min(v.Service_Component, v.Event_Start_Date) AS first_component
             FROM requests r JOIN events v
               ON v.person_id = r.person_id AND v.Event_Type = 'Service'
              AND v.Event_Start_Date BETWEEN r.s AND r.e + 28
              AND NOT starts_with(v.Service_Type, 'Unpaid carer')
             GROUP BY 1)
           SELECT count(*), count(*) FILTER (
             WHERE first_component IN ('Long term residential care', 'Long term nursing care'))
           FROM requests LEFT JOIN sequels USING (_seq)""",
        {"a": start, "b": end, "team": team},
    ).fetchone()
    return row[1] / row[0], row[0]


def reablement_share(con, start: dt.date, end: dt.date) -> float:
    """Share of requests ending in [start, end] that went on to reablement."""
    row = con.execute(
        """SELECT count(*) FILTER (WHERE Event_Outcome = 'Progress to reablement/ST-Max'),
                  count(*)
           FROM events WHERE Event_Type = 'Request' AND Event_End_Date BETWEEN $a AND $b""",
        {"a": start, "b": end},
    ).fetchone()
    return row[0] / row[1]


def new_homecare_hours(con, start: dt.date, end: dt.date) -> float:
    """Mean planned weekly hours of home care packages starting in [start, end]."""
    return con.execute(
        """SELECT avg(Planned_units_per_week) FROM events
           WHERE Service_Component = 'Home support or domiciliary care'
             AND Cost_Frequency_Unit_Type = 'Hourly'
             AND Event_Start_Date BETWEEN $a AND $b""",
        {"a": start, "b": end},
    ).fetchone()[0]
