-- Hospital discharges going straight to a care home: hospital-discharge requests
-- ending in the period whose first service (B8) is a long-term residential or
-- nursing placement (type and component, as B7 step 1).
SELECT person_id, true AS in_den,
       coalesce(first_type IN ('Long term support: Residential care',
                               'Long term support: Nursing care')
                AND first_component IN ('Long term residential care',
                                        'Long term nursing care'), false) AS in_num,
       NULL::DOUBLE AS amount, age_band(age) AS age_band, coalesce(Team, 'Unknown') AS team,
       strftime(end_date, '%Y-%m') AS month, gender, NULL::VARCHAR AS split
FROM discharge_requests
