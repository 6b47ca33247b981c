-- A trial the search's wall-clock budget stopped while it trained ends TIMED_OUT (it was stored CANCELLED, the same
-- as a trial someone cancelled). SQLite changes a CHECK constraint only by rebuilding the table: the rows are copied
-- as they are, and the migration runs without foreign-key enforcement so that dropping the old table does not
-- cascade to trial_epochs, whose rows refer to the trials by (experiment_id, trial_index) and find them again under
-- the same name.

CREATE TABLE trials_v2 (
    experiment_id    TEXT    NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    trial_index      INTEGER NOT NULL,
    attempt          INTEGER NOT NULL,
    state            TEXT    NOT NULL
        CHECK (state IN ('PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'PRUNED', 'FAILED', 'CANCELLED', 'TIMED_OUT')),
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

INSERT INTO trials_v2 (experiment_id, trial_index, attempt, state, failure_cause, message, parameters_json, spec_json,
                       epochs_trained, parameter_count, train_error, validation_error, test_error, seconds, updated_at)
SELECT experiment_id, trial_index, attempt, state, failure_cause, message, parameters_json, spec_json,
       epochs_trained, parameter_count, train_error, validation_error, test_error, seconds, updated_at
FROM trials;

DROP TABLE trials;
ALTER TABLE trials_v2 RENAME TO trials;

CREATE INDEX trials_by_validation_error
    ON trials (experiment_id, validation_error IS NULL, validation_error, trial_index);
CREATE INDEX trials_by_state_and_validation_error
    ON trials (experiment_id, state, validation_error IS NULL, validation_error, trial_index);
