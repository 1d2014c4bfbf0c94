-- Schema version 2, part 1: actors, mentions, events, topics, evidence.
-- Every fact keeps provenance: doc_id + sent_idx + character span (into documents.text)
-- + the rule or model that produced it; imported rows keep dataset + dataset_row_id.

CREATE TABLE IF NOT EXISTS actors (
  actor_id VARCHAR PRIMARY KEY,       -- e.g. 'RUS', 'NATO', 'person:vladimir-putin'
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,              -- country|igo|person|organisation|sector|group
  iso3 VARCHAR,                       -- country the actor belongs to (ISO 3166 alpha-3)
  cameo_code VARCHAR,
  origin VARCHAR NOT NULL,            -- kb|text|user|dictionary|imported
  source_url VARCHAR,                 -- where the knowledge-base row comes from
  doc_id VARCHAR,                     -- for text-derived actors: the introducing span
  start_char INTEGER,
  end_char INTEGER,
  note VARCHAR
);

CREATE TABLE IF NOT EXISTS actor_roles (
  actor_id VARCHAR NOT NULL,
  role VARCHAR NOT NULL,              -- head_of_state|head_of_government|foreign_minister|defence_minister|...
  iso3 VARCHAR,
  start_date DATE,
  end_date DATE,                      -- NULL: still in office
  origin VARCHAR NOT NULL,
  source_url VARCHAR,
  doc_id VARCHAR, start_char INTEGER, end_char INTEGER,
  PRIMARY KEY (actor_id, role, iso3, start_date)
);

CREATE TABLE IF NOT EXISTS mentions (
  mention_id VARCHAR PRIMARY KEY,
  doc_id VARCHAR NOT NULL,
  sent_idx INTEGER NOT NULL,
  start_char INTEGER NOT NULL,
  end_char INTEGER NOT NULL,
  text VARCHAR NOT NULL,
  actor_id VARCHAR,                   -- NULL: unresolved (never guessed)
  rule VARCHAR NOT NULL
);

-- The one event model shared by the coder (origin 'extracted'), the GDELT / ICEWS /
-- POLECAT importers ('imported') and the knowledge pack ('curated').
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY,
  origin VARCHAR NOT NULL,            -- extracted|imported|curated
  dataset VARCHAR NOT NULL,           -- summitry-coder|gdelt1|gdelt2|icews|polecat|knowledge-pack
  dataset_row_id VARCHAR,             -- the dataset's own row id
  doc_id VARCHAR, sent_idx INTEGER, start_char INTEGER, end_char INTEGER,   -- evidence span
  event_date DATE,
  date_text VARCHAR, date_start INTEGER, date_end INTEGER,
  source_actor_id VARCHAR, source_text VARCHAR, source_code VARCHAR, source_iso3 VARCHAR,
  source_start INTEGER, source_end INTEGER,
  target_actor_id VARCHAR, target_text VARCHAR, target_code VARCHAR, target_iso3 VARCHAR,
  target_start INTEGER, target_end INTEGER,
  cameo_code VARCHAR, cameo_root VARCHAR, quad_class TINYINT, goldstein DOUBLE,
  plover_type VARCHAR, plover_mode VARCHAR,
  modality VARCHAR NOT NULL DEFAULT 'asserted',  -- asserted|negated|refused|planned|hypothetical|denied|reported
  trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
  speaker_actor_id VARCHAR, speaker_text VARCHAR, quote VARCHAR,
  location_name VARCHAR, location_iso3 VARCHAR, lat DOUBLE, lon DOUBLE,
  location_start INTEGER, location_end INTEGER,
  topics VARCHAR[],
  source_url VARCHAR,
  num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE,
  group_id VARCHAR,                   -- event_groups.group_id: reports of one real-world event
  rule VARCHAR NOT NULL,              -- coder rule id, or importer name and version
  created_at TIMESTAMP NOT NULL
);

-- Reports grouped into real-world events (so counts are of events, not reports).
CREATE TABLE IF NOT EXISTS event_groups (
  group_id VARCHAR PRIMARY KEY,
  origin VARCHAR NOT NULL,
  first_date DATE, last_date DATE,
  source_actor_id VARCHAR, source_code VARCHAR,
  target_actor_id VARCHAR, target_code VARCHAR,
  cameo_root VARCHAR,
  report_count INTEGER NOT NULL,
  rule VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS topic_assignments (
  fact_kind VARCHAR NOT NULL,         -- sentence|event
  fact_id VARCHAR NOT NULL,           -- 'doc_id:sent_idx' or event_id
  topic VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  matched_terms VARCHAR[],
  rule VARCHAR NOT NULL,              -- 'terms:v1' or the model name
  doc_id VARCHAR, sent_idx INTEGER,
  PRIMARY KEY (fact_kind, fact_id, topic)
);

-- Generic provenance links: one row per (fact, field) to the span or row that supports it.
CREATE TABLE IF NOT EXISTS evidence (
  evidence_id VARCHAR PRIMARY KEY,
  fact_kind VARCHAR NOT NULL,         -- event|mention|meeting|meeting_item|actor|...
  fact_id VARCHAR NOT NULL,
  field VARCHAR,                      -- which part of the fact this supports
  doc_id VARCHAR, sent_idx INTEGER, start_char INTEGER, end_char INTEGER,
  dataset VARCHAR, dataset_row_id VARCHAR, source_url VARCHAR,
  rule VARCHAR NOT NULL
);

-- Which documents the coder has processed, with which coder version (incremental runs).
CREATE TABLE IF NOT EXISTS coded_documents (
  doc_id VARCHAR PRIMARY KEY,
  coder_version VARCHAR NOT NULL,
  n_sentences INTEGER NOT NULL,
  n_parsed INTEGER NOT NULL,
  n_events INTEGER NOT NULL,
  status VARCHAR NOT NULL,            -- coded|skipped-empty|skipped-language|skipped-size
  coded_at TIMESTAMP NOT NULL
);
