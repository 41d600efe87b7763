-- The stamp of story grouping's last step: a random token each step writes
-- with its rows, so a process that keeps rows of that state in memory between
-- articles knows they are still what is stored (nobody else wrote since).
ALTER TABLE story_meta ADD COLUMN stamp text;
