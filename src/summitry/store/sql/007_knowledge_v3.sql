-- Schema version 4: knowledge pack v3 (sources, positions, impact facts).

-- One row per distinct URL cited anywhere in the pack (data/knowledge/sources.csv).
CREATE TABLE IF NOT EXISTS knowledge_sources (
  url VARCHAR PRIMARY KEY,
  publisher VARCHAR NOT NULL,         -- e.g. 'The White House', 'President of Russia', 'Reuters'
  published DATE,                     -- publication date where known
  source_type VARCHAR NOT NULL,       -- official|depositary|un|wire|newspaper|reference|state_media
  title VARCHAR
);

-- What followed: UN Security Council votes, sanctions, expulsions, prisoner exchanges,
-- ceasefires, NATO summit decisions, arms-control actions (data/knowledge/impact_facts.csv).
CREATE TABLE IF NOT EXISTS impact_facts (
  fact_id VARCHAR PRIMARY KEY,
  area VARCHAR NOT NULL,              -- unsc|sanctions|expulsions|prisoner_exchange|ceasefire|nato|arms_control
  kind VARCHAR NOT NULL,              -- resolution_adopted|veto|sanctions_imposed|expulsion|exchange|...
  start_date DATE NOT NULL,
  end_date DATE,
  actors VARCHAR[],                   -- ISO3 codes of the states that acted
  title VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  status VARCHAR,                     -- held|broken|partial|in_force|lifted|expired (NULL: not applicable)
  related_meetings VARCHAR[],         -- curated meeting ids the fact is tied to by its sources
  source_url VARCHAR NOT NULL,
  rule VARCHAR NOT NULL               -- knowledge-pack:v<version>
);

-- Positions are meeting_items with kind 'position' (actor_id = the side, value = stance);
-- the short attributed quote from the official source goes in its own column.
ALTER TABLE meeting_items ADD COLUMN IF NOT EXISTS quote VARCHAR;

ALTER TABLE knowledge_packs ADD COLUMN IF NOT EXISTS n_positions INTEGER;
ALTER TABLE knowledge_packs ADD COLUMN IF NOT EXISTS n_impact_facts INTEGER;
ALTER TABLE knowledge_packs ADD COLUMN IF NOT EXISTS n_sources INTEGER;
