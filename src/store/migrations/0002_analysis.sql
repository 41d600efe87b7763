-- What the analysis found in each article, and the corpus-wide entity registry.

-- One row per analysed article: the parts of the Analysis that are not rows of their own.
CREATE TABLE analyses (
  article_id       text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  -- Bumped when the analysis changes, so stale analyses can be found and redone.
  analyzer_version integer NOT NULL,
  sentences        jsonb NOT NULL,
  times            jsonb NOT NULL,
  sentence_times   jsonb NOT NULL,
  analyzed_at      timestamptz NOT NULL
);

-- One row per real-world referent. `key` is content-derived (type + canonical
-- name, or the gazetteer id for places), so every process agrees on it.
CREATE TABLE entities (
  key          text PRIMARY KEY,
  type         text NOT NULL CHECK (type IN ('person', 'place', 'organization', 'unit', 'outlet')),
  name         text NOT NULL,
  variants     text[] NOT NULL DEFAULT '{}',
  lat          double precision,
  lon          double precision,
  country      text,
  region       text,
  place_kind   text,
  gazetteer_id text,
  -- Set when a corpus-level pass finds this entity is another's variant (a typo, a spelling): read through it.
  alias_of     text REFERENCES entities (key)
);
CREATE INDEX entities_type_idx ON entities (type);

CREATE TABLE entity_mentions (
  article_id   text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  text         text NOT NULL,
  entity_key   text NOT NULL REFERENCES entities (key),
  via          text,
  PRIMARY KEY (article_id, start_offset)
);
CREATE INDEX entity_mentions_entity_idx ON entity_mentions (entity_key);

-- Normalised spellings → entity, for search ("Zelensky" finds Zelenskyy's articles).
CREATE TABLE entity_variants (
  variant    text NOT NULL,
  entity_key text NOT NULL REFERENCES entities (key),
  PRIMARY KEY (variant, entity_key)
);
