-- Quotes, claims and figures of each analysed article (issue: who said what).
-- Kept whole on the analysis row, so an analysis reads back exactly as it
-- was made; listing tables with their own columns follow for the faces.
ALTER TABLE analyses ADD COLUMN quotes  jsonb NOT NULL DEFAULT '[]';
ALTER TABLE analyses ADD COLUMN claims  jsonb NOT NULL DEFAULT '[]';
ALTER TABLE analyses ADD COLUMN figures jsonb NOT NULL DEFAULT '[]';
