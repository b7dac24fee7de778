-- Stands for a migration of a later botty version, for the test that an older node refuses a
-- database a newer one has upgraded.
ALTER TABLE guild ADD COLUMN equalizer TEXT;
