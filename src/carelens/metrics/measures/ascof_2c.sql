-- ASCOF 2C: people aged 65+ with a new residential or nursing admission (B7).
SELECT person_id, true AS in_den, band = '65+' AS in_num, NULL::DOUBLE AS amount,
       band AS age_band, coalesce(team, 'Unknown') AS team,
       strftime(first_start, '%Y-%m') AS month, gender, NULL::VARCHAR AS split
FROM new_admissions
