-- Hospital discharges going straight to a care home: hospital-discharge requests ending in the period, by first service sequel (B8).
SELECT r.person_id, true AS in_den,
       coalesce(q.first_type IN ('Long term support: Residential care', 'Long term support: Nursing care')
         AND q.first_component IN ('Long term residential care', 'Long term nursing care'), false) AS in_num,
       NULL::DOUBLE AS amount, age_band(age_at(pe.dob, r.end_date)) AS age_band,
       coalesce(r.Team, 'Unknown') AS team, strftime(r.end_date, '%Y-%m') AS month,
       pe.gender, NULL::VARCHAR AS split
FROM su r JOIN people pe USING (person_id)
LEFT JOIN request_sequels q ON q.request_seq = r.record_seq, params p
WHERE r.Event_Type = 'Request' AND r.Request_Route_of_Access = 'Discharge from hospital'
  AND r.end_date BETWEEN p.p_start AND p.p_end
  AND coalesce(age_at(pe.dob, r.end_date) >= 18, true)
