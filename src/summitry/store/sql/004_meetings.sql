-- Schema version 2, part 3: meeting episodes and what happened at them.
CREATE TABLE IF NOT EXISTS meetings (
  meeting_id VARCHAR PRIMARY KEY,
  origin VARCHAR NOT NULL,            -- extracted|imported|curated
  title VARCHAR,
  start_date DATE, end_date DATE,
  city VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
  format VARCHAR NOT NULL,            -- summit|sideline|informal|call
  occasion VARCHAR,                   -- G20, APEC, UNGA, ... for sideline meetings
  status VARCHAR NOT NULL,            -- planned|held|postponed|cancelled
  duration_minutes INTEGER,
  one_on_one BOOLEAN,
  delegations VARCHAR,
  n_reports INTEGER,
  n_documents INTEGER,
  source_url VARCHAR,                 -- curated rows: the source
  rule VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS meeting_participants (
  meeting_id VARCHAR NOT NULL,
  actor_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  role VARCHAR,                       -- role on the meeting date
  iso3 VARCHAR,
  PRIMARY KEY (meeting_id, actor_id)
);

-- topics, outcomes, non-outcomes, statements, reactions and status changes, each with evidence.
CREATE TABLE IF NOT EXISTS meeting_items (
  item_id VARCHAR PRIMARY KEY,
  meeting_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,              -- topic|outcome|non_outcome|statement|reaction|status|duration|one_on_one|format_evidence
  actor_id VARCHAR, actor_name VARCHAR,
  topic VARCHAR,
  value VARCHAR,                      -- status name, outcome type, ...
  text VARCHAR,
  score DOUBLE,
  item_date DATE,
  origin VARCHAR NOT NULL,
  doc_id VARCHAR, sent_idx INTEGER, start_char INTEGER, end_char INTEGER,
  event_id VARCHAR, dataset VARCHAR, dataset_row_id VARCHAR, source_url VARCHAR,
  rule VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS meeting_sources (
  meeting_id VARCHAR NOT NULL,
  event_id VARCHAR NOT NULL,
  PRIMARY KEY (meeting_id, event_id)
);
