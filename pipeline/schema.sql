-- The mahdar warehouse schema: the one place tables are defined.
-- Every entity row carries its document (doc_id = SHA-256 of the file bytes),
-- its provenance (page, line_start, line_end: 1-based line numbers of the document's
-- raw text as read; char_start/char_end: the span in the repaired text of those lines;
-- raw_start/raw_end: the same span in the raw lines, through repair's offset map;
-- x0/top/x1/bottom: its box on the PDF page, in points from the top left),
-- an extraction confidence (0-1) and the ingest run that wrote it (run_id).

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,          -- running | complete | failed | interrupted
    pipeline_version VARCHAR NOT NULL,
    loaded          INTEGER DEFAULT 0,
    unchanged       INTEGER DEFAULT 0,
    skipped         INTEGER DEFAULT 0,
    needs_ocr       INTEGER DEFAULT 0,
    failed          INTEGER DEFAULT 0
);

CREATE TABLE IF NOT EXISTS errors (
    run_id   VARCHAR NOT NULL,
    path     VARCHAR NOT NULL,
    stage    VARCHAR NOT NULL,                 -- read | repair | extract | load
    kind     VARCHAR NOT NULL,                 -- error | skipped | needs_ocr
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
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS absent_organizations (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS agenda_items (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS commitments (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    number INTEGER, title VARCHAR, completion_pct DOUBLE, platform_updated BOOLEAN, notes VARCHAR[],
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS activities (
    doc_id VARCHAR NOT NULL, commitment_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
    title VARCHAR NOT NULL, completion_pct DOUBLE,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS decisions (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS proposals (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS schedule (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, step VARCHAR NOT NULL, period VARCHAR,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS participant_stats (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    dimension VARCHAR NOT NULL, category VARCHAR NOT NULL, count INTEGER NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    char_start INTEGER, char_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE, confidence DOUBLE,
    run_id VARCHAR NOT NULL
);

-- People and bodies resolved across documents: one id per person / organization,
-- every spelling kept with the document it comes from. Rebuilt after each ingest run.
CREATE TABLE IF NOT EXISTS people (
    person_id      INTEGER NOT NULL,
    canonical_name VARCHAR NOT NULL,
    spellings      INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS person_names (
    person_id INTEGER NOT NULL, name VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, participant_idx INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS organizations (
    org_id         INTEGER NOT NULL,
    canonical_name VARCHAR NOT NULL,
    spellings      INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS organization_names (
    org_id INTEGER NOT NULL, name VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL, source_idx INTEGER NOT NULL   -- participants | absent_organizations
);

-- Full-text search corpus: decisions, agenda items, proposals, commitment titles and notes,
-- with their Arabic-normalized text (see pipeline/search.py). Rebuilt after each ingest run.
CREATE TABLE IF NOT EXISTS search_items (
    item_id INTEGER NOT NULL, kind VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR NOT NULL, norm VARCHAR NOT NULL,
    page INTEGER, line_start INTEGER, line_end INTEGER
);

-- Views for the questions researchers ask. Every view keeps the row's provenance.
CREATE OR REPLACE VIEW v_commitment_progress AS
SELECT d.meeting_date, c.number AS commitment_number, c.title AS commitment_title, c.completion_pct,
       c.platform_updated, d.stem AS document, d.doc_type, c.page, c.line_start, c.line_end, c.doc_id
FROM commitments c JOIN documents d USING (doc_id);

CREATE OR REPLACE VIEW v_attendance AS
SELECT d.meeting_date, pn.person_id, pe.canonical_name AS person, p.name AS name_as_written,
       p.honorific, p.organization, o.org_id, p.role, p.remote, d.remote AS meeting_remote,
       d.stem AS document, d.doc_type, p.page, p.line_start, p.line_end, p.doc_id
FROM participants p
JOIN documents d USING (doc_id)
LEFT JOIN person_names pn ON pn.doc_id = p.doc_id AND pn.participant_idx = p.idx
LEFT JOIN people pe ON pe.person_id = pn.person_id
LEFT JOIN organization_names o ON o.doc_id = p.doc_id AND o.source = 'participants' AND o.source_idx = p.idx;

CREATE OR REPLACE VIEW v_decisions AS
SELECT d.meeting_date, x.idx, x.text AS decision, d.stem AS document, d.doc_type, x.page, x.line_start, x.line_end, x.doc_id
FROM decisions x JOIN documents d USING (doc_id);

CREATE OR REPLACE VIEW v_agenda AS
SELECT d.meeting_date, x.idx, x.text AS agenda_item, d.stem AS document, d.doc_type, x.page, x.line_start, x.line_end, x.doc_id
FROM agenda_items x JOIN documents d USING (doc_id);

CREATE OR REPLACE VIEW v_participant_stats AS
SELECT d.meeting_date, d.title AS event, s.dimension, s.category, s.count, d.stem AS document,
       s.page, s.line_start, s.line_end, s.doc_id
FROM participant_stats s JOIN documents d USING (doc_id);

CREATE OR REPLACE VIEW v_absences AS
SELECT d.meeting_date, a.name AS organization, o.org_id, d.stem AS document, a.page, a.line_start, a.line_end, a.doc_id
FROM absent_organizations a JOIN documents d USING (doc_id)
LEFT JOIN organization_names o ON o.doc_id = a.doc_id AND o.source = 'absent_organizations' AND o.source_idx = a.idx;
