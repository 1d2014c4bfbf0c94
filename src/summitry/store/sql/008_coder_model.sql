-- Schema version 4: the coder's event classifier (type source, model score).
-- type_origin: where an extracted event's type came from: 'rule' (the rules alone; the model
-- disagreed or was not run), 'model' (the model alone, above its threshold), 'both' (rules
-- and model agree). model_score: the model's probability of the stored PLOVER type (NULL when
-- the model did not score the event). Rows of other datasets leave both NULL.
ALTER TABLE events ADD COLUMN IF NOT EXISTS type_origin VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS model_score DOUBLE;
