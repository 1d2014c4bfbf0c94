-- Schema version 1: the foundation. Documents, the files they came from, sentences.
CREATE TABLE IF NOT EXISTS meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- One row per stored document. doc_id is derived from the normalised text, so the
-- same text always gets the same id whatever file or feed it came from.
CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR PRIMARY KEY,
  canonical_id VARCHAR NOT NULL,      -- doc_id itself, or the canonical near-duplicate
  similarity DOUBLE,                  -- estimated Jaccard similarity to canonical_id
  source VARCHAR NOT NULL,            -- file (and archive member) it was read from
  source_format VARCHAR NOT NULL,     -- text|markdown|html|jsonl|json|csv|feed
  record_ref VARCHAR,                 -- line / row / entry inside the source
  external_id VARCHAR,                -- the record's own id, when it has one
  url VARCHAR,
  title VARCHAR,
  published DATE,                     -- NULL when no date could be found (never today)
  published_source VARCHAR NOT NULL,  -- metadata|field|text|none
  published_evidence VARCHAR,         -- field name, or the text span that gave the date
  language VARCHAR,
  text VARCHAR NOT NULL,
  n_chars INTEGER NOT NULL,
  ingested_at TIMESTAMP NOT NULL
);

-- One row per input file (or archive member) fully ingested: makes re-runs idempotent
-- and lets an interrupted run resume where it stopped.
CREATE TABLE IF NOT EXISTS ingest_files (
  source VARCHAR PRIMARY KEY,
  content_sha1 VARCHAR NOT NULL,
  n_records INTEGER NOT NULL,
  n_added INTEGER NOT NULL,
  n_duplicates INTEGER NOT NULL,
  n_failed INTEGER NOT NULL,
  finished_at TIMESTAMP NOT NULL
);

-- Sentence boundaries, as character offsets into documents.text.
CREATE TABLE IF NOT EXISTS sentences (
  doc_id VARCHAR NOT NULL,
  sent_idx INTEGER NOT NULL,
  start_char INTEGER NOT NULL,
  end_char INTEGER NOT NULL,
  PRIMARY KEY (doc_id, sent_idx)
);
