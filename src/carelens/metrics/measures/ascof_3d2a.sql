-- ASCOF 3D2A: people in community long-term support at P_end receiving direct payments.
SELECT person_id, setting_rank BETWEEN 3 AND 6 AS in_den, setting_rank = 3 AS in_num,
       NULL::DOUBLE AS amount, age_band(age) AS age_band, coalesce(team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, NULL::VARCHAR AS split
FROM lts_at_end
WHERE coalesce(age >= 18, true)
