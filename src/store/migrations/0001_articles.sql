-- Articles, their sources, their near-duplicate band keys, and ingest runs.
-- Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE articles (
  -- Content-derived (first 16 hex digits of content_hash): re-ingest yields the same id.
  id                   text PRIMARY KEY,
  content_hash         text NOT NULL UNIQUE,
  source               text NOT NULL,
  format               text NOT NULL,
  url                  text,
  title                text NOT NULL,
  body                 text NOT NULL,
  outlet               text,
  author               text,
  language             text,
  -- As known: a full ISO timestamp or a YYYY-MM-DD date; NULL when unknown.
  published            text,
  -- `published` as a point in time, for ordering and ranges.
  published_at         timestamptz,
  published_provenance text NOT NULL CHECK (published_provenance IN ('metadata', 'stated', 'inferred', 'unknown')),
  published_evidence   text,
  meta                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  removed              jsonb NOT NULL DEFAULT '[]'::jsonb,
  duplicate_of         text REFERENCES articles (id),
  similarity           real,
  ingested_at          timestamptz NOT NULL,
  -- Written by the store on insert: the article's language configuration
  -- (stemmed) and 'simple' (exact words, names) side by side.
  search               tsvector NOT NULL
);

CREATE INDEX articles_search_idx ON articles USING gin (search);
CREATE INDEX articles_published_idx ON articles (published_at);
CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every place an article was seen: an exact duplicate adds a row here, not an article.
CREATE TABLE article_sources (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     text NOT NULL,
  seen_at    timestamptz NOT NULL,
  PRIMARY KEY (article_id, source)
);

-- MinHash LSH band keys: articles sharing a key are near-duplicate candidates.
CREATE TABLE article_bands (
  band_key   text NOT NULL,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
);
CREATE INDEX article_bands_article_idx ON article_bands (article_id);

CREATE TABLE ingest_runs (
  id              serial PRIMARY KEY,
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz NOT NULL,
  inputs          jsonb NOT NULL,
  stored          integer NOT NULL,
  duplicates      integer NOT NULL,
  near_duplicates integer NOT NULL,
  failed          integer NOT NULL
);

CREATE TABLE ingest_failures (
  run_id  integer NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
  source  text NOT NULL,
  code    text NOT NULL,
  message text NOT NULL
);
