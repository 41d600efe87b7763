-- What the connect step finds across articles: the same quote in many
-- articles, claims against counter-claims, figures as series, the timeline.
-- Recomputed from the stored analyses by the corpus pass and replaced whole
-- in one transaction, so readers always see one consistent pass. Each row
-- keeps its record (jsonb) beside the columns that are filtered on.

CREATE TABLE quote_groups (
  id             text PRIMARY KEY,
  speaker_entity text,
  -- How many articles carry the quotation.
  articles       integer NOT NULL,
  record         jsonb NOT NULL
);
CREATE INDEX quote_groups_speaker_idx ON quote_groups (speaker_entity);

CREATE TABLE quote_appearances (
  group_id         text NOT NULL REFERENCES quote_groups (id) ON DELETE CASCADE,
  article_id       text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx              integer NOT NULL,
  credited_article text,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX quote_appearances_group_idx ON quote_appearances (group_id);

CREATE TABLE claim_links (
  a_article text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  a_idx     integer NOT NULL,
  b_article text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  b_idx     integer NOT NULL,
  relation  text NOT NULL CHECK (relation IN ('denies', 'retracts', 'contradicts', 'confirms')),
  shared    text[] NOT NULL,
  record    jsonb NOT NULL,
  PRIMARY KEY (a_article, a_idx, b_article, b_idx)
);
CREATE INDEX claim_links_b_idx ON claim_links (b_article, b_idx);

CREATE TABLE figure_series (
  id           text PRIMARY KEY,
  unit         text NOT NULL,
  place_entity text,
  points       integer NOT NULL,
  record       jsonb NOT NULL
);
CREATE INDEX figure_series_unit_idx ON figure_series (unit);

CREATE TABLE events (
  id         text PRIMARY KEY,
  -- TIMEX3 value of the event's date, and the first day it covers (for ranges and order).
  date       text NOT NULL,
  date_start date NOT NULL,
  precision  text NOT NULL,
  score      double precision NOT NULL,
  entities   text[] NOT NULL,
  articles   text[] NOT NULL,
  record     jsonb NOT NULL
);
CREATE INDEX events_date_idx ON events (date_start);
CREATE INDEX events_entities_idx ON events USING gin (entities);
CREATE INDEX events_articles_idx ON events USING gin (articles);

-- How many analysed articles the stored connections were computed from: a
-- pass interrupted by a crash or kill leaves this behind the analyses, and
-- the next run sees the connections are stale and recomputes them.
CREATE TABLE connect_state (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  articles    integer NOT NULL,
  computed_at timestamptz NOT NULL
);

-- Articles about the same event, and threads of stories about one ongoing subject.
CREATE TABLE stories (
  id         text PRIMARY KEY,
  date_start date,
  thread_id  text,
  articles   text[] NOT NULL,
  record     jsonb NOT NULL
);
CREATE INDEX stories_articles_idx ON stories USING gin (articles);

CREATE TABLE threads (
  id     text PRIMARY KEY,
  record jsonb NOT NULL
);
