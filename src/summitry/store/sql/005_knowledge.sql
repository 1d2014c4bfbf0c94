-- Schema version 2, part 4: the curated knowledge pack (summits go to meetings with
-- origin 'curated'); treaties and their life events.
CREATE TABLE IF NOT EXISTS treaties (
  treaty_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  short_name VARCHAR,
  parties VARCHAR,
  source_url VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS treaty_actions (
  treaty_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,            -- signed|entered_into_force|extended|suspended|withdrawn|expired|...
  action_date DATE NOT NULL,
  actor VARCHAR,
  note VARCHAR,
  source_url VARCHAR NOT NULL,
  PRIMARY KEY (treaty_id, action, action_date)
);

-- Which knowledge-pack version the store holds (the loader skips a re-load of the same
-- version and content; a newer version replaces every curated row in one transaction).
CREATE TABLE IF NOT EXISTS knowledge_packs (
  pack VARCHAR PRIMARY KEY,           -- 'knowledge-pack'
  version INTEGER NOT NULL,
  content_hash VARCHAR NOT NULL,      -- sha256 over the pack's CSV files
  as_of DATE,                         -- the date up to which the pack was checked
  loaded_at TIMESTAMP NOT NULL,
  n_meetings INTEGER, n_items INTEGER, n_events INTEGER,
  n_treaties INTEGER, n_treaty_actions INTEGER
);

-- Per curated meeting: whether the sources confirm it, and our own note (uncertainty, venue).
CREATE TABLE IF NOT EXISTS knowledge_meetings (
  meeting_id VARCHAR PRIMARY KEY,     -- meetings.meeting_id (origin 'curated')
  confirmed BOOLEAN NOT NULL,
  notes VARCHAR,
  source_url VARCHAR NOT NULL
);
