/**
 * Follows (what a user watches for) and the alerts raised for them: record
 * types shared by connect/alerts (which matches), the store and the faces.
 */

export type FollowKind = 'entity' | 'place' | 'keyword' | 'story';

export interface Follow {
  id: number;
  kind: FollowKind;
  /** What the user typed ("Mirnograd", "Pokrovsk", "counteroffensive", a story id). */
  value: string;
  /** Entity key (canonical), lower-cased keyword, or story id. */
  target: string;
  /** A display name: the entity's name, the keyword, the story's title. */
  label: string;
}

export type AlertKind = 'story' | 'claim' | 'control' | 'figure';

export interface NewAlert {
  followId: number;
  kind: AlertKind;
  /** Stable identity of what matched, unique per follow and kind. */
  subject: string;
  articleId: string | null;
  title: string;
  summary: string;
  /** The matched record, for a reader or a webhook to act on. */
  record: unknown;
}

/** Story ids are `story-` + the id of the story's earliest article (connect/stories storyIdOf). */
export const STORY_ID_PREFIX = 'story-';
