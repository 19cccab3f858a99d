-- spiral store, schema 3: what imported data sets say in their own terms, and which files were imported.
-- directed: false for sources whose two actors imply no direction (ACLED).
-- source_intensity: the source's own score (GDELT Goldstein, ICEWS and POLECAT intensity).
-- fatalities: ACLED's count of deaths.
ALTER TABLE events ADD COLUMN directed BOOLEAN DEFAULT true;
ALTER TABLE events ADD COLUMN source_intensity DOUBLE;
ALTER TABLE events ADD COLUMN fatalities BIGINT;

CREATE TABLE imports (
    digest VARCHAR PRIMARY KEY,
    system VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    n_rows BIGINT NOT NULL,
    n_stored BIGINT NOT NULL,
    n_quarantined BIGINT NOT NULL,
    n_unmapped BIGINT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);

-- Which article (outlet, URL, time) reported which imported event (GDELT mentions tables).
CREATE TABLE mentions (
    id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    system VARCHAR NOT NULL,
    published TIMESTAMPTZ,
    source VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    sentence BIGINT,
    confidence DOUBLE
);
