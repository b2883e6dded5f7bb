-- Macros shared by the views and measures (built first).

-- B4: age in whole years at a date, from the proxy date of birth (1st of the month).
CREATE OR REPLACE TEMP MACRO age_at(dob, d) AS
  CAST(floor(date_diff('day', dob, d) / 365.25) AS INTEGER);

CREATE OR REPLACE TEMP MACRO age_band(age) AS
  CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN 'under 18'
       WHEN age < 65 THEN '18-64' ELSE '65+' END;

-- B1: outcomes DHSC can use for 2A, and rank_2a (+100 for the others).
CREATE OR REPLACE TEMP MACRO usable_outcome(o) AS
  coalesce(o = 'Admitted to hospital' OR starts_with(o, 'NFA:'), false);

-- Service Types in DHSC's order for 2A sequels and the B3 accommodation deduction
-- (B8's tie order differs: it puts ST-Max first); NULL for other types.
CREATE OR REPLACE TEMP MACRO service_type_rank(t) AS
  CASE t WHEN 'Long term support: Nursing care' THEN 1
         WHEN 'Long term support: Residential care' THEN 2
         WHEN 'Long term support: Community' THEN 3
         WHEN 'Long term support: Prison' THEN 4
         WHEN 'Short term support: ST-Max' THEN 5
         WHEN 'Short term support: Ongoing low level' THEN 6
         WHEN 'Short term support: Other short term' THEN 7 END;

-- B6: the SALT setting rank of a long-term service row (DHSC 3D / LTS001b).
CREATE OR REPLACE TEMP MACRO setting_rank(service_type, mechanism, component) AS
  CASE WHEN service_type = 'Long term support: Nursing care' THEN 1
       WHEN service_type = 'Long term support: Residential care' THEN 2
       WHEN service_type = 'Long term support: Community'
            AND (mechanism = 'Direct payment' OR component = 'Direct payment') THEN 3
       WHEN service_type = 'Long term support: Community'
            AND mechanism = 'CASSR managed personal budget' THEN 4
       WHEN service_type = 'Long term support: Community'
            AND mechanism = 'CASSR commissioned support' THEN 5
       WHEN service_type = 'Long term support: Community' THEN 6
       WHEN mechanism = 'CASSR managed personal budget' THEN 7
       WHEN mechanism = 'CASSR commissioned support' THEN 8
       ELSE 9 END;

-- B6: the setting labels, by rank.
CREATE OR REPLACE TEMP MACRO setting_label(r) AS
  CASE r WHEN 1 THEN 'Nursing' WHEN 2 THEN 'Residential'
         WHEN 3 THEN 'Community: direct payment'
         WHEN 4 THEN 'Community: managed personal budget'
         WHEN 5 THEN 'Community: commissioned support'
         WHEN 6 THEN 'Community: mechanism unknown'
         WHEN 7 THEN 'Prison: managed personal budget'
         WHEN 8 THEN 'Prison: commissioned support'
         WHEN 9 THEN 'Prison: mechanism unknown' END;
