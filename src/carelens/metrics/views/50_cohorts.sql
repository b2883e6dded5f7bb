-- Cohorts of long-term support shared by several measures (tables rebuilt for each
-- period: they depend on it and on the latest person details).

-- B6: people in long-term support at P_end, one setting each (the best rank), with
-- the defining row's team (ties: latest start, then highest record_seq).
CREATE OR REPLACE TEMP TABLE lts_at_end AS
WITH p AS (SELECT * FROM params),
open_rows AS (
  SELECT l.* FROM lts_rows l JOIN people pe USING (person_id), p
  WHERE l.Event_Start_Date <= p.p_end AND (l.end_date IS NULL OR l.end_date >= p.p_end)
    AND (pe.dod IS NULL OR pe.dod >= p.p_end)
)
SELECT o.person_id,
       min(o.setting_rank) AS setting_rank,
       arg_min_null(o.Team, (o.setting_rank, -epoch(o.Event_Start_Date), -o.record_seq))
         AS team,
       any_value(age_at(pe.dob, p.p_end)) AS age,
       any_value(pe.gender) AS gender
FROM open_rows o JOIN people pe USING (person_id), p
GROUP BY o.person_id;

-- ASCOF 2E cohort: people with long-term support active in the year, alive at its
-- start, aged at the end of their latest long-term service in the year (or P_end).
CREATE OR REPLACE TEMP TABLE ascof_2e_cohort AS
WITH p AS (SELECT * FROM params),
active AS (
  SELECT l.* FROM lts_rows l, p
  WHERE l.Event_Start_Date <= p.p_end AND (l.end_date IS NULL OR l.end_date >= p.p_start)
)
SELECT a.person_id,
       age_at(any_value(pe.dob), max(least(coalesce(a.end_date, p.p_end), p.p_end))) AS age,
       arg_max_null(a.Team, (a.Event_Start_Date, a.record_seq)) AS team,
       any_value(pe.gender) AS gender,
       any_value(pe.psr) AS psr,
       any_value(pe.settled) AS settled
FROM active a JOIN people pe USING (person_id), p
WHERE pe.dod IS NULL OR pe.dod >= p.p_start
GROUP BY a.person_id;

-- B9: the latest submission's service-user Service rows open at P_end, of people alive
-- then (accepted rows, not unique events: separate cost lines stay separate).
CREATE OR REPLACE TEMP TABLE open_service_lines AS
WITH p AS (SELECT * FROM params),
submission AS (
  SELECT max(e.Reporting_Period_End_Date) AS rpe FROM events e, p
  WHERE e.Reporting_Period_Start_Date <= p.p_end AND p.p_end <= e.Reporting_Period_End_Date
)
SELECT e.person_id, e.Team, e.Service_Type, e.Service_Component, e.Cost_Frequency_Unit_Type,
       e.Planned_units_per_week, e.weekly_cost,
       setting_rank(e.Service_Type, e.Delivery_Mechanism, e.Service_Component) AS setting_rank,
       age_at(pe.dob, p.p_end) AS age, pe.gender
FROM events e JOIN people pe USING (person_id), p, submission s
WHERE e.Reporting_Period_End_Date = s.rpe AND e.Reporting_Period_Start_Date <= p.p_end
  AND e.Client_Type = 'Service user' AND e.Event_Type = 'Service'
  AND e.Event_Start_Date <= p.p_end
  AND (e.event_end_date_derived IS NULL OR e.event_end_date_derived >= p.p_end)
  AND (pe.dod IS NULL OR pe.dod >= p.p_end);

-- Reablement episodes (B5) ending in the period, of people 18+ or of unknown age.
CREATE OR REPLACE TEMP TABLE reablement_in_period AS
SELECT e.*, pe.gender, age_at(pe.dob, e.ep_end) AS age
FROM stmax_episodes e JOIN people pe USING (person_id), params p
WHERE e.ep_end BETWEEN p.p_start AND p.p_end AND coalesce(age_at(pe.dob, e.ep_end) >= 18, true);

-- Hospital-discharge requests ending in the period, with their first service (B8).
CREATE OR REPLACE TEMP TABLE discharge_requests AS
SELECT r.person_id, r.Team, r.end_date, pe.gender, age_at(pe.dob, r.end_date) AS age,
       q.first_type, q.first_component
FROM su r JOIN people pe USING (person_id)
LEFT JOIN request_sequels q ON q.request_seq = r.record_seq, params p
WHERE r.Event_Type = 'Request' AND r.Request_Route_of_Access = 'Discharge from hospital'
  AND r.end_date BETWEEN p.p_start AND p.p_end
  AND coalesce(age_at(pe.dob, r.end_date) >= 18, true);
