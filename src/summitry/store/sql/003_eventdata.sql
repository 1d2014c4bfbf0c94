-- Schema version 2, part 2: what the open-event-data importers and the GDELT fetcher record.
CREATE TABLE IF NOT EXISTS import_files (
  source VARCHAR PRIMARY KEY,         -- file path (or URL) imported
  dataset VARCHAR NOT NULL,
  content_sha1 VARCHAR,
  n_rows INTEGER NOT NULL,
  n_loaded INTEGER NOT NULL,
  n_rejected INTEGER NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  n_filtered INTEGER,                 -- rows read but left out by --actors / --codes filters
  rule VARCHAR                        -- importer name and version
);

CREATE TABLE IF NOT EXISTS import_rejects (
  source VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  reason VARCHAR NOT NULL,
  PRIMARY KEY (source, line)
);

CREATE TABLE IF NOT EXISTS fetch_log (
  url VARCHAR PRIMARY KEY,
  expected_md5 VARCHAR,
  expected_size BIGINT,
  status VARCHAR NOT NULL,            -- loaded|failed
  rows_loaded INTEGER,
  error VARCHAR,
  fetched_at TIMESTAMP NOT NULL
);

-- GDELT 2.0 mentions: one row per article mentioning an event (links by GLOBALEVENTID).
CREATE TABLE IF NOT EXISTS gdelt_mentions (
  global_event_id BIGINT NOT NULL,
  event_id VARCHAR NOT NULL,          -- events.event_id ('gdelt2:' || GLOBALEVENTID)
  event_time VARCHAR, mention_time VARCHAR,
  mention_type INTEGER,               -- 1 web, 2 citation-only, 3 core, 4 DTIC, 5 JSTOR, 6 non-text
  source_name VARCHAR,
  url VARCHAR NOT NULL,               -- MentionIdentifier (= GKG DocumentIdentifier)
  sentence_id INTEGER NOT NULL,
  actor1_offset INTEGER, actor2_offset INTEGER, action_offset INTEGER,
  in_raw_text INTEGER, confidence INTEGER, doc_len INTEGER, doc_tone DOUBLE,
  translation_info VARCHAR,
  source_file VARCHAR NOT NULL,
  PRIMARY KEY (global_event_id, url, sentence_id)
);

-- GDELT GKG 2.1 records: one row per article (links to mentions by document_identifier).
CREATE TABLE IF NOT EXISTS gkg (
  gkg_record_id VARCHAR PRIMARY KEY,
  record_date VARCHAR,                -- V2.1DATE, YYYYMMDDHHMMSS
  source_collection INTEGER,
  source_name VARCHAR,
  document_identifier VARCHAR,
  themes VARCHAR[],                   -- V1THEMES
  persons VARCHAR[],                  -- V1PERSONS
  organisations VARCHAR[],            -- V1ORGANIZATIONS
  locations VARCHAR,                  -- V2ENHANCEDLOCATIONS as given
  tone DOUBLE, positive DOUBLE, negative DOUBLE, polarity DOUBLE,   -- V1.5TONE
  quotations VARCHAR,                 -- V2.1QUOTATIONS as given
  all_names VARCHAR,                  -- V2.1ALLNAMES as given
  source_file VARCHAR NOT NULL
);

-- Added to the shared events table by the event-data stage (columns only).
ALTER TABLE events ADD COLUMN IF NOT EXISTS publisher VARCHAR;   -- ICEWS Publisher, POLECAT Source
ALTER TABLE events ADD COLUMN IF NOT EXISTS story_ref VARCHAR;   -- ICEWS 'Story ID/Sentence Number'
