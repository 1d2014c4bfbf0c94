-- Schema version 4: hardening (crash-safe import bookkeeping).

-- A step that must run again before the store is consistent: marked in the transaction
-- that makes it necessary (a batch of imported or coded events), cleared in the transaction
-- that runs it (people links and grouping of a dataset). A run killed in between leaves the
-- mark, and the next run of the command does the step, even when it has nothing new to load.
CREATE TABLE IF NOT EXISTS pending_steps (
    step VARCHAR PRIMARY KEY,      -- e.g. 'eventdata-finish:gdelt2', 'group:summitry-coder'
    marked_at TIMESTAMP NOT NULL
);
