-- Requests from new clients completed in the period, by what happened next.
WITH p AS (SELECT * FROM params),
requests AS (
  SELECT r.*, pe.dob, pe.gender FROM su r JOIN people pe USING (person_id), p
  WHERE r.Event_Type = 'Request' AND r.end_date BETWEEN p.p_start AND p.p_end
    AND coalesce(age_at(pe.dob, r.end_date) >= 18, true)
    AND NOT EXISTS (
      SELECT 1 FROM lts_rows l
      WHERE l.person_id = r.person_id AND l.Event_Start_Date <= r.Event_Start_Date
        AND (l.end_date IS NULL OR l.end_date >= r.Event_Start_Date))
),
followed AS (
  -- step 2: the latest-ending NFA outcome of assessments and reviews that followed
  SELECT q.record_seq,
         CASE WHEN count(DISTINCT v.Event_Outcome) FILTER (WHERE v.end_date = last_end) > 1
              THEN 'NFA: Other'
              ELSE min(v.Event_Outcome) FILTER (WHERE v.end_date = last_end) END AS outcome
  FROM requests q
  JOIN su v ON v.person_id = q.person_id AND v.Event_Type IN ('Assessment', 'Review')
   AND v.Event_Start_Date BETWEEN q.Event_Start_Date AND q.end_date + 28
   AND starts_with(v.Event_Outcome, 'NFA:')
  JOIN (
    SELECT q2.record_seq, max(v2.end_date) AS last_end FROM requests q2
    JOIN su v2 ON v2.person_id = q2.person_id AND v2.Event_Type IN ('Assessment', 'Review')
     AND v2.Event_Start_Date BETWEEN q2.Event_Start_Date AND q2.end_date + 28
     AND starts_with(v2.Event_Outcome, 'NFA:')
    GROUP BY q2.record_seq) l ON l.record_seq = q.record_seq
  GROUP BY q.record_seq
),
grouped AS (
  SELECT q.*,
         CASE s.first_type
           WHEN 'Short term support: ST-Max' THEN 'ST-Max'
           WHEN 'Long term support: Nursing care' THEN 'Long term: nursing'
           WHEN 'Long term support: Residential care' THEN 'Long term: residential'
           WHEN 'Long term support: Community' THEN 'Long term: community'
           WHEN 'Long term support: Prison' THEN 'Long term: prison'
           WHEN 'Short term support: Ongoing low level' THEN 'Short term: ongoing low level'
           WHEN 'Short term support: Other short term' THEN 'Short term: other'
           ELSE CASE coalesce(f.outcome, q.Event_Outcome)
             WHEN 'NFA: Referral to NHS services or NHS funded social care'
               THEN 'NHS funded care'
             WHEN 'NFA: Information and advice or signposting'
               THEN 'Universal services / signposting'
             WHEN 'NFA: Deceased' THEN 'No services: deceased'
             ELSE CASE WHEN starts_with(coalesce(f.outcome, q.Event_Outcome), 'NFA:')
                       THEN 'No services: other reason' ELSE 'Unable to classify' END
           END
         END AS outcome_group
  FROM requests q
  LEFT JOIN request_sequels s ON s.request_seq = q.record_seq
  LEFT JOIN followed f ON f.record_seq = q.record_seq
)
SELECT person_id, true AS in_den, true AS in_num, NULL::DOUBLE AS amount,
       age_band(age_at(dob, end_date)) AS age_band, coalesce(Team, 'Unknown') AS team,
       strftime(end_date, '%Y-%m') AS month, gender, outcome_group AS split
FROM grouped
