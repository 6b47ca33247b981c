-- The coordinator's trial store: experiments, the append-only trial event log, the projections the API and the
-- leaderboard read, and each experiment's saved search state. Instants are epoch milliseconds.

CREATE TABLE experiments (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    reason          TEXT    NOT NULL,
    definition_json TEXT    NOT NULL,
    space_hash      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- Appended to, never updated. The sequence is the rowid: AUTOINCREMENT keeps it from reusing the numbers of deleted
-- experiments' events, so a stream position never points at a different event.
CREATE TABLE trial_events (
    sequence      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    experiment_id TEXT    NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    trial_index   INTEGER NOT NULL,
    attempt       INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    epoch         REAL    NOT NULL,
    payload_json  TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    UNIQUE (experiment_id, trial_index, attempt, type, epoch)
);
-- events(after, limit): a range scan of one experiment's events in sequence order.
CREATE INDEX trial_events_by_sequence ON trial_events (experiment_id, sequence);

-- One row per trial: its latest attempt. Error columns are NULL until an epoch reports them.
CREATE TABLE trials (
    experiment_id    TEXT    NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    trial_index      INTEGER NOT NULL,
    attempt          INTEGER NOT NULL,
    state            TEXT    NOT NULL
        CHECK (state IN ('PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'PRUNED', 'FAILED', 'CANCELLED')),
    failure_cause    TEXT,
    message          TEXT    NOT NULL,
    parameters_json  TEXT    NOT NULL,
    spec_json        TEXT    NOT NULL,
    epochs_trained   REAL    NOT NULL,
    parameter_count  INTEGER NOT NULL,
    train_error      REAL,
    validation_error REAL,
    test_error       REAL,
    seconds          REAL    NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, trial_index)
);
-- The leaderboard's ranking (validation error, nulls last, ties by trial index) read in index order, so LIMIT stops
-- after one page: the queries order by exactly these expressions. The second serves the same ranking within one
-- state and the counts by state.
CREATE INDEX trials_by_validation_error
    ON trials (experiment_id, validation_error IS NULL, validation_error, trial_index);
CREATE INDEX trials_by_state_and_validation_error
    ON trials (experiment_id, state, validation_error IS NULL, validation_error, trial_index);

-- One row per trial epoch; a re-run attempt replaces the values of the epochs it reports again. Metric columns are
-- nullable because SQLite stores NaN (a diverged loss) as NULL.
CREATE TABLE trial_epochs (
    experiment_id       TEXT    NOT NULL,
    trial_index         INTEGER NOT NULL,
    epoch               REAL    NOT NULL,
    attempt             INTEGER NOT NULL,
    train_loss          REAL,
    train_error         REAL,
    validation_error    REAL,
    test_error          REAL,
    epoch_seconds       REAL,
    examples_per_second REAL,
    parameter_count     INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, trial_index, epoch),
    FOREIGN KEY (experiment_id, trial_index) REFERENCES trials (experiment_id, trial_index) ON DELETE CASCADE
);

CREATE TABLE search_state (
    experiment_id    TEXT    NOT NULL PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
    sampler_state    TEXT    NOT NULL,
    scheduler_state  TEXT    NOT NULL,
    next_trial_index INTEGER NOT NULL,
    elapsed_seconds  REAL    NOT NULL,
    updated_at       INTEGER NOT NULL
);
