-- How likely each event is right (spiral.nlp.confidence); curated data sets count as certain.
ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0;
