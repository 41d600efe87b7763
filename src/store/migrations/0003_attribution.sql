-- Who said what: the quotes, claims and figures of each analysed article.
-- Each row keeps its whole record (`record`, as analysis made it, so an
-- analysis reads back exactly) and, beside it, the columns the faces filter
-- and join on. Written with the article's analysis, in its transaction.

CREATE TABLE quotes (
  article_id     text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- Position in the analysis's list: the order the article says them in.
  idx            integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('direct', 'partial', 'reported')),
  content        text NOT NULL,
  speaker        text,
  -- An entity key (possibly an alias: read through entities.alias_of); null for unnamed sources.
  speaker_entity text,
  channel_entity text,
  said_on        text,
  record         jsonb NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker_entity_idx ON quotes (speaker_entity);

CREATE TABLE claims (
  article_id     text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx            integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('claim', 'denial')),
  content        text NOT NULL,
  party          text,
  party_entity   text,
  claim_date     text,
  unverified     boolean NOT NULL,
  -- A control claim's action (captured, liberated, …) and place; null for other claims.
  control_action text,
  place_entity   text,
  record         jsonb NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_party_entity_idx ON claims (party_entity);
CREATE INDEX claims_place_entity_idx ON claims (place_entity);

CREATE TABLE figures (
  article_id     text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx            integer NOT NULL,
  value          double precision NOT NULL,
  unit           text NOT NULL,
  counted        text,
  figure_date    text,
  party_entity   text,
  hypothetical   boolean NOT NULL,
  record         jsonb NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX figures_unit_idx ON figures (unit);
