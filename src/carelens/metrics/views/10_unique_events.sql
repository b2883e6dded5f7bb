-- B2 and cld.md §9.2-9.3: one row per unique event across all submissions.
-- Every non-CKBA accepted row with a person; `end_date` is the derived end date,
-- cropped to an earlier submission's period end for services that vanish from
-- later submissions (§9.3; never the latest submission's rows).
CREATE OR REPLACE TEMP TABLE unique_events AS
WITH latest AS (SELECT max(Reporting_Period_End_Date) AS rpe FROM events),
keyed AS (
  SELECT e.*,
         max(e.Reporting_Period_End_Date) OVER (PARTITION BY
           e.LA_Code, e.person_id, e.Client_Type, e.Event_Type, e.Event_Start_Date,
           CASE WHEN e.Event_Type IN ('Request', 'Assessment', 'Review')
                THEN e.event_end_date_derived END,
           CASE e.Event_Type WHEN 'Request' THEN e.Request_Route_of_Access
                             WHEN 'Assessment' THEN e.Assessment_Type END,
           CASE WHEN e.Event_Type = 'Service' THEN e.Service_Type END,
           CASE WHEN e.Event_Type = 'Service' THEN e.Service_Component END) AS key_latest_rpe
  FROM events e
  WHERE e.Event_Type IS NOT NULL AND e.person_id IS NOT NULL
),
cropped AS (
  SELECT k.*,
         CASE WHEN k.Event_Type = 'Service'
                   AND k.Reporting_Period_End_Date < (SELECT rpe FROM latest)
                   AND k.key_latest_rpe = k.Reporting_Period_End_Date
                   AND (k.event_end_date_derived IS NULL
                        OR k.event_end_date_derived > k.Reporting_Period_End_Date)
              THEN k.Reporting_Period_End_Date
              ELSE k.event_end_date_derived END AS end_date
  FROM keyed k
),
ranked AS (
  SELECT c.*, row_number() OVER (PARTITION BY
           c.LA_Code, c.person_id, c.Client_Type, c.Event_Type, c.Event_Start_Date,
           CASE WHEN c.Event_Type IN ('Request', 'Assessment', 'Review')
                THEN c.event_end_date_derived END,
           CASE c.Event_Type WHEN 'Request' THEN c.Request_Route_of_Access
                             WHEN 'Assessment' THEN c.Assessment_Type END,
           CASE WHEN c.Event_Type = 'Service' THEN c.Service_Type END,
           CASE WHEN c.Event_Type = 'Service' THEN c.Service_Component END
         ORDER BY c.Reporting_Period_End_Date DESC, (c.end_date IS NULL) DESC,
                  c.end_date DESC, c.outcome_rank ASC, c.conversation_flag DESC,
                  c.record_seq DESC) AS k
  FROM cropped c
)
SELECT * EXCLUDE (k, key_latest_rpe) FROM ranked WHERE k = 1;
