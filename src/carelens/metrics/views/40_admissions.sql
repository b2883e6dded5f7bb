-- B7: new long-term residential or nursing admissions in the period, one row per
-- person (rebuilt for each period: it depends on the latest person details).
CREATE OR REPLACE TEMP TABLE new_admissions AS
WITH p AS (SELECT * FROM params),
eligible AS (
  SELECT r.*, pe.dob, pe.gender FROM res_nursing_rows r JOIN people pe USING (person_id), p
  WHERE pe.dob IS NOT NULL AND (pe.dod IS NULL OR pe.dod >= p.p_start)
),
admissions AS (
  SELECT a.*, age_at(a.dob, a.Event_Start_Date) AS age FROM eligible a, p
  WHERE a.Event_Start_Date BETWEEN p.p_start AND p.p_end
    AND coalesce(a.Event_Outcome, '') != 'NFA: Self-funded client or under 12wk disregard'
    AND NOT EXISTS (
      SELECT 1 FROM eligible o
      WHERE o.person_id = a.person_id AND o.Event_Start_Date < a.Event_Start_Date
        AND (o.end_date IS NULL OR date_diff('day', o.end_date, a.Event_Start_Date) < 365))
)
SELECT person_id,
       CASE WHEN bool_or(age BETWEEN 18 AND 64) THEN '18-64' ELSE '65+' END AS band,
       arg_min(Event_Start_Date, (Event_Start_Date, record_seq)) AS first_start,
       arg_min_null(Team, (Event_Start_Date, record_seq)) AS team,
       any_value(gender) AS gender
FROM admissions WHERE age >= 18
GROUP BY person_id;
