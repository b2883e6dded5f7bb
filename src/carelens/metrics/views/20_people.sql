-- B3 latest person details and B4 ages, as at the period end (params.p_end).
-- For each attribute the person's top-ranked rows decide; if they disagree, the
-- conflict value is used. Accommodation left Unknown is deduced from services.
CREATE OR REPLACE TEMP TABLE people AS
WITH r AS (
  SELECT u.*,
         -- the shared tail of every attribute's order: latest submission, latest end
         -- (open first), latest start; smaller sorts first
         (-epoch(u.Reporting_Period_End_Date),
          CASE WHEN u.end_date IS NULL THEN 0 ELSE 1 END,
          -epoch(coalesce(u.end_date, DATE '9999-01-01')),
          -epoch(u.Event_Start_Date)) AS tail
  FROM unique_events u, params p WHERE u.Event_Start_Date <= p.p_end
),
keyed AS (
  SELECT person_id, Date_of_Birth, Date_of_Death, Gender, Ethnicity,
         Primary_Support_Reason, Accommodation_Status, Reporting_Period_End_Date,
         (Gender IS NULL OR Gender = 'Unknown', tail) AS gk,
         (CASE WHEN Ethnicity IS NULL OR Ethnicity = 'No data: Undeclared or not known' THEN 3
               WHEN Ethnicity = 'No data: Refused' THEN 2 ELSE 1 END, tail) AS ek,
         (Primary_Support_Reason IS NULL OR Primary_Support_Reason IN
            ('Unknown', 'Social support: Support to unpaid carer'), tail) AS pk,
         (Accommodation_Status IS NULL OR Accommodation_Status = 'Unknown', tail) AS ak
  FROM r
),
best AS (
  -- one pass finds each attribute's top key; the rows holding it decide the value
  SELECT person_id, min(gk) AS gb, min(ek) AS eb, min(pk) AS pb, min(ak) AS ab,
         -- arg_min passes over blank values, which sort last here anyway
         arg_min(Date_of_Birth, (-epoch(Reporting_Period_End_Date),
                                 epoch(date_trunc('month', Date_of_Birth)))) AS dob,
         arg_min(Date_of_Death, (-epoch(Reporting_Period_End_Date),
                                 -epoch(Date_of_Death))) AS dod
  FROM keyed GROUP BY person_id
),
details AS (
  SELECT b.person_id, any_value(b.dob) AS dob, any_value(b.dod) AS dod,
         CASE WHEN count(DISTINCT k.Gender) FILTER (WHERE k.gk = b.gb) > 1 THEN 'Unknown'
              ELSE coalesce(min(k.Gender) FILTER (WHERE k.gk = b.gb), 'Unknown') END AS gender,
         CASE WHEN count(DISTINCT k.Ethnicity) FILTER (WHERE k.ek = b.eb) > 1
                THEN 'No data: Undeclared or not known'
              ELSE coalesce(min(k.Ethnicity) FILTER (WHERE k.ek = b.eb),
                            'No data: Undeclared or not known') END AS ethnicity,
         CASE WHEN count(DISTINCT k.Primary_Support_Reason) FILTER (WHERE k.pk = b.pb) > 1
                THEN 'Unknown'
              ELSE coalesce(min(k.Primary_Support_Reason) FILTER (WHERE k.pk = b.pb),
                            'Unknown') END AS psr,
         CASE WHEN count(DISTINCT k.Accommodation_Status) FILTER (WHERE k.ak = b.ab) > 1
                THEN 'Unknown'
              ELSE coalesce(min(k.Accommodation_Status) FILTER (WHERE k.ak = b.ab),
                            'Unknown') END AS stated
  FROM best b JOIN keyed k USING (person_id)
  GROUP BY b.person_id
),
service_rows AS (
  SELECT person_id, Service_Type, Service_Component,
         coalesce(service_type_rank(Service_Type), 99) AS type_rank,
         Service_Component IN ('Shared Lives', 'Extra care housing',
                               'Community supported living',
                               'Home support or domiciliary care') AS housing_component,
         rank() OVER (PARTITION BY person_id ORDER BY (end_date IS NULL) DESC, end_date DESC,
           coalesce(service_type_rank(Service_Type), 99),
           Service_Component IN ('Shared Lives', 'Extra care housing',
                                 'Community supported living',
                                 'Home support or domiciliary care') DESC,
           Event_Start_Date DESC) AS rk
  FROM r SEMI JOIN (SELECT person_id FROM details WHERE stated = 'Unknown') USING (person_id)
  WHERE Event_Type = 'Service'  -- deduction is only needed where nothing is stated
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
  FROM details a LEFT JOIN deduced d USING (person_id)
)
SELECT d.person_id,
       CAST(date_trunc('month', d.dob) AS DATE) AS dob,
       d.dod, d.gender, d.ethnicity, d.psr, h.accommodation,
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
FROM details d JOIN housed h USING (person_id);
