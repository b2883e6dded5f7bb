-- Planned gross weekly cost of long-term support open at P_end (B9), by row setting.
SELECT person_id, true AS in_den, true AS in_num, weekly_cost AS amount,
       age_band(age) AS age_band, coalesce(Team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, setting_label(setting_rank) AS split
FROM open_service_lines
WHERE starts_with(Service_Type, 'Long term support:') AND weekly_cost IS NOT NULL
  AND coalesce(age >= 18, true)
