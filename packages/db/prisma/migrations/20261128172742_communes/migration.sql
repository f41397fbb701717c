-- Reference data: the 19 communes of the Brussels-Capital Region (NIS 21001 to 21019).
-- Every database needs them, production included, so they ship as a migration.
-- Source: packages/db/data/brussels/communes.json (see SOURCE.md there).
-- Keep semicolons out of comments and literals: adapter-pg splits scripts on them.
INSERT INTO "core_commune" ("nis", "nameFr", "nameNl", "nameEn", "postalCodes") VALUES
    ('21001', 'Anderlecht', 'Anderlecht', 'Anderlecht', ARRAY['1070']),
    ('21002', 'Auderghem', 'Oudergem', 'Auderghem', ARRAY['1160']),
    ('21003', 'Berchem-Sainte-Agathe', 'Sint-Agatha-Berchem', 'Berchem-Sainte-Agathe', ARRAY['1082']),
    ('21004', 'Bruxelles', 'Brussel', 'City of Brussels', ARRAY['1000', '1020', '1120', '1130']),
    ('21005', 'Etterbeek', 'Etterbeek', 'Etterbeek', ARRAY['1040']),
    ('21006', 'Evere', 'Evere', 'Evere', ARRAY['1140']),
    ('21007', 'Forest', 'Vorst', 'Forest', ARRAY['1190']),
    ('21008', 'Ganshoren', 'Ganshoren', 'Ganshoren', ARRAY['1083']),
    ('21009', 'Ixelles', 'Elsene', 'Ixelles', ARRAY['1050']),
    ('21010', 'Jette', 'Jette', 'Jette', ARRAY['1090']),
    ('21011', 'Koekelberg', 'Koekelberg', 'Koekelberg', ARRAY['1081']),
    ('21012', 'Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek', 'Molenbeek-Saint-Jean', ARRAY['1080']),
    ('21013', 'Saint-Gilles', 'Sint-Gillis', 'Saint-Gilles', ARRAY['1060']),
    ('21014', 'Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node', 'Saint-Josse-ten-Noode', ARRAY['1210']),
    ('21015', 'Schaerbeek', 'Schaarbeek', 'Schaerbeek', ARRAY['1030']),
    ('21016', 'Uccle', 'Ukkel', 'Uccle', ARRAY['1180']),
    ('21017', 'Watermael-Boitsfort', 'Watermaal-Bosvoorde', 'Watermael-Boitsfort', ARRAY['1170']),
    ('21018', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert', ARRAY['1200']),
    ('21019', 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre', ARRAY['1150'])
ON CONFLICT ("nis") DO UPDATE SET
    "nameFr" = EXCLUDED."nameFr",
    "nameNl" = EXCLUDED."nameNl",
    "nameEn" = EXCLUDED."nameEn",
    "postalCodes" = EXCLUDED."postalCodes";
