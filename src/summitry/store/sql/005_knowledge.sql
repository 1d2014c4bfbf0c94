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
