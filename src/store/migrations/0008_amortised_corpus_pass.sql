-- The stamp of story grouping's last step: a random token each step writes
-- with its rows, so a process that keeps rows of that state in memory between
-- articles knows they are still what is stored (nobody else wrote since).
ALTER TABLE story_meta ADD COLUMN stamp text;

-- Stories whose members changed since their reader-facing record (title,
-- summary, sources) was written: a run describes only these, not every story.
ALTER TABLE story_groups ADD COLUMN described boolean NOT NULL DEFAULT false;
CREATE INDEX story_groups_undescribed_idx ON story_groups (key) WHERE NOT described;

-- The whole-corpus refinement (entity aliases, corpus dates, threads) runs when
-- the corpus has grown by a share since the last one, not after every run:
-- how many analysed articles there were then, and when.
ALTER TABLE story_meta ADD COLUMN refined_articles integer;
ALTER TABLE story_meta ADD COLUMN refined_at timestamptz;
