-- ST-Max episodes (B5) ending in the period; new and existing clients alike.
SELECT person_id, true AS in_den, true AS in_num,
       CAST(date_diff('day', ep_start, ep_end) + 1 AS DOUBLE) AS amount,
       age_band(age) AS age_band, coalesce(team, 'Unknown') AS team,
       strftime(ep_end, '%Y-%m') AS month, gender, NULL::VARCHAR AS split
FROM reablement_in_period
