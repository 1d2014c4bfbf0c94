-- Schema version 2, part 2: what the open-event-data importers and the GDELT fetcher record.
CREATE TABLE IF NOT EXISTS import_files (
  source VARCHAR PRIMARY KEY,         -- file path (or URL) imported
  dataset VARCHAR NOT NULL,
  content_sha1 VARCHAR,
  n_rows INTEGER NOT NULL,
  n_loaded INTEGER NOT NULL,
  n_rejected INTEGER NOT NULL,
  finished_at TIMESTAMP NOT NULL
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
