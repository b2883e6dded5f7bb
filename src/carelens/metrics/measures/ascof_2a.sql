-- ASCOF 2A: ST-Max episodes ending in the period, of new clients, by sequel.
-- One row per episode; in_den / in_num per measures.md steps 1-8.
WITH p AS (SELECT * FROM params),
ep AS (
  SELECT e.*, pe.dod, pe.gender, age_at(pe.dob, e.ep_end) AS age
  FROM stmax_episodes e JOIN people pe USING (person_id), p
  WHERE e.ep_end BETWEEN p.p_start AND p.p_end
),
scoped AS (
  SELECT * FROM ep
  WHERE (age IS NULL OR age >= 18)
    AND NOT coalesce(dod < ep_start, false)
    AND NOT EXISTS (
      SELECT 1 FROM lts_rows l
      WHERE l.person_id = ep.person_id AND l.Event_Start_Date < ep.ep_start
        AND (l.end_date IS NULL OR l.end_date > ep.ep_start - 91))
),
win AS (
  SELECT s.person_id, s.episode, v.Event_Type, v.Service_Type, v.Service_Component,
         v.Event_Outcome, v.outcome_rank
  FROM scoped s JOIN su v
    ON v.person_id = s.person_id
   AND v.Event_Start_Date >= s.ep_start AND v.Event_Start_Date <= s.ep_end + 7
   AND (v.end_date IS NULL OR v.end_date > s.ep_end)
   AND NOT list_contains(s.seqs, v.record_seq)
),
win_service AS (
  SELECT person_id, episode,
         arg_min(CASE WHEN Service_Type = 'Short term support: Other short term'
                       AND Service_Component IN ('Short term residential care',
                                                 'Short term nursing care')
                      THEN 'Short term support: Residential or Nursing care'
                      ELSE Service_Type END,
                 (service_type_rank(Service_Type),
                  Service_Component NOT IN ('Short term residential care',
                                            'Short term nursing care'))) AS sequel
  FROM win
  WHERE Event_Type = 'Service' AND service_type_rank(Service_Type) IS NOT NULL
  GROUP BY person_id, episode
),
win_info AS (
  SELECT person_id, episode,
         bool_or(Event_Type IN ('Request', 'Assessment', 'Review')
                 AND coalesce(Event_Outcome, '') != 'NFA: Support ended as planned')
           AS other_outcome
  FROM win GROUP BY person_id, episode
),
candidates AS (
  -- (a) the episode's own outcome
  SELECT s.person_id, s.episode, s.outcome AS o, s.outcome_rank AS r
  FROM scoped s LEFT JOIN win_info w USING (person_id, episode)
  WHERE w.person_id IS NULL OR w.other_outcome
  UNION ALL
  -- (b) the window's requests, assessments and reviews
  SELECT person_id, episode, Event_Outcome, outcome_rank FROM win
  WHERE Event_Type IN ('Request', 'Assessment', 'Review')
    AND coalesce(Event_Outcome, '') != 'NFA: Support ended as planned'
  UNION ALL
  -- (c) the latest-ending assessment or review with a usable outcome near the end
  SELECT s.person_id, s.episode,
         arg_max(v.Event_Outcome, (v.end_date, -v.outcome_rank, v.record_seq)),
         arg_max(v.outcome_rank, (v.end_date, -v.outcome_rank, v.record_seq))
  FROM scoped s JOIN su v
    ON v.person_id = s.person_id AND v.Event_Type IN ('Assessment', 'Review')
   AND v.Event_Start_Date >= s.ep_start AND v.end_date > s.ep_start
   AND v.end_date <= s.ep_end AND v.end_date > s.ep_end - 14
   AND usable_outcome(v.Event_Outcome)
  GROUP BY s.person_id, s.episode
),
best AS (
  SELECT person_id, episode, arg_min(o, r) AS o FROM candidates
  WHERE usable_outcome(o) GROUP BY person_id, episode
),
equipment AS (
  SELECT DISTINCT s.person_id, s.episode FROM scoped s JOIN su v
    ON v.person_id = s.person_id AND v.Event_Type = 'Service'
   AND v.Service_Component = 'Equipment' AND NOT list_contains(s.seqs, v.record_seq)
   AND v.Event_Start_Date >= s.ep_start AND v.end_date > s.ep_start
   AND v.end_date <= s.ep_end
),
sequels AS (
  SELECT s.*,
         CASE WHEN s.dod <= s.ep_end + 7 THEN 'NFA: Deceased'
              WHEN s.outcome = 'Admitted to hospital' THEN 'Admitted to hospital'
              WHEN ws.sequel IS NOT NULL THEN ws.sequel
              WHEN b.o IS NOT NULL THEN b.o
              WHEN q.person_id IS NOT NULL THEN 'Short term support: Ongoing low level'
              ELSE s.outcome END AS sequel
  FROM scoped s
  LEFT JOIN win_service ws USING (person_id, episode)
  LEFT JOIN best b USING (person_id, episode)
  LEFT JOIN equipment q USING (person_id, episode)
)
SELECT person_id,
       sequel IN (
         'Long term support: Community', 'Long term support: Nursing care',
         'Long term support: Residential care', 'Long term support: Prison',
         'Short term support: Ongoing low level', 'Short term support: Other short term',
         'Short term support: Residential or Nursing care',
         'NFA: Information and advice or signposting', 'NFA: Support ended as planned',
         'NFA: Responsibility moved to another local authority', 'NFA: Other',
         'NFA: No services offered for other reason', 'NFA: Support ended for other reason',
         'NFA: Referral to other service within the local authority') AS in_den,
       sequel IN (
         'Short term support: Ongoing low level', 'Short term support: Other short term',
         'NFA: Information and advice or signposting', 'NFA: Support ended as planned',
         'NFA: Responsibility moved to another local authority', 'NFA: Other',
         'NFA: No services offered for other reason', 'NFA: Support ended for other reason',
         'NFA: Referral to other service within the local authority') AS in_num,
       NULL::DOUBLE AS amount,
       age_band(age) AS age_band,
       coalesce(team, 'Unknown') AS team,
       strftime(ep_end, '%Y-%m') AS month,
       gender,
       NULL::VARCHAR AS split
FROM sequels
