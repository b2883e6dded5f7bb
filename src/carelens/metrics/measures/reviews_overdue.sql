-- People in long-term support at P_end for over 12 months (current spell) with no
-- completed review in the 12 months to P_end.
WITH p AS (SELECT * FROM params),
rows AS (
  SELECT l.person_id, l.Event_Start_Date AS s, l.end_date AS e, l.record_seq
  FROM lts_rows l SEMI JOIN lts_at_end a USING (person_id), p
  WHERE l.Event_Start_Date <= p.p_end
),
marked AS (
  SELECT *, max(coalesce(e, DATE '9999-01-01')) OVER (
              PARTITION BY person_id ORDER BY s, record_seq
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
  FROM rows
),
spells AS (
  SELECT *, sum(CASE WHEN latest_end_before IS NULL OR s > latest_end_before + 1
                     THEN 1 ELSE 0 END) OVER (
              PARTITION BY person_id ORDER BY s, record_seq ROWS UNBOUNDED PRECEDING) AS spell
  FROM marked
),
current_spell AS (
  SELECT sp.person_id, min(sp.s) AS spell_start
  FROM spells sp JOIN (
    SELECT DISTINCT person_id, spell FROM spells, p
    WHERE s <= p.p_end AND (e IS NULL OR e >= p.p_end)) c USING (person_id, spell)
  GROUP BY sp.person_id
),
reviewed AS (
  SELECT DISTINCT r.person_id FROM su r, p
  WHERE r.Event_Type = 'Review'
    AND coalesce(r.Review_Reason, '') != 'Review of short term support'
    AND r.end_date BETWEEN CAST(p.p_end - INTERVAL 12 MONTH AS DATE) AND p.p_end
)
SELECT a.person_id, true AS in_den, v.person_id IS NULL AS in_num, NULL::DOUBLE AS amount,
       age_band(a.age) AS age_band, coalesce(a.team, 'Unknown') AS team,
       NULL::VARCHAR AS month, a.gender, NULL::VARCHAR AS split,
       c.spell_start  -- for the work list: when the current spell of support began
FROM lts_at_end a
JOIN current_spell c USING (person_id)
LEFT JOIN reviewed v USING (person_id), p
WHERE coalesce(a.age >= 18, true)
  AND c.spell_start < CAST(p.p_end - INTERVAL 12 MONTH AS DATE)
