-- Schema version 3: the ingest stage's near-duplicate index (MinHash LSH), kept in the
-- store so that near-duplicates are found across runs without rebuilding an index.

-- MinHash signature of each stored document with enough text to compare
-- (datasketch affine32 scheme, 128 permutations, seed 1; see summitry.ingest.dedup).
CREATE TABLE IF NOT EXISTS doc_minhash (
  doc_id VARCHAR PRIMARY KEY,
  signature UINTEGER[128] NOT NULL
);

-- LSH band buckets of canonical documents only: a new document sharing a bucket with one
-- is a near-duplicate candidate, confirmed by its estimated Jaccard similarity.
CREATE TABLE IF NOT EXISTS doc_lsh (
  band UTINYINT NOT NULL,
  bucket BIGINT NOT NULL,
  doc_id VARCHAR NOT NULL
);
