-- The mahdar warehouse schema: the one place tables are defined.
-- Every entity row carries its document (doc_id = SHA-256 of the file bytes),
-- its provenance (page, line_start, line_end: 1-based line numbers of the document's
-- raw text as read) and the ingest run that wrote it (run_id).

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,          -- running | complete | failed | interrupted
    pipeline_version VARCHAR NOT NULL,
    loaded          INTEGER DEFAULT 0,
    unchanged       INTEGER DEFAULT 0,
    skipped         INTEGER DEFAULT 0,
    failed          INTEGER DEFAULT 0
);

CREATE TABLE IF NOT EXISTS errors (
    run_id   VARCHAR NOT NULL,
    path     VARCHAR NOT NULL,
    stage    VARCHAR NOT NULL,                 -- read | repair | extract | load
    kind     VARCHAR NOT NULL,                 -- error | skipped
    message  VARCHAR NOT NULL,
    logged_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id           VARCHAR PRIMARY KEY,      -- sha256 of the file's bytes
    stem             VARCHAR NOT NULL,
    path             VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,         -- pdf | text | markdown
    encoding         VARCHAR,
    producer         VARCHAR,
    pages            INTEGER NOT NULL,
    ocr_pages        INTEGER[],               -- pages with no usable text layer
    doc_type         VARCHAR NOT NULL,
    title            VARCHAR,
    meeting_date     DATE,
    start_time       VARCHAR,
    place            VARCHAR,
    remote           BOOLEAN,
    pipeline_version VARCHAR NOT NULL,
    loaded_at        TIMESTAMP NOT NULL,
    run_id           VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS lines (
    doc_id     VARCHAR NOT NULL,
    line_no    INTEGER NOT NULL,
    page       INTEGER NOT NULL,
    raw        VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS participants (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    name VARCHAR NOT NULL, honorific VARCHAR, organization VARCHAR, role VARCHAR,
    remote BOOLEAN, commitment_numbers INTEGER[],
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS absent_organizations (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS agenda_items (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS commitments (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    number INTEGER, title VARCHAR, completion_pct DOUBLE, platform_updated BOOLEAN, notes VARCHAR[],
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS activities (
    doc_id VARCHAR NOT NULL, commitment_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
    title VARCHAR NOT NULL, completion_pct DOUBLE,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS decisions (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS proposals (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS schedule (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, step VARCHAR NOT NULL, period VARCHAR,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS participant_stats (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    dimension VARCHAR NOT NULL, category VARCHAR NOT NULL, count INTEGER NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER, run_id VARCHAR NOT NULL
);
