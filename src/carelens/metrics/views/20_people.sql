-- B3 latest person details and B4 ages, as at the period end (params.p_end).
-- For each attribute the person's top-ranked rows decide; if they disagree, the
-- conflict value is used. Accommodation left Unknown is deduced from services.
CREATE OR REPLACE TEMP TABLE people AS
WITH r AS (
  SELECT u.* FROM unique_events u, params p WHERE u.Event_Start_Date <= p.p_end
),
dob AS (
  SELECT person_id,
         first(Date_of_Birth ORDER BY Date_of_Birth IS NULL, Reporting_Period_End_Date DESC,
               date_trunc('month', Date_of_Birth)) AS dob,
         first(Date_of_Death ORDER BY Date_of_Death IS NULL, Reporting_Period_End_Date DESC,
               Date_of_Death DESC) AS dod
  FROM r GROUP BY person_id
),
gender AS (
  SELECT person_id, CASE WHEN count(DISTINCT Gender) > 1 THEN 'Unknown'
                         ELSE coalesce(min(Gender), 'Unknown') END AS gender
  FROM (SELECT person_id, Gender, rank() OVER (PARTITION BY person_id ORDER BY
          (Gender IS NULL OR Gender = 'Unknown'), Reporting_Period_End_Date DESC,
          (end_date IS NULL) DESC, end_date DESC, Event_Start_Date DESC) AS rk FROM r)
  WHERE rk = 1 GROUP BY person_id
),
ethnicity AS (
  SELECT person_id,
         CASE WHEN count(DISTINCT Ethnicity) > 1 THEN 'No data: Undeclared or not known'
              ELSE coalesce(min(Ethnicity), 'No data: Undeclared or not known') END
           AS ethnicity
  FROM (SELECT person_id, Ethnicity, rank() OVER (PARTITION BY person_id ORDER BY
          CASE WHEN Ethnicity IS NULL OR Ethnicity = 'No data: Undeclared or not known' THEN 3
               WHEN Ethnicity = 'No data: Refused' THEN 2 ELSE 1 END,
          Reporting_Period_End_Date DESC, (end_date IS NULL) DESC, end_date DESC,
          Event_Start_Date DESC) AS rk FROM r)
  WHERE rk = 1 GROUP BY person_id
),
psr AS (
  SELECT person_id, CASE WHEN count(DISTINCT Primary_Support_Reason) > 1 THEN 'Unknown'
                         ELSE coalesce(min(Primary_Support_Reason), 'Unknown') END AS psr
  FROM (SELECT person_id, Primary_Support_Reason, rank() OVER (PARTITION BY person_id ORDER BY
          (Primary_Support_Reason IS NULL OR Primary_Support_Reason IN
             ('Unknown', 'Social support: Support to unpaid carer')),
          Reporting_Period_End_Date DESC, (end_date IS NULL) DESC, end_date DESC,
          Event_Start_Date DESC) AS rk FROM r)
  WHERE rk = 1 GROUP BY person_id
),
accommodation AS (
  SELECT person_id, CASE WHEN count(DISTINCT Accommodation_Status) > 1 THEN 'Unknown'
                         ELSE coalesce(min(Accommodation_Status), 'Unknown') END AS stated
  FROM (SELECT person_id, Accommodation_Status, rank() OVER (PARTITION BY person_id ORDER BY
          (Accommodation_Status IS NULL OR Accommodation_Status = 'Unknown'),
          Reporting_Period_End_Date DESC, (end_date IS NULL) DESC, end_date DESC,
          Event_Start_Date DESC) AS rk FROM r)
  WHERE rk = 1 GROUP BY person_id
),
service_rows AS (
  SELECT person_id, Service_Type, Service_Component,
         CASE Service_Type WHEN 'Long term support: Nursing care' THEN 1
                           WHEN 'Long term support: Residential care' THEN 2
                           WHEN 'Long term support: Community' THEN 3
                           WHEN 'Long term support: Prison' THEN 4
                           WHEN 'Short term support: ST-Max' THEN 5
                           WHEN 'Short term support: Ongoing low level' THEN 6
                           WHEN 'Short term support: Other short term' THEN 7
                           ELSE 99 END AS type_rank,
         Service_Component IN ('Shared Lives', 'Extra care housing',
                               'Community supported living',
                               'Home support or domiciliary care') AS housing_component,
         rank() OVER (PARTITION BY person_id ORDER BY (end_date IS NULL) DESC, end_date DESC,
           CASE Service_Type WHEN 'Long term support: Nursing care' THEN 1
                             WHEN 'Long term support: Residential care' THEN 2
                             WHEN 'Long term support: Community' THEN 3
                             WHEN 'Long term support: Prison' THEN 4
                             WHEN 'Short term support: ST-Max' THEN 5
                             WHEN 'Short term support: Ongoing low level' THEN 6
                             WHEN 'Short term support: Other short term' THEN 7
                             ELSE 99 END,
           Service_Component IN ('Shared Lives', 'Extra care housing',
                                 'Community supported living',
                                 'Home support or domiciliary care') DESC,
           Event_Start_Date DESC) AS rk
  FROM r WHERE Event_Type = 'Service'
),
deduced AS (
  SELECT person_id,
         CASE WHEN count(DISTINCT Service_Type) FILTER (WHERE type_rank < 99) = 1
              THEN min(Service_Type) FILTER (WHERE type_rank < 99) END AS d_type,
         CASE WHEN count(DISTINCT Service_Component) FILTER (WHERE housing_component) = 1
              THEN min(Service_Component) FILTER (WHERE housing_component) END AS d_component
  FROM service_rows WHERE rk = 1 GROUP BY person_id
),
housed AS (
  SELECT a.person_id,
         CASE WHEN a.stated != 'Unknown' THEN a.stated
              WHEN d.d_type = 'Long term support: Nursing care' THEN 'Registered nursing home'
              WHEN d.d_type = 'Long term support: Residential care' THEN 'Registered care home'
              WHEN d.d_component = 'Shared Lives' THEN 'Shared Lives scheme'
              WHEN d.d_component = 'Extra care housing'
                THEN 'Sheltered housing, extra care housing or other sheltered housing'
              WHEN d.d_component = 'Community supported living'
                THEN 'Supported accommodation, supported lodgings or supported group home'
              WHEN d.d_type = 'Long term support: Community'
                   AND d.d_component = 'Home support or domiciliary care'
                THEN 'Unknown: presumed at home'
              WHEN d.d_type = 'Long term support: Community' AND d.d_component IS NULL
                THEN 'Unknown: presumed in community'
              WHEN d.d_type = 'Long term support: Prison'
                THEN 'Prison, young offenders institution or detention centre'
              ELSE 'Unknown' END AS accommodation
  FROM accommodation a LEFT JOIN deduced d USING (person_id)
)
SELECT d.person_id,
       CAST(date_trunc('month', d.dob) AS DATE) AS dob,
       d.dod, g.gender, e.ethnicity, s.psr, h.accommodation,
       h.accommodation IN (
         'Owner occupier or shared ownership scheme',
         'Tenant: Local authority or other social housing provider',
         'Tenant: Private landlord',
         'Settled mainstream housing with family or friends',
         'Supported accommodation, supported lodgings or supported group home',
         'Shared Lives scheme',
         'Approved premises for offenders released from prison or under probation supervision',
         'Sheltered housing, extra care housing or other sheltered housing',
         'Mobile accommodation for Gypsy, Roma and Traveller communities',
         'Unknown: presumed at home') AS settled
FROM dob d
JOIN gender g USING (person_id)
JOIN ethnicity e USING (person_id)
JOIN psr s USING (person_id)
JOIN housed h USING (person_id);

-- B4: age in whole years at a date, from the proxy date of birth (1st of the month).
CREATE OR REPLACE TEMP MACRO age_at(dob, d) AS
  CAST(floor(date_diff('day', dob, d) / 365.25) AS INTEGER);

CREATE OR REPLACE TEMP MACRO age_band(age) AS
  CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN 'under 18'
       WHEN age < 65 THEN '18-64' ELSE '65+' END;
