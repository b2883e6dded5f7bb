-- ASCOF 2E2A: all people aged 18-64 in long-term support in the year, living at home or with family.
SELECT person_id, age_band(age) = '18-64' AS in_den, coalesce(settled, false) AS in_num,
       NULL::DOUBLE AS amount, age_band(age) AS age_band, coalesce(team, 'Unknown') AS team,
       NULL::VARCHAR AS month, gender, NULL::VARCHAR AS split
FROM ascof_2e_cohort
WHERE age >= 18
