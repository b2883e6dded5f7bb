-- ST-Max episodes (B5) ending in the period; new and existing clients alike.
SELECT e.person_id, true AS in_den, true AS in_num,
       CAST(date_diff('day', e.ep_start, e.ep_end) + 1 AS DOUBLE) AS amount,
       age_band(age_at(pe.dob, e.ep_end)) AS age_band,
       coalesce(e.team, 'Unknown') AS team,
       strftime(e.ep_end, '%Y-%m') AS month,
       pe.gender,
       NULL::VARCHAR AS split
FROM stmax_episodes e JOIN people pe USING (person_id), params p
WHERE e.ep_end BETWEEN p.p_start AND p.p_end
  AND coalesce(age_at(pe.dob, e.ep_end) >= 18, true)
