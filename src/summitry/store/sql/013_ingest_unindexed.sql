-- documents and doc_minhash without PRIMARY KEY. DuckDB keeps a key's ART index in memory
-- (about 45 MB per million keys, counted against memory_limit and never evicted, even
-- after a CHECKPOINT), so ingest memory grew with the number of documents stored and a
-- capped ingest of a few million documents failed with "Out of Memory". doc_id stays
-- unique because ingest is the only writer and looks every batch up before it appends
-- (summitry.ingest.pipeline); the tables are rebuilt with the same columns.
ALTER TABLE documents RENAME TO documents_v4;
CREATE TABLE documents (
  doc_id VARCHAR NOT NULL,
  canonical_id VARCHAR NOT NULL,
  similarity DOUBLE,
  source VARCHAR NOT NULL,
  source_format VARCHAR NOT NULL,
  record_ref VARCHAR,
  external_id VARCHAR,
  url VARCHAR,
  title VARCHAR,
  published DATE,
  published_source VARCHAR NOT NULL,
  published_evidence VARCHAR,
  language VARCHAR,
  text VARCHAR NOT NULL,
  n_chars INTEGER NOT NULL,
  ingested_at TIMESTAMP NOT NULL
);
INSERT INTO documents SELECT * FROM documents_v4 ORDER BY rowid;
DROP TABLE documents_v4;

ALTER TABLE doc_minhash RENAME TO doc_minhash_v4;
CREATE TABLE doc_minhash (
  doc_id VARCHAR NOT NULL,
  signature UINTEGER[128] NOT NULL
);
INSERT INTO doc_minhash SELECT * FROM doc_minhash_v4 ORDER BY rowid;
DROP TABLE doc_minhash_v4;
