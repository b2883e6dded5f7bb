-- ASCOF 3D1A: people in community long-term support at P_end receiving self-directed support (direct payments or managed personal budgets).
SELECT person_id, setting_rank BETWEEN 3 AND 6 AS in_den, setting_rank IN (3, 4) AS in_num,
       NULL::DOUBLE AS amount, age_band(age) AS age_band, coalesce(team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, NULL::VARCHAR AS split
FROM lts_at_end
WHERE coalesce(age >= 18, true)
