-- Building blocks that do not depend on the period: built once per run.

-- Service users' unique events (measures.md §0.3).
CREATE OR REPLACE TEMP VIEW su AS
SELECT * FROM unique_events WHERE Client_Type = 'Service user';

-- B5: ST-Max episodes, rows clustered when a row starts within 7 days of the latest
-- end so far (open rows never end). Outcome and team come from the latest-ending row.
CREATE OR REPLACE TEMP TABLE stmax_episodes AS
WITH rows AS (
  SELECT person_id, Event_Start_Date AS s, end_date AS e, Event_Outcome, outcome_rank,
         record_seq, Team,
         outcome_rank + CASE WHEN usable_outcome(Event_Outcome) THEN 0 ELSE 100 END AS rank_2a
  FROM su WHERE Event_Type = 'Service' AND Service_Type = 'Short term support: ST-Max'
),
marked AS (
  SELECT *, max(coalesce(e, DATE '9999-01-01')) OVER (
              PARTITION BY person_id ORDER BY s, coalesce(e, DATE '9999-01-01'), record_seq
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
  FROM rows
),
numbered AS (
  SELECT *, sum(CASE WHEN latest_end_before IS NULL OR s > latest_end_before + 7
                     THEN 1 ELSE 0 END) OVER (
              PARTITION BY person_id ORDER BY s, coalesce(e, DATE '9999-01-01'), record_seq
              ROWS UNBOUNDED PRECEDING) AS episode
  FROM marked
)
SELECT person_id, episode,
       min(s) AS ep_start,
       CASE WHEN bool_or(e IS NULL) THEN NULL ELSE max(e) END AS ep_end,
       arg_max_null(Event_Outcome, (coalesce(e, DATE '9999-01-01'), -rank_2a, record_seq)) AS outcome,
       arg_max_null(outcome_rank, (coalesce(e, DATE '9999-01-01'), -rank_2a, record_seq))
         AS outcome_rank,
       arg_max_null(Team, (coalesce(e, DATE '9999-01-01'), -rank_2a, record_seq)) AS team,
       list(record_seq) AS seqs
FROM numbered GROUP BY person_id, episode;

-- B6: long-term support rows with their setting rank.
CREATE OR REPLACE TEMP VIEW lts_rows AS
SELECT *, setting_rank(Service_Type, Delivery_Mechanism, Service_Component) AS setting_rank
FROM su
WHERE Event_Type = 'Service' AND starts_with(Service_Type, 'Long term support:');

-- B7 step 1 (without the person filters, which depend on the period).
CREATE OR REPLACE TEMP VIEW res_nursing_rows AS
SELECT * FROM su
WHERE Event_Type = 'Service'
  AND Service_Type IN ('Long term support: Residential care', 'Long term support: Nursing care')
  AND Service_Component IN ('Long term residential care', 'Long term nursing care');

-- B8: each request's first service sequel (start from the request start to its end
-- plus 28 days; ties by the SALT STS001 order, then the highest record_seq).
CREATE OR REPLACE TEMP TABLE request_sequels AS
WITH candidates AS (
  SELECT r.record_seq AS request_seq, v.Service_Type, v.Service_Component,
         v.Event_Start_Date, v.record_seq,
         CASE v.Service_Type WHEN 'Short term support: ST-Max' THEN 1
                             WHEN 'Long term support: Nursing care' THEN 2
                             WHEN 'Long term support: Residential care' THEN 3
                             WHEN 'Long term support: Community' THEN 4
                             WHEN 'Long term support: Prison' THEN 5
                             WHEN 'Short term support: Ongoing low level' THEN 6
                             WHEN 'Short term support: Other short term' THEN 7 END AS type_rank
  FROM su r JOIN su v
    ON v.person_id = r.person_id AND v.Event_Type = 'Service'
   AND v.Event_Start_Date >= r.Event_Start_Date
   AND v.Event_Start_Date <= r.end_date + 28
  WHERE r.Event_Type = 'Request'
    AND (starts_with(v.Service_Type, 'Short term support:')
         OR starts_with(v.Service_Type, 'Long term support:'))
)
SELECT request_seq,
       arg_min(Service_Type, (Event_Start_Date, type_rank, -record_seq)) AS first_type,
       arg_min(Service_Component, (Event_Start_Date, type_rank, -record_seq))
         AS first_component
FROM candidates GROUP BY request_seq;
