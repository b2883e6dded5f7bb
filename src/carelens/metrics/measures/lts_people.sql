-- People in long-term support at P_end, one setting each (B6), split by setting.
SELECT person_id, true AS in_den, true AS in_num, NULL::DOUBLE AS amount,
       age_band(age) AS age_band, coalesce(team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, setting_label(setting_rank) AS split
FROM lts_at_end
WHERE coalesce(age >= 18, true)
