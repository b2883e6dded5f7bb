-- Hospital discharges going to reablement: hospital-discharge requests ending in the
-- period whose first service (B8) is reablement (ST-Max).
SELECT person_id, true AS in_den,
       coalesce(first_type = 'Short term support: ST-Max', false) AS in_num,
       NULL::DOUBLE AS amount, age_band(age) AS age_band, coalesce(Team, 'Unknown') AS team,
       strftime(end_date, '%Y-%m') AS month, gender, NULL::VARCHAR AS split
FROM discharge_requests
