-- A trial's multiply-accumulates per image, counted from its specification when it is created (as its parameter
-- count is), so a search with MACs as its second objective can show its Pareto front. Trials stored before have 0.
ALTER TABLE trials ADD COLUMN macs INTEGER NOT NULL DEFAULT 0;
