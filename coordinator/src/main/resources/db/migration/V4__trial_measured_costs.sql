-- What a search measured of a trial's network when it is created, only when a constraint or its second objective
-- needs it: its inference latency (JSON: ms per image at batch 1 and at a larger batch, the threads and repeats) and
-- the off-heap memory DL4J's report gives for training it. NULL when not measured, as for every earlier trial.
ALTER TABLE trials ADD COLUMN latency_json TEXT;
ALTER TABLE trials ADD COLUMN training_bytes INTEGER;
