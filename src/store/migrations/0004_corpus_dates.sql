-- Corpus-level dating (connect/corpus-dates): the pass rewrites an undated
-- article's inferred date and its time values from other articles' evidence.
-- It must always start from the article's own evidence, never from an earlier
-- pass's output (or a later run could compound its own guesses): that own
-- dating is kept here, copied from the article the first time the pass
-- changes it. An article the pass never touched has no row.
CREATE TABLE article_own_dates (
  article_id      text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  published       text,
  provenance      text NOT NULL,
  evidence        text,
  -- {earliest, latest} (either may be null), as in articles.meta.publishedRange
  published_range jsonb,
  times           jsonb NOT NULL,
  sentence_times  jsonb NOT NULL
);
