-- Follows (what a user watches for) and the alerts ingest raised for them.
CREATE TABLE follows (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('entity', 'place', 'keyword', 'story')),
  value       text NOT NULL,   -- as the user typed it
  target      text NOT NULL,   -- canonical entity key, lower-cased keyword, or story id
  label       text NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (kind, target)
);

CREATE TABLE alerts (
  id               bigserial PRIMARY KEY,
  follow_id        bigint NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('story', 'claim', 'control', 'figure')),
  subject          text NOT NULL,  -- what matched, stable: the same match found again is the same alert
  article_id       text,
  title            text NOT NULL,
  summary          text NOT NULL,
  record           jsonb NOT NULL,
  created_at       timestamptz NOT NULL,
  -- Webhook delivery: pending while delivered_at and given_up_at are null.
  delivered_at     timestamptz,
  given_up_at      timestamptz,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_error       text,
  UNIQUE (follow_id, kind, subject)
);
CREATE INDEX alerts_created ON alerts (created_at DESC, id DESC);
CREATE INDEX alerts_pending ON alerts (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;
