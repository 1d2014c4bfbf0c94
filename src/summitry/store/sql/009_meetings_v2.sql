-- Schema version 4: meetings v2 (multi-party, date ranges, ministers).
-- How exactly the reports date an episode: day (a day or a few consecutive days), week,
-- month (only that period is known: "last week", "in April"), or published (no date
-- expression: the day of the report that founded it).
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS date_precision VARCHAR;
-- The earliest publication date of a report of the episode: well after end_date, the
-- episode is known only from a later reference ("when Trump met Putin in Helsinki").
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS first_reported DATE;
-- Participants holding a head-of-state/government (party, supreme leader) role on the date;
-- `summitry meetings` lists episodes with two or more, `--ministers` every episode.
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS n_leaders INTEGER;
