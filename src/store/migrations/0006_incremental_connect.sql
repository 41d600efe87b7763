-- Incremental connect: what the corpus pass needs to connect one new article
-- by index look-ups instead of reloading the corpus. Each article's connect
-- runs in one transaction that writes its effects and its row in
-- connect_done together, so a kill leaves either all of it or none of it.

-- An article whose connections are in the tables below. `seq` orders
-- articles by when they were connected (the newest candidates are looked at
-- first); `stale` marks an article whose analysis changed after it was
-- connected (re-dated, aliases merged): its contributions are redone.
CREATE TABLE connect_done (
  article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  seq        bigserial NOT NULL,
  stale      boolean NOT NULL DEFAULT false
);
CREATE INDEX connect_done_stale_idx ON connect_done (stale) WHERE stale;

-- The items each article contributes to a connection (kind: quote, claim,
-- figure, event), with the plain input record the connect function reads and
-- the group (quote group, figure series, timeline event) it is in now.
CREATE TABLE connect_items (
  kind       text NOT NULL CHECK (kind IN ('quote', 'claim', 'figure', 'event')),
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx        integer NOT NULL,
  seq        bigint NOT NULL,
  group_id   text,
  input      jsonb NOT NULL,
  PRIMARY KEY (kind, article_id, idx)
);
CREATE INDEX connect_items_group_idx ON connect_items (kind, group_id);

-- The look-up keys of each item (a quotation's words, a claim's places and
-- predicates, a figure's unit and place, an event's date and words): the
-- candidates of a new item are the items sharing one of its keys.
CREATE TABLE connect_keys (
  kind       text NOT NULL,
  key        text NOT NULL,
  article_id text NOT NULL,
  idx        integer NOT NULL,
  seq        bigint NOT NULL,
  PRIMARY KEY (kind, key, article_id, idx),
  FOREIGN KEY (kind, article_id, idx) REFERENCES connect_items (kind, article_id, idx) ON DELETE CASCADE
);
CREATE INDEX connect_keys_recent_idx ON connect_keys (kind, key, seq DESC);
CREATE INDEX connect_keys_item_idx ON connect_keys (kind, article_id, idx);

-- Story grouping's state (connect/stories StoryState), split into rows so
-- one article reads only what it is compared with:
-- each placed article's features and story key,
CREATE TABLE story_articles (
  article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  story_key  text NOT NULL,
  features   jsonb NOT NULL
);
CREATE INDEX story_articles_story_idx ON story_articles (story_key);
-- each story's members,
CREATE TABLE story_groups (
  key      text PRIMARY KEY,
  id       text NOT NULL,
  articles text[] NOT NULL
);
-- each term's (and `@entity` key's) document frequency and the length of its
-- posting list, and the posting lists (feature → article) themselves,
CREATE TABLE story_terms (
  term    text PRIMARY KEY,
  df      integer NOT NULL,
  posting integer NOT NULL DEFAULT 0
);
CREATE TABLE story_postings (
  feature    text NOT NULL,
  article_id text NOT NULL,
  PRIMARY KEY (feature, article_id)
);
-- and the counters.
CREATE TABLE story_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  documents integer NOT NULL,
  next_key  integer NOT NULL,
  -- Set when stories changed since threads were last computed.
  threads_stale boolean NOT NULL DEFAULT false
);

-- Replaced by connect_done: connections are no longer computed in one pass over a count of analyses.
DROP TABLE connect_state;
