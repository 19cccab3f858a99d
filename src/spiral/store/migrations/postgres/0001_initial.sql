-- spiral store on PostgreSQL, schema 1 (DuckDB: ../0001_initial.sql). Entities are JSON text; *_code columns repeat the first code for filtering.
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,
    text VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    published TIMESTAMPTZ,
    source VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    external_id VARCHAR NOT NULL
);

CREATE TABLE quarantine (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    raw VARCHAR NOT NULL
);

CREATE TABLE extractions (
    doc_id VARCHAR PRIMARY KEY,
    pipeline VARCHAR NOT NULL,
    extracted_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    entity VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    entity_name VARCHAR NOT NULL,
    mentions VARCHAR NOT NULL
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    system VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR NOT NULL,
    context VARCHAR[] NOT NULL,
    actor VARCHAR NOT NULL,
    recipient VARCHAR NOT NULL,
    actor_code VARCHAR NOT NULL,
    recipient_code VARCHAR NOT NULL,
    date DATE,
    date_precision VARCHAR NOT NULL,
    quad_code INTEGER NOT NULL,
    intensity DOUBLE PRECISION NOT NULL,
    cameo VARCHAR NOT NULL,
    negated BOOLEAN NOT NULL,
    hypothetical BOOLEAN NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    native VARCHAR
);

CREATE TABLE quotes (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_code VARCHAR NOT NULL,
    speaker_text VARCHAR NOT NULL,
    anonymous BOOLEAN NOT NULL,
    content VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    cue VARCHAR NOT NULL,
    date DATE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE red_lines (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    declarer VARCHAR NOT NULL,
    declarer_code VARCHAR NOT NULL,
    addressee VARCHAR NOT NULL,
    condition VARCHAR NOT NULL,
    consequence VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    date DATE,
    status VARCHAR NOT NULL,
    crossed_by VARCHAR[] NOT NULL,
    crossed_date DATE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE positions (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    holder VARCHAR NOT NULL,
    holder_code VARCHAR NOT NULL,
    issue VARCHAR NOT NULL,
    demand VARCHAR NOT NULL,
    date DATE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
