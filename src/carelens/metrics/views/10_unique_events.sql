-- B2 and cld.md §9.2-9.3: one row per unique event across all submissions.
-- Every non-CKBA accepted row with a person, with the columns measures use;
-- `end_date` is the derived end date, cropped to an earlier submission's period
-- end for services that vanish from later submissions (§9.3; never the latest
-- submission's rows). Only rows whose key is shared go through the tie-break sort.
CREATE OR REPLACE TEMP TABLE unique_events AS
WITH base AS (
  SELECT record_seq, LA_Code, person_id, Client_Type, Event_Type, Event_Start_Date,
         event_end_date_derived, Reporting_Period_Start_Date, Reporting_Period_End_Date,
         Request_Route_of_Access, Assessment_Type, Service_Type, Service_Component,
         Delivery_Mechanism, Event_Outcome, outcome_rank, conversation_flag, Review_Reason,
         Team, Date_of_Birth, Date_of_Death, Gender, Ethnicity, Primary_Support_Reason,
         Accommodation_Status,
         -- the §9.2 key: the same event in any submission
         {'la': LA_Code, 'person': person_id, 'client': Client_Type, 'type': Event_Type,
          'start': Event_Start_Date,
          'end': CASE WHEN Event_Type IN ('Request', 'Assessment', 'Review')
                      THEN event_end_date_derived END,
          'kind': CASE Event_Type WHEN 'Request' THEN Request_Route_of_Access
                                  WHEN 'Assessment' THEN Assessment_Type END,
          'service': CASE WHEN Event_Type = 'Service' THEN Service_Type END,
          'component': CASE WHEN Event_Type = 'Service' THEN Service_Component END}
           AS event_key
  FROM events
  WHERE Event_Type IS NOT NULL AND person_id IS NOT NULL
),
hashed AS (SELECT *, hash(event_key) AS key_hash FROM base),
shared AS (SELECT key_hash FROM hashed GROUP BY key_hash HAVING count(*) > 1),
latest AS (SELECT max(Reporting_Period_End_Date) AS rpe FROM events),
single AS (
  SELECT b.* FROM hashed b ANTI JOIN shared s USING (key_hash)
),
several AS (
  SELECT b.* FROM hashed b SEMI JOIN shared s USING (key_hash)
),
keyed AS (
  -- The hash finds candidates; the exact key decides.
  SELECT v.*,
         max(v.Reporting_Period_End_Date) OVER w AS key_latest_rpe,
         count(*) OVER w AS copies
  FROM several v
  WINDOW w AS (PARTITION BY v.event_key)
),
all_rows AS (
  SELECT s.*, s.Reporting_Period_End_Date AS key_latest_rpe FROM single s
  UNION ALL
  SELECT * EXCLUDE (copies) FROM keyed
),
cropped AS (
  SELECT a.*,
         CASE WHEN a.Event_Type = 'Service'
                   AND a.Reporting_Period_End_Date < (SELECT rpe FROM latest)
                   AND a.key_latest_rpe = a.Reporting_Period_End_Date
                   AND (a.event_end_date_derived IS NULL
                        OR a.event_end_date_derived > a.Reporting_Period_End_Date)
              THEN a.Reporting_Period_End_Date
              ELSE a.event_end_date_derived END AS end_date
  FROM all_rows a
),
ranked AS (
  SELECT c.*, row_number() OVER (PARTITION BY c.event_key
         -- the tie-break uses the derived end date, not the §9.3-cropped one
         ORDER BY c.Reporting_Period_End_Date DESC, (c.event_end_date_derived IS NULL) DESC,
                  c.event_end_date_derived DESC, c.outcome_rank ASC, c.conversation_flag DESC,
                  c.record_seq DESC) AS k
  FROM cropped c SEMI JOIN shared s USING (key_hash)
)
SELECT * EXCLUDE (event_key, key_hash, key_latest_rpe)
FROM cropped ANTI JOIN shared s USING (key_hash)
UNION ALL
SELECT * EXCLUDE (event_key, key_hash, key_latest_rpe, k) FROM ranked WHERE k = 1;
