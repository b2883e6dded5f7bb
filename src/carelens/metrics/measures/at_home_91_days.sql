-- Reablement episodes after a hospital discharge (65+), still at home 91 days after
-- the episode started: not dead and not placed in a care home by the follow-up date.
WITH p AS (SELECT * FROM params),
cohort AS (
  SELECT e.*, e.ep_start + 91 AS follow_up, pe.dod, pe.gender
  FROM stmax_episodes e JOIN people pe USING (person_id), p
  WHERE age_at(pe.dob, e.ep_start) >= 65
    AND e.ep_start + 91 BETWEEN p.p_start AND p.p_end
    AND NOT coalesce(pe.dod < e.ep_start, false)
    AND EXISTS (
      SELECT 1 FROM su r
      WHERE r.person_id = e.person_id AND r.Event_Type = 'Request'
        AND r.Request_Route_of_Access = 'Discharge from hospital'
        AND r.Event_Start_Date <= e.ep_start AND e.ep_start <= r.end_date + 28)
    AND NOT EXISTS (
      SELECT 1 FROM lts_rows l
      WHERE l.person_id = e.person_id AND l.setting_rank IN (1, 2, 7, 8, 9)
        AND l.Event_Start_Date < e.ep_start
        AND (l.end_date IS NULL OR l.end_date >= e.ep_start))
)
SELECT c.person_id, true AS in_den,
       NOT coalesce(c.dod <= c.follow_up, false) AND NOT EXISTS (
         SELECT 1 FROM res_nursing_rows r
         WHERE r.person_id = c.person_id
           AND r.Event_Start_Date BETWEEN c.ep_start AND c.follow_up) AS in_num,
       NULL::DOUBLE AS amount, '65+' AS age_band, coalesce(c.team, 'Unknown') AS team,
       strftime(c.follow_up, '%Y-%m') AS month, c.gender, NULL::VARCHAR AS split
FROM cohort c
