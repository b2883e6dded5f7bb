-- Planned home care hours a week in long-term community support open at P_end (B9).
SELECT person_id, true AS in_den,
       Cost_Frequency_Unit_Type = 'Hourly' AND Planned_units_per_week IS NOT NULL AS in_num,
       CASE WHEN Cost_Frequency_Unit_Type = 'Hourly' THEN Planned_units_per_week END AS amount,
       age_band(age) AS age_band, coalesce(Team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, NULL::VARCHAR AS split
FROM open_service_lines
WHERE Service_Type = 'Long term support: Community'
  AND Service_Component = 'Home support or domiciliary care'
  AND coalesce(age >= 18, true)
