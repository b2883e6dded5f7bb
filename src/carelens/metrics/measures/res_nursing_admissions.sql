-- People with a new long-term residential or nursing admission in the period (B7).
SELECT person_id, true AS in_den, true AS in_num, NULL::DOUBLE AS amount,
       band AS age_band, coalesce(team, 'Unknown') AS team,
       strftime(first_start, '%Y-%m') AS month, gender, NULL::VARCHAR AS split
FROM new_admissions
